"""The checks themselves: on a small crafted site with known faults each one fails, on a clean one none does."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import (
    Site,
    Validation,
    broken_links,
    html_problems,
    kind_of,
    new_context,
    orphans,
    samples,
    strict_parse,
    visit,
)

from timeline.serve import server_url, start_server

HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body><main>'
FOOT = "</main></body></html>"
GOOD = {
    "index.html": HEAD.format(title="Home")
    + '<h1>Home</h1><p><a href="events/a.html#top">A</a> <a href="https://example.org/x#:~:text=quoted">original</a></p>'
    + FOOT,
    "events/a.html": HEAD.format(title="A")
    + '<h1 id="top">A</h1><p><a href="../index.html">home</a></p>'
    + FOOT,
}
BAD = {
    "index.html": HEAD.format(title="Home")
    + '<h1>Home</h1><h1>Again</h1><p id="x">one</p><p id="x">two</p>'
    + '<a href="missing.html">gone</a> <a href="events/a.html#nowhere">bad fragment</a> <a href="/events/a.html">rooted</a>'
    + '<img src="http://example.invalid/tracker.png" alt="">'
    + "<script>console.error('boom')</script>"
    + FOOT,
    "events/a.html": HEAD.format(title="A") + "<h1>A</h1><p><a href='../index.html'>home</a><div></p>" + FOOT,
    "events/orphan.html": HEAD.format(title="O") + "<h1>O</h1>" + FOOT,
}


def crafted(folder: Path, files: dict[str, str], validate: bool = True):
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    server = start_server(folder)
    site = Site(folder.name, folder, server_url(server))
    if validate:
        site.validation = Validation([folder / p for p in site.pages])
    return site, server


@pytest.fixture
def opened(request, tmp_path, browser):
    site, server = crafted(tmp_path / request.param, GOOD if request.param == "good" else BAD)
    context = new_context(browser, site)
    page = context.new_page()
    try:
        for path in site.pages:
            site.reports[path] = visit(page, context, site, path)
    finally:
        context.close()
    yield site
    site.validation.close()
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("opened", ["good"], indirect=True)
def test_a_clean_site_passes_every_check(opened):
    site = opened
    assert all(not (r.console or r.failed or r.external) for r in site.reports.values()), site.reports
    assert broken_links(site) == {}
    assert orphans(site) == []
    assert html_problems(site) == {}


@pytest.mark.parametrize("opened", ["bad"], indirect=True)
def test_each_fault_is_found(opened):
    site = opened
    index = site.reports["index.html"]
    assert any("boom" in c for c in index.console)
    assert index.external == ["http://example.invalid/tracker.png"]
    links = "\n".join(broken_links(site)["index.html"])
    assert "missing.html is not in the build" in links
    assert "no id 'nowhere'" in links
    assert "root-relative" in links
    assert orphans(site) == ["events/orphan.html"]
    problems = html_problems(site)
    assert "2 h1 elements (one expected)" in problems["index.html"]
    assert "duplicate ids: ['x']" in problems["index.html"]
    assert problems["events/a.html"], "the validator missed a stray </p>"


def test_strict_parse_fallback(tmp_path):
    good, bad = tmp_path / "good.html", tmp_path / "bad.html"
    good.write_text(GOOD["index.html"], encoding="utf-8")
    bad.write_text(BAD["events/a.html"], encoding="utf-8")
    assert strict_parse([good]) == []
    assert len(strict_parse([bad])) == 1


def test_samples_pick_first_and_largest(tmp_path):
    site, server = crafted(
        tmp_path,
        {
            "index.html": "x",
            "events/a.html": "short",
            "events/b.html": "a longer page",
            "events/c.html": "mid",
        },
        validate=False,
    )
    try:
        assert samples(site) == {"index": ["index.html"], "events": ["events/a.html", "events/b.html"]}
        assert [kind_of(p) for p in site.pages] == ["events", "events", "events", "index"]
    finally:
        server.shutdown()
        server.server_close()
