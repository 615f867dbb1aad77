"""What changed since the last build: each kind of change between two exports, none between equal ones."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET

import pytest

from timeline.changes import ChangeLog, atom, compact, compare, read_previous, summary, update

ATOM = "{http://www.w3.org/2005/Atom}"


def date(value, precision="day"):
    return {"value": value, "precision": precision, "earliest": value, "latest": value, "evidence": []}


def art(ident, published="2022-04-05", warnings=()):
    return {
        "id": ident,
        "file": f"{ident}.txt",
        "title": f"T {ident}",
        "outlet": f"O {ident}",
        "url": None,
        "language": "en",
        "published": date(published),
        "warnings": list(warnings),
    }


def src(article, sentence="Peskov said a meeting is possible."):
    return {"article": article, "sentence": sentence, "start": 0, "end": 10, "link": None}


def event(ident, sources, when="2022-04-05", conflicts=()):
    return {
        "id": ident,
        "kind": "claim",
        "date": date(when),
        "speaker": "peskov",
        "stance": "condition",
        "venue": None,
        "counterpart": None,
        "headline": f"Peskov {ident}",
        "sources": sources,
        "conflicts": list(conflicts),
    }


BASE = {
    "schema_version": 1,
    "topic": "t",
    "articles": [art("a1"), art("a2")],
    "events": [event("e1", [src("a1")]), event("e2", [src("a2", "Zelensky said no.")])],
}


def changed(mutate):
    new = copy.deepcopy(BASE)
    mutate(new)
    return compare(BASE, new)


def test_identical_exports_have_no_changes():
    assert compare(BASE, copy.deepcopy(BASE)) == ()
    log, own = update(BASE, None, copy.deepcopy(BASE))
    assert own == () and log.changes == ()
    assert summary(own) == "changes since the last build: no changes"


def add_article_with_new_event(new):
    new["articles"].append(art("a3"))
    new["events"].append(event("e3", [src("a3", "Lavrov said talks are over.")], "2022-04-07"))


def add_source_that_renames_the_event(new):
    new["articles"].append(art("a3"))
    new["events"][0] = event("e1-renamed", [src("a3"), src("a1")])


@pytest.mark.parametrize(
    ("mutate", "kinds"),
    [
        (add_article_with_new_event, ["new-event", "new-article"]),
        (
            add_source_that_renames_the_event,
            ["new-source", "new-article"],
        ),  # matched by its reports, not its id
        (lambda n: n["events"][0].update(date=date("2022-04-06")), ["redated-event"]),
        (lambda n: n["events"][0].update(date=date("2022-04", "month")), ["redated-event"]),
        (lambda n: n["articles"][0].update(published=date("2022-04-04")), ["redated-article"]),
        (
            lambda n: n["events"][0].update(conflicts=["reports name different venues: kyiv, moscow"]),
            ["new-conflict"],
        ),
        (lambda n: n["articles"][1].update(warnings=["undated: no dateline"]), ["needs-review"]),
        (lambda n: n["events"].pop(1), ["removed-event"]),
    ],
)
def test_each_kind_of_change(mutate, kinds):
    assert [c.kind for c in changed(mutate)] == kinds
    # The compact form the build keeps of the previous export finds exactly the same changes.
    new = copy.deepcopy(BASE)
    mutate(new)
    assert compare(compact(BASE), compact(new)) == changed(mutate)
    assert update(compact(BASE), None, new)[1] == update(BASE, None, copy.deepcopy(new))[1] == changed(mutate)


def test_old_warnings_are_not_news():
    old = copy.deepcopy(BASE)
    old["articles"][0]["warnings"] = ["unknown outlet"]
    new = copy.deepcopy(old)
    new["articles"][0]["warnings"] = ["unknown outlet", "undated"]
    assert compare(old, new) == ()


def test_summary_line_counts_kinds():
    new = copy.deepcopy(BASE)
    add_article_with_new_event(new)
    new["events"][0]["date"] = date("2022-04-06")
    own = compare(BASE, new)
    assert summary(own) == "changes since the last build: 1 new event, 1 re-dated event, 1 new article"
    assert summary(None, 4) == "changes since the last build: none to compare with (first build, 4 events)"


def test_ids_come_from_the_change_itself():
    one, two = changed(add_article_with_new_event), changed(add_article_with_new_event)
    assert [c.id for c in one] == [c.id for c in two]
    assert len({c.id for c in one}) == len(one)


def test_a_rebuild_without_changes_keeps_showing_the_latest_ones():
    new = copy.deepcopy(BASE)
    add_article_with_new_event(new)
    log1, own1 = update(BASE, None, new)
    assert own1 and log1.data_date == "2022-04-05"
    log2, own2 = update(new, log1, copy.deepcopy(new))
    assert own2 == () and log2 == log1  # the same list, so the same bytes as after the build that found it
    assert ChangeLog.from_json(json.loads(json.dumps(log2.to_json()))) == log2


def test_first_build():
    log, own = update(None, None, BASE)
    assert own is None and log.first_build and log.changes == ()


def test_atom_feed_is_deterministic_and_well_formed():
    new = copy.deepcopy(BASE)
    add_article_with_new_event(new)
    log, _ = update(BASE, None, new)
    text = atom(log, 'Story & "more"', "https://example.org/site")
    assert text == atom(log, 'Story & "more"', "https://example.org/site")
    feed = ET.fromstring(text)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(log.changes)
    assert all(e.find(f"{ATOM}updated").text == "2022-04-05T00:00:00Z" for e in entries)
    assert entries[0].find(f"{ATOM}link").get("href") == "https://example.org/site/events/e3.html"


def test_read_previous(tmp_path):
    assert read_previous(tmp_path) == (None, None)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "timeline.json").write_text("{not json")
    assert read_previous(tmp_path) == (None, None)
    (tmp_path / "data" / "timeline.json").write_text(json.dumps(BASE))
    assert read_previous(tmp_path)[0] == BASE
    assert read_previous(tmp_path, small=True)[0] == compact(BASE)


# ---------------------------------------------------------------------------------------------
# Through real builds: a crafted story folder, rebuilt as a user would.

A1 = """Putin ready to meet Zelensky

April 22, 2021

Vladimir Putin said on Thursday that he was ready to meet Volodymyr Zelensky in Moscow at any time.
"""
A2 = """Kremlin repeats Moscow offer

April 23, 2021

Putin said on April 22 that he was ready to meet Zelensky in Moscow at any time.

Separately, Zelensky said he would only meet Putin in Kyiv for talks.
"""


def test_builds_list_exactly_what_a_new_article_brings(tmp_path, mini_config):
    from timeline.build import build, template_dir

    articles, out = tmp_path / "articles", tmp_path / "site"
    articles.mkdir()
    (articles / "a1.txt").write_text(A1)
    templates = template_dir(tmp_path / "timeline.yaml")

    first = build(articles, mini_config, out, templates)
    assert "first build" in first.changes
    snapshot = {
        name: (out / name).read_bytes() for name in ("changes.html", "changes.xml", "data/changes.json")
    }
    again = build(articles, mini_config, out, templates)
    assert again.changes == "changes since the last build: no changes"
    assert {name: (out / name).read_bytes() for name in snapshot} == snapshot

    (articles / "a2.txt").write_text(A2)
    third = build(articles, mini_config, out, templates)
    log = json.loads((out / "data" / "changes.json").read_text())
    kinds = [c["kind"] for c in log["changes"]]
    assert "new-article" in kinds and third.changes.startswith("changes since the last build: ")
    export = json.loads((out / "data" / "timeline.json").read_text())
    with_a2 = {e["id"] for e in export["events"] if any(s["article"] == "a2" for s in e["sources"])}
    for change in log["changes"]:  # every change is one the new article brought
        assert change["article"] == "a2" or change["event"] in with_a2, change
    assert ET.fromstring((out / "changes.xml").read_text()).findall(f"{ATOM}entry")
    assert "a2" in (out / "changes.html").read_text()


def test_the_previous_export_is_taken_from_the_cache_only_while_it_is_the_same_file(tmp_path):
    """keep_compact() stores the compact form beside the cache; read_previous() uses it while the
    output's export is the very file it was made from, and reads the file again once it changed."""
    from timeline.changes import keep_compact

    out, cache = tmp_path / "out", tmp_path / "cache"
    (out / "data").mkdir(parents=True)
    cache.mkdir()
    (out / "data" / "timeline.json").write_text(json.dumps(BASE), encoding="utf-8")
    keep_compact(cache, out, {"articles": [], "events": [], "compact": True})
    assert read_previous(out, small=True, cache_dir=cache)[0] == {
        "articles": [],
        "events": [],
        "compact": True,
    }
    other = copy.deepcopy(BASE)
    other["events"] = other["events"][:1]
    (out / "data" / "timeline.json").write_text(json.dumps(other), encoding="utf-8")
    assert read_previous(out, small=True, cache_dir=cache)[0] == compact(other)
    assert read_previous(out, small=True, cache_dir=tmp_path / "nowhere")[0] == compact(other)
