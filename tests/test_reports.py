"""Report chronology: publication order, offsets, and honesty when the first report is not certain."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.model import Article, DateEstimate, Event, Source
from timeline.render.export import export
from timeline.reports import chronology

SCHEMA = Path(__file__).resolve().parents[1] / "src" / "timeline" / "data" / "timeline.schema.json"
D = dt.date


def day(y, m, d) -> DateEstimate:
    return DateEstimate.day(D(y, m, d))


def ranged(value, lo, hi, precision="week") -> DateEstimate:
    return DateEstimate(value, precision, lo, hi)


def article(ident: str, published: DateEstimate, outlet: str | None = None) -> Article:
    return Article(
        ident,
        f"{ident}.txt",
        "0" * 64,
        "text",
        "en",
        f"Title {ident}",
        outlet or f"Outlet {ident.upper()}",
        (),
        None,
        published,
        (),
    )


def event(*ids: str) -> Event:
    sources = tuple(Source(i, f"sentence of {i}", 0, 10) for i in ids)
    return Event(
        "putin-2021-04-22-abcdef",
        "claim",
        day(2021, 4, 22),
        "putin",
        "invite",
        None,
        None,
        "Putin invites",
        sources=sources,
    )


def run(dates: dict[str, DateEstimate]):
    arts = {i: article(i, d) for i, d in dates.items()}
    return chronology(event(*dates), arts)


def test_order_and_offsets():
    chron = run({"c": day(2021, 4, 25), "a": day(2021, 4, 22), "b": day(2021, 4, 24)})
    assert [r.source.article for r in chron.reports] == ["a", "b", "c"]
    assert [r.offset_days for r in chron.reports] == [0, 2, 3]
    assert chron.status == "first" and chron.certain
    assert chron.note() == "first reported by Outlet A on 2021-04-22"


def test_same_day_is_a_tie_not_a_ranking():
    chron = run({"a": day(2021, 4, 22), "b": day(2021, 4, 22), "c": day(2021, 4, 23)})
    assert chron.status == "tie"
    assert {r.source.article for r in chron.first} == {"a", "b"}
    assert chron.note() == "first reported on 2021-04-22 by Outlet A and Outlet B"


@pytest.mark.parametrize(
    ("dates", "could"),
    [
        # The earliest report is known only to the month: it may be later than the exact one.
        (
            {"a": ranged(D(2021, 4, 15), D(2021, 4, 1), D(2021, 4, 30), "month"), "b": day(2021, 4, 22)},
            {"a", "b"},
        ),
        # A week-wide range overlaps an exact day: either could be first.
        ({"a": day(2021, 4, 22), "b": ranged(D(2021, 4, 23), D(2021, 4, 20), D(2021, 4, 26))}, {"a", "b"}),
        # An undated report could be the first.
        ({"a": day(2021, 4, 22), "b": DateEstimate.unknown()}, {"a", "b"}),
        # Only the overlapping ones are candidates: c is certainly later.
        (
            {
                "a": day(2021, 4, 22),
                "b": ranged(D(2021, 4, 22), D(2021, 4, 21), D(2021, 4, 23)),
                "c": day(2021, 5, 1),
            },
            {"a", "b"},
        ),
    ],
)
def test_uncertain_first_report_is_said(dates, could):
    chron = run(dates)
    assert chron.status == "uncertain" and not chron.certain
    assert {r.source.article for r in chron.first} == could
    assert chron.note().startswith("order uncertain: ")


def test_imprecise_later_report_does_not_spoil_a_certain_first():
    chron = run({"a": day(2021, 4, 22), "b": ranged(D(2021, 5, 15), D(2021, 5, 1), D(2021, 5, 31), "month")})
    assert chron.status == "first"
    assert [r.offset_days for r in chron.reports] == [0, None]  # no "+23 days" from a month guess


def test_all_undated():
    chron = run({"a": DateEstimate.unknown(), "b": DateEstimate.unknown()})
    assert chron.status == "undated" and chron.first == ()
    assert all(r.offset_days is None for r in chron.reports)


def test_one_report_per_article():
    arts = {"a": article("a", day(2021, 4, 22))}
    ev = event("a")
    ev = Event(
        ev.id,
        "claim",
        ev.date,
        "putin",
        "invite",
        None,
        None,
        "h",
        sources=(Source("a", "one", 0, 3), Source("a", "two", 5, 8)),
    )
    assert len(chronology(ev, arts).reports) == 1


days = st.dates(min_value=D(2019, 1, 1), max_value=D(2026, 12, 31))


@st.composite
def estimates(draw):
    kind = draw(st.sampled_from(["day", "range", "unknown"]))
    if kind == "unknown":
        return DateEstimate.unknown()
    value = draw(days)
    if kind == "day":
        return DateEstimate.day(value)
    lo, hi = (
        value - dt.timedelta(days=draw(st.integers(0, 20))),
        value + dt.timedelta(days=draw(st.integers(0, 20))),
    )
    return DateEstimate(value, "week", lo, hi)


@given(st.lists(estimates(), min_size=1, max_size=6))
def test_first_is_claimed_only_when_no_other_order_is_possible(dates):
    chron = run({f"x{i}": d for i, d in enumerate(dates)})
    offsets = [r.offset_days for r in chron.reports if r.offset_days is not None]
    assert all(o >= 0 for o in offsets)
    if chron.certain:
        first_day = chron.first[0].published.value
        assert all(r.published.precision == "day" and r.published.value == first_day for r in chron.first)
        for r in chron.reports:
            if r not in chron.first:
                assert r.published.known and (r.published.earliest or r.published.value) > first_day


def test_export_carries_publication_and_offset(mini_config):
    jsonschema = pytest.importorskip("jsonschema")
    arts = [article("a", day(2021, 4, 22)), article("b", day(2021, 4, 24))]
    ev = event("b", "a")
    data = json.loads(json.dumps(export(arts, [ev], mini_config)))
    sources = {s["article"]: s for s in data["events"][0]["sources"]}
    assert sources["a"]["offset_days"] == 0 and sources["b"]["offset_days"] == 2
    assert sources["b"]["published"]["value"] == "2021-04-24"
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))
    shared = Path(__file__).resolve().parents[2] / "shared" / "schema" / "timeline.schema.json"
    if shared.is_file():  # backward compatible: a version-1 reader accepts it
        jsonschema.validate(data, json.loads(shared.read_text()))
