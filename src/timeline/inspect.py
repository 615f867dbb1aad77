"""`timeline inspect FILE`: what the loader found in one file, with offsets, as readable text.

Every time expression with its resolution against the publication date, and the reasoning that
chose the publication date (each piece of evidence, the rule, the words and where they are).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from timeline.config import Config
from timeline.load import load_article
from timeline.model import Article, DateEstimate


def _estimate(label: str, date: DateEstimate) -> list[str]:
    head = f"{label}: {date.value or 'unknown'} (precision {date.precision}; range {date.earliest or '…'} to {date.latest or '…'})"
    lines = [head]
    for ev in date.evidence:
        where = f" @{ev.start}-{ev.end}" if ev.start is not None else ""
        other = f" [article {ev.article}]" if ev.article else ""
        words = f' "{ev.text}"' if ev.text else ""
        lines.append(f"  - {ev.rule}{words}{where}{other}" + (f": {ev.detail}" if ev.detail else ""))
    return lines


def describe(article: Article) -> str:
    """The report printed by `timeline inspect`."""
    out = [
        f"file: {article.file}",
        f"language: {article.language}",
        f"title: {article.title or '—'}",
        f"outlet: {article.outlet or '—'}",
        f"url: {article.url or '—'}",
    ]
    out += _estimate("published", article.published)
    if article.warnings:
        out.append("warnings:")
        out += [f"  - {w}" for w in article.warnings]
    out.append(
        f"time expressions ({len(article.timexes)}), resolved against {article.published.value or 'no reference'}:"
    )
    for t in article.timexes:
        tense = f", {t.tense}" if t.tense else ""
        out.append(
            f"  {t.start:>6}-{t.end:<6} {t.text!r:<40} {t.value or '—':<12} {t.precision:<7} {t.kind}{tense}"
        )
    out.append(f"claims ({len(article.claims)}):")
    for c in article.claims:
        out.append(
            f"  {c.start:>6}-{c.end:<6} {c.speaker} {c.stance} venue={c.venue or '—'}: {c.sentence[:100]!r}"
        )
        out += ["    " + line for line in _estimate("said", c.said)]
    return "\n".join(out)


def inspect_file(path: Path, config: Config) -> str:
    article = load_article(path.name, path.read_bytes(), config)
    return describe(article)


def add_inspect_parser(sub) -> None:
    """Register `timeline inspect FILE [--config FILE]` on the command line's sub-parsers."""
    p = sub.add_parser(
        "inspect", help="show everything the loader finds in one file: time expressions, dates and why"
    )
    p.add_argument("file", type=Path, help="an article file")
    p.add_argument(
        "--config", default="timeline.yaml", type=Path, help="story configuration (default: timeline.yaml)"
    )


def cmd_inspect(args) -> int:
    from timeline.build import BuildError
    from timeline.config import load_config

    if not args.file.is_file():
        raise BuildError(f"{args.file}: no such file")
    report = inspect_file(args.file, load_config(args.config))
    try:
        print(report)
        sys.stdout.flush()
    except BrokenPipeError:
        # `timeline inspect FILE | head`: the reader has what it wanted. Point stdout at devnull
        # so that the interpreter's own flush at exit does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
