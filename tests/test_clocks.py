"""The third clock: the date a statement names as its target, resolved against the statement date."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.clocks import engine, refers_to, with_refers_to
from timeline.model import Claim, DateEstimate, Event, Evidence, Source, TimeExpression

SAID = dt.date(2022, 5, 1)


def make(sentence: str, said: dt.date | None = SAID, said_evidence: tuple[Evidence, ...] = ()) -> Event:
    estimate = DateEstimate.day(said, said_evidence) if said else DateEstimate.unknown()
    claim = Claim("a1", "zelensky", "propose", None, "putin", estimate, sentence, 100, 100 + len(sentence))
    return Event(
        "e1",
        "claim",
        estimate,
        "zelensky",
        "propose",
        None,
        "putin",
        "h",
        claims=(claim,),
        sources=(Source("a1", sentence, 100, 100 + len(sentence)),),
    )


@pytest.mark.parametrize(
    ("sentence", "value", "earliest", "latest"),
    [
        # A deadline: any day from the statement to the named day.
        ("He wants a meeting with Putin by May 15, 2022, he said.", "2022-05-15", "2022-05-01", "2022-05-15"),
        (
            "A meeting is possible before 31 December 2022, Zelensky said.",
            "2022-12-31",
            "2022-05-01",
            "2022-12-31",
        ),
        # After a named day: open-ended.
        ("He said a meeting could follow after 29 March 2022.", "2022-03-29", "2022-03-29", None),
        # A future day in a clause with a future marker.
        ("The meeting will take place on June 3, 2022, he said.", "2022-06-03", "2022-06-03", "2022-06-03"),
    ],
)
def test_target_dates(sentence, value, earliest, latest):
    got = refers_to(make(sentence))
    assert got is not None
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    assert (iso(got.value), iso(got.earliest), iso(got.latest)) == (value, earliest, latest)
    assert got.evidence[0].rule == "refers-to" and got.evidence[0].article == "a1"
    start, end = got.evidence[0].start, got.evidence[0].end
    assert make(sentence).claims[0].sentence[start - 100 : end - 100] == got.evidence[0].text


@pytest.mark.parametrize(
    "sentence",
    [
        "He said on April 6, 2022 that nothing was agreed.",  # a past day, no target word
        "Zelensky said he is ready to meet Putin.",  # no date at all
        "Putin spoke on May 3, 2022 about a meeting.",  # after the reference, but reported as past
    ],
)
def test_no_target(sentence):
    assert refers_to(make(sentence)) is None


def test_the_day_that_dates_the_statement_is_not_its_target():
    sentence = "Zelensky said on May 2, 2022 that a meeting will come."
    at = sentence.index("May 2, 2022")
    evidence = (Evidence("statement-date", "May 2, 2022", 100 + at, 100 + at + len("May 2, 2022")),)
    assert refers_to(make(sentence, SAID, evidence)) is None


def test_relative_target_uses_the_statement_date_not_the_report_date():
    """'next month' said on 1 May 2022 is June 2022, whenever the article appeared."""

    def resolver(text, reference, language):
        at = text.index("next month")
        first = dt.date(reference.year + (reference.month == 12), reference.month % 12 + 1, 1)
        last = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1) - dt.timedelta(days=1)
        return [
            TimeExpression(
                at, at + 10, "next month", first.strftime("%Y-%m"), first, last, "month", "relative"
            )
        ]

    got = refers_to(make("Peskov said a meeting could be held next month."), resolver)
    assert got is not None and (got.earliest, got.latest, got.precision) == (
        dt.date(2022, 6, 1),
        dt.date(2022, 6, 30),
        "month",
    )


def test_anchor_relation_counts_as_a_target():
    def resolver(text, reference, language):
        at = text.index("the Istanbul round")
        day = dt.date(2022, 3, 29)
        return [
            TimeExpression(
                at,
                at + 18,
                "the Istanbul round",
                day.isoformat(),
                day,
                day,
                "day",
                "anchor",
                relation="after",
            )
        ]

    got = refers_to(
        make("Peskov said a meeting is possible only following the Istanbul round.", dt.date(2022, 3, 20)),
        resolver,
    )
    assert got is not None and got.earliest == dt.date(2022, 3, 29) and got.latest is None


def test_with_refers_to_leaves_other_events_alone():
    plain = make("Zelensky said he is ready to meet Putin.")
    target = make("The meeting will take place on June 3, 2022, he said.")
    out = with_refers_to([plain, target])
    assert out[0] is plain and out[1].refers_to is not None


def test_engine_resolves_full_dates():
    found = engine()("talks by May 15, 2022", SAID, "en")
    assert any(e.earliest == dt.date(2022, 5, 15) for e in found)


def test_a_memo_spares_the_engine_and_gives_the_same_events():
    """Kept between builds, the memo answers for events whose claims did not change."""
    calls = []
    real = engine()

    def counting(text, reference, language):
        calls.append(text)
        return real(text, reference, language)

    events = [
        make("He wants a meeting with Putin by May 15, 2022, he said."),
        make("Nothing here.", said=None),
    ]
    memo: dict = {}
    first = with_refers_to(events, counting, memo)
    assert first == with_refers_to(events, real) and len(memo) == 2 and calls
    calls.clear()
    assert with_refers_to(events, counting, memo) == first and not calls
    other = make("A meeting is possible before 31 December 2022, Zelensky said.")
    again = with_refers_to([other], counting, memo)
    assert calls and again == with_refers_to([other], real)
    assert len(memo) == 1  # entries this call did not use are dropped


def test_each_sentence_and_statement_date_is_resolved_once():
    calls: list[tuple[str, dt.date | None, str]] = []
    real = engine()

    def counting(text, reference, language):
        calls.append((text, reference, language))
        return real(text, reference, language)

    sentence = "He wants a meeting with Putin by May 15, 2022, he said."
    events = [
        make(sentence),
        make(sentence),
        make(sentence, dt.date(2022, 4, 1)),
        make("Nothing to see here, he said."),
    ]
    got = with_refers_to(events, counting)
    assert sorted(set(calls)) == sorted(calls)  # no pair asked twice
    assert len(calls) == 3
    assert [e.refers_to for e in got] == [refers_to(e) for e in events]


def test_memoised_gives_what_the_resolver_gives():
    from timeline.clocks import memoised

    real = engine()
    cached = memoised(real)
    for day in (dt.date(2022, 3, 2), dt.date(2022, 12, 30), dt.date(2022, 3, 2), None):
        text = "Talks will resume next week, before Christmas, and by 9:30 a.m. Friday, he said on Monday."
        assert list(cached(text, day, "en")) == list(real(text, day, "en"))


@pytest.mark.parametrize(
    "text",
    [
        "The talks will resume after Christmas, at 9:30 a.m. Friday, he said.",
        "Er sagte am Montag, die Gespräche würden nach Ostern und Mitte März weitergehen.",
        "Переговоры продолжатся в пятницу в 18:00, сказал он.",
        "Nothing here names a day.",
    ],
)
def test_kept_scans_and_matches_change_no_resolution(text):
    """Inside keep_scans() texts are scanned and searched once; the values are those of a fresh
    scan for every reference date, and nothing is kept after the block."""
    from timeline.load import timex
    from timeline.load.language import detect_language

    language = detect_language(text, "en")
    days = [dt.date(2021, 1, 3), dt.date(2022, 6, 30), dt.date(2021, 1, 3), dt.date(2023, 12, 24)]
    fresh = [timex.resolve_dates(text, day, language) for day in days]
    with timex.keep_scans():
        kept = [timex.resolve_dates(text, day, language) for day in days]
        assert timex.scan(text, language) is timex.scan(text, language)
        assert timex.scan(text, language) == timex.scan_everywhere(text, language)
    assert kept == fresh
    assert not timex._KEPT
