"""How a statement stands on the meeting, and where: stance words with negation, and venues.

A stance word counts unless a negation stands among the few words before it, in which case it
flips ("did not invite" is a denial, "does not rule out" is openness under conditions); after a
conditional ("if I am invited") an invitation is openness. Where
several stance words occur, the language's priority list decides. A place is a venue when it
follows a venue preposition ("in Moscow") or shares a clause with a stance word ("Moscow ...
unacceptable"); the place the speaker spoke in ("told reporters in Kyiv") is not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from timeline.load.attribution import Speech

WORD = re.compile(r"[\w’'-]+")
REFUSE = ("reject", "deny")


@dataclass(frozen=True)
class StanceHit:
    stance: str
    start: int  # offset into the text given
    end: int
    cue: str


def stance_hits(text: str, lex: Speech) -> list[StanceHit]:
    return list(_stance_hits(text, lex))


@functools.lru_cache(maxsize=256)
def _stance_hits(text: str, lex: Speech) -> tuple[StanceHit, ...]:
    """stance_hits, remembered: a claim's clauses and sentences are asked about three or four
    times each while its stance and venues are worked out."""
    if lex.stance_gate is not None and not lex.stance_gate.positions(text):
        return ()
    hits: list[StanceHit] = []
    for stance, pattern in lex.stances:
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            found = stance
            if _negated(text, m.start(), lex):
                found = lex.negated.get(stance, stance)
            elif _conditional(text, m.start(), lex):
                found = lex.conditioned.get(stance, stance)
            hits.append(StanceHit(found, m.start(), m.end(), m.group(0)))
    return tuple(_specific(hits))


def _specific(hits: list[StanceHit]) -> list[StanceHit]:
    """A word inside a longer stance phrase counts only as that phrase: "не готов" is a refusal,
    not a negated offer; "welcome the participation of" a proposal, not an invitation."""
    if len(hits) < 2:
        return hits
    return [
        h
        for h in hits
        if not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start for o in hits)
    ]


CLAUSE_END = re.compile(r".*[,;:—–]", re.DOTALL)


def _clause_before(text: str, start: int) -> str:
    """The words before a stance word back to the last clause break (at most 60 characters)."""
    window = text[max(0, start - 60) : start]
    cut = CLAUSE_END.match(window)
    return window[cut.end() :] if cut else window


def _negated(text: str, start: int, lex: Speech) -> bool:
    """A negation among the few words before, in the same clause ("не проблема, я готов" is no refusal)."""
    words = WORD.findall(_clause_before(text, start))[-lex.negation_window :]
    for word in words:
        w = word.casefold()
        if w in lex.negation or any(w.endswith(n) for n in lex.negation if n.startswith("n'")):
            return True
    return False


def _conditional(text: str, start: int, lex: Speech) -> bool:
    """ "If I am invited to Budapest, we will go": an invitation under a condition is openness."""
    if not lex.conditional:
        return False
    words = WORD.findall(text[max(0, start - 60) : start])[-lex.negation_window - 2 :]
    return any(word.casefold() in lex.conditional for word in words)


def best(hits: list[StanceHit], lex: Speech) -> StanceHit | None:
    if not hits:
        return None
    order = {s: i for i, s in enumerate(lex.priority)}
    return min(hits, key=lambda h: (order.get(h.stance, len(order)), h.start))


def clause_of(text: str, start: int, end: int, lex: Speech) -> tuple[int, int]:
    """The clause around text[start:end], between the nearest clause breaks."""
    left, right = 0, len(text)
    for m in lex.clause_breaks.finditer(text):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right


def _speaks_next(text: str, end: int, lex: Speech) -> bool:
    """ "3 сентября в Пекине Путин говорил": a reporting verb follows in the same clause."""
    tail = text[end : end + 60]
    cut = lex.clause_breaks.search(tail)
    return bool(lex.verbs and lex.verbs.search(tail[: cut.start()] if cut else tail))


@functools.lru_cache(maxsize=256)
def is_venue(text: str, start: int, end: int, lex: Speech, local: str | None, paragraph_start: bool) -> bool:
    """Whether the place at text[start:end] is where a meeting would be (remembered: a claim's
    places are asked about again for each utterance and stance that reads the sentence)."""
    before = text[:start]
    if lex.locus.search(before):
        return False
    if lex.opening.match(before) and (re.match(r"\s*,", text[end:]) or _speaks_next(text, end, lex)):
        return False  # "In Moscow, Kremlin aide Yuri Ushakov told ...": where it was said
    if paragraph_start and not before.strip() and re.match(r"\s*[,(\[]", text[end:]):
        return False  # a dateline: "Kyiv, May 13 (AP)"
    if any(text.startswith(p, end) for p in lex.possessive if p.strip("'’")) or text.startswith(
        ("'s", "’s"), end
    ):
        return False
    words = WORD.findall(before[-40:])
    while words and words[-1].casefold() in lex.determiners:
        words.pop()
    prepositional = bool(words) and words[-1].casefold() in lex.venue_prepositions
    if lex.venue_before.search(before[-160:]):
        return True  # "the best place for it is ... Moscow"
    named = bool(lex.venue_after and lex.venue_after.match(text, end))
    c0, c1 = clause_of(text, start, end, lex)
    named = named or bool(lex.venue_clause and lex.venue_clause.search(text[c0:c1]))
    return prepositional or named or local in REFUSE
