"""Plain data passed between the stages: load -> normalize -> render.

Every record is a frozen dataclass so a stage can never change what an earlier stage
produced, results can be cached and compared, and the stages can run in other processes.
Offsets are character offsets into the decoded article text (front matter included), so
any fact can be traced back to the words it came from.

Memory: 10,000 articles stay in memory for the whole build, so the records have __slots__ (no
per-record dict), pickle through their constructor (quicker to decode than the slots' state
protocol), and the loader's paragraphs and sentences read their text from the article's one
text string instead of holding copies of it (Span.within). Span and Sentence are written by hand
for that, to the dataclasses' contract: same constructor, fields, equality, hash, repr, frozen.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import FrozenInstanceError, dataclass, field, fields
from typing import Any

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


def _reduced_by_constructor(cls: type) -> type:
    """Pickle cls as cls(*field values): decoding then calls the constructor once, where the
    default for frozen slotted dataclasses runs a Python __setstate__ (about 3x slower)."""
    values = operator.attrgetter(*(f.name for f in fields(cls)))  # a tuple: every record has 2+ fields

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


@_reduced_by_constructor
@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason behind a date or another inferred field: which rule fired on which words."""

    rule: str
    text: str
    start: int | None = None
    end: int | None = None
    article: str | None = None
    detail: str | None = None  # a short human explanation ("the Friday after 2026-01-29")


@_reduced_by_constructor
@dataclass(frozen=True, slots=True)
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


class _Stretch:
    """A stretch of text with its offsets; frozen, compared and hashed by value like a dataclass.

    The text is either the record's own string, or read on demand as base[start:end] from a
    one-element tuple (base,) shared by every stretch of one article (see `within`): the
    article's text is then held once instead of three times, in memory and in the cache's
    pickles (pickle stores the shared tuple once)."""

    __slots__ = ("_source", "start", "end")
    _extra: tuple[str, ...] = ()

    def __init__(self, text: str, start: int, end: int) -> None:
        setter = object.__setattr__
        setter(self, "_source", text)
        setter(self, "start", start)
        setter(self, "end", end)

    @property
    def text(self) -> str:
        source = self._source
        return source if type(source) is str else source[0][self.start : self.end]

    def _values(self) -> tuple[Any, ...]:
        return (self.text, self.start, self.end, *(getattr(self, n) for n in self._extra))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        names = ("text", "start", "end", *self._extra)
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(names, self._values(), strict=True))
        return f"{type(self).__name__}({inner})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), (self._source, self.start, self.end)

    def shares(self, base: tuple[str]) -> bool:
        """True when the text is read from base (as `within` made it)."""
        return self._source is base


class Span(_Stretch):
    """A stretch of the article text: a paragraph, a sentence, a quotation."""

    __slots__ = ()
    __match_args__ = ("text", "start", "end")

    def within(self, base: tuple[str]) -> Span:
        """The same span reading its text from base[0] when that is where its text is from."""
        if base[0][self.start : self.end] != self.text:
            return self
        return Span(base, self.start, self.end)  # type: ignore[arg-type]


class Sentence(_Stretch):
    __slots__ = ("paragraph",)
    __match_args__ = ("text", "start", "end", "paragraph")
    _extra = ("paragraph",)

    def __init__(self, text: str, start: int, end: int, paragraph: int) -> None:
        setter = object.__setattr__
        setter(self, "_source", text)
        setter(self, "start", start)
        setter(self, "end", end)
        setter(self, "paragraph", paragraph)

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return Sentence, (self._source, self.start, self.end, self.paragraph)

    def within(self, base: tuple[str]) -> Sentence:
        """The same sentence reading its text from base[0] when that is where its text is from."""
        if base[0][self.start : self.end] != self.text:
            return self
        return Sentence(base, self.start, self.end, self.paragraph)  # type: ignore[arg-type]


@_reduced_by_constructor
@dataclass(frozen=True, slots=True)
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


@_reduced_by_constructor
@dataclass(frozen=True, slots=True)
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


@_reduced_by_constructor
@dataclass(frozen=True, slots=True)
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
    reference_mentions: tuple[tuple[str, int], ...] | None = (
        None  # (reference event id, offset); None: not looked for
    )


@_reduced_by_constructor
@dataclass(frozen=True, slots=True)
class Source:
    """One article's report of an event."""

    article: str
    sentence: str
    start: int
    end: int
    link: str | None = None


@_reduced_by_constructor
@dataclass(frozen=True, slots=True)
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
