"""What the public resolver adds to the time engine's expressions, TimeML's way: times of day
joined to their day ("at 9:30 a.m. Friday" is 2023-03-17T09:30), named days ("Christmas", "Thanksgiving", "Black
Friday", "Easter"), weekends ("last weekend" is 2020-W08-WE), reference words ("now" is
PRESENT_REF), "mid-February", decades, quarters and halves, and years standing alone.

The loader dates articles and statements from days, weeks and months (timex.find_expressions);
these finer or rarer expressions matter to people who use `resolve_dates` on any news text, so
they are added there. Every word list is data: `clock_times`, `named_days` and `periods` in
lexicons/time/<lang>.yaml.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from timeline import lexicon
from timeline.load.timex import CLAUSE_END, _lang, kept
from timeline.model import TimeExpression

CLOCK_BESIDE = re.compile(r"^\s*,?\s*$")  # "9:30 a.m. Friday": one expression, TimeML's way
CLOCK_JOIN = re.compile(r"^\s*(?:on|at|am|um|le|à|в|у|о)\s*$", re.I)  # "on Thursday at 5 p.m.": two
WEEKEND = re.compile(r"weekend|wochenende|week-end|выходны|вихідн", re.I)
YEAR_JOIN = re.compile(r"\s*,?\s*")  # between a named day and its year
NAMED_YEAR = re.compile(r"\s*,?\s*((?:1[6-9]|20)\d\d)(?![\w,.]\d)")
WEEKEND_AFTER = re.compile(r"[\s-]+(?:weekend|wochenende|week-end)\b", re.I)
YEAR_REACH = 270  # days: as timex.YEARLESS_REACH, how far a named day reaches across a year boundary


def _matches(rules: tuple, at: int | None, text: str) -> tuple[tuple[re.Match, ...], ...]:
    """Each rule's matches in the text, its pattern being rule[at] (or the rule itself): inside a
    timex.keep_scans() block worked out once per text, which is resolved against many dates."""
    found = kept((id(rules), text), lambda: _search(rules, at, text))
    return found if found is not None else ((),) * len(rules)


def _search(rules: tuple, at: int | None, text: str) -> tuple[tuple[re.Match, ...], ...] | None:
    found = tuple(tuple((rule if at is None else rule[at]).finditer(text)) for rule in rules)
    return found if any(found) else None  # most texts match no rule: kept small


def with_extras(
    text: str, found: list[TimeExpression], reference: dt.date, language: str, tense_at
) -> list[TimeExpression]:
    """found plus the times of day and named days of the text, weekends marked.

    tense_at(start, end) gives the tense of the clause around an expression (past / future / None)."""
    out = _month_of_year(text, list(found))
    out = _month_of_that_year(text, out, language)
    out = _range_days(text, out, language)
    out = _range_days_before(text, out, language)
    out = _named_days(text, out, reference, language, tense_at)
    out = _periods(text, out, reference, language, tense_at)
    out = _with_clock_times(text, out, reference, language)
    parts = _day_parts(language)
    before = _parts_before(language)
    out = _uncovered([_part_before(text, _weekend(text, e), before) for e in out])
    return [_day_part(e, parts) for e in out]


def _uncovered(found: list[TimeExpression]) -> list[TimeExpression]:
    """Without the expressions a longer one now covers ("dimanche" in "dans la nuit de dimanche à lundi")."""
    return [
        e
        for e in found
        if not any(o.start <= e.start and e.end <= o.end and o.end - o.start > e.end - e.start for o in found)
    ]


# ---------------------------------------------------------------------------------------------
# Periods: "now" (PRESENT_REF), "the weekend", "mid-February", "the 1990s", "the fourth quarter",
# years standing alone ("below 2005 levels")


@functools.cache
def _period_rules(language: str) -> tuple[tuple[str, re.Pattern, str], ...]:
    """(kind, pattern, value) from the lexicon's `periods`; kinds: ref (a TimeML reference word),
    weekend, mid-month, decade, quarter, half, year, new-year ("the new year")."""
    part = lexicon.part("time/", language)
    months = {str(n).lower(): int(k) for k, names in (part.get("months") or {}).items() for n in names}
    month_words = "|".join(sorted(map(re.escape, months), key=len, reverse=True)) or "(?!x)x"
    seasons = {str(n).lower(): str(k) for k, names in (part.get("seasons") or {}).items() for n in names}
    season_words = "|".join(sorted(map(re.escape, seasons), key=len, reverse=True)) or "(?!x)x"
    rules = []
    for item in part.get("periods") or ():
        pattern = str(item["pattern"]).replace("{month}", f"(?P<month>{month_words})")
        pattern = pattern.replace("{season}", f"(?P<season>{season_words})")
        pattern = pattern.replace("{of_year}", str(part.get("period_of_year") or ""))
        rules.append(
            (
                str(item["kind"]),
                re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.I),
                str(item.get("value", "")),
            )
        )
    return tuple(rules), tuple(months.items()), tuple(seasons.items())


SEASON_START = {
    "SP": 3,
    "SU": 6,
    "FA": 9,
    "WI": 12,
}  # the first month of each season (winter runs into the next year)
NEW_YEAR_FROM = 7  # from July on, "the new year" is the next one
SEASON_REACH = dt.timedelta(days=31)  # "losing customers during the summer", said in May: the one ahead


def _season_year(code: str, which: str, tense: str | None, reference: dt.date) -> int:
    """The year of a season named without one: "this", "last", "next", else the clause's tense."""

    def bounds(year: int) -> tuple[dt.date, dt.date]:
        first = SEASON_START[code]
        lo = dt.date(year + (first - 1) // 12, (first - 1) % 12 + 1, 1)
        hi = dt.date(year + (first + 2) // 12, (first + 2) % 12 + 1, 1) - dt.timedelta(days=1)
        return lo, hi

    years = [reference.year - 2, reference.year - 1, reference.year, reference.year + 1]
    current = next((y for y in years if bounds(y)[0] <= reference <= bounds(y)[1]), None)
    if which == "last":  # the one before this year's: "last summer" said in September is a year back
        ended = max(y for y in years if bounds(y)[1] < reference)
        return min(ended, reference.year - 1) if code != "WI" else ended
    if which == "next":
        return min(y for y in years if bounds(y)[0] > reference)
    if which == "this" or tense is None:
        if current is not None:
            return current
        return reference.year - 1 if code == "WI" and reference.month <= 2 else reference.year
    if tense == "past":
        return max(y for y in years if bounds(y)[0] <= reference + SEASON_REACH)
    return min(y for y in years if bounds(y)[1] >= reference)


def _periods(
    text: str, found: list[TimeExpression], reference: dt.date, language: str, tense_at
) -> list[TimeExpression]:
    rules, months, seasons = _period_rules(language)
    month_of, season_of = dict(months), dict(seasons)
    added: list[TimeExpression] = []
    for (kind, _, value), matches in zip(rules, _matches(rules, 1, text), strict=True):
        for m in matches:
            inside = [e for e in found if m.start() <= e.start and e.end <= m.end()]
            if any(e.start < m.end() and m.start() < e.end for e in (*found, *added) if e not in inside):
                continue
            found = [
                e for e in found if e not in inside
            ]  # "the first quarter of next year" holds "next year"
            g = m.groupdict()
            tense = tense_at(m.start(), m.end())
            year = int(g["year"]) if g.get("year") else reference.year
            # "the first quarter of next year": a year of its own, as good as one in figures
            named_year = bool(g.get("year") or g.get("next") or g.get("last") or g.get("this"))
            year += 1 if g.get("next") else -1 if g.get("last") else 0
            if kind == "ref":
                got, lo, hi = value, None, None
            elif kind == "weekend":
                saturday = reference + dt.timedelta(days=(5 - reference.weekday()) % 7)
                if g.get("ahead") and tense != "past":  # "by the weekend", "forecast for the weekend":
                    pass  # the coming one; not "worked through the weekend" (a past)
                elif tense == "past" or (tense is None and reference.weekday() < 4):
                    saturday -= dt.timedelta(days=7) if saturday > reference else dt.timedelta(0)
                iso = saturday.isocalendar()
                got, lo, hi = f"{iso[0]}-W{iso[1]:02d}-WE", saturday, saturday + dt.timedelta(days=1)
            elif kind == "mid-month":
                month = month_of.get(g["month"].lower(), 1)
                if not named_year:
                    if tense == "past" and month > reference.month:
                        year -= 1
                    elif tense == "future" and month < reference.month:
                        year += 1
                got = f"{year}-{month:02d}"
                lo = dt.date(year, month, 1)
                hi = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
            elif kind == "decade":
                got, lo, hi = g["decade"][:3], None, None
            elif kind == "century":  # "the 16th century" is TimeML's 15
                got, lo, hi = f"{int(g['century']) - 1:02d}", None, None
            elif kind == "season":
                code, _, which = (value or "").partition(" ")
                code = code or season_of.get((g.get("season") or "").lower(), "SU")
                which = which or next((w for w in ("this", "last", "next") if g.get(w)), "")
                y = _season_year(code, which, tense, reference)
                first, span = SEASON_START[code], 3
                lo = dt.date(y + (first - 1) // 12, (first - 1) % 12 + 1, 1)
                hi = dt.date(y + (first + span - 1) // 12, (first + span - 1) % 12 + 1, 1) - dt.timedelta(
                    days=1
                )
                got = f"{y}-{code}"
            elif kind in ("quarter", "half"):
                n = int(value or g.get("n") or 1)
                first_month = 3 * n - 2 if kind == "quarter" else 6 * n - 5
                begins = dt.date(year, first_month, 1)
                if (
                    not named_year
                    and begins > reference
                    and not (tense == "future" and (begins - reference).days <= 183)
                ):
                    year -= 1  # "figures for the fourth quarter", written in January: the one just ended
                got, lo, hi = f"{year}-{'Q' if kind == 'quarter' else 'H'}{n}", None, None
            elif kind == "new-year":  # the one just begun, or in the year's second half the next
                got = str(reference.year + (reference.month >= NEW_YEAR_FROM))
                lo, hi = dt.date(int(got), 1, 1), dt.date(int(got), 12, 31)
            else:  # a year on its own
                got = g["year"]
                lo, hi = dt.date(int(got), 1, 1), dt.date(int(got), 12, 31)
            a, b = m.span("core") if g.get("core") else m.span()
            added.append(
                TimeExpression(
                    a,
                    b,
                    text[a:b],
                    got,
                    lo,
                    hi,
                    "year" if kind in ("year", "new-year") else "unknown" if lo is None else "month",
                    kind,
                )
            )
    return sorted(found + added, key=lambda e: (e.start, e.end))


# ---------------------------------------------------------------------------------------------
# Named days


@functools.cache
def _named_day_rules(language: str) -> tuple[tuple[re.Pattern, dict], ...]:
    rules = []
    for item in lexicon.part("time/", language).get("named_days") or ():
        pattern = re.compile(
            rf"(?<![\w-])(?:{item['pattern']})(?![\w-])", re.I if item.get("any_case") else 0
        )
        rules.append((pattern, dict(item)))
    return tuple(rules)


def _day_in(year: int, rule: dict) -> dt.date | None:
    """The rule's day in a given year: a fixed day, the nth weekday of a month, or Easter's."""
    if "easter" in rule:
        kind = EASTER_ORTHODOX if rule.get("calendar") == "orthodox" else EASTER_WESTERN
        return easter(year, kind) + dt.timedelta(days=int(rule["easter"]))
    month = int(rule["month"])
    if "day" in rule:
        try:
            return dt.date(year, month, int(rule["day"]))
        except ValueError:
            return None  # 29 February of a common year
    weekday, nth = int(rule["weekday"]), int(rule["nth"])
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return day + dt.timedelta(days=int(rule.get("offset", 0)))


def _occurrence(rule: dict, reference: dt.date, tense: str | None) -> dt.date | None:
    """The year a named day falls in: the story's own, unless the tense keeps it near across a
    year boundary ("on Christmas Day" in a story of 3 January is the last one)."""
    options = [d for y in (reference.year - 1, reference.year, reference.year + 1) if (d := _day_in(y, rule))]
    this_year = _day_in(reference.year, rule)
    if tense == "past":
        past = [d for d in options if d <= reference]
        if past and (
            this_year is None or this_year <= reference or (reference - max(past)).days <= YEAR_REACH
        ):
            return max(past)
    if tense == "future":
        ahead = [d for d in options if d >= reference]
        if ahead and (
            this_year is None or this_year >= reference or (min(ahead) - reference).days <= YEAR_REACH
        ):
            return min(ahead)
    if this_year is not None and tense is None and abs((this_year - reference).days) <= YEAR_REACH:
        return this_year
    return min(options, key=lambda d: abs((d - reference).days)) if options else None


def _named_days(
    text: str, found: list[TimeExpression], reference: dt.date, language: str, tense_at
) -> list[TimeExpression]:
    spans: list[TimeExpression] = []
    rules = _named_day_rules(language)
    for (_, rule), matches in zip(rules, _matches(rules, 0, text), strict=True):
        for m in matches:
            if any(s.start < m.end() and m.start() < s.end for s in spans):
                continue
            start, end = m.span()
            # a year right after it gives its year ("New Year's Eve last year", "Christmas 2019"), both kept
            year = next(
                (
                    e
                    for e in found
                    if e.start >= end
                    and YEAR_JOIN.fullmatch(text, end, e.start)
                    and re.fullmatch(r"\d{4}", e.value or "")
                ),
                None,
            )
            figures = NAMED_YEAR.match(text, end)
            if year is not None or figures:
                day = _day_in(int(year.value if year is not None else figures.group(1)), rule)
            else:
                day = _occurrence(rule, reference, tense_at(start, end))
            if day is None:
                continue
            value = day.isoformat() + str(rule.get("part", ""))
            if weekend := WEEKEND_AFTER.match(text, end):
                # "Thanksgiving weekend": the weekend by the day, TimeML's 2022-W47-WE
                saturday = day + dt.timedelta(
                    days=5 - day.weekday() if day.weekday() > 1 else -day.weekday() - 2
                )
                iso = saturday.isocalendar()
                end = weekend.end()
                spans.append(
                    TimeExpression(
                        start,
                        end,
                        text[start:end],
                        f"{iso[0]}-W{iso[1]:02d}-WE",
                        saturday,
                        saturday + dt.timedelta(days=1),
                        "day",
                        "named-day",
                    )
                )
                continue
            spans.append(TimeExpression(start, end, text[start:end], value, day, day, "day", "named-day"))
    if not spans:
        return found
    # a named day wins over the weekday or month inside it ("Black Friday", "May Day")
    kept = [e for e in found if not any(s.start < e.end and e.start < s.end for s in spans)]
    return sorted(kept + spans, key=lambda e: (e.start, e.end))


# ---------------------------------------------------------------------------------------------
# Weekends


def _weekend(text: str, e: TimeExpression) -> TimeExpression:
    """ "last weekend" is the weekend of a week: TimeML writes 2020-W08-WE."""
    if e.value and re.fullmatch(r"\d{4}-W\d\d", e.value) and WEEKEND.search(e.text):
        return replace(e, value=e.value + "-WE")
    return e


# ---------------------------------------------------------------------------------------------
# A month with its year in words ("in June last year")


def _month_of_year(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """A month right before a year in words is that year's month, one expression: "June last
    year" is 2024-06 (TimeML's span), not June of this year and a year."""
    out: list[TimeExpression] = []
    for e in found:
        before = out[-1] if out else None
        if (
            before is not None
            and before.kind == "month"
            and e.kind == "relative"
            and re.fullmatch(r"\d{4}", e.value or "")
            and re.fullmatch(r"\s+", text[before.end : e.start])
            and before.value
        ):
            year = int(e.value)
            month = int(before.value[5:7])
            lo = dt.date(year, month, 1)
            hi = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
            out[-1] = replace(
                before,
                end=e.end,
                text=text[before.start : e.end],
                value=f"{year}-{month:02d}",
                earliest=lo,
                latest=hi,
            )
            continue
        out.append(e)
    return out


def _month_of_that_year(text: str, found: list[TimeExpression], language: str) -> list[TimeExpression]:
    """ "November of that year" is the month of the year last named before it (2013 in "talks began
    in 2013 and a deal was struck in November of that year"), never one near the reference; with
    no year named before it, it is left out."""
    words = lexicon.part("time/", language).get("of_that_year")
    if not words:
        return found
    after = re.compile(rf"\s+(?:{words})\b", re.I)
    out: list[TimeExpression] = []
    for e in found:
        m = after.match(text, e.end) if e.kind == "month" and e.value else None
        if m is None:
            out.append(e)
            continue
        year = next(
            (int(o.value[:4]) for o in reversed(out) if o.value and re.fullmatch(r"\d{4}", o.value)), None
        )
        if year is None:
            continue
        month = int(e.value[5:7])
        lo = dt.date(year, month, 1)
        hi = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        out.append(replace(e, value=f"{year}-{month:02d}", earliest=lo, latest=hi))
    return out


# ---------------------------------------------------------------------------------------------
# A bare day after a day and month ("Oct. 11 and 12", "from Feb. 6 to 22")


@functools.cache
def _range_day(language: str) -> re.Pattern | None:
    words = lexicon.part("time/", language).get("day_range_joiners")
    if not words:
        return None
    # the day must not run on into a number, a unit or a month ("11 to 14 people", "6 and 7 July")
    return re.compile(rf"\s*(?:{words}|[-–—])\s*(\d{{1,2}})(?![\d.,:/]?\d)(?!\s*[^\W\d_]|\s*%)", re.I)


def _range_days(text: str, found: list[TimeExpression], language: str) -> list[TimeExpression]:
    """The bare day closing a range or a pair is of the month before it: "Oct. 11 and 12" gives
    2022-10-12 for "12"."""
    pattern = _range_day(language)
    if pattern is None:
        return found
    added = []
    for e in found:
        if e.kind not in ("month-day", "date") or not re.fullmatch(r"\d{4}-\d\d-\d\d", e.value or ""):
            continue
        m = pattern.match(text, e.end)
        if m is None or e.earliest is None:
            continue
        day = _safe_day(e.earliest, int(m.group(1)))
        if day is None or day <= e.earliest or any(o.start < m.end(1) and m.start(1) < o.end for o in found):
            continue
        a, b = m.span(1)
        added.append(TimeExpression(a, b, text[a:b], day.isoformat(), day, day, "day", "month-day"))
    return sorted(found + added, key=lambda e: (e.start, e.end)) if added else found


@functools.cache
def _range_day_before(language: str) -> re.Pattern | None:
    words = lexicon.part("time/", language).get("day_range_joiners")
    if not words:
        return None
    # "les 11 et 18 juin", "am 6. und 7. Juli", "between 10 and 12 June": a bare day, then the joiner
    return re.compile(rf"(?<![\w.,:/-])(\d{{1,2}})\.?\s*(?:{words}|[-–—])\s*$", re.I)


def _range_days_before(text: str, found: list[TimeExpression], language: str) -> list[TimeExpression]:
    """The bare day opening a range or a pair is of the month after it: "les 11 et 18 juin" gives
    2017-06-11 for "11" (languages writing the day before the month)."""
    pattern = _range_day_before(language)
    if pattern is None:
        return found
    added = []
    for e in found:
        if (
            e.kind not in ("month-day", "date")
            or not e.text[:1].isdigit()
            or not re.fullmatch(r"\d{4}-\d\d-\d\d", e.value or "")
            or e.earliest is None
        ):
            continue
        m = pattern.search(text, max(0, e.start - 16), e.start)
        if m is None:
            continue
        day = _safe_day(e.earliest, int(m.group(1)))
        if day is None or day >= e.earliest or any(o.start < m.end(1) and m.start(1) < o.end for o in found):
            continue
        a, b = m.span(1)
        added.append(TimeExpression(a, b, text[a:b], day.isoformat(), day, day, "day", "month-day"))
    return sorted(found + added, key=lambda e: (e.start, e.end)) if added else found


def _safe_day(first: dt.date, day: int) -> dt.date | None:
    try:
        return first.replace(day=day)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Parts of a day


@functools.cache
def _day_parts(language: str) -> tuple[tuple[str, re.Pattern], ...]:
    """(TimeML part, pattern) from the lexicon's `day_part_values`: MO, AF, EV, NI."""
    values = lexicon.part("time/", language).get("day_part_values") or {}
    return tuple((str(part), re.compile(str(words), re.I)) for part, words in values.items())


@functools.cache
def _parts_before(language: str) -> tuple[tuple[str, int, re.Pattern], ...]:
    """(TimeML part, days back, pattern) for words before a day that name a part of it
    (`day_part_before`) or of the day before it (`night_before`: "in der Nacht zum Montag" is
    Sunday's night, 2024-06-02TNI; "в ночь на среду")."""
    lex = lexicon.part("time/", language)
    out = [
        (str(part), 0, re.compile(rf"(?<![\w])(?:{words})\s+$", re.I))
        for part, words in (lex.get("day_part_before") or {}).items()
    ]
    if lex.get("night_before"):
        out.append(("NI", 1, re.compile(rf"(?<![\w])(?:{lex['night_before']})\s+$", re.I)))
    return tuple(out)


def _part_before(
    text: str, e: TimeExpression, before: tuple[tuple[str, int, re.Pattern], ...]
) -> TimeExpression:
    """A day with the words before it that name its part, or the night before it, taken into its span."""
    if (
        not before
        or e.precision != "day"
        or not e.earliest
        or not re.fullmatch(r"\d{4}-\d\d-\d\d", e.value or "")
    ):
        return e
    lead = text[max(0, e.start - 30) : e.start]
    for part, back, pattern in before:
        if found := pattern.search(lead):
            start = e.start - len(lead) + found.start()
            day = e.earliest - dt.timedelta(days=back)
            return replace(
                e,
                start=start,
                text=text[start : e.end],
                value=f"{day.isoformat()}T{part}",
                earliest=day,
                latest=day,
            )
    return e


def _day_part(e: TimeExpression, parts: tuple[tuple[str, re.Pattern], ...]) -> TimeExpression:
    """ "Friday evening", "yesterday morning", "tonight": the day with TimeML's part, 2024-07-26TEV."""
    if (
        e.kind == "named-day"
        or e.precision != "day"
        or not e.value
        or not re.fullmatch(r"\d{4}-\d\d-\d\d", e.value)
    ):
        return e
    for part, pattern in parts:
        if pattern.search(e.text):
            return replace(e, value=f"{e.value}T{part}")
    return e


# ---------------------------------------------------------------------------------------------
# Times of day


@functools.cache
def _clock_patterns(language: str) -> tuple[re.Pattern, ...]:
    """Times of day ("8 p.m.", "9:30", "18 Uhr", "18h30", "noon"), from the time lexicons."""
    found = []
    for code in dict.fromkeys((language, "en")):
        for item in lexicon.part("time/", code).get("clock_times") or ():
            found.append(re.compile(rf"(?<![\w:.,/-])(?:{item})(?![\w:])", re.I))
    return tuple(found)


def _clock(m: re.Match) -> tuple[int, int] | None:
    g = m.groupdict()
    if g.get("noon"):
        return 12, 0
    if g.get("midnight"):
        return 24, 0  # the end of its day when a weekday stands beside it, else 00:00 (see below)
    hour, minute = int(g.get("h") or 0), int(g.get("m") or 0)
    ap = (g.get("ap") or "").lower()
    if ap and not 1 <= hour <= 12:
        return None
    if ap == "p" and hour != 12:
        hour += 12
    elif ap == "a" and hour == 12:
        hour = 0
    return (hour, minute) if hour <= 23 and minute <= 59 else None


CLOCK_REACH = 40  # characters: how far before a time of day the day it refines may stand


def _verb_between(text: str, start: int, end: int, language: str) -> bool:
    """A clause end or a verb between a day and a time of day: the time is another event's."""
    lang = _lang(language)
    return bool(CLAUSE_END.search(text, start, end)) or any(
        p is not None and p.search(text, start, end) for p in (lang.past, lang.future, lang.present)
    )


def _with_clock_times(
    text: str, found: list[TimeExpression], reference: dt.date, language: str
) -> list[TimeExpression]:
    """Times of day joined to the day they stand by ("at 9:30 a.m. Friday" is 2023-03-17T09:30)."""
    clocks: list[tuple[int, int, tuple[int, int]]] = []
    patterns = _clock_patterns(language)
    for matches in _matches(patterns, None, text):
        for m in matches:
            hm = _clock(m)
            if hm is None or any(
                e.start <= m.start() < e.end or m.start() <= e.start < m.end() for e in found
            ):
                continue
            if any(a <= m.start() < b for a, b, _ in clocks):
                continue
            clocks.append((m.start(), m.end(), hm))
    out = list(found)
    for start, end, (hour, minute) in sorted(clocks):
        day_of, beside = None, False
        for i, e in enumerate(out):
            if e.precision != "day" or e.earliest is None or "T" in (e.value or ""):
                continue
            gap = text[end : e.start] if e.start >= end else text[e.end : start] if start >= e.end else None
            if gap is not None and len(gap) <= 4 and (CLOCK_BESIDE.match(gap) or CLOCK_JOIN.match(gap)):
                day_of, beside = i, bool(CLOCK_BESIDE.match(gap))
                break
        stamp = f"T{hour % 24:02d}:{minute:02d}"
        if day_of is not None and beside:
            e = out[day_of]
            if hour == 24 and e.kind == "weekday":
                stamp = "T24:00"  # "midnight Friday" is the night Friday ends, TimeML's way
            a, b = min(e.start, start), max(e.end, end)
            out[day_of] = replace(e, start=a, end=b, text=text[a:b], value=f"{e.value}{stamp}")
            continue
        if day_of is not None:  # a time of its own on the day beside it
            e = out[day_of]
            day = e.earliest
            out.append(
                TimeExpression(start, end, text[start:end], f"{e.value}{stamp}", day, day, "day", "time")
            )
            continue
        # A time of day with no day beside it refines the day named just before it in its clause,
        # with no verb between ("clinics on Saturday from 10 a.m. to 2 p.m."). Else it is left out:
        # its day is the narrative's, which the reference's day or the last day named get wrong
        # about as often as right (the TimeML set: 5 of its 10 values outside the true period came
        # from such guesses).
        named = max(
            (
                e
                for e in out
                if e.end <= start and e.precision == "day" and e.earliest and "T" not in (e.value or "")
            ),
            key=lambda e: e.end,
            default=None,
        )
        if (
            named is not None
            and start - named.end <= CLOCK_REACH
            and not _verb_between(text, named.end, start, language)
        ):
            day = named.earliest
            out.append(
                TimeExpression(start, end, text[start:end], f"{named.value}{stamp}", day, day, "day", "time")
            )
    return sorted(out, key=lambda e: (e.start, e.end))
