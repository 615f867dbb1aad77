"""The browser suite's fixtures: build each site once, serve it on 127.0.0.1, open every page once.

In CI (CI set) a missing browser is a failure, never a skip; elsewhere it skips.
"""

from __future__ import annotations

import pytest
from sitecheck import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CORPUS,
    IN_CI,
    ROOT,
    Site,
    Validation,
    config_file,
    new_context,
    site_names,
    visit,
)

from timeline.cli import main as timeline
from timeline.serve import server_url, start_server


@pytest.fixture(scope="session")
def playwright_api():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - the test extra installs it
        if IN_CI:
            pytest.fail(f"playwright is not installed: {error}")
        pytest.skip("playwright is not installed")
    with sync_playwright() as api:
        yield api


@pytest.fixture(scope="session")
def browser(playwright_api):
    """One headless Chromium for the whole session."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing (run `make test` to install it)")
    browser = playwright_api.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session", params=site_names())
def built(request, tmp_path_factory):
    """One site built from its articles and served on 127.0.0.1; no browser needed."""
    name = request.param
    articles = ROOT / "articles" if name == "seeds" else CORPUS
    out = tmp_path_factory.mktemp(f"site-{name}") / "site"
    status = timeline(
        ["build", "--articles", str(articles), "--config", str(config_file()), "--out", str(out)]
    )
    assert status == 0, f"the {name} site did not build (exit {status})"
    server = start_server(out)
    site = Site(name, out, server_url(server))
    site.validation = Validation([out / p for p in site.pages])
    yield site
    site.validation.close()
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site(built, browser):
    """The site with every HTML page opened once in Chromium."""
    context = new_context(browser, built)
    page = context.new_page()
    try:
        for path in built.pages:
            built.reports[path] = visit(page, context, built, path)
    finally:
        context.close()
    return built
