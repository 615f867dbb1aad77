"""A title's floor ('UAE President Mohammed bin Zayed': on or after 2022-05-14) is only as good as
the configuration's dates for that title. Over every annotated corpus, no floor may fall after the
article's true publication date: a wrong 'from' in timeline.yaml fails here before it misdates."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline.config import load_config
from timeline.load.dating import office_constraints

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = [
    (ROOT / "articles", SHARED / "gold" / "seeds.yaml"),
    (SHARED / "corpus" / "articles", SHARED / "corpus" / "gold.yaml"),
    *((p / "articles", p / "gold.yaml") for p in sorted(ROOT.glob("tests/heldout*"))),
]


@pytest.fixture(scope="module")
def story():
    return load_config(ROOT / "timeline.yaml")


@pytest.mark.parametrize(("folder", "gold"), CORPORA, ids=[f.parent.name for f, _ in CORPORA])
def test_no_title_floor_falls_after_the_true_date(folder: Path, gold: Path, story) -> None:
    if not gold.exists():
        pytest.skip(f"{gold} is not there")
    items = yaml.safe_load(gold.read_text(encoding="utf-8"))
    items = items["articles"] if isinstance(items, dict) else items
    late = []
    for item in items:
        path = folder / item["file"]
        if not path.exists() or not item.get("published"):
            continue
        text = path.read_text(encoding="utf-8")
        for c in office_constraints(text, item.get("language") or "en", story):
            if c.earliest is not None and c.earliest > item["published"]:
                late.append(f"{item['file']}: {c.evidence.text!r} floor {c.earliest} > {item['published']}")
    assert not late, "\n".join(late)
