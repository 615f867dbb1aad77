"""Dates shared through merged statements.

An article with no date cue of its own still reports statements; when another article reports
the same statement (the claims sit in one event) and that article dates it to the day from its
own evidence, the undated article was published on or soon after that day. Only an article's
own evidence is ever shared: a date that itself came from a cluster is never passed on, and
every new range is computed from the articles as loaded, so no chain of sharing can form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from timeline.load.dating import precision_of, statement_date
from timeline.model import Article, Claim, DateEstimate, Event, Evidence, Sentence

STRONG = ("day", "week")
DAY = dt.timedelta(days=1)


def _own(date: DateEstimate) -> bool:
    return date.known and not any(e.rule == "cluster" for e in date.evidence)


def _datable(claim: Claim) -> bool:
    """A claim whose day is known from its own article's evidence."""
    said = claim.said
    return said.known and said.precision in STRONG and not any(e.rule in ("cluster", "earlier") for e in said.evidence)


def _cue(claim: Claim) -> str:
    rules = [e.rule for e in claim.said.evidence]
    return rules[0] if rules else "as-reported"


def _best_date(dates: list[DateEstimate]) -> DateEstimate:
    known = [d for d in dates if d.known]
    if not known:
        return DateEstimate.unknown()
    order = ("day", "week", "month", "year", "unknown")
    best = min(known, key=lambda d: order.index(d.precision))
    return replace(best, evidence=tuple(dict.fromkeys(e for d in known for e in d.evidence)))


def share_dates(
    articles: list[Article],
    events: list[Event],
    *,
    merge_date: Callable[[list[DateEstimate]], DateEstimate] | None = None,
) -> tuple[list[Article], list[Event]]:
    """Give each undated or weakly dated article (precision month or coarser) the range implied by
    a dated article that reports the same statement, then re-resolve its claims' dates and the
    dates of the events they belong to.

    articles: as loaded; events: clusters of claims (Event.claims). Returns new lists in the
    same order; records are replaced, never changed. Evidence rule `cluster`, with `article` the
    id of the article the date comes from. merge_date turns the claims' dates of one event into
    the event's date (default: the most precise, with every piece of evidence).
    """
    merge = merge_date or _best_date
    by_id = {a.id: a for a in articles}
    found: dict[str, list[tuple[DateEstimate, str]]] = {}
    for event in events:
        sources = [c for c in event.claims if c.article in by_id and _own(by_id[c.article].published) and by_id[c.article].published.precision in STRONG and _datable(c)]
        if not sources:
            continue
        for claim in event.claims:
            article = by_id.get(claim.article)
            if article is None or (article.published.known and article.published.precision in STRONG):
                continue
            if _cue(claim) == "earlier":  # "Earlier, X said": any time before, no link to the day
                continue
            for source in sources:
                if source.article != claim.article:
                    proposal = _proposal(article, claim, source)
                    if proposal is not None:
                        found.setdefault(claim.article, []).append((proposal, source.article))
    proposals: dict[str, tuple[int, DateEstimate, str]] = {}
    for article_id, options in found.items():
        proposals[article_id] = (0, *_vote(options))
    if not proposals:
        return articles, events
    new_articles: list[Article] = []
    changed: dict[tuple[str, int, int, str], Claim] = {}
    for article in articles:
        if article.id not in proposals:
            new_articles.append(article)
            continue
        _, published, source_id = proposals[article.id]
        claims = tuple(_redate(article, c, published) for c in article.claims)
        for old, new in zip(article.claims, claims, strict=True):
            changed[(old.article, old.start, old.end, old.speaker)] = new
        warnings = tuple(w for w in article.warnings if not w.startswith(("undated", "weakly dated")))
        warnings += (f"dated only through {source_id}, which reports the same statement",)
        new_articles.append(replace(article, published=published, claims=claims, warnings=warnings))
    new_events = []
    for event in events:
        claims = tuple(changed.get((c.article, c.start, c.end, c.speaker), c) for c in event.claims)
        if claims == event.claims:
            new_events.append(event)
            continue
        new_events.append(replace(event, claims=claims, date=merge([c.said for c in claims])))
    return new_articles, new_events


def _vote(options: list[tuple[DateEstimate, str]]) -> tuple[DateEstimate, str]:
    """The day most reports agree on (a wrong merge is outvoted), and the range they share."""
    days: dict[dt.date, int] = {}
    for proposal, _ in options:
        assert proposal.earliest is not None and proposal.latest is not None
        day = proposal.earliest
        while day <= proposal.latest:
            days[day] = days.get(day, 0) + 1
            day += DAY
    best = max(days, key=lambda d: (days[d], -d.toordinal()))
    agreeing = [(p, a) for p, a in options if p.earliest and p.latest and p.earliest <= best <= p.latest]
    lo = max(p.earliest for p, _ in agreeing if p.earliest)
    hi = min(p.latest for p, _ in agreeing if p.latest)
    first, source = agreeing[0]
    evidence = tuple(dict.fromkeys(e for p, _ in agreeing for e in p.evidence))
    return DateEstimate(best, precision_of(lo, hi), lo, hi, evidence), source


def _proposal(article: Article, claim: Claim, source: Claim) -> DateEstimate | None:
    """The publication range of `article` if `claim` is the statement `source` dates: the days
    from which the article's own words about the claim ("earlier today", "on Friday", nothing)
    point at the day the other article gives."""
    said = source.said
    assert said.earliest is not None and said.latest is not None and said.value is not None
    own = article.published
    as_reported = _cue(claim) == "as-reported"
    lo = max(said.earliest, own.earliest) if own.earliest else said.earliest
    hi = said.latest + dt.timedelta(days=2 if as_reported else 30)
    if own.latest and own.latest < hi:
        hi = own.latest
    kept = []
    day = lo
    while day <= hi:
        trial = DateEstimate(day, "day", day, day, own.evidence)
        own_said = _redate(article, claim, trial).said
        rule = _cue(replace(claim, said=own_said))
        agrees = rule in ("as-reported", "earlier") or (own_said.value is not None and said.earliest <= own_said.value <= said.latest)
        if agrees and not (rule == "as-reported" and not as_reported):
            kept.append(day)
        day += DAY
    if not kept:
        return None
    lo, hi = kept[0], kept[-1]
    evidence = (
        *own.evidence,
        Evidence(
            "cluster",
            source.sentence[:160],
            source.start,
            source.end,
            article=source.article,
            detail=f"reports the same statement as {source.article}, which dates it {said.value}; published {lo} to {hi}",
        ),
    )
    return DateEstimate(lo, precision_of(lo, hi), lo, hi, evidence)


def _redate(article: Article, claim: Claim, published: DateEstimate) -> Claim:
    """The claim's date seen from the article's new publication range."""
    sentence = Sentence(claim.sentence, claim.start, claim.end, 0)
    said = statement_date(sentence, article.text, published, article.language)
    old_rule = _cue(claim)
    if _cue(replace(claim, said=said)) == "as-reported" and old_rule != "as-reported":
        cue = next((e for e in claim.said.evidence if e.start is not None), None)
        holder = next((s for s in article.sentences if cue and s.start <= cue.start < s.end), None)
        if holder is not None:
            said = statement_date(holder, article.text, published, article.language)
    return replace(claim, said=said)
