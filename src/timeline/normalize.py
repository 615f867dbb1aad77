"""The whole corpus at once: claims that report the same statement become one event.

FIRST VERSION: blocks by speaker; inside a block a claim joins an event when it comes from
another article, its stance family, venue and date agree, and its wording overlaps.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace

from timeline.config import Config
from timeline.model import Article, Claim, DateEstimate, Event, Evidence, Source

STANCE_FAMILY = {
    "propose": "open",
    "invite": "open",
    "accept": "open",
    "open-conditional": "open",
    "condition": "condition",
    "reject": "refuse",
    "deny": "refuse",
    "comment": "comment",
}
WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


def normalize(articles: list[Article], config: Config) -> tuple[list[Article], list[Event]]:
    """Cluster the claims of all articles into events; add the configuration's context events."""
    claims = sorted((c for a in articles for c in a.claims), key=lambda c: (c.speaker, c.article, c.start))
    clusters: list[list[Claim]] = []
    by_speaker: dict[str, list[list[Claim]]] = {}
    for claim in claims:
        block = by_speaker.setdefault(claim.speaker, [])
        target = next((cluster for cluster in block if _joins(claim, cluster)), None)
        if target is None:
            target = []
            block.append(target)
            clusters.append(target)
        target.append(claim)
    events = [_event(cluster, articles, config) for cluster in clusters]
    events += _context_events(config)
    events.sort(key=lambda e: (e.date.value or dt.date.max, e.kind != "context", e.id))
    return articles, events


def _joins(claim: Claim, cluster: list[Claim]) -> bool:
    if any(c.article == claim.article for c in cluster):
        return False
    first = cluster[0]
    if STANCE_FAMILY[first.stance] != STANCE_FAMILY[claim.stance]:
        return False
    if first.venue and claim.venue and first.venue != claim.venue:
        return False
    if not _dates_overlap(first.said, claim.said):
        return False
    return _overlap(first, claim) >= 0.2


def _dates_overlap(a: DateEstimate, b: DateEstimate) -> bool:
    if not (a.earliest and a.latest and b.earliest and b.latest):
        return True
    slack = dt.timedelta(days=1)
    return a.earliest - slack <= b.latest and b.earliest - slack <= a.latest


def _words(claim: Claim) -> set[str]:
    return {w.lower() for w in WORD.findall(claim.sentence + " " + " ".join(q.text for q in claim.quotes))}


def _overlap(a: Claim, b: Claim) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def _event(cluster: list[Claim], articles: list[Article], config: Config) -> Event:
    by_id = {a.id: a for a in articles}
    first = min(cluster, key=lambda c: (c.article, c.start))
    date = _merged_date([c.said for c in cluster])
    venue = next((c.venue for c in cluster if c.venue), None)
    counterpart = next((c.counterpart for c in cluster if c.counterpart), None)
    key = f"{first.article}:{first.start}"
    ident = f"{first.speaker}-{date.value.isoformat() if date.value else 'undated'}-{hashlib.sha1(key.encode()).hexdigest()[:6]}"
    sources = tuple(
        Source(c.article, c.sentence, c.start, c.end, _link(by_id.get(c.article), c)) for c in sorted(cluster, key=lambda c: (c.article, c.start))
    )
    quotes = tuple(dict.fromkeys(q.text for c in cluster for q in c.quotes))
    conflicts = []
    venues = sorted({c.venue for c in cluster if c.venue})
    if len(venues) > 1:
        conflicts.append("reports name different venues: " + ", ".join(venues))
    return Event(
        id=ident,
        kind="claim",
        date=date,
        speaker=first.speaker,
        stance=first.stance,
        venue=venue,
        counterpart=counterpart,
        headline=headline(first.speaker, first.stance, venue, counterpart, config),
        quotes=quotes,
        sources=sources,
        conflicts=tuple(conflicts),
        claims=tuple(cluster),
    )


def _merged_date(dates: list[DateEstimate]) -> DateEstimate:
    known = [d for d in dates if d.known]
    if not known:
        return DateEstimate.unknown()
    order = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
    best = min(known, key=lambda d: order[d.precision])
    evidence = tuple(dict.fromkeys(e for d in known for e in d.evidence))
    return replace(best, evidence=evidence)


def _link(article: Article | None, claim: Claim) -> str | None:
    if article is None or not article.url:
        return None
    from urllib.parse import quote

    words = claim.sentence.split()
    fragment = " ".join(words[:6])
    return f"{article.url}#:~:text={quote(fragment, safe='')}"


def headline(speaker: str, stance: str, venue: str | None, counterpart: str | None, config: Config) -> str:
    actor = config.actor(speaker)
    who = actor.name.split()[-1] if actor and actor.kind == "person" else (actor.name if actor else speaker)
    other = config.actor(counterpart)
    whom = other.name.split()[-1] if other and other.kind == "person" else "a meeting"
    place = config.place(venue)
    where = f" in {place.name}" if place else ""
    verbs = {
        "propose": f"{who} proposes a meeting with {whom}{where}",
        "invite": f"{who} invites {whom}{' to ' + place.name if place else ''}",
        "accept": f"{who} accepts a meeting with {whom}{where}",
        "open-conditional": f"{who}: open to a meeting with {whom}{where}, on conditions",
        "condition": f"{who} sets conditions for a meeting with {whom}{where}",
        "reject": f"{who} rules out a meeting with {whom}{where}",
        "deny": f"{who} denies an offer of a meeting with {whom}{where}",
        "comment": f"{who} comments on a meeting with {whom}{where}",
    }
    return verbs.get(stance, f"{who} on a meeting{where}")


def _context_events(config: Config) -> list[Event]:
    out = []
    for ref in config.reference_events:
        if not ref.show:
            continue
        date = DateEstimate(ref.date, "day", ref.date, ref.last, (Evidence("reference-event", ref.title, detail="from the configuration"),))
        out.append(Event(id=f"context-{ref.id}", kind="context", date=date, speaker=None, stance="comment", venue=ref.venue, counterpart=None, headline=ref.title, sources=()))
    return out
