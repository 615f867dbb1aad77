"""The TempEval-3-style scorer (benchmarks/tempeval.py) scores hand-made outputs as it should.

These tests check the scoring code only, never the engine's score on tests/timeml (that is measured
by running the script, not asserted).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "tempeval.py"
_SPEC = importlib.util.spec_from_file_location("tempeval_scorer", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
tempeval = importlib.util.module_from_spec(_SPEC)
sys.modules["tempeval_scorer"] = tempeval
_SPEC.loader.exec_module(tempeval)

DOC_A = """<?xml version="1.0" encoding="UTF-8"?>
<TimeML>
<DOCID>a</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-04-22" functionInDocument="CREATION_TIME">2021-04-22</TIMEX3></DCT>
<TEXT>He said on <TIMEX3 tid="t1" type="DATE" value="2021-04-20">Tuesday</TIMEX3> that talks would resume \
<TIMEX3 tid="t2" type="DATE" value="2021-W17">next week</TIMEX3> &amp; last <TIMEX3 tid="t3" type="DURATION" \
value="P3D">three days</TIMEX3>. We may act <TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">now</TIMEX3>.</TEXT>
</TimeML>"""

DOC_B = """<TimeML><DOCID>b</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-01-03" functionInDocument="CREATION_TIME"/></DCT>
<TEXT>
Fares rose in <TIMEX3 tid="t1" type="DATE" value="2019-12">December</TIMEX3> and at \
<TIMEX3 tid="t2" type="TIME" value="2020-01-02T15:00">3 p.m. Thursday</TIMEX3>, said April Ryan.
</TEXT></TimeML>"""


def _at(doc, words: str, value: str) -> object:
    start = doc.text.index(words)
    return tempeval.Timex(start, start + len(words), value)


@pytest.fixture
def docs():
    return tempeval.parse_timeml(DOC_A, "a.tml"), tempeval.parse_timeml(DOC_B, "b.tml")


def test_parse_gives_plain_text_and_gold_offsets(docs) -> None:
    a, b = docs
    assert a.dct == dt.date(2021, 4, 22)
    assert b.dct == dt.date(2020, 1, 3)
    assert "<" not in a.text and "&" in a.text
    assert [(a.text[t.start : t.end], t.type, t.value) for t in a.gold] == [
        ("Tuesday", "DATE", "2021-04-20"),
        ("next week", "DATE", "2021-W17"),
        ("three days", "DURATION", "P3D"),
        ("now", "DATE", "PRESENT_REF"),
    ]
    assert b.text.startswith("\nFares rose in December")
    assert [t.text for t in b.gold] == ["December", "3 p.m. Thursday"]


def test_perfect_system_scores_one(docs) -> None:
    a, b = docs
    outputs = {
        a.name: [
            _at(a, "Tuesday", "2021-04-20"),
            _at(a, "next week", "2021-W17"),
            _at(a, "now", "PRESENT_REF"),
        ],
        b.name: [_at(b, "December", "2019-12"), _at(b, "3 p.m. Thursday", "2020-01-02T15:00")],
    }
    counts = tempeval.score(docs, lambda text, dct: outputs[a.name if dct == a.dct else b.name])
    f = counts.figures()
    assert (counts.gold, counts.system, counts.other_gold, counts.gold_noncalendar) == (5, 5, 1, 1)
    assert f["span_f1"] == f["strict_f1"] == f["value_f1"] == f["calendar_value_f1"] == 1.0
    assert counts.outside == 0 and not counts.misses and not counts.spurious and not counts.wrong
    assert counts.summary().startswith("tempeval: 2 docs, gold 5, system 5; span F1 1.00 (strict 1.00)")


def test_wrong_system_is_penalised(docs) -> None:
    a, b = docs
    outputs = {
        # "on Tuesday" overlaps (relaxed, not strict) with a wrong week; "three days" is a duration
        a.name: [
            _at(a, "on Tuesday", "2021-04-13"),
            _at(a, "next week", "2021-04"),
            _at(a, "three days", "2021-04-19"),
        ],
        # December right; the time missed; "April" of a name spurious
        b.name: [_at(b, "December", "2019-12"), _at(b, "April", "2020-04")],
    }
    counts = tempeval.score(docs, lambda text, dct: outputs[a.name if dct == a.dct else b.name])
    f = counts.figures()
    assert counts.relaxed == 3 and counts.strict == 2
    assert f["span_p"] == pytest.approx(3 / 5) and f["span_r"] == pytest.approx(3 / 5)
    assert f["value_p"] == pytest.approx(1 / 5) and f["value_r"] == pytest.approx(1 / 5)
    # without the PRESENT_REF gold (missed anyway): 1 right of 4 gold, of 5 system outputs
    assert f["calendar_value_r"] == pytest.approx(1 / 4) and f["calendar_value_p"] == pytest.approx(1 / 5)
    assert counts.outside == 1  # 2021-04-13 is outside 2021-04-20; 2021-04 contains 2021-W17's start
    assert {g.value for _, g in counts.misses} == {"PRESENT_REF", "2020-01-02T15:00"}
    assert counts.spurious_on_duration_or_set == 1 and len(counts.spurious) == 2
    report = tempeval.report(counts, verbose=True)
    assert "OUTSIDE" in report and "MISS" in report and "SPURIOUS" in report
    assert "[April] Ryan" in report


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2021-04-22", "2021-04-22", "2021-04-23"),
        ("2021-04", "2021-04-01", "2021-05-01"),
        ("2020-12", "2020-12-01", "2021-01-01"),
        ("2021", "2021-01-01", "2022-01-01"),
        ("199", "1990-01-01", "2000-01-01"),
        ("2020-W53", "2020-12-28", "2021-01-04"),
        ("2020-W08-WE", "2020-02-22", "2020-02-24"),
        ("2023-Q4", "2023-10-01", "2024-01-01"),
        ("2024-H1", "2024-01-01", "2024-07-01"),
        ("2021-04-20T15:00", "2021-04-20T15:00", "2021-04-20T15:01"),
        ("2021-04-20TNI", "2021-04-20T20:00", "2021-04-21T06:00"),
    ],
)
def test_period(value: str, start: str, end: str) -> None:
    assert tempeval.period(value) == (dt.datetime.fromisoformat(start), dt.datetime.fromisoformat(end))


@pytest.mark.parametrize(
    "value", ["PRESENT_REF", "PAST_REF", "FUTURE_REF", "XXXX-02-29", "XXXX-WXX-5", "P3D", ""]
)
def test_non_calendar_values(value: str) -> None:
    assert not tempeval.is_calendar(value)


def test_align_is_one_to_one_largest_overlap_first() -> None:
    gold = [tempeval.Timex(0, 14, "g1"), tempeval.Timex(20, 25, "g2")]
    system = [tempeval.Timex(0, 4, "s1"), tempeval.Timex(5, 14, "s2"), tempeval.Timex(30, 33, "s3")]
    assert [(g.value, s.value) for g, s in tempeval.align(gold, system)] == [("g1", "s2")]


def test_dating_counts(docs) -> None:
    a, b = docs
    estimates = {
        a.text: SimpleNamespace(value=dt.date(2021, 4, 22), precision="day", earliest=None, latest=None),
        b.text: SimpleNamespace(value=dt.date(2019, 12, 1), precision="day", earliest=None, latest=None),
    }
    counts = tempeval.score_dating(docs, lambda text: estimates[text])
    assert (counts.right_day, counts.within_week, counts.off, counts.no_answer, counts.wide) == (
        1,
        0,
        1,
        0,
        0,
    )
    wide = SimpleNamespace(
        value=dt.date(2021, 1, 1),
        precision="year",
        earliest=dt.date(2021, 1, 1),
        latest=dt.date(2021, 12, 31),
    )
    missing = SimpleNamespace(value=None, precision="unknown", earliest=None, latest=None)
    answers = iter([wide, missing])
    counts = tempeval.score_dating([a, a], lambda text: next(answers))
    assert (counts.wide, counts.no_answer, counts.off) == (1, 1, 0)
    assert counts.summary().startswith("infer_published: 2 docs; right day 0")


def test_dating_bounds_that_exclude_the_dct_are_off(docs) -> None:
    a, _ = docs
    after = SimpleNamespace(value=None, precision="unknown", earliest=dt.date(2024, 12, 28), latest=None)
    before = SimpleNamespace(value=None, precision="unknown", earliest=None, latest=dt.date(1973, 12, 31))
    open_ended = SimpleNamespace(value=None, precision="unknown", earliest=dt.date(2015, 1, 1), latest=None)
    answers = iter([after, before, open_ended])
    counts = tempeval.score_dating([a, a, a], lambda text: next(answers))
    assert (counts.off, counts.no_answer) == (2, 1)
