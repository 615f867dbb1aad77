"""Plain data passed between the stages: load -> normalize -> render.

Every record is a frozen dataclass so a stage can never change what an earlier stage
produced, results can be cached and compared, and the stages can run in other processes.
Offsets are character offsets into the decoded article text (front matter included), so
any fact can be traced back to the words it came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PRECISIONS = ("day", "week", "month", "year", "unknown")
STANCES = ("propose", "invite", "accept", "open-conditional", "condition", "reject", "deny", "comment")
# What a reader calls one position: offering (in any form), setting conditions, refusing, commenting.
STANCE_FAMILY = {
    "propose": "open",
    "invite": "open",
    "accept": "open",
    "open-conditional": "open",
    "condition": "condition",
    "reject": "refuse",
    "deny": "refuse",
    "comment": "comment",
}


@dataclass(frozen=True)
class Evidence:
    """One reason behind a date or another inferred field: which rule fired on which words."""

    rule: str
    text: str
    start: int | None = None
    end: int | None = None
    article: str | None = None
    detail: str | None = None  # a short human explanation ("the Friday after 2026-01-29")


@dataclass(frozen=True)
class DateEstimate:
    """A date as known: best value, the range it lies in, its precision, and why."""

    value: dt.date | None
    precision: str
    earliest: dt.date | None
    latest: dt.date | None
    evidence: tuple[Evidence, ...] = ()

    @classmethod
    def unknown(cls, evidence: tuple[Evidence, ...] = ()) -> DateEstimate:
        return cls(None, "unknown", None, None, evidence)

    @classmethod
    def day(cls, value: dt.date, evidence: tuple[Evidence, ...] = ()) -> DateEstimate:
        return cls(value, "day", value, value, evidence)

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Span:
    """A stretch of the article text: a paragraph, a sentence, a quotation."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class TimeExpression:
    """A calendar time expression found in a text, resolved against a reference date.

    value follows TimeML: 2021-04-22 (day), 2021-W16 (week), 2021-04 (month), 2021 (year).
    earliest/latest bound the days it can mean; kind says which rule found it.
    """

    start: int
    end: int
    text: str
    value: str | None
    earliest: dt.date | None
    latest: dt.date | None
    precision: str
    kind: str
    relation: str | None = None  # for anchor events: before / after / during / around
    tense: str | None = None  # past / future: the clause's tense, which picks the weekday or year


@dataclass(frozen=True)
class Claim:
    """One article's report of one statement about the meeting."""

    article: str
    speaker: str
    stance: str
    venue: str | None
    counterpart: str | None
    said: DateEstimate
    sentence: str
    start: int
    end: int
    quotes: tuple[Span, ...] = ()
    language: str = "en"
    cue: str = ""  # the words the stance was read from


@dataclass(frozen=True)
class Article:
    """Everything the loader learned from one file."""

    id: str
    file: str
    sha256: str
    text: str
    language: str
    title: str | None
    outlet: str | None
    agencies: tuple[str, ...]
    url: str | None
    published: DateEstimate
    warnings: tuple[str, ...]
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    claims: tuple[Claim, ...] = ()
    timexes: tuple[TimeExpression, ...] = ()
    outlet_evidence: Evidence | None = None
    candidate_actors: tuple[str, ...] = ()
    reference_mentions: tuple[tuple[str, int], ...] | None = None  # (reference event id, offset); None: not looked for


@dataclass(frozen=True)
class Source:
    """One article's report of an event."""

    article: str
    sentence: str
    start: int
    end: int
    link: str | None = None


@dataclass(frozen=True)
class Event:
    """What the chronology shows: one statement (or one context happening), with every report of it."""

    id: str
    kind: str
    date: DateEstimate
    speaker: str | None
    stance: str
    venue: str | None
    counterpart: str | None
    headline: str
    quotes: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    conflicts: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = field(default=(), compare=False)
    refers_to: DateEstimate | None = None  # the date the statement names as its target ("by May 15")
