"""HTML pages from Jinja2 templates (autoescaping on everywhere)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import jinja2

from timeline.config import Config
from timeline.model import Article, DateEstimate, Event

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def human_date(estimate: DateEstimate) -> str:
    """A date written as certain as it is: "22 April 2021", "late January 2026", "April 2022 (approx.)"."""
    value = estimate.value
    if value is None:
        return "date unknown"
    if estimate.precision == "day":
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    if estimate.precision == "week":
        part = "early" if value.day <= 10 else "mid" if value.day <= 20 else "late"
        return f"{part} {MONTHS[value.month - 1]} {value.year}"
    if estimate.precision == "month":
        return f"{MONTHS[value.month - 1]} {value.year} (approx.)"
    if estimate.precision == "year":
        return f"{value.year} (approx.)"
    return "date unknown"


def environment(template_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["human_date"] = human_date
    env.filters["iso"] = lambda d: d.isoformat() if isinstance(d, dt.date) else ""
    return env


def render_site(articles: list[Article], events: list[Event], config: Config, template_dir: Path) -> dict[str, str]:
    """Every page of the site, as {relative path: HTML}."""
    env = environment(template_dir)
    by_article = {a.id: a for a in articles}
    actors = {a.id: a for a in config.actors}
    places = {p.id: p for p in config.places}
    common: dict[str, Any] = {"site": config.site, "articles": by_article, "actors": actors, "places": places}
    pages: dict[str, str] = {}

    def grouped(evs):
        dated = [e for e in evs if e.date.value]
        out = []
        for year, in_year in itertools.groupby(dated, key=lambda e: e.date.value.year):
            months = [(MONTHS[m - 1], list(g)) for m, g in itertools.groupby(in_year, key=lambda e: e.date.value.month)]
            out.append((year, months))
        return out

    undated = [e for e in events if not e.date.value]
    pages["index.html"] = env.get_template("index.html").render(
        common, root="", years=grouped(events), undated=undated, events=events
    )
    for event in events:
        if event.kind != "claim":
            continue
        pages[f"events/{event.id}.html"] = env.get_template("event.html").render(common, root="../", event=event)
    for article in articles:
        claims = [e for e in events if any(s.article == article.id for s in e.sources)]
        pages[f"articles/{article.id}.html"] = env.get_template("article.html").render(
            common, root="../", article=article, events=claims
        )
    return pages
