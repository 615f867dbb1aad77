"""Time expressions: find calendar dates in a text and resolve them against a reference date.

Two steps, so the dating engine can reason about expressions before it knows the reference:
`scan` finds every expression (what its words fix: a year, a month, a day, a weekday, an
offset, and the tense of its clause); `resolve` turns one into a calendar value once a
reference date is known. All words (month and weekday names in every case, relative phrases,
tense markers) come from lexicons/time/<lang>.yaml; the regular expressions are compiled once
per language. Values follow TimeML: 2021-04-22 (day), 2021-W16 (week), 2021-04 (month), 2021.

Speed: most of a text holds no time expression, and a regular expression that starts with a
look-behind is tried at every position. So each pattern is read once (with the standard
library's own regex parser) for the words every match needs (a digit, a month name, "ago"),
those words are found for all patterns in one pass, and each pattern runs only on the short
stretches around them (`windows`), its matches checked against the whole text. The result is
that of running every pattern everywhere (`scan_everywhere`; the tests compare the two). The
reference events of the configuration use the same machinery (timeline.load.dating).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from re import _casefix, _constants, _parser  # the standard library's own regex reader
from typing import TypeVar

from dateutil.relativedelta import relativedelta

from timeline import lexicon
from timeline.model import TimeExpression

T = TypeVar("T")
MIN_YEAR, MAX_YEAR = 1900, 2099
URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
PRESENT_WEIGHT = 2.0  # a present verb counts as a marker this many times farther away
OPENS_CLAUSE = (
    "",
    ".",
    "!",
    "?",
    ":",
    ";",
    "\n",
    "»",
    '"',
    "—",
)  # what may stand before a clause's first word
AFTER_COMMA = 100.0  # a marker after the expression and a comma counts only when none stands before
BEYOND_COMMA = 20.0  # a marker beyond a comma from the expression counts as this much farther (a clause)
PLANNED = 60.0  # a marker inside a plan seen from the past counts as this much farther
COMMA = re.compile(r",\s")
PASSIVE = re.compile(r"(?<![\w])(?:is|are|be|been|being)\s+$", re.I)
CLOCK_BEFORE = re.compile(r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|[AP]M)|noon|midnight|midday)\s+$", re.I)
# A full stop ends a clause, not one in a number ("2.7%"), in "a.m." or after an abbreviation
# ("Dec. 2", "Mr. Putin"); nor does the colon of a time of day ("9:30").
FULL_STOP = (
    r"(?<!\.[mM])(?<!\b[A-Za-z])(?<![\s(][A-Z][a-z])(?<![\s(][A-Z][a-z]{2})(?<![\s(][A-Z][a-z]{3})\.(?!\d)"
)
CLAUSE_END = re.compile(
    FULL_STOP + r"|[!?;\n]|(?<!\d):(?!\d)|,\s+(?:but|while|and|as|after|before)\b|\s[–—]\s"
)
SENTENCE_END = re.compile(FULL_STOP + r"|[!?\n]")
NUMERIC_TIME = r"(?:,?[^\S\n]+(?i:at[^\S\n]+)?[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:\s*(?i:[ap]\.?m\.?|GMT|UTC|CET|CEST|MSK|EET|EEST|Kyiv\s+time|local\s+time))?)?"


@dataclass(frozen=True)
class Mention:
    """An expression as its words give it, before any reference date is known."""

    start: int
    end: int
    text: str
    kind: str  # date month-day month-year month year season weekday relative ago vague
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None  # relative / ago: day week month year
    offset: int = 0
    anchor: str | None = None  # relative: "previous" = from the last day named before it
    tense: str | None = None  # past / future / None
    strict: bool = False  # weekday: "last Friday" / "next Friday" never mean the reference day
    season: str | None = None

    @property
    def absolute(self) -> bool:
        return self.kind in ("date", "month-year", "year", "season")


# ---------------------------------------------------------------------------------------------
# The compiled lexicon of one language.


@dataclass(frozen=True)
class _Lang:
    code: str
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    numbers: dict[str, int | None]
    units: dict[str, str]
    patterns: tuple[tuple[str, re.Pattern], ...]
    relative: re.Pattern | None
    relative_table: tuple[tuple[str, int, str | None], ...]
    future: re.Pattern | None
    past: re.Pattern | None
    present: re.Pattern | None  # a plain present with no other marker speaks of what is scheduled
    present_after: bool  # the verb may follow the expression ("в пятницу температура опустится")
    future_in_past: re.Pattern | None  # "was due", "должны были": a plan seen from the past, either side
    participle: re.Pattern | None  # after a future auxiliary no verb of its own ("will stay closed")
    auxiliary: re.Pattern | None  # a future auxiliary ("will"), not a noun of plans ("a planned summit")
    not_until: re.Pattern | None  # "did not let up until": the lead "until" of a negated past is past
    month_modifiers: tuple[tuple[str, re.Pattern], ...]  # "next August", "last March": strict
    possessive_lead: tuple[tuple[str, re.Pattern], ...]  # "before Sunday's derby": ahead
    lead: tuple[tuple[str | None, re.Pattern], ...]
    sets: re.Pattern | None
    joined: re.Pattern | None  # between two weekdays of one phrase ("am Donnerstag und Freitag")
    conjunction: re.Pattern | None  # "arrived on Monday and will continue": the next verb's own clause
    elliptic: re.Pattern | None  # "..., and again on Sunday": a conjunction and at most two words
    slash_order: str
    triggers: Triggers


def _alternation(words, capitalized: bool = True) -> str:
    """Literal words, longest first. Patterns are compiled case-sensitively (many times faster
    than re.IGNORECASE), so every spelling a word may take is listed (see _cased)."""
    words = sorted({str(w) for w in words}, key=len, reverse=True)
    return "(?:" + ("|".join(re.escape(w) for w in words) or "(?!x)x") + ")"


def _cased(names, capitalized: bool) -> list[str]:
    """The spellings a name may take: as written and in capitals (headlines); where names are
    not capitalised, also lower case and with a capital (starting a sentence)."""
    out = []
    for name in names:
        name = str(name)
        out += (
            [name, name.upper()]
            if capitalized
            else [name.lower(), name[:1].upper() + name[1:].lower(), name.upper()]
        )
    return out


def _i(fragment: str | None) -> str | None:
    """A lexicon regex fragment, matched without regard to case."""
    return f"(?i:{fragment})" if fragment else fragment


# ---------------------------------------------------------------------------------------------
# Triggers: which words a pattern's matches cannot do without, so it runs only near them.

DIGIT = "\x00digit"  # the atom "some decimal digit", found by DIGITS rather than by a literal
DIGITS = re.compile(r"\d+")
SHORT_TEXT = 300  # below this, windows cost more than they save
_WORD = re.compile(r"\w+")
LONG_SPACE = re.compile(r"\s\s\s+")  # runs of blanks that could carry a match past the margin
_SPECIAL_CASES = {}  # characters regex IGNORECASE treats as the same letter though lower() does not
for _code, _others in _casefix._EXTRA_CASES.items():
    _group = sorted({_code, *_others})
    for _member in _group:
        _SPECIAL_CASES[_member] = _group[0]
FOLD = {code: chr(first) for code, first in _SPECIAL_CASES.items() if code != first}
UNFOLDED = re.compile("[" + "".join(re.escape(chr(code)) for code in FOLD) + "]")


def fold(text: str) -> str:
    """Lower case as the regex engine compares letters (ſ is s, ᲀ is в)."""
    lowered = text.lower()
    return lowered.translate(FOLD) if not lowered.isascii() and UNFOLDED.search(lowered) else lowered


def _weight(atom: str) -> float:
    """How common an atom is likely to be: a digit, a short word, a long one."""
    if atom == DIGIT:
        return 6.0
    core = max(_WORD.findall(atom), key=len, default="")
    if len(core) <= 2:
        return 40.0
    if len(core) == 3:
        return 10.0
    return 1.0 + 20.0 / len(core)


def _score(clause: frozenset[str]) -> float:
    return sum(_weight(a) for a in clause)


def _telling(clause: frozenset[str]) -> bool:
    """Words rare enough to narrow the search: no short word ("in", "of") nor punctuation."""
    return all(a == DIGIT or (len(a) >= 3 and a.isalnum()) for a in clause)


def _in_digits(items) -> bool:
    """A character class that holds only decimal digits."""
    for op, av in items:
        if op is _constants.CATEGORY and av is _constants.CATEGORY_DIGIT:
            continue
        if op is _constants.RANGE and 48 <= av[0] <= av[1] <= 57:
            continue
        if op is _constants.LITERAL and 48 <= av <= 57:
            continue
        return False
    return bool(items)


def _clauses_of(seq) -> list[frozenset[str]]:
    """Clauses every match of a parsed sequence satisfies: each a set of atoms (lower-case
    literals, or DIGIT) of which at least one occurs inside the match."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            literal = fold("".join(run))
            if len(literal.strip()) >= 3:  # " since " needs "since": fewer, plainer words to look for
                literal = literal.strip()
            out.append(frozenset([DIGIT if literal.isdigit() else literal]))
            run.clear()

    for op, av in list(seq) + [(None, None)]:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is _constants.SUBPATTERN:
            out += _clauses_of(av[-1])
        elif op is _constants.ATOMIC_GROUP:
            out += _clauses_of(av)
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                out += _clauses_of(av[2])
        elif op is _constants.IN:
            if _in_digits(av):
                out.append(frozenset([DIGIT]))
        elif op is _constants.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                best = _clauses_of(alternative)
                if not best:
                    break
                union |= min(best, key=_score)
            else:
                out.append(frozenset(union))
    return out


WORD_CAP = 32  # the longest word or number an unbounded repeat is taken to cover ("\\w+")


def _reach(seq) -> int:
    """How many characters a match of the parsed sequence and its look-ahead can span: a gap of
    blanks at most two (longer runs widen the margin, see windows), a word at most WORD_CAP."""
    total = 0
    for op, av in seq:
        if op in (_constants.SUBPATTERN,):
            total += _reach(av[-1])
        elif op is _constants.ATOMIC_GROUP:
            total += _reach(av)
        elif op is _constants.BRANCH:
            total += max((_reach(alt) for alt in av[1]), default=0)
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            lo, hi, item = av
            spaces = all(
                o is _constants.IN and all(x == (_constants.CATEGORY, _constants.CATEGORY_SPACE) for x in a)
                for o, a in item
            )
            if hi is _constants.MAXREPEAT or hi > WORD_CAP:
                hi = WORD_CAP
            total += (min(hi, 2) if spaces else hi) * _reach(item)
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
            if av[0] >= 0:  # look-ahead: the text it reads must be inside the window too
                total += _reach(av[1])
        elif op in (_constants.AT,):
            continue
        elif op is _constants.GROUPREF or op is _constants.GROUPREF_EXISTS:
            total += WORD_CAP
        else:
            total += 1
    return total


def _alternatives(seq) -> list:
    """The top-level alternatives of a parsed pattern, the zero-width assertions around them aside:
    each match is a match of one of them, so each can be narrowed on its own words."""
    items = [
        (op, av) for op, av in seq if op not in (_constants.ASSERT, _constants.ASSERT_NOT, _constants.AT)
    ]
    if len(items) == 1:
        op, av = items[0]
        if op is _constants.SUBPATTERN:
            return _alternatives(av[-1])
        if op is _constants.BRANCH:
            return [inner for alternative in av[1] for inner in _alternatives(alternative)]
    return [seq]


def literal_clauses(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """The clauses a pattern's matches need, most telling first (see _clauses_of); none for a
    pattern that cannot be read. A text whose folded form lacks every atom of one clause
    holds no match, so the pattern need not run on it."""
    try:
        parsed = _parser.parse(pattern, flags)
    except (re.error, ValueError, TypeError, RecursionError):
        return ()
    return tuple(sorted(set(_clauses_of(parsed)), key=lambda c: (_score(c), sorted(c))))


def _trie_regex(words) -> re.Pattern | None:
    """One pattern for many literals, as a trie: at each position the engine follows one branch
    per character instead of trying every word. Each match takes only the word's first
    character (the rest is a look-ahead, captured), so that overlapping words are all found,
    and the engine skips at once the positions where no word starts."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    firsts = [f"{re.escape(ch)}(?=({build(child)}))" for ch, child in sorted(trie.items())]
    return re.compile("|".join(firsts)) if firsts else None


def _found(m: re.Match) -> tuple[str, tuple[int, int]]:
    """The word a match of _trie_regex found, and its span."""
    end = m.end(m.lastindex or 0)
    return m.string[m.start() : end], (m.start(), end)


@dataclass(frozen=True)
class Triggers:
    """Where the patterns of one lexicon or configuration may match: for each pattern the ways
    its matches can be made (each a tuple of slots, all needed), each slot a clause (atoms, one
    needed) with the margin its matches reach; the atoms are found in one pass over the text."""

    pattern_slots: tuple[tuple[tuple[int, ...], ...], ...]
    slot_atoms: tuple[tuple[str, ...], ...]
    margins: tuple[int, ...]
    atoms: re.Pattern | None
    atom_keys: dict[str, tuple[str, ...]]  # a word found: the atoms it stands for
    atom_patterns: dict[str, tuple[int, ...]]  # an atom: the patterns it may let run
    free: tuple[int, ...]  # patterns that run everywhere (no words to wait for)


def triggers_for(patterns: list[list[tuple[str, int]]], clauses_per_way: int = 2) -> Triggers:
    """patterns: for each compiled pattern, the sources (pattern text, flags) one of which each
    of its matches also matches (the pattern itself, or the alternatives it is made of).
    clauses_per_way: how many clauses narrow each way (more: smaller windows, more words)."""
    slot_of: dict[tuple[frozenset[str], int], int] = {}  # a clause and how far its matches reach
    margins: dict[int, int] = {}
    pattern_slots = []
    for sources in patterns:
        ways: list[tuple[int, ...]] = []
        try:
            parsed = [_parser.parse(source, flags) for source, flags in sources]
            reach = max(_reach(p) for p in parsed) + 2
            alternatives = [alt for p in parsed for alt in _alternatives(p)]
        except (re.error, ValueError, TypeError, RecursionError):
            alternatives = []
        for alternative in alternatives:
            # ties in order of their words: every alternative lists the same clauses the same way
            clauses = sorted(set(_clauses_of(alternative)), key=lambda c: (_score(c), sorted(c)))
            # The most telling clause, and a second one where it is telling too (a month name and
            # a digit); a clause of common little words ("in", "of") would find the whole text.
            chosen = [
                c
                for i, c in enumerate(clauses[:clauses_per_way])
                if (_score(c) <= 400 if i == 0 else _telling(c))
            ]
            if not chosen:
                ways = []
                break
            way = tuple(slot_of.setdefault((c, -(-reach // 24) * 24), len(slot_of)) for c in chosen)
            for slot in way:
                margins[slot] = max(margins.get(slot, 0), reach)
            if way not in ways:
                ways.append(way)
        # A way that needs all the slots of another finds nothing that one does not.
        # (Strictly: two ways of the same slots in another order must not remove each other.)
        ways = [w for w in ways if not any(set(o) < set(w) for o in ways)]
        pattern_slots.append(tuple(ways))
    slot_atoms = [tuple(sorted(c)) for c, _ in sorted(slot_of, key=slot_of.__getitem__)]
    words = {a for c, _ in slot_of for a in c if a != DIGIT}
    atom_patterns: dict[str, set[int]] = {}
    for i, ways in enumerate(pattern_slots):
        for way in ways:
            for atom in slot_atoms[way[0]]:
                atom_patterns.setdefault(atom, set()).add(i)
    return Triggers(
        pattern_slots=tuple(pattern_slots),
        slot_atoms=tuple(slot_atoms),
        margins=tuple(margins.get(i, 0) for i in range(len(slot_atoms))),
        atoms=_trie_regex(words),
        # Found where it starts, a word also stands for the shorter atoms it begins with.
        atom_keys={word: tuple(other for other in words if word.startswith(other)) for word in words},
        atom_patterns={atom: tuple(sorted(found)) for atom, found in atom_patterns.items()},
        free=tuple(i for i, ways in enumerate(pattern_slots) if not ways),
    )


NOWHERE: list[tuple[int, int]] = []  # shared, never changed


def _merge(hits: list[tuple[int, int]], size: int, margin: int) -> list[tuple[int, int]]:
    """The spans within `margin` of the hits (in order), overlapping ones joined."""
    if not hits:
        return NOWHERE
    out: list[tuple[int, int]] = []
    lo, hi = hits[0]
    lo, hi = lo - margin, hi + margin
    for start, end in hits:
        if start - margin <= hi:
            if end + margin > hi:
                hi = end + margin
        else:
            out.append((lo, hi))
            lo, hi = start - margin, end + margin
    out.append((lo, hi))
    if out[0][0] < 0:
        out[0] = (0, out[0][1])
    if out[-1][1] > size:
        out[-1] = (out[-1][0], size)
    return out


def _intersect(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo < hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


@functools.lru_cache(maxsize=8)
def _facts(text: str) -> tuple[str, int, tuple[tuple[int, int], ...]]:
    """What every set of triggers reads in a text: its folded form, how much wider than usual
    runs of blanks make an expression ("April   22"), and where its digits are."""
    extra = 10 * max((len(m.group()) for m in LONG_SPACE.finditer(text)), default=0)
    return fold(text), extra, tuple(m.span() for m in DIGITS.finditer(text))


def windows(text: str, triggers: Triggers) -> list[list[tuple[int, int]] | None] | None:
    """For each pattern the stretches of text where its matches can lie (None: anywhere; an
    empty list: nowhere), or None when the text does not allow the shortcut (short, or cased so
    that lower case changes its length)."""
    size = len(text)
    if size < SHORT_TEXT:
        return None
    folded, extra, digits = _facts(text)
    if len(folded) != size:
        return None
    hits: dict[str, list[tuple[int, int]]] = {}
    if digits and DIGIT in triggers.atom_patterns:
        hits[DIGIT] = list(digits)
    if triggers.atoms is not None:
        keys = triggers.atom_keys
        for m in triggers.atoms.finditer(folded):
            end = m.end(m.lastindex)
            span = (m.start(), end)
            for atom in keys[folded[span[0] : end]]:
                found = hits.get(atom)
                if found is None:
                    hits[atom] = [span]
                else:
                    found.append(span)
    candidates: set[int] = set()
    atom_patterns = triggers.atom_patterns
    for atom in hits:
        found = atom_patterns.get(atom)
        if found:
            candidates.update(found)
    out: list[list[tuple[int, int]] | None] = [NOWHERE] * len(triggers.pattern_slots)
    for i in triggers.free:
        out[i] = None
    merged: dict[int, list[tuple[int, int]]] = {}
    slot_atoms, margins = triggers.slot_atoms, triggers.margins
    for i in candidates:
        ways = triggers.pattern_slots[i]
        spans_of_pattern: list[tuple[int, int]] = []
        for slots in ways:
            spans = None
            for slot in slots:
                here = merged.get(slot)
                if here is None:
                    present = [hits[atom] for atom in slot_atoms[slot] if atom in hits]
                    if not present:
                        here = NOWHERE
                    elif len(present) == 1:
                        here = _merge(present[0], size, margins[slot] + extra)
                    else:
                        here = _merge(
                            sorted(h for found in present for h in found), size, margins[slot] + extra
                        )
                    merged[slot] = here
                spans = here if spans is None else _intersect(spans, here)
                if not spans:
                    break
            if spans:
                spans_of_pattern += spans
        if len(ways) > 1 and spans_of_pattern:
            spans_of_pattern.sort()
            spans_of_pattern = _merge(spans_of_pattern, size, 0)
        out[i] = spans_of_pattern
    return out


def finditer(pattern: re.Pattern, text: str, spans: list[tuple[int, int]] | None):
    """pattern.finditer(text), run only inside the spans: each match found is checked on the
    whole text, so the end of a span can neither cut a match short nor invent one."""
    if spans is None:
        yield from pattern.finditer(text)
        return
    size = len(text)
    for lo, hi in spans:
        pos = lo
        while pos <= hi:
            m = pattern.search(text, pos, hi)
            if m is None:
                break
            if hi < size:
                whole = pattern.match(text, m.start())
                if whole is None:
                    pos = m.start() + 1
                    continue
                m = whole
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1


def _clause_openers(lex: dict) -> str:
    """Words that open another clause after an expression: conjunctions ("arrived on Monday and
    will continue") and complementizers ("wrote on Thursday that Twitter would not")."""
    words = [lex["conjunctions"]] + ([lex["complementizers"]] if lex.get("complementizers") else [])
    return "|".join(words)


@functools.cache
def _lang(code: str) -> _Lang:
    lex = lexicon.part("time/", code)
    cap = bool(lex.get("names_capitalized", False))
    months: dict[str, int] = {}
    full, abbr = [], []
    for number, names in (lex.get("months") or {}).items():
        for name in _cased(names, cap):
            months[name.lower()] = int(number)
            full.append(name)
    for number, names in (lex.get("month_abbreviations") or {}).items():
        for name in _cased(names, cap):
            months[name.lower()] = int(number)
            abbr.append(name)
    weekdays: dict[str, int] = {}
    wfull, wabbr = [], []
    for number, names in (lex.get("weekdays") or {}).items():
        for name in _cased(names, cap):
            weekdays[name.lower()] = int(number)
            wfull.append(name)
    for number, names in (lex.get("weekday_abbreviations") or {}).items():
        for name in _cased(names, cap):
            weekdays[name.lower()] = int(number)
            wabbr.append(name)
    seasons = {str(n).lower(): key for key, names in (lex.get("seasons") or {}).items() for n in names}
    numbers = {str(k).lower(): v for k, v in (lex.get("numbers") or {}).items()}
    units = {str(w).lower(): unit for unit, words in (lex.get("units") or {}).items() for w in words}

    B, E = r"(?<![\w.,/-])", r"(?![\w])"
    M = _alternation(full, cap)
    MA = _alternation(abbr, cap)
    MM = rf"(?:{M}|{MA}\.?)" if abbr else M
    W = _alternation(wfull, cap)
    WD = rf"(?:(?:{W}|{_alternation(wabbr, cap) if wabbr else W})\.?,?\s+)?"
    suffix = _i(lex.get("day_suffix")) or "(?!x)x"
    D = rf"(?P<d>[12]\d|3[01]|0?[1-9])(?:{suffix})?"
    Y = r"(?P<y>(?:19|20)\d\d)(?![\d%])"
    year_suffix = _i(lex.get("year_suffix"))
    YS = rf"(?:\s+(?:{year_suffix}))?" if year_suffix else ""
    joiner = _i(lex.get("day_month_joiner")) or ""
    orders = lex.get("date_orders") or ["dmy"]
    # (a day and its month stand on one line: "до минус 25.\n\nДекабрь стал" is no date)
    patterns: list[tuple[str, str]] = []
    if "mdy" in orders:
        patterns.append(("date", rf"{B}{WD}(?P<m>{MM})[^\S\n]*{D}(?:,\s*|\s+){Y}{YS}{NUMERIC_TIME}"))
        patterns.append(("month-day", rf"{B}{WD}(?P<m>{MM})[^\S\n]*{D}(?![\d:.,]\d|\w)"))
    if "dmy" in orders or "mdy" in orders:
        patterns.append(("date", rf"{B}{WD}{D}\.?{joiner}[^\S\n]*(?P<m>{MM})\.?,?\s+{Y}{YS}{NUMERIC_TIME}"))
        patterns.append(("month-day", rf"{B}{WD}{D}\.?{joiner}[^\S\n]*(?P<m>{MM})(?![\w])"))
    patterns.append(("month-year", rf"{B}(?P<m>{M}|{MA}\.?),?\s+(?i:of\s+)?{Y}{YS}"))
    before = _i(lex.get("month_alone_before"))
    not_before = _i(lex.get("month_not_before"))
    nb = rf"(?!\s+(?:{not_before})\b)" if not_before else ""
    if nb and lex.get("month_homographs"):  # only these months can be something else ("the March to Leave")
        nb = "(?:" + "".join(rf"(?<!{re.escape(str(h))})" for h in lex["month_homographs"]) + f"|{nb})"
    if lex.get("month_given_names"):  # "by April Ryan": a name, not a month
        names = "".join(rf"(?<!{re.escape(str(n))})" for n in lex["month_given_names"])
        nb += rf"(?:{names}|(?!\s+[A-Z][a-z]))"
    if before:
        patterns.append(
            ("month", rf"(?<![\w])(?:{before})\s+(?i:the\s+)?(?P<core>(?P<m>{M})){E}(?!\s*\d){nb}")
        )
    if lex.get("month_alone"):  # languages whose month names are never anything else
        patterns.append(("month", rf"{B}(?P<core>(?P<m>{M})){E}(?!\s*\d)"))
    elif lex.get("month_alone_names"):  # the month names of a language that are never anything else
        alone = _alternation(_cased(lex["month_alone_names"], cap), cap)
        patterns.append(("month", rf"{B}(?P<core>(?P<m>{alone})){E}(?!\s*\d){nb}"))
    ybefore = _i(lex.get("year_alone_before"))
    yafter = _i(lex.get("year_alone_after"))
    if ybefore:
        patterns.append(("year", rf"(?<![\w$€£#])(?:{ybefore})\s+(?P<core>(?:19|20)\d\d){E}(?![%.,]\d)"))
    if yafter:
        patterns.append(("year", rf"{B}(?P<core>(?:19|20)\d\d)\s+(?:{yafter}){E}"))
    patterns.append(
        (
            "year",
            r"(?<![\w$€£#.,:/-])(?P<core>(?:19|20)\d\d)(?=\s*[.,;:)!?]\s|\s*[.!?)]?$|\s*[–—-]\s*(?:19|20)\d\d)",
        )
    )
    if seasons:
        S = _alternation(_cased(seasons, False))
        patterns.append(("season", rf"{B}(?i:the\s+)?(?P<s>{S})\s+(?i:of\s+)?{Y}"))
    # All-number dates; the time of day after them stays in the span.
    patterns.append(("numeric-dmy", rf"(?<![\d.]){D}\.(?P<m>0?[1-9]|1[0-2])\.{Y}(?!\.\d){NUMERIC_TIME}"))
    # "29-03-2022 21:14": day first with dashes (the year last tells it from 2022-03-29)
    patterns.append(("numeric-dmy", rf"(?<![\d./-]){D}-(?P<m>0?[1-9]|1[0-2])-{Y}(?![-\d]){NUMERIC_TIME}"))
    patterns.append(
        (
            "numeric-ymd",
            rf"(?<![\d/.-]){Y}(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>[12]\d|3[01]|0?[1-9])(?![\d/]){NUMERIC_TIME}",
        )
    )
    patterns.append(
        (
            "numeric-slash",
            r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)?\d\d)(?![\d/])" + NUMERIC_TIME,
        )
    )
    # Weekdays, with the words around them that say which one.
    past = {k: _i(v) for k, v in (lex.get("weekday_past") or {}).items()}
    future = {k: _i(v) for k, v in (lex.get("weekday_future") or {}).items()}
    lead = _i(lex.get("weekday_lead"))
    lead_part = rf"(?:(?P<lead>{lead})\s+)?"
    pre = []
    if past.get("before"):
        pre.append(rf"(?P<pp>{past['before']})\s+")
    if future.get("before"):
        pre.append(rf"(?P<pf>{future['before']})\s+")
    post = []
    if past.get("after"):
        post.append(rf"\s+(?P<ap>{past['after']}){E}")
    if future.get("after"):
        post.append(rf"\s+(?P<af>{future['after']}){E}")
    parts = _i(lex.get("day_parts"))
    tail = rf"(?:\s+(?:{parts}){E})?" if parts else ""
    joined = _i(lex.get("day_parts_joined"))  # German compounds: "Montagabend", "Sonntagnachmittag"
    W_ = rf"(?P<w>{W})(?:{joined})?" if joined else rf"(?P<w>{W})"
    pre_part = f"(?:{'|'.join(pre)})?" if pre else ""
    post_part = f"(?:{'|'.join(post)})?" if post else ""
    if lex.get("weekday_needs_lead"):  # the modifiers carry their own preposition ("в прошлую")
        # prepositions outside the span that also let a weekday count ("до среды", "з понеділка")
        outside = [
            rf"(?<=(?<![\w]){re.escape(str(w))}\s)"
            for w in _cased(lex.get("weekday_lead_outside") or (), False)
        ]
        leads = [*pre, rf"(?P<lead>{lead})" + chr(92) + "s+", *outside]
        weekday = rf"{B}(?:{'|'.join(leads)}){W_}{E}{post_part}{tail}"
    else:
        weekday = rf"{B}{lead_part}{pre_part}{W_}{E}{post_part}{tail}"
    patterns.append(("weekday", weekday))
    if lex.get("ago") and numbers and units:
        n = _alternation(_cased(numbers, False)) + r"|\d+"
        unit = _alternation(_cased(units, False))
        ago = str(lex["ago"]).replace("{n}", f"(?:{n})").replace("{unit}", f"(?:{unit})")
        patterns.append(("ago", rf"{B}{ago}{E}"))
    if lex.get("vague_past"):
        patterns.append(("vague", _i(str(lex["vague_past"]))))

    # All relative phrases in one pattern, one pass over the text; the group that matched says which.
    items = list(lex.get("relative") or ())
    relative_table = tuple((item["unit"], int(item.get("offset", 0)), item.get("anchor")) for item in items)
    alternatives = "|".join(f"(?P<r{i}>{item['pattern']})" for i, item in enumerate(items))
    relative = re.compile(rf"(?<![\w])(?i:{alternatives})(?![\w])") if items else None
    compiled = tuple((kind, re.compile(p, re.M)) for kind, p in patterns)
    return _Lang(
        code=code,
        months=months,
        weekdays=weekdays,
        seasons=seasons,
        numbers=numbers,
        units=units,
        patterns=compiled,
        triggers=triggers_for(
            [[(p.pattern, p.flags)] for _, p in compiled]
            + ([[(str(item["pattern"]), re.I) for item in items]] if relative is not None else [])
        ),
        relative=relative,
        relative_table=relative_table,
        future=re.compile(lex["future_markers"], re.I) if lex.get("future_markers") else None,
        past=re.compile(lex["past_markers"], re.I) if lex.get("past_markers") else None,
        present=re.compile(lex["present_markers"], re.I) if lex.get("present_markers") else None,
        present_after=bool(lex.get("present_after")),
        future_in_past=re.compile(lex["future_in_past_markers"], re.I)
        if lex.get("future_in_past_markers")
        else None,
        participle=re.compile(lex["participle"], re.I) if lex.get("participle") else None,
        auxiliary=re.compile(lex["future_auxiliaries"], re.I) if lex.get("future_auxiliaries") else None,
        not_until=re.compile(lex["not_until"], re.I) if lex.get("not_until") else None,
        month_modifiers=tuple(
            (tense, re.compile(rf"(?<![\w])(?:{words['before']})\s+$", re.I))
            for tense, words in (
                ("past", lex.get("weekday_past") or {}),
                ("future", lex.get("weekday_future") or {}),
            )
            if words.get("before")
        ),
        possessive_lead=tuple(
            (tense, re.compile(rf"(?<![\w])(?:{words})\s+$", re.I))
            for tense, words in (lex.get("tense_lead_possessive") or {}).items()
        ),
        slash_order=str(lex.get("slash_order") or "dmy"),
        sets=re.compile(rf"(?<![\w])(?:{lex['sets_before']})\s+$", re.I) if lex.get("sets_before") else None,
        conjunction=re.compile(rf"\s(?:{_clause_openers(lex)})\s", re.I) if lex.get("conjunctions") else None,
        elliptic=re.compile(rf"\s(?:{lex['conjunctions']})(?:\s+[^\s,.;:!?]+){{0,2}}\s*$", re.I)
        if lex.get("conjunctions")
        else None,
        joined=re.compile(
            rf"\s*,?\s*(?:{lex['conjunctions']})\s+(?:(?:{lex.get('weekday_lead') or '(?!x)x'})\s+)?", re.I
        )
        if lex.get("conjunctions")
        else None,
        lead=tuple(
            (None if tense == "none" else tense, re.compile(rf"(?<![\w])(?:{words})\s+(?:the\s+)?$", re.I))
            for tense, words in (lex.get("tense_lead") or {}).items()
        ),
    )


# ---------------------------------------------------------------------------------------------
# Scanning: what the words say.


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None or not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: Feb 29 stays possible
    except ValueError:
        return False
    return True


def _mention(kind: str, match: re.Match, lang: _Lang) -> Mention | None:
    g = match.groupdict()
    start, end = match.span()
    if g.get("core"):
        start, end = match.span("core")
    text = match.string[start:end]
    if kind in ("date", "month-day", "month-year", "month"):
        month = lang.months.get(g["m"].lower().rstrip("."))
        year, day = _int(g.get("y")), _int(g.get("d"))
        if not _valid(year, month, day):
            return None
        if kind == "month":  # "next August", "last March": never the reference's own month
            before = match.string[max(0, start - 24) : start]
            for tense, pattern in lang.month_modifiers:
                if pattern.search(before):
                    return Mention(start, end, text, kind, month=month, tense=tense, strict=True)
        return Mention(start, end, text, kind, year=year, month=month, day=day)
    if kind == "year":
        return Mention(start, end, text, "year", year=int(g["core"]))
    if kind == "season":
        return Mention(start, end, text, "season", year=int(g["y"]), season=lang.seasons.get(g["s"].lower()))
    if kind.startswith("numeric"):
        if kind == "numeric-slash":
            a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
            year = y if y >= 100 else 2000 + y
            month, day = (a, b) if lang.slash_order == "mdy" else (b, a)
            if month > 12 and day <= 12:
                month, day = day, month
        else:
            year, month, day = int(g["y"]), int(g["m"]), int(g["d"])
        if not (MIN_YEAR <= year <= MAX_YEAR and _valid(year, month, day)):
            return None
        return Mention(start, end, text, "date", year=year, month=month, day=day)
    if kind == "weekday":
        weekday = lang.weekdays.get(g["w"].lower())
        if weekday is None:
            return None
        tense = "past" if (g.get("pp") or g.get("ap")) else "future" if (g.get("pf") or g.get("af")) else None
        return Mention(start, end, text, "weekday", weekday=weekday, tense=tense, strict=tense is not None)
    if kind == "ago":
        word = g["n"].lower()
        amount = int(word) if word.isdigit() else lang.numbers.get(word)
        unit = lang.units.get(g["unit"].lower())
        if amount is None or unit is None:
            return None
        return Mention(start, end, text, "ago", unit=unit, offset=-amount, tense="past")
    if kind == "vague":
        return Mention(start, end, text, "vague", tense="past")
    return None


def _tense(text: str, start: int, end: int, lang: _Lang, kind: str = "") -> str | None:
    """past / future from the nearest tense marker in the expression's clause, or None.

    kind "weekday": after a lead with no verdict of its own ("from Thursday") the clause decides;
    kind "month-day" likewise when the lead opens the clause ("Від 24 лютого Росія випустила ...",
    a frame of the verb that follows), not after an object ("proposed talks from May 15": the
    start of what is proposed, on either side)."""
    before_words = text[max(0, start - 40) : start]
    clock = CLOCK_BEFORE.search(before_words)
    if clock:
        before_words = before_words[: clock.start()]
    before_words = before_words[-24:]
    if before_words[-1:].isspace() and text.startswith(("'s", "’s"), end):
        for tense, pattern in lang.possessive_lead:
            if pattern.search(before_words):
                return tense
    lo = max(0, start - 90)
    before = text[lo:start]
    cuts = [c.end() for c in CLAUSE_END.finditer(before)]
    if cuts:
        lo += cuts[-1]
    if before_words[-1:].isspace():  # each lead pattern ends in blanks right before the expression
        for tense, pattern in lang.lead:
            if found := pattern.search(before_words):
                at = start - len(before_words) + found.start()
                if tense is None and (
                    kind == "weekday" or (kind == "month-day" and text[:at].rstrip()[-1:] in OPENS_CLAUSE)
                ):
                    break
                if tense == "future" and lang.not_until is not None and lang.not_until.search(text, lo, at):
                    return "past"  # "the snow did not let up until Sunday": it let up on Sunday
                return tense
    if lang.future is None and lang.past is None:
        return None
    hi = min(len(text), end + 60)
    after = CLAUSE_END.search(text, end, hi)
    if after:
        hi = after.start()
    best: tuple[float, str] | None = None
    # a marker after the expression and a comma is another clause's verb when one of the past or
    # the future stands before it ("Brady, who will turn 41 in August, said he ...")
    before_marker = any(
        p is not None and any(m.end() <= start for m in p.finditer(text, lo, start))
        for p in (lang.future, lang.past)
    )
    # the expression's own stretch between commas: a marker there is most often its verb, one
    # beyond a comma another clause's ("Bolt, who turns 30 on Sunday, has said", "a second wave is
    # possible in March, Jernigan said", "як повідомили в Офісі, у понеділок прибудуть слідчі")
    seg_lo = max([c.end() for c in COMMA.finditer(text, lo, start)], default=lo)
    seg_hi = c.start() if (c := COMMA.search(text, end, hi)) else hi
    # a future auxiliary earlier in the clause: a participle after it is no verb of its own
    # ("schools will stay closed today and Tuesday", "will process payments dated 29/02 on Monday")
    auxiliary = lang.auxiliary.search(text, lo, start) if lang.auxiliary else None
    future_at = auxiliary.start() if auxiliary else None
    # a plain present ("markets reopen on Tuesday", "the summit continues Friday") speaks of what
    # is scheduled, but weighs less than a marker of the past or the future; a plan seen from the
    # past ("was due in January") says neither
    kinds = (
        ("none", None if kind == "weekday" else lang.future_in_past, 1.0),  # "were expected on Friday": ahead
        ("future", lang.future, 1.0),
        ("past", lang.past, 1.0),
        ("future", lang.present, PRESENT_WEIGHT),
    )
    # a marker inside a plan seen from the past ("had been expected on Tuesday but was postponed")
    # yields to the clause's other verbs; alone ("were expected later on Friday") it still decides
    planned = (
        [(p.start(), p.end()) for p in lang.future_in_past.finditer(text, lo, hi)]
        if lang.future_in_past
        else []
    )
    for tense, pattern, weight in kinds:
        if pattern is None:
            continue
        for m in pattern.finditer(text, lo, hi):
            if m.start() >= start and m.end() <= end:
                continue
            inside_plan = any(a <= m.start() and m.end() <= b for a, b in planned)
            if tense == "past" and lang.future is not None and lang.future.fullmatch(m.group(0)):
                continue
            if tense == "past" and PASSIVE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "the new president is inaugurated on Jan. 20": a present, not a past
            if (
                tense == "past"
                and future_at is not None
                and future_at < m.start()
                and m.end() <= start
                and lang.participle is not None
                and lang.participle.fullmatch(text, m.start(), m.end())
            ):
                continue
            distance = start - m.end() if m.end() <= start else (m.start() - end) * 1.5
            if (
                before_marker
                and m.start() >= end
                and (
                    "," in text[end : m.start()]
                    or (lang.conjunction is not None and lang.conjunction.search(text, end, m.start()))
                )
            ):
                distance += AFTER_COMMA
            if not seg_lo <= m.start() < seg_hi:
                distance += BEYOND_COMMA
            right_after = m.start() >= end and not text[end : m.start()].strip()  # "Monday is a holiday"
            if distance < 0 or (
                weight != 1.0 and m.end() > start and not lang.present_after and not right_after
            ):
                continue  # a present after the expression is most often the next clause's verb
            distance *= weight
            if inside_plan:
                distance += PLANNED
            if best is None or distance < best[0]:
                best = (distance, tense)
    return None if best is None or best[1] == "none" else best[1]


_KEPT: list[dict[tuple[str, str], tuple[Mention, ...]]] = []  # the open keep_scans() blocks, innermost last


@contextlib.contextmanager
def keep_scans() -> Iterator[None]:
    """Inside the block every text's scan is kept, not only the last 64: a stage that reads the
    same texts again and again out of order (statement targets, dates shared between reports)
    scans each once, and all are dropped when the block ends (memory stays bounded)."""
    kept: dict[tuple[str, str], tuple[Mention, ...]] = {}
    _KEPT.append(kept)
    try:
        yield
    finally:
        _KEPT.remove(kept)


def scan(text: str, language: str = "en") -> tuple[Mention, ...]:
    """Every time expression in the text, longest first where two overlap, in text order.

    Each pattern runs only near the words its matches need (a digit, a month name, "ago"),
    found for all patterns in two passes over the text; the result is the same as running every
    pattern over the whole text (scan_everywhere, which the tests compare it with)."""
    if _KEPT:
        kept = _KEPT[-1]
        found = kept.get((text, language))
        if found is None:
            found = kept[(text, language)] = _scan_recent(text, language)
        return found
    return _scan_recent(text, language)


def kept(key: tuple, compute: Callable[[], T]) -> T:
    """compute(), worked out once per key while a keep_scans() block is open (else each time)."""
    if not _KEPT:
        return compute()
    store: dict = _KEPT[-1]
    if key in store:
        return store[key]
    value = store[key] = compute()
    return value


@functools.lru_cache(maxsize=64)
def _scan_recent(text: str, language: str) -> tuple[Mention, ...]:
    """scan, the last 64 texts cached (one article's sentences and the article itself)."""
    return _scan(text, language, windowed=True)


scan.__wrapped__ = _scan_recent.__wrapped__  # type: ignore[attr-defined]  # uncached, for the tests


def scan_everywhere(text: str, language: str = "en") -> tuple[Mention, ...]:
    """scan without the trigger windows: every pattern over the whole text (slow; the reference)."""
    return _scan(text, language, windowed=False)


def _scan(text: str, language: str, *, windowed: bool) -> tuple[Mention, ...]:
    lang = _lang(language)
    where = windows(text, lang.triggers) if windowed else None
    candidates: list[Mention] = []
    for i, (kind, pattern) in enumerate(lang.patterns):
        for match in finditer(pattern, text, where[i] if where else None):
            found = _mention(kind, match, lang)
            if (
                found
                and found.kind in ("weekday", "month")
                and lang.sets
                and lang.sets.search(text[max(0, found.start - 16) : found.start])
            ):
                continue
            if found:
                candidates.append(found)
    if lang.relative is not None:
        for match in finditer(lang.relative, text, where[-1] if where else None):
            unit, offset, anchor = lang.relative_table[int((match.lastgroup or "r0")[1:])]
            candidates.append(
                Mention(
                    match.start(),
                    match.end(),
                    match.group(0),
                    "relative",
                    unit=unit,
                    offset=offset,
                    anchor=anchor,
                )
            )
    lowered = text.lower()
    urls = [m.span() for m in URL.finditer(text)] if ("http" in lowered or "www." in lowered) else []
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[tuple[int, int]] = []
    kept: list[Mention] = []
    for mention in candidates:
        if any(a <= mention.start < b for a, b in urls):
            continue
        if any(mention.start < b and a < mention.end for a, b in taken):
            continue
        taken.append((mention.start, mention.end))
        kept.append(mention)
    kept.sort(key=lambda m: m.start)
    out = []
    for mention in kept:
        if mention.kind not in ("relative", "ago", "vague") and mention.tense is None:
            mention = replace(
                mention,
                tense=_tense(text, mention.start, mention.end, lang, mention.kind),
            )
        previous = out[-1] if out else None
        if (
            mention.kind == "weekday"
            and not mention.strict
            and previous is not None
            and previous.kind == "weekday"
            and previous.tense is not None
            and lang.joined is not None
            and lang.joined.fullmatch(text, previous.end, mention.start)
        ):
            mention = replace(mention, tense=previous.tense)  # "wird am Donnerstag und Freitag gestreikt"
        elif (
            mention.kind == "weekday"
            and mention.tense is None
            and previous is not None
            and previous.kind == "weekday"
            and previous.tense is not None
            and lang.elliptic is not None
            and lang.elliptic.search(text, previous.end, mention.start)
            and not SENTENCE_END.search(text, previous.end, mention.start)
        ):
            # a clause with no verb of its own shares its sentence's ("clinics on Saturday from 10 a.m.
            # to 2 p.m., and again on Sunday")
            mention = replace(mention, tense=previous.tense)
        out.append(mention)
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Resolving: a mention and a reference date give a calendar value.


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    """The month `offset` months away ("last month", "in two months"), by dateutil's calendar rules."""
    moved = dt.date(year, month, 1) + relativedelta(months=offset)
    return moved.year, moved.month


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1) + relativedelta(months=1, days=-1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


LAST_WEEKDAY_MIN_BACK = 2  # "last <weekday>" lies 2 to 8 days back ("yesterday" would be said otherwise)


def weekday_on(mention: Mention, reference: dt.date, tense: str | None = None) -> dt.date:
    """The day a weekday names, seen from the reference: the most recent one on or before it
    (the same day included: "on Friday" in a Friday story is that Friday), or in a future
    clause the next one on or after it; "last" / "next" never mean the reference day."""
    tense = tense or mention.tense
    weekday = mention.weekday or 0
    if tense == "future":
        ahead = (weekday - reference.weekday()) % 7
        if ahead == 0 and mention.strict:
            ahead = 7
        return reference + dt.timedelta(days=ahead)
    back = (reference.weekday() - weekday) % 7
    if back < LAST_WEEKDAY_MIN_BACK and mention.strict:
        back += 7  # "last Friday" is a day of the week before: never today, nor yesterday
    return reference - dt.timedelta(days=back)


YEARLESS_REACH = 270  # days: how far a date without a year reaches across a year boundary against its tense


def month_day_on(mention: Mention, reference: dt.date) -> dt.date | None:
    """A day and month without a year: the year that fits the tense, else the nearest one."""
    options = [
        d
        for y in (reference.year - 1, reference.year, reference.year + 1)
        if (d := _safe_date(y, mention.month or 1, mention.day or 1))
    ]
    if not options:
        return None
    # News leaves the year out only for dates within about a year, in the story's own year most
    # of all: the tense moves a date across a year boundary only when that keeps it near
    # ("on Dec. 28" in a January story), not to the same day eleven months back ("Ukraine had
    # proposed a meeting between June 20 and June 30", written on June 3).
    this_year = _safe_date(reference.year, mention.month or 1, mention.day or 1)
    if mention.tense == "past":
        past = [d for d in options if d <= reference + dt.timedelta(days=1)]
        if past and (
            this_year is None
            or this_year <= reference + dt.timedelta(days=1)
            or (reference - max(past)).days <= YEARLESS_REACH
        ):
            return max(past)
    if mention.tense == "future":
        ahead = [d for d in options if d >= reference - dt.timedelta(days=1)]
        if ahead and (
            this_year is None
            or this_year >= reference - dt.timedelta(days=1)
            or (min(ahead) - reference).days <= YEARLESS_REACH
        ):
            return min(ahead)
    if mention.tense in ("past", "future") and this_year is not None:
        return this_year
    return min(options, key=lambda d: (abs((d - reference).days), d.year != reference.year))


def month_on(mention: Mention, reference: dt.date) -> tuple[int, int]:
    """A month without a year: the one the tense allows, else the reference's year."""
    month = mention.month or 1
    if mention.tense == "past" and (month > reference.month or (mention.strict and month == reference.month)):
        return reference.year - 1, month
    if mention.tense == "future" and (
        month < reference.month or (mention.strict and month == reference.month)
    ):
        return reference.year + 1, month
    return reference.year, month


def _week_value(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _expression(
    m: Mention, value: str | None, lo: dt.date | None, hi: dt.date | None, precision: str
) -> TimeExpression:
    return TimeExpression(m.start, m.end, m.text, value, lo, hi, precision, m.kind, tense=m.tense)


def _day(m: Mention, day: dt.date | None) -> TimeExpression:
    if day is None:
        return _expression(m, None, None, None, "unknown")
    return _expression(m, day.isoformat(), day, day, "day")


def _unit_span(m: Mention, unit: str, reference: dt.date, offset: int) -> TimeExpression:
    if unit == "day":
        return _day(m, reference + dt.timedelta(days=offset))
    if unit == "week":
        monday = _monday(reference) + dt.timedelta(weeks=offset)
        return _expression(m, _week_value(monday), monday, monday + dt.timedelta(days=6), "week")
    if unit == "month":
        y, mo = _add_months(reference.year, reference.month, offset)
        return _expression(m, f"{y:04d}-{mo:02d}", dt.date(y, mo, 1), _month_end(y, mo), "month")
    y = reference.year + offset
    return _expression(m, f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def resolve(m: Mention, reference: dt.date | None, previous: dt.date | None = None) -> TimeExpression:
    """The calendar value of one mention; None values where the words need a reference and
    there is none. `previous` is the last day named before it ("the day before" counts from it)."""
    if m.kind == "date":
        return _day(m, _safe_date(m.year or 0, m.month or 1, m.day or 1))
    if m.kind == "month-year":
        y, mo = m.year or 0, m.month or 1
        return _expression(m, f"{y:04d}-{mo:02d}", dt.date(y, mo, 1), _month_end(y, mo), "month")
    if m.kind == "year":
        y = m.year or 0
        return _expression(m, f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if m.kind == "season":
        y = m.year or 0
        first, last = SEASON_MONTHS.get(m.season or "", (1, 12))
        ly, lm = _add_months(y, first, last - first)
        return _expression(m, f"{y:04d}-{m.season}", dt.date(y, first, 1), _month_end(ly, lm), "season")
    if m.kind == "vague":
        latest = reference - dt.timedelta(days=1) if reference else None
        return _expression(m, None, None, latest, "unknown")
    if reference is None:
        return _expression(m, None, None, None, "unknown")
    if m.kind == "month-day":
        return _day(m, month_day_on(m, reference))
    if m.kind == "month":
        y, mo = month_on(m, reference)
        return _expression(m, f"{y:04d}-{mo:02d}", dt.date(y, mo, 1), _month_end(y, mo), "month")
    if m.kind == "weekday":
        return _day(m, weekday_on(m, reference))
    if m.kind == "relative":
        if m.anchor == "previous" and m.offset == 0 and previous is None:
            return _expression(m, None, None, None, "unknown")  # "that day" with no day named before it
        base = previous if (m.anchor == "previous" and previous is not None) else reference
        return _unit_span(m, m.unit or "day", base, m.offset)
    if m.kind == "ago":
        unit = m.unit or "day"
        if unit == "day":
            return _day(m, reference + dt.timedelta(days=m.offset))
        return _unit_span(m, unit, reference, m.offset)
    return _expression(m, None, None, None, "unknown")


def resolve_all(mentions: tuple[Mention, ...], reference: dt.date | None) -> list[TimeExpression]:
    """Resolve in text order, so that "the day before" counts from the day named before it."""
    out = []
    previous: dt.date | None = None
    base: tuple[dt.date, int] | None = None  # the day the last day was counted from, and its offset
    for m in mentions:
        anchor = previous
        if m.kind == "relative" and m.anchor == "previous" and base is not None and base[1] * m.offset < 0:
            anchor = base[0]  # "on Sept. 26 ... the following day ... a day earlier": the 25th, not the 26th
        expr = resolve(m, reference, anchor)
        out.append(expr)
        if expr.precision == "day" and expr.earliest and (m.kind != "relative" or m.anchor == "previous"):
            base = (anchor, m.offset) if m.kind == "relative" and anchor is not None else None
            previous = expr.earliest
    return out


def find_expressions(
    text: str, reference: dt.date | None = None, language: str = "en"
) -> list[TimeExpression]:
    """Every time expression in the text with its span, resolved where the reference allows."""
    return list(resolved(text, language, reference))


@functools.lru_cache(maxsize=32)
def resolved(text: str, language: str, reference: dt.date | None) -> tuple[TimeExpression, ...]:
    """scan and resolve_all, once per article and reference (the loader and every statement
    date of the article share it)."""
    return tuple(resolve_all(scan(text, language), reference))


def resolve_dates(text: str, reference: dt.date, language: str | None = None) -> list[TimeExpression]:
    """Every calendar time expression of the text, resolved against the reference date.

    The public entry point (`from timeline import resolve_dates`): durations, sets and vague
    words ("earlier") are left out; values are ISO at the precision of the words.
    """
    if language is None:
        from timeline.load.language import detect_language

        language = detect_language(text, "en")
    from timeline.load.named_days import with_extras

    found = [
        e for e in find_expressions(text, reference, language) if e.value is not None and e.kind != "vague"
    ]
    lang = _lang(language)
    return with_extras(text, found, reference, language, lambda start, end: _tense(text, start, end, lang))
