"""Time expressions: find calendar dates in a text and resolve them against a reference date.

Two steps, so the dating engine can reason about expressions before it knows the reference:
`scan` finds every expression (what its words fix: a year, a month, a day, a weekday, an
offset, and the tense of its clause); `resolve` turns one into a calendar value once a
reference date is known. All words (month and weekday names in every case, relative phrases,
tense markers) come from lexicons/time/<lang>.yaml; the regular expressions are compiled once
per language. Values follow TimeML: 2021-04-22 (day), 2021-W16 (week), 2021-04 (month), 2021.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from timeline import lexicon
from timeline.model import TimeExpression

MIN_YEAR, MAX_YEAR = 1900, 2099
URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
CLAUSE_END = re.compile(r"[.!?;:\n]|,\s+(?:but|while|and|as|after|before)\b|\s[–—]\s")
NUMERIC_TIME = r"(?:,?\s+(?i:at\s+)?[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:\s*(?i:[ap]\.?m\.?|GMT|UTC|CET|CEST|MSK|EET|EEST|Kyiv\s+time|local\s+time))?)?"


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
    lead: tuple[tuple[str | None, re.Pattern], ...]
    sets: re.Pattern | None
    slash_order: str


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
        out += [name, name.upper()] if capitalized else [name.lower(), name[:1].upper() + name[1:].lower(), name.upper()]
    return out


def _i(fragment: str | None) -> str | None:
    """A lexicon regex fragment, matched without regard to case."""
    return f"(?i:{fragment})" if fragment else fragment


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
    patterns: list[tuple[str, str]] = []
    if "mdy" in orders:
        patterns.append(("date", rf"{B}{WD}(?P<m>{MM})\s*{D}(?:,\s*|\s+){Y}{YS}{NUMERIC_TIME}"))
        patterns.append(("month-day", rf"{B}{WD}(?P<m>{MM})\s*{D}(?![\d:.,]\d|\w)"))
    if "dmy" in orders or "mdy" in orders:
        patterns.append(("date", rf"{B}{WD}{D}\.?{joiner}\s*(?P<m>{MM})\.?,?\s+{Y}{YS}{NUMERIC_TIME}"))
        patterns.append(("month-day", rf"{B}{WD}{D}\.?{joiner}\s*(?P<m>{MM})(?![\w])"))
    patterns.append(("month-year", rf"{B}(?P<m>{M}|{MA}\.?),?\s+(?i:of\s+)?{Y}{YS}"))
    before = _i(lex.get("month_alone_before"))
    not_before = _i(lex.get("month_not_before"))
    nb = rf"(?!\s+(?:{not_before})\b)" if not_before else ""
    if before:
        patterns.append(("month", rf"(?<![\w])(?:{before})\s+(?i:the\s+)?(?P<core>(?P<m>{M})){E}(?!\s*\d){nb}"))
    if lex.get("month_alone"):  # languages whose month names are never anything else
        patterns.append(("month", rf"{B}(?P<core>(?P<m>{M})){E}(?!\s*\d)"))
    ybefore = _i(lex.get("year_alone_before"))
    yafter = _i(lex.get("year_alone_after"))
    if ybefore:
        patterns.append(("year", rf"(?<![\w$€£#])(?:{ybefore})\s+(?P<core>(?:19|20)\d\d){E}(?![%.,]\d)"))
    if yafter:
        patterns.append(("year", rf"{B}(?P<core>(?:19|20)\d\d)\s+(?:{yafter}){E}"))
    patterns.append(("year", r"(?<![\w$€£#.,:/-])(?P<core>(?:19|20)\d\d)(?=\s*[.,;:)!?]\s|\s*[.!?)]?$|\s*[–—-]\s*(?:19|20)\d\d)"))
    if seasons:
        S = _alternation(_cased(seasons, False))
        patterns.append(("season", rf"{B}(?i:the\s+)?(?P<s>{S})\s+(?i:of\s+)?{Y}"))
    # All-number dates; the time of day after them stays in the span.
    patterns.append(("numeric-dmy", rf"(?<![\d.]){D}\.(?P<m>0?[1-9]|1[0-2])\.{Y}(?!\.\d){NUMERIC_TIME}"))
    patterns.append(("numeric-ymd", rf"(?<![\d/.-]){Y}(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>[12]\d|3[01]|0?[1-9])(?![\d/]){NUMERIC_TIME}"))
    patterns.append(("numeric-slash", r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)?\d\d)(?![\d/])" + NUMERIC_TIME))
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
    pre_part = f"(?:{'|'.join(pre)})?" if pre else ""
    post_part = f"(?:{'|'.join(post)})?" if post else ""
    if lex.get("weekday_needs_lead"):  # the modifiers carry their own preposition ("в прошлую")
        weekday = rf"{B}(?:{'|'.join([*pre, rf'(?P<lead>{lead})' + chr(92) + 's+'])})(?P<w>{W}){E}{post_part}{tail}"
    else:
        weekday = rf"{B}{lead_part}{pre_part}(?P<w>{W}){E}{post_part}{tail}"
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
    return _Lang(
        code=code,
        months=months,
        weekdays=weekdays,
        seasons=seasons,
        numbers=numbers,
        units=units,
        patterns=tuple((kind, re.compile(p, re.M)) for kind, p in patterns),
        relative=relative,
        relative_table=relative_table,
        future=re.compile(lex["future_markers"], re.I) if lex.get("future_markers") else None,
        past=re.compile(lex["past_markers"], re.I) if lex.get("past_markers") else None,
        slash_order=str(lex.get("slash_order") or "dmy"),
        sets=re.compile(rf"(?<![\w])(?:{lex['sets_before']})\s+$", re.I) if lex.get("sets_before") else None,
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


def _tense(text: str, start: int, end: int, lang: _Lang) -> str | None:
    """past / future from the nearest tense marker in the expression's clause, or None."""
    before_words = text[max(0, start - 24) : start]
    for tense, pattern in lang.lead:
        if pattern.search(before_words):
            return tense
    if lang.future is None and lang.past is None:
        return None
    lo = max(0, start - 90)
    before = text[lo:start]
    cuts = [c.end() for c in CLAUSE_END.finditer(before)]
    if cuts:
        lo += cuts[-1]
    hi = min(len(text), end + 60)
    after = CLAUSE_END.search(text, end, hi)
    if after:
        hi = after.start()
    best: tuple[int, str] | None = None
    for tense, pattern in (("future", lang.future), ("past", lang.past)):
        if pattern is None:
            continue
        for m in pattern.finditer(text, lo, hi):
            if m.start() >= start and m.end() <= end:
                continue
            if tense == "past" and lang.future is not None and lang.future.fullmatch(m.group(0)):
                continue
            distance = start - m.end() if m.end() <= start else (m.start() - end) * 1.5
            if distance < 0:
                continue
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else None


@functools.lru_cache(maxsize=64)
def scan(text: str, language: str = "en") -> tuple[Mention, ...]:
    """Every time expression in the text, longest first where two overlap, in text order."""
    lang = _lang(language)
    candidates: list[Mention] = []
    for kind, pattern in lang.patterns:
        for match in pattern.finditer(text):
            found = _mention(kind, match, lang)
            if found and found.kind in ("weekday", "month") and lang.sets and lang.sets.search(text[max(0, found.start - 16) : found.start]):
                continue
            if found:
                candidates.append(found)
    if lang.relative is not None:
        for match in lang.relative.finditer(text):
            unit, offset, anchor = lang.relative_table[int((match.lastgroup or "r0")[1:])]
            candidates.append(Mention(match.start(), match.end(), match.group(0), "relative", unit=unit, offset=offset, anchor=anchor))
    urls = [m.span() for m in URL.finditer(text)]
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
            mention = replace(mention, tense=_tense(text, mention.start, mention.end, lang))
        out.append(mention)
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Resolving: a mention and a reference date give a calendar value.


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _month_end(year: int, month: int) -> dt.date:
    y, m = _add_months(year, month, 1)
    return dt.date(y, m, 1) - dt.timedelta(days=1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


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
    if back == 0 and mention.strict:
        back = 7
    return reference - dt.timedelta(days=back)


def month_day_on(mention: Mention, reference: dt.date) -> dt.date | None:
    """A day and month without a year: the year that fits the tense, else the nearest one."""
    options = [d for y in (reference.year - 1, reference.year, reference.year + 1) if (d := _safe_date(y, mention.month or 1, mention.day or 1))]
    if not options:
        return None
    if mention.tense == "past":
        past = [d for d in options if d <= reference + dt.timedelta(days=1)]
        if past:
            return max(past)
    if mention.tense == "future":
        ahead = [d for d in options if d >= reference - dt.timedelta(days=1)]
        if ahead:
            return min(ahead)
    return min(options, key=lambda d: (abs((d - reference).days), d.year != reference.year))


def month_on(mention: Mention, reference: dt.date) -> tuple[int, int]:
    month = mention.month or 1
    if mention.tense == "past" and month > reference.month:
        return reference.year - 1, month
    if mention.tense == "future" and month < reference.month:
        return reference.year + 1, month
    return reference.year, month


def _week_value(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _expression(m: Mention, value: str | None, lo: dt.date | None, hi: dt.date | None, precision: str) -> TimeExpression:
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
    for m in mentions:
        expr = resolve(m, reference, previous)
        out.append(expr)
        if expr.precision == "day" and expr.earliest and (m.kind != "relative" or m.anchor == "previous"):
            previous = expr.earliest
    return out


def find_expressions(text: str, reference: dt.date | None = None, language: str = "en") -> list[TimeExpression]:
    """Every time expression in the text with its span, resolved where the reference allows."""
    return resolve_all(scan(text, language), reference)


def resolve_dates(text: str, reference: dt.date, language: str | None = None) -> list[TimeExpression]:
    """Every calendar time expression of the text, resolved against the reference date.

    The public entry point (`from timeline import resolve_dates`): durations, sets and vague
    words ("earlier") are left out; values are ISO at the precision of the words.
    """
    if language is None:
        from timeline.load.language import detect_language

        language = detect_language(text, "en")
    return [e for e in find_expressions(text, reference, language) if e.value is not None and e.kind != "vague"]
