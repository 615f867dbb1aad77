"""Publication and statement dates as estimates with evidence.

FIRST VERSION: dateline, date in the URL and front matter. The full engine (ranges narrowed
by every cue, counters, anchor events, weekday cues, honest abstention) replaces this module.
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.load.clean import Line
from timeline.load.timex import find_expressions
from timeline.model import DateEstimate, Evidence, Sentence

URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(\d\d)[/-]?(\d\d)(?=[/\-_.]|\d{4,}|$)")


def url_date(url: str | None) -> tuple[dt.date, Evidence] | None:
    if not url:
        return None
    match = URL_DATE.search(url)
    if not match:
        return None
    try:
        value = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return value, Evidence("url-date", match.group(0).strip("/"), detail="a date in the article's URL")


def infer_publication(text: str, lines: list[Line], url: str | None, front_date: dt.date | None, language: str) -> DateEstimate:
    if front_date:
        return DateEstimate.day(front_date, (Evidence("front-matter", str(front_date)),))
    # A dateline: a short line of its own that holds a full date, near the top.
    for line in lines[:15]:
        if line.kind != "text" or len(line.text) > 60:
            continue
        for expr in find_expressions(line.text, None, language):
            if expr.precision == "day" and expr.earliest:
                start = line.start + expr.start
                return DateEstimate.day(expr.earliest, (Evidence("dateline", expr.text, start, start + len(expr.text)),))
    found = url_date(url)
    if found:
        return DateEstimate.day(found[0], (found[1],))
    return DateEstimate.unknown()


def statement_date(sentence: Sentence, text: str, published: DateEstimate, language: str) -> DateEstimate:
    """When a statement was made; with no cue, the publication date, marked 'as reported'."""
    if not published.known:
        return DateEstimate.unknown()
    return DateEstimate(
        published.value,
        published.precision,
        published.earliest,
        published.latest,
        (Evidence("as-reported", "", detail="no date in the sentence: the article's publication date"),),
    )
