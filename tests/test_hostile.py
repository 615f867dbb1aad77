"""Hostile content: nothing from an article runs in a reader's browser or lands outside the site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "fixtures" / "bad"
SCHEMA_COPIES = (
    ROOT / "src" / "timeline" / "data" / "timeline.schema.json",
    ROOT / "schema" / "timeline.schema.json",
    ROOT.parent / "shared" / "schema" / "timeline.schema.json",
)
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "data",
    "cite",
    "background",
    "srcset",
}
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PAYLOAD = re.compile(r"alert\(|msgbox", re.IGNORECASE)

EXTRA = {
    "outlet-slashes.txt": '---\noutlet: "a/b/../../../../escape"\ntitle: "x\\" onmouseover=\\"alert(9)"\n---\nPeskov said on 3 March 2023 that a meeting was impossible.\n',
    "dots-outlet.txt": "---\noutlet: ..\n---\nPeskov said on 4 March 2023 that a meeting was impossible.\n",
    "quote-break.txt": 'Headline </title><script>alert(10)</script>\n\n"Stop," Peskov said on 5 March 2023 </p><script>alert(11)</script> about a meeting with Zelensky.\n',
    "markdown-link.md": '# Title [a](javascript:alert(12))\n\n<iframe src="javascript:alert(13)"></iframe> Zelensky said on 6 March 2023 he would meet Putin. ![i](data:image/svg+xml,<svg onload=alert(14)>)\n',
    "name with 'quotes' and \"double\".txt": "Quoted name\n\nZelensky said on 6 June 2022 he would meet Putin.\n",
    "long-line.txt": "Peskov said on 7 March 2023 that a meeting was impossible. " + "blah " * 20000 + "\n",
}


class Collector(HTMLParser):
    """Every URL attribute, inline handler and script body of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str]] = []
        self.handlers: list[str] = []
        self.scripts: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value is not None:
                self.urls.append((tag, name, value))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not (ROOT / "timeline.yaml").is_file():
        pytest.skip("needs the project's timeline.yaml")
    where = tmp_path_factory.mktemp("hostile")
    articles = where / "articles"
    shutil.copytree(BAD, articles)
    for name, text in EXTRA.items():
        (articles / name).write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "timeline.yaml", where / "timeline.yaml")
    command = [
        sys.executable,
        "-m",
        "timeline",
        "build",
        "--articles",
        "articles",
        "--out",
        "out",
        "--no-cache",
        "--quiet",
    ]
    result = subprocess.run(command, cwd=where, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return where, where / "out"


def pages(out: Path, *suffixes: str) -> list[Path]:
    return [p for p in sorted(out.rglob("*")) if p.is_file() and p.suffix in suffixes]


def test_only_http_and_https_links(site):
    _, out = site
    bad = []
    for page in pages(out, ".html", ".svg", ".xml"):
        collector = Collector()
        collector.feed(page.read_text(encoding="utf-8"))
        for tag, name, value in collector.urls:
            cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
            scheme = SCHEME.match(cleaned)
            if scheme and scheme.group(1) not in ("http", "https"):
                bad.append(f"{page.relative_to(out)}: <{tag} {name}={value!r}>")
    assert bad == []


def test_no_markup_from_articles_reaches_a_page(site):
    _, out = site
    for page in pages(out, ".html", ".svg"):
        collector = Collector()
        collector.feed(page.read_text(encoding="utf-8"))
        where = page.relative_to(out)
        assert collector.handlers == [], where
        assert not [s for s in collector.scripts if PAYLOAD.search(s) and "\\u003c" not in s and "<" in s], (
            where
        )
        for tag, attributes in collector.tags:
            assert tag not in ("iframe", "object", "embed", "base", "frame"), (where, tag)
            if tag == "script":
                assert (
                    attributes.get("src", "").endswith(".js")
                    or attributes.get("type") == "application/ld+json"
                ), (where, attributes)
            if tag == "img":
                assert attributes.get("src") != "x", where


def test_json_in_pages_cannot_close_its_script(site):
    _, out = site
    for page in pages(out, ".html"):
        for body in re.findall(r"<script[^>]*>(.*?)</script>", page.read_text(encoding="utf-8"), re.S | re.I):
            assert "<script" not in body.lower() and "<!--" not in body, page.relative_to(out)


def test_no_invisible_or_control_characters_in_the_output(site):
    _, out = site
    for page in pages(out, ".html", ".xml", ".json", ".svg", ".txt"):
        text = page.read_text(encoding="utf-8")
        assert not BIDI.search(text), page.relative_to(out)
        assert not CONTROL.search(text), page.relative_to(out)


def test_xml_files_are_well_formed(site):
    _, out = site
    for page in pages(out, ".xml", ".svg"):
        ET.parse(page)


def test_every_file_is_inside_the_site_with_a_safe_name(site):
    where, out = site
    for path in out.rglob("*"):
        assert not path.is_symlink()
        assert path.resolve().is_relative_to(out.resolve())
        for part in path.relative_to(out).parts:
            assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9._-]*", part), path.relative_to(out)
    assert sorted(p.name for p in where.iterdir()) == ["articles", "out", "timeline.yaml"]
    assert not list(where.parent.glob("escape*")) and not (where / "escape").exists()


def test_the_export_validates_and_keeps_the_hostile_words_as_data(site):
    jsonschema = pytest.importorskip("jsonschema")
    _, out = site
    export = json.loads((out / "data" / "timeline.json").read_text(encoding="utf-8"))
    schema = json.loads(next(p for p in SCHEMA_COPIES if p.is_file()).read_text(encoding="utf-8"))
    jsonschema.validate(export, schema)
    by_file = {a["file"]: a for a in export["articles"]}
    assert by_file["script-title.txt"]["title"] == "</script><script>alert(1)</script>"
    assert by_file["script-title.txt"]["url"] is None
    assert by_file["url-lines.md"]["url"] in (None, "https://example.com/a")
    for article in export["articles"]:
        url = article["url"]
        assert url is None or (
            url.lower().startswith(("http://", "https://")) and not re.search(r"[\s\"'<>]", url)
        )
    for event in export["events"]:
        for source in event["sources"]:
            assert source["link"] is None or source["link"].lower().startswith(("http://", "https://"))
    ids = [a["id"] for a in export["articles"]]
    assert len(ids) == len(set(ids))
