"""The time engine without the site: `from timeline import resolve_dates, infer_published`."""

from __future__ import annotations

import datetime as dt

from timeline.load.timex import resolve_dates
from timeline.model import DateEstimate

__all__ = ["infer_published", "resolve_dates"]


def infer_published(
    text: str, *, language: str | None = None, url: str | None = None, config=None
) -> DateEstimate:
    """The publication-date estimate of a text with no other metadata: value, precision,
    earliest, latest and evidence, from the same engine the loader uses. A text whose words do
    not fix a date gets a wide range and a coarse precision, or no value at all."""
    from timeline.load.clean import split_lines
    from timeline.load.dating import infer_publication
    from timeline.load.frontmatter import split_front_matter
    from timeline.load.language import detect_language
    from timeline.load.meta import find_url

    front = split_front_matter(text)
    body = text[front.end :]
    lang = language or front.values.get("language") or detect_language(body, "en")
    lines = split_lines(text, front.end, lang)
    found_url = url or front.values.get("url") or find_url(lines, text)[0]
    front_date = front.values.get("date")
    if front_date is not None and not isinstance(front_date, dt.date):
        front_date = None
    return infer_publication(text, lines, found_url, front_date, lang, config=config)
