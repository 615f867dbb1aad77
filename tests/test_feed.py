"""The Atom feed: valid XML, one entry per statement, stable ids, dates from the data only."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

from sitefixtures import corpus
from timeline.render.pages import render_site

ATOM = "{http://www.w3.org/2005/Atom}"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def feed(config):
    articles, events = corpus()
    return render_site(articles, events, config, TEMPLATES)["feed.xml"]


def test_feed_parses_with_one_entry_per_statement(mini_config):
    root = ElementTree.fromstring(feed(mini_config).encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    _, events = corpus()
    assert len(entries) == sum(1 for e in events if e.kind == "claim")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    for entry in entries:
        assert entry.findtext(f"{ATOM}title") and entry.findtext(f"{ATOM}updated")
        assert entry.find(f"{ATOM}link").get("href").startswith("events/")


def test_updated_is_the_latest_statement_date_not_the_clock(mini_config):
    root = ElementTree.fromstring(feed(mini_config).encode("utf-8"))
    assert root.findtext(f"{ATOM}updated") == "2026-01-28T00:00:00Z"
    assert feed(mini_config) == feed(mini_config)


def test_hostile_text_stays_text(mini_config):
    text = feed(mini_config)
    assert "<script>" not in text
    root = ElementTree.fromstring(text.encode("utf-8"))
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert any("<a meeting>" in t for t in titles)


def test_absolute_links_and_ids_follow_base_url(mini_config):
    config = replace(mini_config, site=replace(mini_config.site, base_url="https://example.org/t"))
    root = ElementTree.fromstring(feed(config).encode("utf-8"))
    hrefs = [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]
    assert all(h.startswith("https://example.org/t/events/") for h in hrefs)
    plain = ElementTree.fromstring(feed(mini_config).encode("utf-8"))
    assert plain.findtext(f"{ATOM}id") != root.findtext(f"{ATOM}id")
