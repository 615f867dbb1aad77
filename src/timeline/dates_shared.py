"""Dates shared through merged statements.

An article with no date cue of its own still reports statements; when another article reports
the same statement (the claims sit in one event) and that article dates it to the day from its
own evidence, the undated article was published on or soon after that day. Only an article's
own evidence is ever shared: a date that itself came from a cluster is never passed on, and
every new range is computed from the articles as loaded, so no chain of sharing can form.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import replace

from timeline.load.dating import _middle, as_reported, precision_of, statement_date
from timeline.load.timex import keep_scans, scan, weekday_on
from timeline.model import Article, Claim, DateEstimate, Event, Evidence, Sentence

STRONG = ("day", "week")
DAY = dt.timedelta(days=1)


def _own(date: DateEstimate) -> bool:
    return date.known and not any(e.rule == "cluster" for e in date.evidence)


def _datable(claim: Claim) -> bool:
    """A claim whose day is known from its own article's evidence."""
    said = claim.said
    return (
        said.known
        and said.precision in STRONG
        and not any(e.rule in ("cluster", "earlier") for e in said.evidence)
    )


def _strong_source(claim: Claim) -> bool:
    """A report dated in its own words (a time expression, not just its article's day): only such
    a report can pass its day on, since a merge of two different-day statements that both read
    'as reported' would otherwise carry one article's day to the other."""
    return _datable(claim) and _cue(claim) != "as-reported"


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
    memo: dict | None = None,
) -> tuple[list[Article], list[Event]]:
    """Give each undated or weakly dated article (precision month or coarser) the range implied by
    a dated article that reports the same statement, then re-resolve its claims' dates and the
    dates of the events they belong to.

    articles: as loaded; events: clusters of claims (Event.claims). Returns new lists in the
    same order; records are replaced, never changed. Evidence rule `cluster`, with `article` the
    id of the article the date comes from. merge_date turns the claims' dates of one event into
    the event's date (default: the most precise, with every piece of evidence).

    Linear in claims: only weakly dated articles are looked at, only events holding one of their
    claims, and each (claim, trial day) is resolved once, from the article's own scan.

    memo, kept between builds by the caller for one configuration and one version of the code,
    holds each weak article's vote and re-dated claims under what they are computed from (the
    article's file and the sibling reports it was offered); entries not used are dropped.
    """
    votes, redated = _Memo(memo, "votes"), _Memo(memo, "redated")
    try:
        with keep_scans():  # a weak article is scanned once: for its vote, then again to re-date it
            return _share(articles, events, merge_date or _best_date, votes, redated)
    finally:
        votes.close()
        redated.close()


def _share(
    articles: list[Article],
    events: list[Event],
    merge: Callable[[list[DateEstimate]], DateEstimate],
    votes: _Memo,
    redated: _Memo,
) -> tuple[list[Article], list[Event]]:
    weak = {a.id: a for a in articles if not (a.published.known and a.published.precision in STRONG)}
    if not weak:
        return articles, events
    dated = {a.id for a in articles if a.id not in weak and _own(a.published)}
    # (claim, its sources) per weak article, in the order of events, claims and sources.
    work: dict[str, list[tuple[Claim, list[Claim]]]] = {}
    for event in events:
        if not any(c.article in weak for c in event.claims):
            continue
        sources = [c for c in event.claims if c.article in dated and _datable(c)]
        if not sources:
            continue
        for claim in event.claims:
            if claim.article not in weak or _cue(claim) == "earlier":  # "Earlier, X said": no link to the day
                continue
            # A report dated only as its article's day vouches for a day only to a report that is
            # itself undated in its own words; one with its own day words needs a source dated alike.
            plain = _cue(claim) == "as-reported" and not _timed(weak[claim.article], claim)
            usable = [s for s in sources if s.article != claim.article and (plain or _strong_source(s))]
            work.setdefault(claim.article, []).append((claim, usable))
    proposals: dict[str, tuple[DateEstimate, str]] = {}
    for article_id, items in work.items():
        key = _vote_key(weak[article_id], items) if votes.memo is not None else None
        vote = votes.get(key)
        if vote is _MISSING:
            found = _proposals(weak[article_id], items)
            vote = votes.put(key, _vote(weak[article_id], found) if found else None)
        if vote is not None:
            proposals[article_id] = vote
    if not proposals:
        return articles, events
    new_articles: list[Article] = []
    changed: dict[tuple[str, int, int, str], Claim] = {}
    for article in articles:
        if article.id not in proposals:
            new_articles.append(article)
            continue
        published, source_id = proposals[article.id]
        if published == article.published:
            new_articles.append(article)
            continue
        known = _article_key(article) if redated.memo is not None else None
        key = (known, published) if known is not None else None
        saids = redated.get(key)
        if saids is _MISSING:
            claims = tuple(_redate(article, c, published) for c in article.claims)
            redated.put(key, tuple(c.said for c in claims))
        else:
            claims = tuple(
                c if c.said == said else replace(c, said=said)
                for c, said in zip(article.claims, saids, strict=True)
            )  # type: ignore[call-overload]
        for old, new in zip(article.claims, claims, strict=True):
            if new != old:
                changed[(old.article, old.start, old.end, old.speaker)] = new
        warnings = tuple(w for w in article.warnings if not w.startswith(("undated", "weakly dated")))
        warnings += (f"dated only through {source_id}, which reports the same statement",)
        new_articles.append(replace(article, published=published, claims=claims, warnings=warnings))
    if not changed:
        return new_articles, events
    new_events = []
    for event in events:
        if not any((c.article, c.start, c.end, c.speaker) in changed for c in event.claims):
            new_events.append(event)
            continue
        claims = tuple(changed.get((c.article, c.start, c.end, c.speaker), c) for c in event.claims)
        new_events.append(replace(event, claims=claims, date=merge([c.said for c in claims])))
    return new_articles, new_events


_MISSING = object()


class _Memo:
    """One part of the caller's memo: what this call used of it is all that is kept."""

    def __init__(self, memo: dict | None, name: str):
        self.memo, self.name = memo, name
        self.known = memo.get(name, {}) if memo is not None else {}
        self.used: dict = {}

    def get(self, key: object) -> object:
        if key is None:
            return _MISSING
        found = self.known.get(key, _MISSING)
        if found is not _MISSING:
            self.used[key] = found
        return found

    def put(self, key: object, value: object) -> object:
        if key is not None:
            self.used[key] = value
        return value

    def close(self) -> None:
        if self.memo is not None:
            self.memo[self.name] = self.used


def _article_key(article: Article) -> tuple | None:
    from timeline.normalize import article_key

    return article_key(article)


def _vote_key(article: Article, items: list[tuple[Claim, list[Claim]]]) -> tuple | None:
    """What a weak article's vote is computed from: the article (its file), and for each of its
    claims the sibling reports offered, as much of them as _proposals and _vote read."""
    key = _article_key(article)
    if key is None:
        return None
    index = {id(c): i for i, c in enumerate(article.claims)}
    parts = []
    for claim, sources in items:
        at = index.get(id(claim))
        if at is None:
            return None
        parts.append(
            (
                at,
                tuple(
                    (
                        s.article,
                        s.start,
                        s.end,
                        s.sentence[:160],
                        s.said.value,
                        s.said.earliest,
                        s.said.latest,
                    )
                    for s in sources
                ),
            )
        )
    return (key, hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).digest())


# the publication range one sibling report implies, that report, and whether the link is loose
Proposal = tuple[dt.date, dt.date, Claim, bool]
LOOSE_DAYS = dt.timedelta(days=14)  # how much wider a date shared through a loose link is shown
_WORD = re.compile(r"(?<![\w])[^\W\d_][\w'’-]{4,}")


def _loose(claim: Claim, source: Claim) -> bool:
    """Whether two reports of one statement share no plain words (lower-case words of five
    letters or more): a join that rests on the speaker, the stance and nothing written alike
    (another language, or the one statement of that speaker that fits). A date shared through it
    is a weaker inference than one shared between reports that say the same words."""

    def words(text: str) -> set[str]:
        return {w.casefold() for w in _WORD.findall(text) if w[0].islower()}

    return not (words(claim.sentence) & words(source.sentence))


def _proposals(article: Article, items: list[tuple[Claim, list[Claim]]]) -> list[Proposal]:
    """The proposals of every (claim, source) pair of one article, in order. Sources that date
    the statement alike propose alike, so each (claim, source range) is worked out once; each
    claim's own reading of each trial day is computed once, day by day (so that the article's
    expressions are resolved once per day), and not at all where no time words can change it."""
    ranges: dict[tuple[int, dt.date, dt.date], tuple[dt.date, dt.date, bool]] = {}
    needed: dict[int, set[dt.date]] = {}
    quiet: set[int] = set()
    claim_of: dict[int, Claim] = {}
    for claim, sources in items:
        key = id(claim)
        claim_of[key] = claim
        if (
            key not in quiet
            and key not in needed
            and _cue(claim) == "as-reported"
            and not _timed(article, claim)
        ):
            quiet.add(key)
        for source in sources:
            said = source.said
            assert said.earliest is not None and said.latest is not None
            rkey = (key, said.earliest, said.latest)
            if rkey in ranges:
                continue
            lo, hi, reported = ranges[rkey] = _range(article, claim, said.earliest, said.latest)
            if key not in quiet:
                days = needed.setdefault(key, set())
                days.update(lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1))
    readings: dict[tuple[int, dt.date], tuple[str, dt.date | None]] = {}
    for day in sorted({d for days in needed.values() for d in days}):
        trial = DateEstimate(day, "day", day, day, article.published.evidence)
        for key, days in needed.items():
            if day in days:
                said = _said_on(article, claim_of[key], trial)
                readings[(key, day)] = (said.evidence[0].rule if said.evidence else "as-reported", said.value)
    kept: dict[tuple[int, dt.date, dt.date], tuple[dt.date, dt.date] | None] = {}
    for (key, first, last), (lo, hi, reported) in ranges.items():
        if key in quiet:
            kept[(key, first, last)] = (
                (lo, hi) if lo <= hi else None
            )  # as reported on any day: every day agrees
            continue
        agreeing = []
        day = lo
        while day <= hi:
            rule, value = readings[(key, day)]
            agrees = rule in ("as-reported", "earlier") or (value is not None and first <= value <= last)
            if (
                agrees
                and rule == "as-reported"
                and not _weekdays_agree(article, claim_of[key], day, first, last)
            ):
                agrees = False
            if agrees and not (rule == "as-reported" and not reported):
                agreeing.append(day)
            day += DAY
        kept[(key, first, last)] = (agreeing[0], agreeing[-1]) if agreeing else None
    out: list[Proposal] = []
    for claim, sources in items:
        for source in sources:
            said = source.said
            found = kept[(id(claim), said.earliest, said.latest)]  # type: ignore[index]
            if found is not None:
                out.append((found[0], found[1], source, _loose(claim, source)))
    return out


def _weekdays_agree(article: Article, claim: Claim, day: dt.date, first: dt.date, last: dt.date) -> bool:
    """A claim with no day of its own is told on the narrative day of its paragraph: a weekday
    named earlier in the paragraph ("On Tuesday the minister said ... . He said so on TV") must,
    seen from the trial publication day, fall inside the sibling report's dating."""
    lo = article.text.rfind("\n", 0, claim.start) + 1
    days = [
        weekday_on(m, day, "past")
        for m in scan(article.text, article.language)
        if m.kind == "weekday" and m.tense != "future" and lo <= m.start < claim.end
    ]
    return not days or any(first <= d <= last for d in days)


def _timed(article: Article, claim: Claim) -> bool:
    """Whether a time expression lies in the claim's sentence or earlier in its paragraph (where a
    narrative day could come from): otherwise it reads 'as reported' whatever the day."""
    spans = article.timexes if article.timexes else scan(article.text, article.language)
    lo = article.text.rfind("\n", 0, claim.start) + 1
    return any(lo <= t.end and t.start <= claim.end for t in spans)


def _range(
    article: Article, claim: Claim, earliest: dt.date, latest: dt.date
) -> tuple[dt.date, dt.date, bool]:
    """The trial days for `claim` when a sibling report dates the statement [earliest, latest]."""
    own = article.published
    reported = _cue(claim) == "as-reported"
    lo = max(earliest, own.earliest) if own.earliest else earliest
    hi = latest + dt.timedelta(days=2 if reported else 30)
    if own.latest and own.latest < hi:
        hi = own.latest
    return lo, hi, reported


def _cluster_evidence(source: Claim, lo: dt.date, hi: dt.date) -> Evidence:
    detail = f"reports the same statement as {source.article}, which dates it {source.said.value}; published {lo} to {hi}"
    return Evidence(
        "cluster", source.sentence[:160], source.start, source.end, article=source.article, detail=detail
    )


def _vote(article: Article, options: list[Proposal]) -> tuple[DateEstimate, str]:
    """The day most reports agree on (a wrong merge is outvoted), and the range they share, with
    the article's own evidence and every agreeing report's."""
    weights: dict[tuple[dt.date, dt.date], int] = {}
    for lo, hi, _, _ in options:
        weights[(lo, hi)] = weights.get((lo, hi), 0) + 1
    days: dict[dt.date, int] = {}
    for (lo, hi), weight in weights.items():
        day = lo
        while day <= hi:
            days[day] = days.get(day, 0) + weight
            day += DAY
    best = max(days, key=lambda d: (days[d], -d.toordinal()))
    agreeing = [p for p in options if p[0] <= best <= p[1]]
    lo = max(p[0] for p in agreeing)
    hi = min(p[1] for p in agreeing)
    cited = {
        (s.sentence[:160], s.start, s.end, s.article, s.said.value, a, b): (s, a, b)
        for a, b, s, _ in agreeing
    }
    evidence = tuple(
        dict.fromkeys((*article.published.evidence, *(_cluster_evidence(*v) for v in cited.values())))
    )
    best = _middle(min(max(best, lo), hi), lo, hi)  # a week-wide range: never more than 3 days off
    if all(loose for *_, loose in agreeing):
        # only loose links: the range is shown two weeks wider on each side (inside the article's
        # own bounds), so the shared day is never shown as more certain than the link that gave it
        own = article.published
        lo = max(lo - LOOSE_DAYS, own.earliest) if own.earliest else lo - LOOSE_DAYS
        hi = min(hi + LOOSE_DAYS, own.latest) if own.latest else hi + LOOSE_DAYS
        detail = f"the reports share no words (another language, or the one fitting statement of the speaker): shown as {lo} to {hi}"
        evidence = (*evidence, Evidence("cluster", "", detail=detail))
    return DateEstimate(best, precision_of(lo, hi), lo, hi, evidence), agreeing[0][2].article


def _redate(article: Article, claim: Claim, published: DateEstimate) -> Claim:
    """The claim's date seen from the article's new publication range."""
    return replace(claim, said=_said_on(article, claim, published))


def _said_on(article: Article, claim: Claim, published: DateEstimate) -> DateEstimate:
    """When the claim was made, if the article was published `published`."""
    old_rule = _cue(claim)
    if old_rule == "as-reported" and not _timed(article, claim):
        return as_reported(published)  # what statement_date gives, without a scan
    sentence = Sentence(claim.sentence, claim.start, claim.end, 0)
    said = statement_date(sentence, article.text, published, article.language)
    if (
        old_rule != "as-reported"
        and (said.evidence[0].rule if said.evidence else "as-reported") == "as-reported"
    ):
        cue = next((e for e in claim.said.evidence if e.start is not None), None)
        holder = next((s for s in article.sentences if cue and s.start <= cue.start < s.end), None)
        if holder is not None:
            said = statement_date(holder, article.text, published, article.language)
    return said
