"""The site's pages: structure, links, escaping of hostile input, dates as certain as they are, keys."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitefixtures import corpus
from timeline.model import DateEstimate
from timeline.render.pages import plan_pages, render_pages, render_site
from timeline.render.text import (
    human_date,
    machine_date,
    markdown_html,
    merge_ranges,
    paragraph_html,
    safe_url,
    text_fragment,
)

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


class Page(HTMLParser):
    """What the tests look at in a page: tags, attributes, ids, links, headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.headings: list[int] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)

    def hrefs(self) -> list[str]:
        return [a["href"] for t, a in self.tags if t in ("a", "link") and a.get("href")]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def site(mini_config):
    articles, events = corpus()
    return render_site(articles, events, mini_config, TEMPLATES)


@pytest.fixture(scope="module")
def html_pages(site):
    return {path: parse(text) for path, text in site.items() if path.endswith(".html")}


def test_expected_pages_exist(site):
    for path in (
        "index.html", "chart.html", "review.html", "method.html", "404.html", "feed.xml",
        "events/putin-2021-04-22-aaaaaa.html", "articles/a1.html", "articles/a2.html", "articles/index.html",
        "actors/index.html", "actors/putin.html", "venues/index.html", "venues/moscow.html", "venues/_none.html",
        "stances/index.html", "stances/reject.html", "outlets/index.html",
    ):  # fmt: skip
        assert path in site, path
    assert "sitemap.xml" not in site  # no base_url: a sitemap needs absolute addresses
    assert "events/context-full-scale-invasion.html" not in site


def test_one_h1_and_headings_in_order(html_pages):
    for path, page in html_pages.items():
        assert page.headings.count(1) == 1, path
        assert page.headings[0] == 1, path
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{path}: h{before} then h{after}"


def test_no_duplicate_ids(html_pages):
    for path, page in html_pages.items():
        assert len(page.ids) == len(set(page.ids)), path


def test_every_internal_link_resolves(site, html_pages):
    # data/timeline.json and the changes page and feed are written by build.py beside the rendered pages.
    written = set(site) | {
        "data/timeline.json",
        "static/style.css",
        "static/filter.js",
        "changes.html",
        "changes.xml",
    }
    for path, page in html_pages.items():
        if path == "404.html":
            continue  # its links are relative to the site root wherever it is served
        for href in page.hrefs():
            if re.match(r"^[a-z]+:", href):
                assert href.startswith(("http://", "https://")), f"{path}: {href}"
                continue
            target, _, fragment = href.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
            assert resolved in written, f"{path}: {href} -> {resolved}"
            if fragment and resolved in html_pages:
                assert fragment in html_pages[resolved].ids, f"{path}: {href} (no such id)"


def test_pages_are_relative_and_local(html_pages):
    for path, page in html_pages.items():
        for tag, attrs in page.tags:
            for name in ("src", "href"):
                value = attrs.get(name) or ""
                if tag in ("script", "link", "img") and value:
                    assert not re.match(r"^(https?:)?//", value), f"{path}: {tag} {name}={value}"
            if tag == "a" and (attrs.get("href") or "").startswith("/"):
                pytest.fail(f"{path}: root-absolute link {attrs['href']}")


def test_hostile_text_is_escaped(site, html_pages):
    for path, text in site.items():
        assert "<script>alert" not in text, path
        assert "<b>Bold" not in text and "<i>Evil" not in text, path
        assert "javascript:" not in text.lower() or path.endswith(".html"), path
    for path, page in html_pages.items():
        for tag, attrs in page.tags:
            assert not any(name.startswith("on") for name in attrs), f"{path}: {tag} {attrs}"
            for name in ("href", "src", "action"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (
                    f"{path}: {tag} {name}={value}"
                )
            if tag == "script":
                assert attrs.get("src") or attrs.get("type") == "application/ld+json", path
    article = site["articles/a2.html"]
    assert (
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in article
        or "&lt;script&gt;alert('x')&lt;/script&gt;" in article
    )
    assert 'href="https://example.org/page?a=1&amp;b=2"' in article
    assert "(not a web address that can be linked)" in article


def test_article_statements_marked_and_linked(html_pages, site):
    text = site["articles/a1.html"]
    assert re.search(
        r'<mark id="s1">Putin said he was ready to meet Zelensky in Moscow .any time.\.</mark>', text
    )
    assert 'href="../events/putin-2021-04-22-aaaaaa.html"' in text
    assert 'href="#s1"' in text


@pytest.mark.parametrize(
    ("estimate", "text", "machine"),
    [
        (DateEstimate.day(dt.date(2021, 4, 22)), "22 April 2021", "2021-04-22"),
        (
            DateEstimate(dt.date(2026, 1, 28), "week", dt.date(2026, 1, 24), dt.date(2026, 1, 31)),
            "late January 2026",
            "2026-01",
        ),
        (
            DateEstimate(dt.date(2026, 1, 5), "week", dt.date(2026, 1, 1), dt.date(2026, 1, 7)),
            "early January 2026",
            "2026-01",
        ),
        (
            DateEstimate(dt.date(2022, 4, 15), "month", dt.date(2022, 4, 1), dt.date(2022, 4, 30)),
            "April 2022",
            "2022-04",
        ),
        (DateEstimate(dt.date(2022, 4, 15), "month", None, None), "April 2022 (approx.)", "2022-04"),
        (
            DateEstimate(dt.date(2022, 5, 1), "month", dt.date(2022, 4, 25), dt.date(2022, 5, 31)),
            "between 25 April and 31 May 2022",
            "2022",
        ),
        (
            DateEstimate(dt.date(2022, 1, 1), "month", dt.date(2021, 12, 20), dt.date(2022, 1, 10)),
            "between 20 December 2021 and 10 January 2022",
            "",
        ),
        (
            DateEstimate(dt.date(2022, 6, 1), "year", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
            "2022",
            "2022",
        ),
        (
            DateEstimate(dt.date(2022, 6, 1), "year", dt.date(2021, 6, 1), dt.date(2022, 12, 31)),
            "2022 (approx.)",
            "2022",
        ),
        (DateEstimate.unknown(), "date unknown", ""),
    ],
)
def test_dates_written_as_certain_as_they_are(estimate, text, machine):
    assert human_date(estimate) == text
    assert machine_date(estimate) == machine


def test_dates_on_the_chronology(site):
    index = site["index.html"]
    assert '<time datetime="2021-04-22">22 April 2021</time>' in index
    assert '<time datetime="2022-04">April 2022</time>' in index
    assert '<time datetime="2026-01">late January 2026</time>' in index
    assert 'datetime=""' not in "".join(site.values())


def test_index_groups_by_year_and_month_with_context(html_pages, site):
    index = html_pages["index.html"]
    assert {"y2021", "y2022", "y2026", "undated"} <= set(index.ids)
    assert "event-context" in site["index.html"]
    assert "The reports disagree" in site["index.html"]
    assert "How this date is known" in site["index.html"]


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.com/a", True),
        ("http://example.com", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" data:text/html,x", False),
        ("//example.com/a", False),
        ("/local", False),
        ("https://exa mple.com", False),
        ('https://example.com/"onmouseover=', False),
        (None, False),
    ],
)
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok


def test_text_fragment_links_only_http():
    link = text_fragment("https://example.com/a#old", "one two three four five six seven eight nine ten")
    assert link == "https://example.com/a#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten"
    assert text_fragment("javascript:x", "a b") is None


@pytest.mark.parametrize(
    ("text", "must", "must_not"),
    [
        ("plain words", "<p>plain words</p>", "<script"),
        ("<script>alert(1)</script>", "&lt;script&gt;", "<script"),
        ("[x](javascript:alert(1))", "<p>x</p>", "javascript"),
        ('<img src=x onerror="alert(1)">', "&lt;img", "<img"),
        ("**bold** and [link](https://example.com)", '<a href="https://example.com"', "onerror"),
        ("# Heading", "Heading", "<h1"),
    ],
)
def test_markdown_is_sanitised(text, must, must_not):
    html = str(markdown_html(text))
    assert must in html
    assert must_not not in html


def test_marks_that_cross_markdown_fall_back_to_plain_text():
    text = "Before **bold start of claim** end of claim after."
    start = text.index("start")
    end = text.index(" after")
    html = str(paragraph_html(text, merge_ranges([(start, end, 1)]), {1: ("e.html", "E")}))
    assert html.count("<mark") == 1 and html.count("</mark>") == 1
    assert "<p>" in html


def test_merge_ranges_overlapping():
    assert merge_ranges([(0, 5, 1), (3, 8, 2), (10, 12, 3)]) == [(0, 8, (1, 2)), (10, 12, (3,))]


def test_keys_stable_and_sensitive(mini_config, tmp_path):
    articles, events = corpus()
    first = {j.path: j.key for j in plan_pages(articles, events, mini_config, TEMPLATES)}
    again = {j.path: j.key for j in plan_pages(articles, events, mini_config, TEMPLATES)}
    assert first == again
    changed = [replace(articles[0], title="A new title")] + articles[1:]
    after = {j.path: j.key for j in plan_pages(changed, events, mini_config, TEMPLATES)}
    assert after["articles/a1.html"] != first["articles/a1.html"]
    assert after["articles/a3.html"] == first["articles/a3.html"]
    copy = tmp_path / "templates"
    shutil.copytree(TEMPLATES, copy)
    (copy / "method.html").write_text((copy / "method.html").read_text() + "\n", encoding="utf-8")
    edited = {j.path: j.key for j in plan_pages(articles, events, mini_config, copy)}
    assert edited["articles/a3.html"] != first["articles/a3.html"]


def test_render_pages_equals_render_site(mini_config):
    articles, events = corpus()
    jobs = plan_pages(articles, events, mini_config, TEMPLATES)
    assert len({j.path for j in jobs}) == len(jobs)
    assert render_pages(jobs, TEMPLATES) == render_site(articles, events, mini_config, TEMPLATES)


def test_sitemap_with_base_url(mini_config):
    from xml.etree import ElementTree

    articles, events = corpus()
    config = replace(mini_config, site=replace(mini_config.site, base_url="https://example.org/timeline"))
    site = render_site(articles, events, config, TEMPLATES)
    root = ElementTree.fromstring(site["sitemap.xml"].encode())
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/timeline/index.html" in locs
    assert all(loc.startswith("https://example.org/timeline/") for loc in locs)
    assert "https://example.org/timeline/404.html" not in locs


def test_fragments_kept_between_builds_give_the_same_pages(mini_config, tmp_path):
    """Pieces stored by one build and reused by the next render the very same bytes; a changed
    view renders its piece afresh; another salt (templates, configuration) starts empty."""
    from timeline.render.pages import Fragments

    articles, events = corpus()
    jobs = plan_pages(articles, events, mini_config, TEMPLATES)
    plain = render_pages(jobs, TEMPLATES)
    first = Fragments(tmp_path, "salt")
    assert render_pages(jobs, TEMPLATES, first) == plain and first.rendered > 0
    first.save()
    second = Fragments(tmp_path, "salt")
    assert render_pages(jobs, TEMPLATES, second) == plain and second.rendered == 0
    changed = [replace(articles[0], title="A new title")] + articles[1:]
    jobs2 = plan_pages(changed, events, mini_config, TEMPLATES)
    third = Fragments(tmp_path, "salt")
    assert render_pages(jobs2, TEMPLATES, third) == render_pages(jobs2, TEMPLATES)
    assert third.rendered > 0
    assert Fragments(tmp_path, "other salt")._old == {}


def test_damaged_fragments_are_ignored(mini_config, tmp_path):
    from timeline.render.pages import Fragments

    articles, events = corpus()
    jobs = plan_pages(articles, events, mini_config, TEMPLATES)
    store = Fragments(tmp_path, "salt")
    assert store.path is not None
    store.path.write_bytes(b"\x00not marshal")
    assert render_pages(jobs, TEMPLATES, Fragments(tmp_path, "salt")) == render_pages(jobs, TEMPLATES)


def test_lazy_context_is_computed_only_for_rendered_pages(mini_config):
    articles, events = corpus()
    jobs = plan_pages(articles, events, mini_config, TEMPLATES)
    lazy = [j for j in jobs if j.lazy is not None]
    assert {j.template for j in lazy} >= {"event.html", "chart.html", "feed.xml"}
    assert all("chronology" not in j.context for j in lazy if j.template == "event.html")
    assert all("chronology" in j.full_context() for j in lazy if j.template == "event.html")


def test_a_cited_article_changes_the_event_page_key(mini_config):
    """The event page shows the reports' outlets and publication dates: their article's digest is in its key."""
    articles, events = corpus()
    first = {j.path: j.key for j in plan_pages(articles, events, mini_config, TEMPLATES)}
    changed = [replace(articles[0], outlet="Another Outlet")] + articles[1:]
    after = {j.path: j.key for j in plan_pages(changed, events, mini_config, TEMPLATES)}
    cited = [e for e in events if any(s.article == articles[0].id for s in e.sources)]
    assert cited
    for event in cited:
        assert after[f"events/{event.id}.html"] != first[f"events/{event.id}.html"]


def test_pages_rendered_by_worker_processes_are_the_same(mini_config, tmp_path, monkeypatch):
    """A cold build renders in forked workers: the same pages in the same order, and the pieces
    they rendered are stored for the next build as if rendered here."""
    import multiprocessing

    from timeline.render import pages as pages_module
    from timeline.render.pages import Fragments, iter_pages

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this system")
    monkeypatch.setattr(pages_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pages_module, "CHUNK", 3)
    articles, events = corpus()
    jobs = plan_pages(articles, events, mini_config, TEMPLATES)
    serial_store, parallel_store = Fragments(tmp_path / "a", "s"), Fragments(tmp_path / "b", "s")
    serial = list(iter_pages(jobs, TEMPLATES, serial_store))
    parallel = list(iter_pages(jobs, TEMPLATES, parallel_store, processes=2))
    assert parallel == serial
    assert parallel_store._new == serial_store._new
    parallel_store.save()
    again = Fragments(tmp_path / "b", "s")
    assert list(iter_pages(jobs, TEMPLATES, again, processes=2)) == serial and again.rendered == 0
    again_used = Fragments(tmp_path / "b", "s")
    list(iter_pages(jobs, TEMPLATES, again_used))
    assert again_used.rendered == 0


def test_export_text_is_the_export_byte_for_byte_with_or_without_its_memo(mini_config, tmp_path):
    """export_text() gives dumps(export()) and compact(export()), whether each event's piece is
    made afresh, kept in this build's memo, or read back from the cache folder."""
    from timeline.changes import compact
    from timeline.render.export import dumps, export, export_text
    from timeline.render.memo import Memo

    articles, events = corpus()
    whole = export(articles, events, mini_config)
    assert export_text(articles, events, mini_config) == (dumps(whole), compact(whole))
    first = Memo(tmp_path, "export", "salt")
    assert export_text(articles, events, mini_config, first) == (dumps(whole), compact(whole))
    assert first.made > 0
    first.save()
    second = Memo(tmp_path, "export", "salt")
    assert (
        export_text(articles, events, mini_config, second) == (dumps(whole), compact(whole))
        and second.made == 0
    )
    moved = [replace(events[0], headline="Moved")] + events[1:]
    third = Memo(tmp_path, "export", "salt")
    assert export_text(articles, moved, mini_config, third)[0] == dumps(export(articles, moved, mini_config))
    assert third.made == 1


def test_event_views_kept_between_builds_give_the_same_plan_and_pages(mini_config, tmp_path):
    """Views read back from the cache folder give the same page keys and the same pages; a
    changed article (what its reports show) makes the views that cite it again."""
    from timeline.render.memo import Memo

    articles, events = corpus()
    plain = plan_pages(articles, events, mini_config, TEMPLATES)
    first = Memo(tmp_path, "views", "salt", pickled=True)
    assert [(j.path, j.key) for j in plan_pages(articles, events, mini_config, TEMPLATES, first)] == [
        (j.path, j.key) for j in plain
    ]
    first.save()
    second = Memo(tmp_path, "views", "salt", pickled=True)
    kept = plan_pages(articles, events, mini_config, TEMPLATES, second)
    assert second.made == 0
    assert [(j.path, j.key) for j in kept] == [(j.path, j.key) for j in plain]
    assert render_pages(kept, TEMPLATES) == render_pages(plain, TEMPLATES)
    cited = events[0].sources[0].article
    changed = [replace(a, title="A new title", outlet=None) if a.id == cited else a for a in articles]
    third = Memo(tmp_path, "views", "salt", pickled=True)
    again = plan_pages(changed, events, mini_config, TEMPLATES, third)
    assert third.made > 0
    assert [(j.path, j.key) for j in again] == [
        (j.path, j.key) for j in plan_pages(changed, events, mini_config, TEMPLATES)
    ]


@pytest.mark.parametrize(
    ("made", "used", "unused", "stored", "save"),
    [
        (1, 10, 0, 0, True),
        (0, 10, 0, 0, False),
        (3, 10_000, 0, 10_000, False),
        (200, 10_000, 0, 10_000, True),
        (0, 10_000, 3_000, 13_000, True),
        (0, 10_000, 100, 10_100, False),
    ],
)
def test_a_store_is_rewritten_only_when_worth_it(made, used, unused, stored, save):
    from timeline.render.memo import worth_saving

    assert worth_saving(made, used, unused, stored) is save


# ---------------------------------------------------------------------------------------------
# The repeated pieces made in Python (render/fast.py) against the macros they stand for


def _sites(project_config, mini_config):
    """(configuration, articles, events) of the seed site, the dev corpus site and the crafted corpus."""
    from timeline.build import analyse

    root = Path(__file__).resolve().parents[1]
    out = [(mini_config, *corpus())]
    for folder in (root / "articles", root.parent / "shared" / "corpus" / "articles"):
        if folder.is_dir():
            out.append((project_config, *analyse(folder, project_config)))
    return out


@pytest.fixture(scope="module")
def real_sites(project_config, mini_config):
    return _sites(project_config, mini_config)


def test_the_python_pieces_are_the_macros_byte_for_byte(real_sites):
    """Every chronology entry, list line and evidence list of the seed and corpus sites, at both
    page depths: render/fast.py gives exactly what _macros.html gives."""
    from timeline.render import fast
    from timeline.render.pages import Fragments, _fragment_globals, environment

    env = environment(TEMPLATES)
    _fragment_globals(env, Fragments())
    macros = env.get_template("_macros.html").module
    compared = 0
    for config, articles, events in real_sites:
        jobs = plan_pages(articles, events, config, TEMPLATES)
        index = jobs[0].context
        views = [v for _, months in index["years"] for _, _, vs in months for v in vs] + index["undated"]
        summaries = next(j for j in jobs if j.path == "articles/index.html").context["summaries"]
        evidence = [j.full_context()["view"].published_evidence for j in jobs if j.template == "article.html"]
        for root in ("", "../"):
            for view in views:
                assert fast.event_entry(view, root, 4) == str(macros.event_entry(view, root, 4))
                assert fast.event_entry(view, root, 3) == str(macros.event_entry(view, root, 3))
                assert fast.event_line(view, root) == str(macros.event_line(view, root))
                assert fast.how_known(view, root) == str(macros.how_known(view, root))
                compared += 4
            for summary in summaries:
                assert fast.article_line(summary, root) == str(macros.article_line(summary, root))
            for items in evidence:
                assert fast.evidence_list(items, root) == str(macros.evidence_list(items, root))
            for some in (views[:3], []):
                lines = [fast.event_line(v, root) for v in some]
                assert fast.lines(lines, '<ol class="event-list">', "</ol>") == str(
                    macros.event_list(some, root)
                )
    assert compared > 100


def test_pages_are_the_same_with_or_without_the_python_pieces(real_sites, monkeypatch):
    """Whole sites rendered through the macros (as for a template folder with its own
    _macros.html) and through render/fast.py are the same, page for page."""
    from timeline.render import pages

    for config, articles, events in real_sites:
        jobs = plan_pages(articles, events, config, TEMPLATES)
        quick = render_pages(jobs, TEMPLATES)
        with monkeypatch.context() as patch:
            patch.setattr(pages, "uses_fast_macros", lambda env: False)
            slow = render_pages(jobs, TEMPLATES)
        assert quick.keys() == slow.keys()
        assert [p for p in quick if quick[p] != slow[p]] == []


def test_the_python_pieces_stand_for_this_macros_file():
    """render/fast.py copies _macros.html: edit both together, then put the new hash in fast.py."""
    import hashlib

    from timeline.render import fast

    assert hashlib.sha256((TEMPLATES / "_macros.html").read_bytes()).hexdigest() == fast.MACROS_SHA256


def test_another_macros_file_is_rendered_through_its_macros(tmp_path, mini_config):
    folder = tmp_path / "templates"
    shutil.copytree(TEMPLATES, folder)
    macros = folder / "_macros.html"
    macros.write_text(
        macros.read_text(encoding="utf-8").replace("How this date is known", "Why this date"),
        encoding="utf-8",
    )
    articles, events = corpus()
    site = render_pages(plan_pages(articles, events, mini_config, folder), folder)
    assert (
        "<summary>Why this date" in site["index.html"]
        and "<summary>How this date is known" not in site["index.html"]
    )


# ---------------------------------------------------------------------------------------------
# The chronology split by year for big sites


@pytest.fixture
def split_site(mini_config, monkeypatch):
    from timeline.render import pages

    monkeypatch.setattr(pages, "YEAR_PAGES_FROM", 1)
    monkeypatch.setattr(pages, "LATEST_ENTRIES", 2)
    articles, events = corpus()
    return render_site(articles, events, mini_config, TEMPLATES)


def test_a_big_chronology_is_split_into_year_pages_all_linked(split_site, site):
    pages = {path: parse(text) for path, text in split_site.items() if path.endswith(".html")}
    years = sorted(p for p in split_site if p.startswith("years/"))
    assert years and not any(p.startswith("years/") for p in site)
    index = pages["index.html"]
    assert set(years) <= set(index.hrefs())
    assert split_site["index.html"].count('<article class="event') == 2
    # Every entry of the whole chronology is on exactly one year page, so one link from the index.
    whole = re.findall(r'<article class="event[^>]* id="([^"]+)"', site["index.html"])
    on_years = [
        i for p in years for i in re.findall(r'<article class="event[^>]* id="([^"]+)"', split_site[p])
    ]
    assert sorted(on_years) == sorted(whole)
    written = set(split_site) | {
        "data/timeline.json",
        "static/style.css",
        "static/filter.js",
        "changes.html",
        "changes.xml",
    }
    for path in ["index.html", *years]:
        page = pages[path]
        assert page.headings.count(1) == 1 and len(page.ids) == len(set(page.ids)), path
        for href in page.hrefs():
            target = href.partition("#")[0]
            if target and not re.match(r"^[a-z]+:", href):
                assert posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) in written, (
                    path,
                    href,
                )
        assert (f'href="../{path}" aria-current="page"' in split_site[path]) == (path != "index.html")


@pytest.mark.parametrize(
    "pieces",
    [[], [""], ["a"], ["x" * 70_000], ["ab"] * 40_000 + ["c"], ["é" * 30_000, "z" * 40_000, "", "q"]],
)
def test_list_pages_in_batches_are_the_same_text(pieces):
    from timeline.render.pages import BATCH, _batches

    out = _batches(iter(pieces))
    assert "".join(out) == "".join(pieces) and out
    assert all(len(batch) >= BATCH for batch in out[:-1])


@pytest.mark.parametrize(
    "text",
    [
        "By [TASS](#)",
        "By [Reuters](https://example.com/r)",
        "**bold** and *em* and `code`",
        "<script>alert(1)</script> & [x](javascript:alert(1))",
        "- a\n- b",
        "x" * 299 + "*",
        "y" * 301 + "*",  # longer than what is kept: converted each time
    ],
)
def test_markdown_kept_between_paragraphs_gives_the_same_html(text, monkeypatch):
    """A short paragraph converted once is given again from what was kept, byte for byte the
    same as converting it afresh, however often and after the store was emptied."""
    from timeline.render import text as text_module

    fresh = text_module._markdown_html(text)
    monkeypatch.setattr(text_module, "_SEEN", {})
    assert [str(markdown_html(text)) for _ in range(3)] == [fresh] * 3
    monkeypatch.setattr(text_module, "_SEEN_MAX", 1)
    monkeypatch.setattr(text_module, "_SEEN", {"another": "<p>another</p>"})
    assert str(markdown_html(text)) == fresh
    assert len(text_module._SEEN) <= 1


# ---------------------------------------------------------------------------------------------
# flat(): the plain form page keys are made of, decided once per type


@dataclass(frozen=True, slots=True)
class _Slotted:
    a: int
    b: tuple


@dataclass(frozen=True)
class _Plain:
    a: int
    b: list


class _Keyed(dict):
    def key_parts(self) -> str:
        return "keyed"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, 3),
        ("x", "x"),
        (None, None),
        (dt.date(2022, 3, 1), dt.date(2022, 3, 1)),
        ([1, (2, "a")], (1, (2, "a"))),
        ({"b": [1], "a": 2}, (("a", 2), ("b", (1,)))),
        (_Slotted(1, (_Plain(2, [3]),)), ("_Slotted", 1, (("_Plain", 2, (3,)),))),
        (_Keyed(a=1), "keyed"),
        ({2, 1}, ("1", "2")),
        (frozenset({"b"}), ("'b'",)),
        (1.5, 1.5),
    ],
)
def test_flat_takes_each_kind_of_value_apart(value, expected):
    from timeline.render.pages import flat

    assert flat(value) == expected
    assert flat(value) == expected  # the second time through the per-type table


def test_flat_of_a_subclass_of_a_plain_container_is_its_repr():
    from collections import OrderedDict, namedtuple

    from timeline.render.pages import flat

    pair = namedtuple("pair", "x y")
    assert flat(pair(1, 2)) == repr(pair(1, 2))
    assert flat(OrderedDict(a=1)) == repr(OrderedDict(a=1))


def test_year_page_keys_leave_out_the_site_counts_only_with_the_packaged_index(
    mini_config, monkeypatch, tmp_path
):
    """A year's page shows the site's counts nowhere (index.html does): one more article leaves
    its key as it was; with another index.html, which might show them, it changes."""
    import hashlib

    from timeline.render import pages

    assert hashlib.sha256((TEMPLATES / "index.html").read_bytes()).hexdigest() == pages.INDEX_SHA256
    monkeypatch.setattr(pages, "YEAR_PAGES_FROM", 1)
    articles, events = corpus()
    more = [*articles, replace(articles[0], id="extra-article", file="extra.txt", sha256="0" * 64)]
    other = tmp_path / "templates"
    shutil.copytree(TEMPLATES, other)
    (other / "index.html").write_text((TEMPLATES / "index.html").read_text() + "\n", encoding="utf-8")
    for folder, same in ((TEMPLATES, True), (other, False)):
        before = {j.path: j.key for j in plan_pages(articles, events, mini_config, folder)}
        after = {j.path: j.key for j in plan_pages(more, events, mini_config, folder)}
        years = [p for p in before if p.startswith("years/")]
        assert years and before["index.html"] != after["index.html"]
        assert all((before[p] == after[p]) is same for p in years)
