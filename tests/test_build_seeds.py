"""End to end: the five seed articles build into a valid export and a chronology that merges reports.

The issue that founded the project asks for these checks on the user's own seed articles; they
read the built output only, the code never sees the file names.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from timeline.build import build, template_dir
from timeline.config import load_config

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = [
    ROOT / "src" / "timeline" / "data" / "timeline.schema.json",
    ROOT.parent / "shared" / "schema" / "timeline.schema.json",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "site"
    config = load_config(ROOT / "timeline.yaml")
    build(ROOT / "articles", config, out, template_dir(ROOT / "timeline.yaml"))
    return out


@pytest.fixture(scope="module")
def export(site) -> dict:
    return json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("schema", [s for s in SCHEMAS if s.exists()], ids=lambda s: s.parent.parent.name)
def test_export_validates_against_the_schema(export, schema):
    jsonschema.validate(export, json.loads(schema.read_text(encoding="utf-8")))


def test_every_article_is_in_the_export_with_its_warnings(export):
    stems = sorted(p.stem for p in (ROOT / "articles").glob("*.txt"))
    assert sorted(a["id"] for a in export["articles"]) == stems
    assert all(isinstance(a["warnings"], list) for a in export["articles"])


def test_the_invitation_to_kyiv_is_one_event_with_both_reports(export):
    invitations = [
        e
        for e in export["events"]
        if e["kind"] == "claim"
        and e["speaker"] == "zelensky"
        and e["stance"] == "invite"
        and e["venue"] == "kyiv"
    ]
    assert len(invitations) == 1, [e["id"] for e in invitations]
    reporting = {s["article"] for s in invitations[0]["sources"]}
    assert len(reporting) >= 2


def test_the_index_shows_events_from_every_seed_article(site, export):
    index = (site / "index.html").read_text(encoding="utf-8")
    cited = {s["article"] for e in export["events"] if e["kind"] == "claim" for s in e["sources"]}
    assert cited == {a["id"] for a in export["articles"]}
    for event in export["events"]:
        if event["kind"] == "claim":
            assert f"events/{event['id']}.html" in index
    assert "<time datetime=" in index
