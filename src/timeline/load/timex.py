"""Time expressions: find calendar dates in text and resolve them against a reference date.

FIRST VERSION: full dates only (April 22, 2021 · 22 April 2021 · 22.04.2021 · 2021-04-22).
The full engine (partial and relative dates, weekdays, counters, anchor events, five
languages) replaces this module.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from timeline import lexicon
from timeline.model import TimeExpression


@functools.cache
def _months() -> dict[str, int]:
    out: dict[str, int] = {}
    for code in lexicon.languages():
        for month, names in (lexicon.lexicon(code).get("months") or {}).items():
            for name in names:
                out.setdefault(str(name).lower().rstrip("."), int(month))
    return out


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    names = "|".join(sorted((re.escape(n) for n in _months()), key=len, reverse=True)) or "january"
    mdy = re.compile(rf"\b(?P<m>{names})\.?\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(19|20)\d\d)\b", re.I)
    dmy = re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s+(?P<m>{names})\.?,?\s+(?P<y>(19|20)\d\d)\b", re.I)
    numeric = re.compile(r"\b(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(19|20)\d\d)|(?P<y2>(19|20)\d\d)[-/](?P<m2>\d{1,2})[-/](?P<d2>\d{1,2}))\b")
    return mdy, dmy, numeric


def find_expressions(text: str, reference: dt.date | None = None, language: str = "en") -> list[TimeExpression]:
    """Every full calendar date in the text, with its span."""
    months = _months()
    mdy, dmy, numeric = _patterns()
    found: dict[int, TimeExpression] = {}
    for pattern in (mdy, dmy):
        for m in pattern.finditer(text):
            month = months.get(m.group("m").lower().rstrip("."))
            _add(found, m, month, int(m.group("d")), int(m.group("y")))
    for m in numeric.finditer(text):
        if m.group("y"):
            _add(found, m, int(m.group("m")), int(m.group("d")), int(m.group("y")))
        else:
            _add(found, m, int(m.group("m2")), int(m.group("d2")), int(m.group("y2")))
    return [found[k] for k in sorted(found)]


def _add(found: dict, match: re.Match, month: int | None, day: int, year: int) -> None:
    if month is None:
        return
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return
    found.setdefault(
        match.start(),
        TimeExpression(match.start(), match.end(), match.group(0), value.isoformat(), value, value, "day", "date"),
    )
