"""Report chronology: who reported a statement first, and who repeated it how many days later.

A fact-checker's first question of any statement. Publication dates are estimates with ranges,
so "first" is only claimed when the ranges allow no other order: when the earliest report's
date is imprecise, overlaps another report's range, or some report is undated, the chronology
says the order is uncertain instead of ranking by a best guess.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from timeline.model import Article, DateEstimate, Event, Source


@dataclass(frozen=True)
class Report:
    """One source of an event, placed in time."""

    source: Source
    outlet: str  # the outlet's display name, else the article's title or id
    published: DateEstimate
    offset_days: int | None  # days after the first report; None when either date is not to the day


@dataclass(frozen=True)
class Chronology:
    """The sources of one event in publication order, and how sure that order is.

    status: "first" (one report is certainly first), "tie" (several certainly first on the same
    day), "uncertain" (the dates allow another order), "undated" (no report has a date).
    first: the reports that are (or, when uncertain, could be) first.
    """

    reports: tuple[Report, ...]
    status: str
    first: tuple[Report, ...]

    @property
    def certain(self) -> bool:
        return self.status in ("first", "tie")

    @property
    def undated(self) -> tuple[Report, ...]:
        return tuple(r for r in self.reports if not r.published.known)

    def note(self) -> str:
        """One plain line (ISO dates), for logs, feeds and the command line."""
        names = " and ".join(r.outlet for r in self.first)
        if self.status == "first":
            return f"first reported by {names} on {_iso(self.first[0].published)}"
        if self.status == "tie":
            return f"first reported on {_iso(self.first[0].published)} by {names}"
        if self.status == "undated":
            return "order uncertain: no report has a known publication date"
        parts = [f"{r.outlet} ({_iso(r.published)})" for r in self.first]
        return "order uncertain: " + ", ".join(parts) + " could each have been first"


def _iso(date: DateEstimate) -> str:
    if not date.known:
        return "date unknown"
    assert date.value is not None
    if date.precision == "day":
        return date.value.isoformat()
    return f"{date.earliest or date.value} to {date.latest or date.value}, {date.precision} precision"


def _bounds(date: DateEstimate) -> tuple[dt.date, dt.date]:
    """The days the date can be; an unknown date can be any day."""
    if not date.known:
        return dt.date.min, dt.date.max
    assert date.value is not None
    return date.earliest or date.value, date.latest or date.value


def outlet_name(article: Article | None, fallback: str) -> str:
    """Who published the report: the outlet, else the article's title marked as such."""
    if article is None:
        return fallback
    if article.outlet:
        return article.outlet
    return f"“{article.title or article.id}” (outlet unknown)"


def chronology(event: Event, articles: dict[str, Article]) -> Chronology:
    """Order the event's sources by publication date (undated last) and decide who was first."""
    dates: list[tuple[Source, str, DateEstimate]] = []
    for source in event.sources:
        article = articles.get(source.article)
        published = article.published if article is not None else DateEstimate.unknown()
        dates.append((source, outlet_name(article, source.article), published))
    dates.sort(
        key=lambda item: (
            not item[2].known,
            item[2].value or dt.date.max,
            _bounds(item[2]),
            item[0].article,
            item[0].start,
        )
    )
    # One report per article: an article that reports the statement twice is still one report.
    seen: set[str] = set()
    unique = []
    for item in dates:
        if item[0].article not in seen:
            seen.add(item[0].article)
            unique.append(item)
    if not unique or not unique[0][2].known:
        reports = tuple(Report(s, o, d, None) for s, o, d in unique)
        return Chronology(reports, "undated", ())
    anchor = unique[0][2]
    reports = tuple(Report(s, o, d, _offset(anchor, d)) for s, o, d in unique)
    # Could-be-first: every report whose earliest possible day is not after the earliest latest day.
    cutoff = min(_bounds(r.published)[1] for r in reports)
    could = tuple(r for r in reports if _bounds(r.published)[0] <= cutoff)
    exact = all(r.published.precision == "day" for r in could)
    if exact and len({r.published.value for r in could}) == 1:
        return Chronology(reports, "first" if len(could) == 1 else "tie", could)
    return Chronology(reports, "uncertain", could)


def _offset(first: DateEstimate, other: DateEstimate) -> int | None:
    if first.precision != "day" or other.precision != "day" or first.value is None or other.value is None:
        return None
    return (other.value - first.value).days


def chronologies(events: list[Event], articles: list[Article]) -> dict[str, Chronology]:
    """The chronology of every event with sources, by event id."""
    by_id = {a.id: a for a in articles}
    return {e.id: chronology(e, by_id) for e in events if e.sources}
