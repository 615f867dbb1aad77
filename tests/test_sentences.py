"""Sentence splitting keeps offsets and does not break on abbreviations; runs without stops are cut."""

from __future__ import annotations

import pytest

from timeline.load.sentences import MAX_SENTENCE, split_sentences
from timeline.model import Span


def sentences_of(text: str, start: int = 0) -> list[str]:
    found = split_sentences((Span(text, start, start + len(text)),))
    for sentence in found:
        assert text[sentence.start - start : sentence.end - start] == sentence.text
    return [s.text for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin said so. Zelensky disagreed.", ["Putin said so.", "Zelensky disagreed."]),
        ("The U.S. envoy arrived. He spoke.", ["The U.S. envoy arrived.", "He spoke."]),
        ("Mr. Peskov said it on Feb. 24 in Moscow.", ["Mr. Peskov said it on Feb. 24 in Moscow."]),
        ("“We are ready.” Putin told reporters.", ["“We are ready.”", "Putin told reporters."]),
        ("Песков заявил это. Зеленский ответил.", ["Песков заявил это.", "Зеленский ответил."]),
        ("Is it over? No! It goes on.", ["Is it over?", "No!", "It goes on."]),
    ],
)
def test_split(text, expected):
    assert sentences_of(text, start=7) == expected


def test_a_run_without_full_stops_is_cut_into_bounded_pieces():
    text = "word " * 1000
    pieces = sentences_of(text.strip(), start=3)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE for p in pieces)
    assert "".join(p.replace(" ", "") for p in pieces) == text.replace(" ", "")
