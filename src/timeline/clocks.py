"""The third clock of a statement: the date it names as its target.

A statement has three dates: when it was said (the event's date), when each outlet reported it
(the sources' publication dates, see timeline.reports), and the date it is about, when it names
one: "a meeting next month", "by May 15", "before the end of this year", "after the Istanbul
round". The last is read here from the claims' sentences and quotations with the same time engine
that dates articles, the reference date being the statement date, so "next month" is the month
after the statement, not after the report.

Only an expression that points at a target counts: one introduced by a target word of the
language's time lexicon (`target_cues`: by, before, after ...), one tied to a reference event with
a before/after relation, or one wholly after the statement date in a clause with a future marker.
The day the statement was made ("said on April 6") is never its target.
Falls back to the loader's finder when there is no statement date to resolve against.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from timeline import lexicon
from timeline.model import Claim, DateEstimate, Event, Evidence, TimeExpression

Resolver = Callable[[str, dt.date | None, str], Sequence[TimeExpression]]
LOOKBEHIND = 40
# Kinds the engine already placed before or after the reference by their own words and tense
# ("next month", "on Friday"); a fully written date needs a future marker in its clause.
RESOLVED = (
    "relative",
    "weekday",
    "month",
    "month-day",
)  # characters before an expression searched for a target word


def engine() -> Resolver:
    """The project's time engine (`timeline.resolve_dates`), the same that dates the articles."""
    from timeline.load import timex

    resolve_dates = getattr(timex, "resolve_dates", None)

    def resolve(text: str, reference: dt.date | None, language: str) -> Sequence[TimeExpression]:
        if resolve_dates is not None and reference is not None:
            return resolve_dates(text, reference, language)
        return [e for e in timex.find_expressions(text, reference, language) if e.kind != "vague"]

    return resolve


@functools.cache
def _cues(language: str) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None]:
    """(before, after, future-marker) patterns; a word must end right before the expression."""
    lex = lexicon.lexicon(language)
    cues = lex.get("target_cues") or {}
    end = cues.get("end")
    tail = rf"(?:\s+{end})?\s+(?:the\s+)?$" if end else r"\s+(?:the\s+)?$"

    def compiled(key: str) -> re.Pattern | None:
        return re.compile(rf"\b{cues[key]}{tail}", re.I) if cues.get(key) else None

    future = lex.get("future_markers")
    return compiled("before"), compiled("after"), (re.compile(future, re.I) if future else None)


@functools.cache
def _end(language: str) -> re.Pattern | None:
    end = (lexicon.lexicon(language).get("target_cues") or {}).get("end")
    return re.compile(rf"\b{end}\s+(?:the\s+)?$", re.I) if end else None


@dataclass(frozen=True)
class Target:
    """An expression read as the statement's target, with the way it was read."""

    text: str  # the words read, target word included
    expression: TimeExpression
    relation: str  # before | after | on
    end_of: bool
    start: int  # offset in the article
    end: int


def targets(claim: Claim, reference: dt.date | None, resolve: Resolver) -> list[Target]:
    """The expressions of one claim's sentence that name the statement's target, in text order."""
    before, after, future = _cues(claim.language)
    end_re = _end(claim.language)
    said = {
        (e.start, e.end)
        for e in claim.said.evidence
        if e.start is not None and e.end is not None and not e.article
    }
    out = []
    for expr in resolve(claim.sentence, reference, claim.language):
        if expr.earliest is None and expr.latest is None:
            continue
        start, end = claim.start + expr.start, claim.start + expr.end
        if any(s < end and start < e for s, e in said):
            continue  # the words that date the statement itself
        lead_at = max(0, expr.start - LOOKBEHIND)
        lead = claim.sentence[lead_at : expr.start]
        end_of = bool(end_re and end_re.search(lead))
        cue_before = before.search(lead) if before else None
        cue_after = after.search(lead) if after else None
        if cue_before or expr.relation == "before":
            relation = "before"
        elif cue_after or expr.relation == "after":
            relation = "after"
        elif (
            reference
            and expr.earliest
            and expr.earliest > reference
            and (expr.kind in RESOLVED or future and future.search(claim.sentence))
        ):
            relation = "on"
        else:
            continue
        cue = cue_before or cue_after
        if cue:  # the evidence quotes the target word too: "by May 15"
            start = claim.start + lead_at + cue.start()
        out.append(Target(claim.sentence[start - claim.start : expr.end], expr, relation, end_of, start, end))
    return out


def estimate(target: Target, reference: dt.date | None, article: str) -> DateEstimate:
    """The target as a date estimate: "by May 15" is any day from the statement to May 15."""
    expr = target.expression
    lo, hi = expr.earliest or expr.latest, expr.latest or expr.earliest
    assert lo is not None and hi is not None
    precision = expr.precision if expr.precision in ("day", "week", "month", "year") else "unknown"
    if target.end_of:
        lo, precision = hi, "day"
    if target.relation == "before":
        value, earliest, latest = hi, (reference if reference and reference <= hi else None), hi
        detail = f"on or before {hi.isoformat()}"
    elif target.relation == "after":
        value, earliest, latest = hi, hi, None
        detail = f"on or after {hi.isoformat()}"
    else:
        value, earliest, latest = lo, lo, hi
        detail = f"{lo.isoformat()} to {hi.isoformat()}" if lo != hi else lo.isoformat()
    if reference:
        detail += f", resolved against the statement date {reference.isoformat()}"
    evidence = Evidence("refers-to", target.text, target.start, target.end, article, detail)
    return DateEstimate(value, precision, earliest, latest, (evidence,))


def refers_to(event: Event, resolve: Resolver | None = None) -> DateEstimate | None:
    """The date the event's statement names as its target, or None when it names none."""
    if event.kind != "claim" or not event.claims:
        return None
    resolve = resolve or engine()
    reference = event.date.value
    for claim in sorted(event.claims, key=lambda c: (c.article, c.start)):
        found = targets(claim, reference, resolve)
        if found:
            return estimate(found[0], reference, claim.article)
    return None


def memo_key(event: Event) -> str:
    """Everything refers_to() reads of an event: its kind, statement date and claims (their words,
    offsets, language and the evidence that dates them)."""
    parts = (event.kind, event.date.value, [
        (c.article, c.start, c.sentence, c.language, [(e.start, e.end, e.article) for e in c.said.evidence])
        for c in event.claims
    ])  # fmt: skip
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def with_refers_to(
    events: list[Event], resolve: Resolver | None = None, memo: dict[str, DateEstimate | None] | None = None
) -> list[Event]:
    """Every event with its `refers_to` filled in (unchanged when the statement names no target).

    memo (memo_key -> result), kept between builds by the caller, spares the time engine the
    events whose claims did not change; it must be dropped when the code or the configuration
    changes. Entries not used by this call are removed from it."""
    from timeline.load.timex import keep_scans

    resolve = memoised(resolve or engine())
    out = []
    used: dict[str, DateEstimate | None] = {}
    with keep_scans():  # a sentence is scanned once, however many events and dates hold it
        for event in events:
            if memo is None:
                target = refers_to(event, resolve)
            else:
                key = memo_key(event)
                target = memo[key] if key in memo else refers_to(event, resolve)
                used[key] = target
            out.append(replace(event, refers_to=target) if target is not None else event)
    if memo is not None:
        memo.clear()
        memo.update(used)
    return out


def memoised(resolve: Resolver) -> Resolver:
    """resolve, each (sentence, statement date, language) worked out once: a sentence is shared
    by the claims of several events and often by several reports of one date (at 10,000 articles
    41,000 calls for 23,000 pairs); the results live as long as the returned function."""
    seen: dict[tuple[str, dt.date | None, str], Sequence[TimeExpression]] = {}

    def cached(text: str, reference: dt.date | None, language: str) -> Sequence[TimeExpression]:
        key = (text, reference, language)
        found = seen.get(key)
        if found is None:
            found = seen[key] = tuple(resolve(text, reference, language))
        return found

    return cached
