"""schema.org JSON-LD for an event page: the statement as a `Claim`, with every report of it.

Search engines and fact-checking tools read the chronology from this without scraping: who made
the claim (`author`), when (`dateCreated`), each outlet's report (`appearance`, one CreativeWork
per source) and the first one (`firstAppearance`, only when the first report is certain).
The JSON is made safe to sit inside a <script> element: no "<", ">" or "&" appears raw, so
article text can never close the script or open a comment.
"""

from __future__ import annotations

import json
from typing import Any

from timeline.config import Config
from timeline.model import Article, DateEstimate, Event
from timeline.reports import Chronology, Report, chronology

CONTEXT = "https://schema.org"


def schema_date(date: DateEstimate) -> str | None:
    """An ISO 8601 date only as precise as it is known: 2021-04-22, 2021-04, 2021, or none."""
    if date.value is None:
        return None
    if date.precision == "day":
        return date.value.isoformat()
    if (
        date.precision in ("week", "month")
        and date.earliest
        and date.latest
        and date.earliest.month == date.latest.month
    ):
        return date.value.strftime("%Y-%m")
    if (
        date.precision in ("week", "month", "year")
        and date.earliest
        and date.latest
        and date.earliest.year == date.latest.year
    ):
        return str(date.value.year)
    return None


def author(event: Event, config: Config) -> dict[str, Any] | None:
    actor = config.actor(event.speaker)
    if actor is None:
        return {"@type": "Person", "name": event.speaker} if event.speaker else None
    kind = "Person" if actor.kind == "person" else "Organization"
    out: dict[str, Any] = {"@type": kind, "name": actor.name}
    if actor.role:
        out["jobTitle" if kind == "Person" else "description"] = actor.role
    return out


def appearance(report: Report, article: Article | None, base: str) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if article is not None and article.url:
        work["url"] = article.url
    elif article is not None and base:
        work["url"] = f"{base}articles/{article.id}.html"
    work["name"] = (article.title if article is not None else None) or report.outlet
    if article is not None and article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    published = schema_date(report.published)
    if published:
        work["datePublished"] = published
    if article is not None:
        work["inLanguage"] = article.language
    return work


def claim(
    event: Event, articles: dict[str, Article], config: Config, chron: Chronology | None = None
) -> dict[str, Any]:
    """The event as a schema.org Claim (a plain dict, ready for json.dumps)."""
    chron = chron or chronology(event, articles)
    base = config.site.base_url.rstrip("/") + "/" if config.site.base_url else ""
    out: dict[str, Any] = {"@context": CONTEXT, "@type": "Claim", "name": event.headline}
    if base:
        out["url"] = f"{base}events/{event.id}.html"
    out["text"] = event.quotes[0] if event.quotes else event.headline
    who = author(event, config)
    if who:
        out["author"] = who
    said = schema_date(event.date)
    if said:
        out["dateCreated"] = said
    works = [appearance(r, articles.get(r.source.article), base) for r in chron.reports]
    out["appearance"] = works
    if chron.certain and chron.reports:
        out["firstAppearance"] = works[0]
        first = schema_date(chron.reports[0].published)
        if first:
            out["datePublished"] = first
    return out


def script_json(data: dict[str, Any]) -> str:
    """JSON that cannot end a <script> element: '<', '>' and '&' become \\u escapes (still valid JSON)."""
    # No indent: the C encoder (indent forces the pure-Python one, ten times slower); one page per event.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
