"""`timeline check`: one line per article saying what the build will believe about it.

It runs the same load and normalize stages as `timeline build` (through `build.analyse`) and
renders nothing, so what it reports is exactly what the site will show. Anything a person
should look at (no date, a date that is not day-precise, an unknown outlet, a warning) marks
the article "review"; `--strict` turns that into exit status 1 for scripts and CI.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from timeline.build import analyse
from timeline.config import Config, load_config
from timeline.model import Article

ECHO = Callable[[str], None]


@dataclass(frozen=True)
class ArticleCheck:
    """What check found about one article; `reasons` is empty when nothing needs review."""

    id: str
    date: str
    precision: str
    rule: str
    outlet: str | None
    statements: int
    warnings: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def needs_review(self) -> bool:
        return bool(self.reasons)


def check_article(article: Article, config: Config) -> ArticleCheck:
    """Judge one normalized article."""
    published = article.published
    rule = published.evidence[0].rule if published.evidence else "none"
    reasons: list[str] = []
    if not published.known:
        reasons.append("undated")
    elif published.precision != "day":
        reasons.append(f"date only to the {published.precision}")
    known_outlets = {n for o in config.outlets for n in (o.name, *o.names)}
    from_front = article.outlet_evidence is not None and article.outlet_evidence.rule == "front-matter"
    if article.outlet is None:
        reasons.append("unknown outlet")
    elif article.outlet not in known_outlets and not from_front:
        reasons.append("outlet not in the configuration")
    if article.warnings:
        reasons.append(f"{len(article.warnings)} warning{'s' if len(article.warnings) != 1 else ''}")
    return ArticleCheck(
        id=article.id,
        date=published.value.isoformat() if published.value else "undated",
        precision=published.precision,
        rule=rule,
        outlet=article.outlet,
        statements=len(article.claims),
        warnings=tuple(article.warnings),
        reasons=tuple(reasons),
    )


def check_all(articles: list[Article], config: Config) -> list[ArticleCheck]:
    return [check_article(a, config) for a in sorted(articles, key=lambda a: a.id)]


def format_line(c: ArticleCheck, id_width: int = 0) -> str:
    """One line: status, id, date (precision, rule), outlet, statements, warnings."""
    status = "review" if c.needs_review else "ok"
    if c.date != "undated":
        date = f"{c.date} ({c.precision}, {c.rule})"
    else:
        date = "undated" if c.rule == "none" else f"undated ({c.rule})"
    outlet = c.outlet or "outlet unknown"
    plural = "" if c.statements == 1 else "s"
    line = f"{status:<6}  {c.id:<{id_width}}  {date}  {outlet}  {c.statements} statement{plural}"
    if c.warnings:
        line += "  warnings: " + "; ".join(c.warnings)
    return line


def run_check(articles_dir: Path, config: Config, strict: bool = False, echo: ECHO = print) -> int:
    """Print the report; 1 under strict when anything needs review, else 0."""
    articles, _events = analyse(articles_dir, config)
    checks = check_all(articles, config)
    width = max((len(c.id) for c in checks), default=0)
    for c in checks:
        echo(format_line(c, width))
    review = sum(1 for c in checks if c.needs_review)
    echo(f"{len(checks)} articles, {review} need review")
    return 1 if strict and review else 0


def add_check_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="one line per article: date and evidence, outlet, statements, warnings")
    p.add_argument("--strict", action="store_true", help="exit 1 when any article needs review")
    p.add_argument(
        "--articles", default="articles", type=Path, help="folder of article files (default: articles/)"
    )
    p.add_argument(
        "--config", default="timeline.yaml", type=Path, help="story configuration (default: timeline.yaml)"
    )


def cmd_check(args: argparse.Namespace) -> int:
    return run_check(args.articles, load_config(args.config), strict=args.strict)
