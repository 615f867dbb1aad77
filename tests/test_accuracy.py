"""End to end: build the seeds and the development corpus with the project's timeline.yaml and
hold the scorer's figures (shared/eval/score.py) to the bar of issue 5."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from timeline.build import build, template_dir
from timeline.config import load_config

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(
    not SCORER.is_file(), reason="../shared (the scorer and the gold files) is absent"
)


def _scorer():
    spec = importlib.util.spec_from_file_location("timeline_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _figures(articles: Path, gold: Path, out: Path):
    config = load_config(ROOT / "timeline.yaml")
    build(articles, config, out, template_dir(ROOT / "timeline.yaml"))
    score = _scorer()
    export = json.loads((out / "data" / "timeline.json").read_text(encoding="utf-8"))
    events = export["events"]
    instances = score.match_claims(yaml.safe_load(gold.read_text(encoding="utf-8")), events)
    return score.score_claims(instances, events), score.score_merging(instances), instances, events


def _different_days_merged(instances, events) -> list[str]:
    """Pairs of reference statements said on different days that share one event."""
    by_event: dict[int, set] = {}
    for _, claim, index in instances:
        if index is not None and claim.get("said_on") and claim.get("said_on_confidence", "exact") == "exact":
            by_event.setdefault(index, set()).add((str(claim["said_on"]), claim["id"]))
    return [events[i]["id"] for i, days in by_event.items() if len({d for d, _ in days}) > 1]


def test_seeds(tmp_path):
    claims, merging, instances, events = _figures(
        ROOT / "articles", SHARED / "gold" / "seeds.yaml", tmp_path / "seeds"
    )
    assert claims["found"] >= 11, claims
    assert merging["f1"] >= 0.9, merging


@pytest.mark.skipif(
    not (SHARED / "corpus" / "gold.yaml").is_file(), reason="the development corpus is absent"
)
def test_development_corpus(tmp_path):
    claims, merging, instances, events = _figures(
        SHARED / "corpus" / "articles", SHARED / "corpus" / "gold.yaml", tmp_path / "corpus"
    )
    assert claims["found"] / claims["required"] >= 0.85, claims
    assert merging["f1"] >= 0.85, merging
    assert _different_days_merged(instances, events) == []
