"""Headlines are made from the structured claim with the configuration's display names."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.config import load_config
from timeline.headlines import headline, short_name

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def story():
    return load_config(FIXTURES / "story.yaml")


@pytest.mark.parametrize(
    ("speaker", "stance", "venue", "counterpart", "expected"),
    [
        ("zelensky", "invite", "kyiv", "putin", "Zelensky invites Putin to Kyiv"),
        ("zelensky", "reject", "moscow", "putin", "Zelensky rules out a meeting with Putin in Moscow"),
        (
            "peskov",
            "condition",
            None,
            "zelensky",
            "Peskov: a meeting with Zelensky only once conditions are met",
        ),
        ("putin", "propose", "istanbul", None, "Putin proposes a meeting in Istanbul"),
        ("kremlin", "invite", "moscow", "zelensky", "Kremlin invites Zelensky to Moscow"),
        (
            "lavrov",
            "open-conditional",
            None,
            "zelensky",
            "Lavrov: open to a meeting with Zelensky, on conditions",
        ),
        ("yermak", "comment", None, None, "Yermak on a meeting"),
    ],
)
def test_headline(story, speaker, stance, venue, counterpart, expected):
    assert headline(speaker, stance, venue, counterpart, story) == expected


def test_names_come_from_the_configuration(story):
    assert short_name("putin", story) == "Putin"
    assert short_name("kremlin", story) == "Kremlin"
    assert short_name("unknown-person", story) == "unknown-person"


def test_denial_names_who_did_not_invite(story):
    text = headline("kremlin", "deny", None, "zelensky", story)
    assert text.startswith("Kremlin denies") and "Zelensky" in text
