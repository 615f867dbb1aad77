"""Held-out check: eighteen articles the engine was not developed on (tests/heldout/), built with the
project's timeline.yaml and scored with the project's scorer (timeline.score, the same definitions
as shared/eval/score.py).

The floors are the figures the build reached when the check was written, so that a change which
makes the engine generalise worse fails here even when the seeds and the development corpus still
pass. Raise a floor when the engine improves; never lower one to make a change pass. The targets of
a held-out evaluation are written beside each floor.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.build import build, template_dir
from timeline.config import load_config
from timeline.score import Instance, Report, load_gold, score

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout"

# (floor reached when written, target of the held-out evaluation)
FLOORS = {
    "dating": (17 / 18, 0.90),  # articles dated inside the reference window
    "claims": (25 / 34, 0.85),  # required statements found
    "claim_date": (17 / 25, 0.80),  # found statements whose date is right
    "merge_f1": (0.20, 0.85),
}
MAX_WRONG = 0  # articles dated confidently wrong (target: at most one)
MAX_DIFFERENT_DAY_MERGES = 1  # events merging statements of different days (target: none)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Report:
    out = tmp_path_factory.mktemp("heldout")
    config = load_config(ROOT / "timeline.yaml")
    build(HELDOUT / "articles", config, out, template_dir(ROOT / "timeline.yaml"))
    export = json.loads((out / "data" / "timeline.json").read_text(encoding="utf-8"))
    return score(load_gold(HELDOUT / "gold.yaml"), export)


def different_day_merges(instances: list[Instance]) -> list[int]:
    """Events that took reference statements said on different (exactly known) days."""
    days: dict[int, set[str]] = {}
    for _, claim, index in instances:
        if index is not None and claim.get("said_on") and claim.get("said_on_confidence", "exact") == "exact":
            days.setdefault(index, set()).add(str(claim["said_on"]))
    return sorted(index for index, found in days.items() if len(found) > 1)


def test_gold_names_every_article():
    gold = load_gold(HELDOUT / "gold.yaml")
    files = {p.name for p in (HELDOUT / "articles").glob("*.txt")}
    assert {entry["file"] for entry in gold} == files
    assert 14 <= len(files) <= 18


def test_gold_uses_configured_ids():
    config = load_config(ROOT / "timeline.yaml")
    actors = {a.id for a in config.actors}
    places = {p.id for p in config.places}
    for entry in load_gold(HELDOUT / "gold.yaml"):
        for claim in entry.get("claims") or []:
            assert {claim["speaker"], *claim.get("alt_speakers", [])} <= actors, claim["id"]
            assert claim.get("venue") is None or claim["venue"] in places, claim["id"]


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_figure_holds_its_floor(report, figure):
    floor, _target = FLOORS[figure]
    value = report.figures()[figure]
    assert value >= floor - 1e-9, f"{figure} fell to {value:.3f} (floor {floor:.3f}): {report.summary()}"


def test_confidently_wrong_dates(report):
    assert report.dating.wrong <= MAX_WRONG, "\n".join(report.lines())


def test_statements_of_different_days_stay_apart(report):
    merged = different_day_merges(report.instances)
    assert len(merged) <= MAX_DIFFERENT_DAY_MERGES, [report.event_ids[i] for i in merged]
