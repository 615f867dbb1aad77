"""The built site in a real browser: every page of the seed site and of the development corpus site.

Each test gathers every problem on every page before it fails, so one run shows all of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import (
    IN_CI,
    Site,
    broken_links,
    html_problems,
    kind_of,
    listing,
    new_context,
    orphans,
    per_page,
    samples,
    visit,
)

SCREENS = Path("/tmp/screens")
# The kinds of page the site must have (issue 6): a name for the report, and the kind_of() key.
REQUIRED_KINDS = {
    "index": "index",
    "event": "events",
    "article": "articles",
    "actor": "actors",
    "venue": "venues",
    "outlet": "outlets",
    "stance": "stances",
    "review": "review",
    "method": "method",
    "404": "404",
    "chart": "chart",
}
AXE_ALL = {"resultTypes": ["violations"]}
AXE_CONTRAST = {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": ["color-contrast"]}}
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0) {
      const parent = el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1;
      if (!parent) wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''} (right edge ${Math.round(box.right)} px)`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 8)};
}"""


def test_the_site_has_every_kind_of_page(site: Site):
    kinds = {kind_of(p) for p in site.pages}
    missing = sorted(name for name, kind in REQUIRED_KINDS.items() if kind not in kinds)
    assert not missing, f"no page of kind {missing}; the kinds built: {sorted(kinds)}"
    assert (site.root / "data" / "timeline.json").is_file()


def test_every_page_was_opened(site: Site):
    assert site.pages and sorted(site.reports) == site.pages


def test_no_console_error(site: Site):
    problems = per_page(site, "console")
    assert not problems, listing(problems)


def test_no_failed_request(site: Site):
    problems = per_page(site, "failed")
    assert not problems, listing(problems)


def test_no_request_to_another_host(site: Site):
    problems = per_page(site, "external")
    assert not problems, listing(problems)


def test_no_broken_internal_link(site: Site):
    """Every href/src that names our site resolves to a file of the build, and its #fragment to an id there."""
    problems = broken_links(site)
    assert not problems, listing(problems)


def test_every_page_is_linked_from_another(site: Site):
    """No orphan: a reader can reach every page by following links."""
    found = orphans(site)
    assert not found, f"{len(found)} page(s) no other page links to: {found[:20]}"


def test_every_page_is_valid_html(site: Site):
    """The Nu HTML checker finds no error; every page has one h1 and no duplicate id."""
    problems = html_problems(site)
    assert not problems, f"{site.validation.checker}: " + listing(problems)


def test_no_accessibility_violation(site: Site, browser):
    """axe-core (WCAG 2 A/AA and best-practice rules) on the fullest page of every kind; contrast also dark."""
    from axe_playwright_python.sync_playwright import Axe

    script = Axe().axe_script
    problems: dict[str, list[str]] = {}
    context = new_context(browser, site)
    page = context.new_page()
    try:
        for kind, paths in sorted(samples(site).items()):
            path = paths[-1]
            page.goto(site.url(path), wait_until="load")
            page.evaluate(script)
            for scheme, options in (("light", AXE_ALL), ("dark", AXE_CONTRAST)):
                page.emulate_media(color_scheme=scheme)
                for violation in page.evaluate("options => axe.run(document, options)", options)[
                    "violations"
                ]:
                    nodes = [" ".join(map(str, n["target"])) for n in violation["nodes"]]
                    problems.setdefault(f"{path} [{kind}]", []).append(
                        f"{scheme}: {violation['id']} ({violation['impact']}): {violation['help']}: {len(nodes)} node(s), e.g. {nodes[:3]}"
                    )
    finally:
        context.close()
    assert not problems, listing(problems)


def test_no_horizontal_scroll_at_360_px(site: Site, browser):
    problems: dict[str, list[str]] = {}
    context = new_context(
        browser,
        site,
        viewport={"width": 360, "height": 740},
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    try:
        for _kind, paths in sorted(samples(site).items()):
            for path in paths:
                page.goto(site.url(path), wait_until="load")
                found = page.evaluate(OVERFLOW)
                if found["scroll"] > found["width"]:
                    problems[path] = [
                        f"scroll width {found['scroll']} px > {found['width']} px; too wide: {found['wide']}"
                    ]
    finally:
        context.close()
    assert not problems, listing(problems)


def event_links(page) -> list[tuple[str, bool]]:
    """(href, visible) of every link to an event page on the open page."""
    return page.eval_on_selector_all(
        "a[href*='events/']",
        "els => els.map(a => [new URL(a.getAttribute('href'), document.baseURI).pathname, !!(a.offsetWidth || a.offsetHeight || a.getClientRects().length)])",
    )


def test_index_lists_events_without_javascript(site: Site, browser):
    """Scripts only enhance: with JavaScript off the index shows every event it has."""
    linked = {}
    for enabled in (False, True):
        context = new_context(browser, site, java_script_enabled=enabled)
        page = context.new_page()
        report = visit(page, context, site, "index.html")
        linked[enabled] = event_links(page)
        context.close()
        assert not (report.console or report.failed or report.external), (
            report.console,
            report.failed,
            report.external,
        )
    without = {href for href, visible in linked[False] if visible}
    assert without, "with JavaScript off the index shows no link to an event page"
    hidden = sorted({href for href, visible in linked[False] if not visible} - without)
    assert not hidden, f"links to events hidden without JavaScript: {hidden[:10]}"
    events = {"/" + p for p in site.pages if kind_of(p) == "events"}
    assert events <= without | {href for href, _ in linked[False]}, (
        f"events not on the index: {sorted(events - without)[:10]}"
    )
    assert without == {href for href, visible in linked[True] if visible}, (
        "the script changes which events the index shows"
    )


def test_pages_work_from_files(site: Site, browser):
    """`open build/index.html` works: opened from file:// the index and an event page load everything."""
    context = browser.new_context(service_workers="block")
    failed: list[str] = []

    def refuse(route):
        failed.append(f"request to another host: {route.request.url}")
        route.abort()

    context.route(lambda url: not url.startswith(("file:", "data:")), refuse)
    page = context.new_page()
    page.on("requestfailed", lambda request: failed.append(f"{request.failure} {request.url}"))
    page.on("pageerror", lambda error: failed.append(f"uncaught: {error}"))
    events = [p for p in site.pages if kind_of(p) == "events"]
    try:
        for path in ["index.html", *events[:1]]:
            page.goto((site.root / path).as_uri(), wait_until="load")
    finally:
        context.close()
    assert not failed, failed


def test_screenshots(site: Site, browser):
    """The index at 1280 and 390 px, and the event page with the most reports, for a person to look at."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    events = [p for p in site.pages if kind_of(p) == "events"]
    shots = [("index-1280", "index.html", 1280, 900), ("index-390", "index.html", 390, 844)]
    if events:
        richest = max(events, key=lambda p: (site.root / p).stat().st_size)
        shots += [("event-1280", richest, 1280, 900), ("event-390", richest, 390, 844)]
    for name, path, width, height in shots:
        context = new_context(
            browser, site, viewport={"width": width, "height": height}, device_scale_factor=1
        )
        page = context.new_page()
        page.goto(site.url(path), wait_until="load")
        target = SCREENS / f"{site.name}-{name}.png"
        page.screenshot(path=str(target), full_page=name.startswith("event"))
        context.close()
        assert target.stat().st_size > 1000
    assert events or not IN_CI, "no event page to photograph"


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("index.html", "index"),
        ("events/x.html", "events"),
        ("articles/index.html", "articles/index"),
        ("actors/putin-history.html", "actors/history"),
        ("review.html", "review"),
    ],
)
def test_kind_of(path, kind):
    assert kind_of(path) == kind
