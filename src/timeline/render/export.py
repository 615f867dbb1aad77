"""The machine-readable export, `data/timeline.json` (shared/schema/timeline.schema.json, version 1).

The project's copy of the schema (timeline/data/timeline.schema.json) adds optional fields that a
version-1 reader may ignore: each source's `published` and `offset_days` (its place in the report
chronology, timeline.reports) and an event's `refers_to` (the date the statement names, timeline.clocks).
"""

from __future__ import annotations

import json
from typing import Any

from timeline.config import Config
from timeline.model import Article, DateEstimate, Event, Evidence, Source
from timeline.reports import Chronology, Report, chronology

SCHEMA_VERSION = 1


def evidence_json(evidence: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {"rule": evidence.rule, "text": evidence.text}
    if evidence.article:
        out["article"] = evidence.article
    if evidence.start is not None and evidence.end is not None:
        out["start"], out["end"] = evidence.start, evidence.end
    if evidence.detail:
        out["detail"] = evidence.detail
    return out


def date_json(estimate: DateEstimate) -> dict[str, Any]:
    def iso(day):
        return day.isoformat() if day else None

    return {
        "value": iso(estimate.value),
        "precision": estimate.precision,
        "earliest": iso(estimate.earliest),
        "latest": iso(estimate.latest),
        "evidence": [evidence_json(e) for e in estimate.evidence],
    }


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "file": article.file,
        "sha256": article.sha256,
        "title": article.title,
        "outlet": article.outlet,
        "agencies": list(article.agencies),
        "url": article.url,
        "language": article.language,
        "published": date_json(article.published),
        "warnings": list(article.warnings),
    }


def source_json(source: Source, report: Report | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "article": source.article,
        "sentence": source.sentence,
        "start": source.start,
        "end": source.end,
        "link": source.link,
    }
    if report is not None:
        # The evidence stays with the article's own date; here only the placement in time.
        out["published"] = {**date_json(report.published), "evidence": []}
        out["offset_days"] = report.offset_days
    return out


def event_json(event: Event, chron: Chronology | None = None) -> dict[str, Any]:
    placed = {r.source.article: r for r in chron.reports} if chron else {}
    out = {
        "id": event.id,
        "kind": event.kind,
        "date": date_json(event.date),
        "speaker": event.speaker,
        "stance": event.stance,
        "venue": event.venue,
        "counterpart": event.counterpart,
        "headline": event.headline,
        "quotes": list(event.quotes),
        "sources": [source_json(s, placed.get(s.article)) for s in event.sources],
        "conflicts": list(event.conflicts),
    }
    if event.refers_to is not None:
        out["refers_to"] = date_json(event.refers_to)
    return out


def export(articles: list[Article], events: list[Event], config: Config) -> dict[str, Any]:
    by_id = {a.id: a for a in articles}
    return {
        "schema_version": SCHEMA_VERSION,
        "topic": config.site.title,
        "articles": [article_json(a) for a in sorted(articles, key=lambda a: a.id)],
        "events": [event_json(e, chronology(e, by_id)) for e in events if e.sources],
    }


def dumps(data: dict[str, Any]) -> str:
    """Stable text: the same data always gives the same bytes. Compact (no indent, no spaces): the
    export of 10,000 articles is tens of megabytes, and indenting forces json's pure-Python encoder."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


def _published(article: Article | None) -> tuple | None:
    if article is None:
        return None
    p = article.published
    return (p.value, p.precision, p.earliest, p.latest)


def export_text(
    articles: list[Article],
    events: list[Event],
    config: Config,
    memo: Any = None,
    digests: dict[int, str] | None = None,
) -> tuple[str, dict[str, Any]]:
    """(dumps(export(...)), changes.compact(export(...))), byte for byte (export_chunks joined)."""
    chunks, small = export_chunks(articles, events, config, memo, digests)
    return "".join(chunks), small


def export_chunks(
    articles: list[Article],
    events: list[Event],
    config: Config,
    memo: Any = None,
    digests: dict[int, str] | None = None,
) -> tuple[list[str], dict[str, Any]]:
    """(dumps(export(...)) as consecutive pieces, changes.compact(export(...))), byte for byte,
    without building the whole export: each event's JSON text and compact form are kept in memo
    (render.memo.Memo) by the digest of the event and of its sources' publication dates (all that
    its entry shows), so a rebuild encodes only the events that changed. The pieces are written
    one after the other (output.write_atomically): the export of 10,000 articles, joined, would
    be a 54 MB string and then 33 MB of UTF-8 held at once."""
    from timeline.changes import compact_article, compact_event
    from timeline.render.pages import event_digest

    by_id = {a.id: a for a in articles}

    def make(event: Event) -> tuple[str, dict[str, Any]]:
        data = event_json(event, chronology(event, by_id))
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")), compact_event(data)

    texts, small = [], []
    for event in events:
        if not event.sources:
            continue
        if memo is None:
            text, entry = make(event)
        else:
            key = (
                digests[id(event)] if digests is not None else event_digest(event),
                tuple(_published(by_id.get(s.article)) for s in event.sources),
            )
            text, entry = memo.get(repr(key), lambda event=event: make(event))
        texts.append(text)
        small.append(entry)
    listed = [article_json(a) for a in sorted(articles, key=lambda a: a.id)]
    articles_small = [compact_article(a) for a in listed]
    head = json.dumps(
        {"schema_version": SCHEMA_VERSION, "topic": config.site.title, "articles": listed},
        ensure_ascii=False, separators=(",", ":"),
    )  # fmt: skip
    chunks = [head[:-1] + ',"events":[']
    del head, listed
    for i, text in enumerate(texts):  # the texts themselves (the memo keeps them too), no copies
        if i:
            chunks.append(",")
        chunks.append(text)
    chunks.append("]}\n")
    return chunks, {"articles": articles_small, "events": small, "compact": True}
