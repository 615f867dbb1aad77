"""The whole corpus at once: claims that report the same statement become one event.

Two steps. First each article's own claims are folded into reports (an article often repeats
one statement across paragraphs: same speaker, same venue, or the same stance family without a
venue). Then reports of different articles join an event when the speaker is the same (an
institution and its spokesperson count as one), the dates can be the same day, the venues do
not differ, the stances do not contradict, and there is positive evidence: the same named venue,
overlapping wording, or the same stance family in the same news cycle (the same day, or a report
with no date of its own in an article published that day or the next, or within the week its
article is known to; two reports naming the same day: language-free cues). A refusal and a
condition of the same speaker on the same day are two readings of one statement. A
report with no date of its own is the news of its publication day or the day before, never of an
older statement; an undated one may join its speaker's single fitting cluster. Two statements by
one speaker on different days never merge. Reports are compared only inside blocks (speaker, then date order
with a sliding window), so the cost grows about linearly with the number of claims.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from sys import intern
from urllib.parse import quote

from timeline.config import Config
from timeline.gazetteer import reference_mentions
from timeline.headlines import headline
from timeline.model import Article, Claim, DateEstimate, Event, Evidence, Source

FAMILY = {
    "propose": "offer",
    "invite": "offer",
    "accept": "offer",
    "open-conditional": "conditional",
    "condition": "conditional",
    "reject": "refuse",
    "deny": "refuse",
    "comment": "comment",
}
PRIORITY = ("deny", "reject", "invite", "condition", "open-conditional", "propose", "accept", "comment")
WEAK_RULES = {"as-reported"}  # a date that only says "on or before publication"
WEAK_SPAN = dt.timedelta(days=10)  # how long before its report a statement with no date cue may be
SLACK = dt.timedelta(days=1)
WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
MIN_OVERLAP = 0.2
MAX_CONFLICTS = 8  # notes kept per event
MOVE_FROM = 12  # a report in a cluster larger than this stays there on a second look


@dataclass
class _Report:
    """One article's claims about one statement (its derived fields are set once, by _finish)."""

    claims: list[Claim]
    block: str
    window: tuple[dt.date, dt.date] | None = None
    words: set[str] = field(default_factory=set)
    venue: str | None = None
    families: set[str] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)
    day: dt.date | None = None

    article: str = ""
    people: frozenset[str] = frozenset()  # the persons among the speakers (institutions left out)
    days: set[dt.date] = field(default_factory=set)  # the claims' strong days
    pub: dt.date | None = None  # the publication day, when the report has no date of its own
    mark: dt.date | None = None  # the day its own words name ("on Sunday") when only the week is sure
    around: tuple[dt.date, dt.date] | None = (
        None  # the days its article can have been published on, less WEAK_SPAN
    )
    weekdays: frozenset[int] = frozenset()  # the weekdays its sentences name ("on Monday"), 0 = Monday
    news_weekdays: frozenset[int] = frozenset()  # the weekdays its article names anywhere
    span: tuple[dt.date, dt.date] | None = (
        None  # the days its article can be of, when no date of its own nor a publication day is sure
    )
    # set by _finish, read by clusters and scores
    shape: tuple = ()  # (venue, stance families, strong day, undated, publication day, named day)
    kind: int = -1  # the shape's number (_shape_id): what clusters and scores key on, cheap to hash
    keys: list[str] | None = field(default=None, compare=False, repr=False)  # _Index's, made once
    fwords: frozenset[str] = frozenset()
    core: frozenset[str] = frozenset()  # its stance families but comment
    owner: _Cluster | None = field(
        default=None, compare=False, repr=False
    )  # the cluster it is in (set by cluster() and on every move)
    at: tuple[int, ...] = ()  # its claims' positions in their article (what the event memo keys on)
    rk: str = ""  # "article id NUL its number among the article's reports": what _Replay keys on

    def _finish(self, config: Config) -> None:
        self.venue = next((c.venue for c in self.claims if c.venue), None)
        self.families = {FAMILY[c.stance] for c in self.claims}
        self.persons = {c.speaker for c in self.claims}
        self.article = self.claims[0].article
        self.people = frozenset(p for p in self.persons if _kind(p, config) == "person")
        self.days = {d for d in (_claim_day(c) for c in self.claims) if d}
        self.day = next(iter(self.days)) if len(self.days) == 1 else None
        weak = [c.said for c in self.claims if c.said.known and c.said.precision == "day" and is_weak(c.said)]
        self.pub = None if self.days or not weak else max(d.latest or d.value for d in weak)
        self.span = None if self.days or self.pub else _span(self.claims)
        marks = {m for m in (_claim_mark(c) for c in self.claims) if m}
        self.mark = self.day or (next(iter(marks)) if len(marks) == 1 else None)
        self.weekdays = frozenset(w for c in self.claims for w in weekdays_named(c.sentence, c.language))
        self.core = frozenset(self.families - {"comment"})
        self.fwords = frozenset(self.words)
        self.shape = (
            self.venue,
            frozenset(self.families),
            self.day,
            self.window is None,
            self.pub,
            self.mark,
            self.span,
        )
        self.kind = _shape_id(self.shape)


class _Cluster:
    """Reports of one statement, with what a newcomer must agree with kept up to date as reports
    come and go (articles, people, days, venues, stance families, the span of their windows), so
    that a report is checked against a cluster at once rather than against each of its reports.

    Each of those is a count per value (a dict), so that a report leaves as cheaply as it came:
    the second looks take a report out, score it against the rest, and put it back in place."""

    def __init__(self, reports: list[_Report], ident: str = ""):
        self.ident = ident  # the key of the report that opened it (_Replay's name for it)
        self.reports: list[_Report] = []
        self.articles: dict[str, int] = {}
        self.people: dict[frozenset[str], int] = {}  # the distinct non-empty sets of persons
        self.days: dict[dt.date, int] = {}
        self.pubs: dict[dt.date, int] = {}  # publication days of the reports with no date of their own
        self.marks: dict[dt.date, int] = {}  # the days its reports' own words name ("on Wednesday")
        self.venues: dict[str, int] = {}
        self.refusing = 0  # reports with a refusal among their stances
        self.offering = 0  # reports with an offer among their stances, none a refusal
        self.starts: dict[dt.date, int] = {}  # the reports' windows
        self.ends: dict[dt.date, int] = {}
        self.min_end: dt.date | None = None  # over the reports with a window
        self.max_start: dt.date | None = None
        # the reports by what a score reads of them besides their words: (venue, stance
        # families, strong day, undated, publication day, named day) -> their distinct sets of words
        self.shapes: dict[int, dict[frozenset[str], int]] = {}  # keyed by shape number
        self.families: dict[str, int] = {}  # every stance family of its reports
        self.weekdays: dict[int, int] = {}  # every weekday its reports name
        for r in reports:
            self.append(r)

    def append(self, r: _Report) -> None:
        self.reports.append(r)
        self._count(r, 1)

    def insert(self, at: int, r: _Report) -> None:
        """Put back a report taken out by remove(), where it was."""
        self.reports.insert(at, r)
        self._count(r, 1)

    def remove(self, r: _Report) -> int:
        """Take r out; its former position, for insert()."""
        reports = self.reports
        at = next(i for i, x in enumerate(reports) if x is r)
        del reports[at]
        self._count(r, -1)
        return at

    def _count(self, r: _Report, step: int) -> None:
        _bump(self.articles, r.article, step)
        if r.people:
            _bump(self.people, r.people, step)
        if r.day:
            _bump(self.days, r.day, step)
        if r.pub:
            _bump(self.pubs, r.pub, step)
        if r.mark:
            _bump(self.marks, r.mark, step)
        if r.venue:
            _bump(self.venues, r.venue, step)
        core = r.core
        if "refuse" in core:
            self.refusing += step
        elif "offer" in core:
            self.offering += step
        window = r.window
        if window:
            _bump(self.starts, window[0], step)
            _bump(self.ends, window[1], step)
            if step > 0:
                self.min_end = window[1] if self.min_end is None else min(self.min_end, window[1])
                self.max_start = window[0] if self.max_start is None else max(self.max_start, window[0])
            else:
                self.min_end = min(self.ends) if self.ends else None
                self.max_start = max(self.starts) if self.starts else None
        wordings = self.shapes.get(r.kind)
        if wordings is None:
            wordings = self.shapes[r.kind] = {}
        _bump(wordings, r.fwords, step)
        if not wordings:
            del self.shapes[r.kind]
        for f in r.families:
            _bump(self.families, f, step)
        for w in r.weekdays:
            _bump(self.weekdays, w, step)

    def admits(self, r: _Report) -> bool:
        """Whether r agrees with every report of the cluster: another article, the same people,
        no second day, dates that can meet, no second venue, no refusal beside an offer (a
        condition goes with either: "only to sign a final agreement" is read as both)."""
        if r.article in self.articles:
            return False
        if r.people and any(not (r.people & p) for p in self.people):
            return False
        day = r.day
        if day:
            days = self.days
            if days and (len(days) > 1 or day not in days):
                return False  # the same words on two different days are two statements
            if self.pubs and any(not news_of(day, p) for p in self.pubs):
                return False  # an article's own news is of its day or the day before
        if r.pub and self.days and any(not news_of(d, r.pub) for d in self.days):
            return False
        if (
            r.window
            and self.min_end is not None
            and (r.window[0] - SLACK > self.min_end or self.max_start - SLACK > r.window[1])
        ):
            return False
        venues = self.venues
        if r.venue and venues and (len(venues) > 1 or r.venue not in venues):
            return False
        core = r.core
        if "refuse" in core:
            return not self.offering
        return not ("offer" in core and self.refusing)


def _bump(counts: dict, key: object, step: int) -> None:
    """Add step to a count, dropping the key at zero (so that the keys are the values present)."""
    n = counts.get(key, 0) + step
    if n:
        counts[key] = n
    else:
        del counts[key]


def normalize(
    articles: list[Article], config: Config, memo: dict | None = None
) -> tuple[list[Article], list[Event]]:
    """Cluster the claims of all articles into events; add the configuration's context events.

    memo, kept between builds by the caller (beside the article cache, so for one configuration
    and one version of the code), spares the work that depends on one article alone: its
    reports, and the dates its siblings lend it (dates_shared). Entries not used by this call
    are dropped from it. The result is the same with or without it."""
    # Clustering makes many small objects and no cycles: the collector's passes over every
    # loaded article would cost more than the work itself, so it waits until the end.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _normalize(articles, config, memo)
    finally:
        _PAIRS.clear()
        if enabled:
            gc.enable()


def _normalize(
    articles: list[Article], config: Config, memo: dict | None = None
) -> tuple[list[Article], list[Event]]:
    by_id = {a.id: a for a in articles}
    reports: list[_Report] = []
    known = memo.get("reports", {}) if memo is not None else {}
    used: dict[tuple, tuple] = {}
    for article in sorted(articles, key=lambda a: a.id):
        key = article_key(article)
        frozen = known.get(key) if key is not None else None
        if frozen is None:
            found = _article_reports(article, config)
            if key is not None and memo is not None:
                used[key] = _freeze(article, found)
        else:
            found = _thaw(article, frozen)
            used[key] = frozen
        for k, r in enumerate(found):
            r.rk = f"{article.id}\0{k}"
        reports.extend(found)
    if memo is not None:
        memo["reports"] = used
    replay = _Replay.of(memo, articles) if memo is not None else None
    clusters = cluster(reports, config, replay)
    if replay is not None:
        replay.keep(memo)
    if memo is None:
        events = [_event(c, by_id, config) for c in clusters]
    else:
        events = _events_memoised(clusters, by_id, config, memo)
    events = _unique(events)
    shared = memo.setdefault("shared", {}) if memo is not None else None
    articles, events = _share_dates(articles, events, shared)
    events += context_events(articles, config)
    events.sort(key=lambda e: (e.date.value or dt.date.max, e.kind != "context", e.id))
    return articles, events


def _article_reports(article: Article, config: Config) -> list[_Report]:
    """One article's claims folded into reports, with what its publication date and its weekdays say."""
    found = _reports(article.claims, config)
    published = article.published
    around = None
    if published.known and published.precision != "unknown":
        around = ((published.earliest or published.value) - WEAK_SPAN, published.latest or published.value)
    named = (
        frozenset(w for x in article.sentences for w in weekdays_named(x.text, article.language))
        if article.sentences
        else frozenset()
    )
    for r in found:
        r.around = around
        r.news_weekdays = named
    return found


def article_key(article: Article) -> tuple | None:
    """An article as loaded is a function of its file's bytes (and of the configuration and the
    code, which select the memo): what the memo of its reports is kept under."""
    if not article.sha256:
        return None
    return (article.id, article.file, article.sha256, len(article.claims), article.published.value)


def _freeze(article: Article, reports: list[_Report]) -> tuple:
    """An article's reports as plain values, claims as their positions in the article, days as
    their ordinals (a date is unpickled through a call of its class: ints load twice as fast)."""
    index = {id(c): i for i, c in enumerate(article.claims)}
    for r in reports:
        r.at = tuple(index[id(c)] for c in r.claims)
    return tuple(
        (
            r.at,
            r.block,
            _ordinals(r.window),
            r.fwords,
            r.venue,
            frozenset(r.families),
            frozenset(r.persons),
            r.day.toordinal() if r.day else None,
            r.article,
            r.people,
            frozenset(d.toordinal() for d in r.days),
            r.pub.toordinal() if r.pub else None,
            r.mark.toordinal() if r.mark else None,
            _ordinals(r.around),
            r.weekdays,
            r.news_weekdays,
            _ordinals(r.span),
        )
        for r in reports
    )


def _ordinals(span: tuple[dt.date, dt.date] | None) -> tuple[int, int] | None:
    return (span[0].toordinal(), span[1].toordinal()) if span else None


_DAYS: dict[int, dt.date] = {}  # ordinal -> date: one object per day, however many reports name it


def _day(n: int | None) -> dt.date | None:
    if n is None:
        return None
    found = _DAYS.get(n)
    if found is None:
        found = _DAYS[n] = dt.date.fromordinal(n)
    return found


def _days(span: tuple[int, int] | None) -> tuple[dt.date, dt.date] | None:
    return (_day(span[0]), _day(span[1])) if span else None  # type: ignore[return-value]


def _thaw(article: Article, frozen: tuple) -> list[_Report]:
    """The reports _freeze kept, on this build's claims (the frozen fields are _Report's, in order)."""
    claims = article.claims
    out = []
    for (
        at,
        block,
        window,
        fwords,
        venue,
        families,
        persons,
        day,
        art,
        people,
        days,
        pub,
        mark,
        around,
        *rest,
    ) in frozen:
        weekdays, news_weekdays, span = rest
        r = _Report(
            [claims[i] for i in at],
            block,
            _days(window),
            fwords,
            venue,
            families,
            persons,
            _day(day),
            art,
            people,
            frozenset(_day(d) for d in days),
            _day(pub),
            _day(mark),
            _days(around),
            weekdays,
            news_weekdays,
            _days(span),
        )
        r.at = at
        r.core = r.families - {"comment"}
        r.fwords = r.words
        r.shape = (r.venue, r.families, r.day, r.window is None, r.pub, r.mark, r.span)
        r.kind = _shape_id(r.shape)
        out.append(r)
    return out


def _share_dates(
    articles: list[Article], events: list[Event], memo: dict | None = None
) -> tuple[list[Article], list[Event]]:
    """Hand the clusters to the time engine, which dates undated reports from their siblings.

    The time engine owns `timeline.dates_shared`; without it the events keep their dates.
    """
    try:
        from timeline import dates_shared
    except ImportError:
        return articles, events
    share = getattr(dates_shared, "share_dates", None)
    if share is None:
        return articles, events
    merge = lambda dates: merged_date(dates, [""] * len(dates))[0]  # noqa: E731
    if memo is None:
        shared_articles, shared_events = share(articles, events, merge_date=merge)
    else:
        shared_articles, shared_events = share(articles, events, merge_date=merge, memo=memo)
    return list(shared_articles), list(shared_events)


# ---------------------------------------------------------------------------------------------
# Blocks and compatibility


def block_of(speaker: str, config: Config) -> str:
    """The blocking key: an institution with its people (peskov and ushakov are in the kremlin block)."""
    actor = config.actor(speaker)
    if actor is not None and actor.kind == "person" and actor.institution:
        institution = config.actor(actor.institution)
        if institution is not None and speaker in institution.spokespeople:
            return actor.institution
    return speaker


def same_speaker(a: set[str], b: set[str], config: Config) -> bool:
    """Persons must be the same; an institution goes with any of its spokespeople."""
    return _people_meet(
        frozenset(s for s in a if _kind(s, config) == "person"),
        frozenset(s for s in b if _kind(s, config) == "person"),
    )


def _people_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def _kind(actor_id: str, config: Config) -> str:
    key = (config.digest, actor_id)
    found = _KINDS.get(key)
    if found is None:
        actor = config.actor(actor_id)
        found = _KINDS[key] = actor.kind if actor else "person"
    return found


def _block(speaker: str, config: Config) -> str:
    key = (config.digest, speaker)
    found = _BLOCKS.get(key)
    if found is None:
        found = _BLOCKS[key] = block_of(speaker, config)
    return found


_KINDS: dict[tuple[str, str], str] = {}
_BLOCKS: dict[tuple[str, str], str] = {}


def is_weak(date: DateEstimate) -> bool:
    return date.known and bool(date.evidence) and all(e.rule in WEAK_RULES for e in date.evidence)


def window(date: DateEstimate) -> tuple[dt.date, dt.date] | None:
    """The days a statement can have been made on; None when nothing is known."""
    if not date.known:
        return None
    latest = date.latest or date.value
    earliest = date.earliest or date.value
    if is_weak(date):
        return earliest - WEAK_SPAN, latest
    return earliest, latest


def _strong_day(report: _Report) -> dt.date | None:
    return report.day


def _dates_compatible(a: _Report, b: _Report) -> bool:
    day_a, day_b = _strong_day(a), _strong_day(b)
    if day_a and day_b and day_a != day_b:
        return False  # the same words on two different days are two statements
    if a.window is None or b.window is None:
        return True
    return a.window[0] - SLACK <= b.window[1] and b.window[0] - SLACK <= a.window[1]


def _stances_compatible(a: set[str], b: set[str]) -> bool:
    """A refusal and an offer are two statements; a comment or a condition goes with anything."""
    return not ("refuse" in a and "offer" in b or "offer" in a and "refuse" in b)


def words(claims: Iterable[Claim]) -> set[str]:
    """Content words, cut to six letters so that case endings and spellings still meet."""
    out: set[str] = set()
    for c in claims:
        text = c.sentence + " " + " ".join(q.text for q in c.quotes)
        out.update(intern(w.lower()[:6]) for w in WORD.findall(text))  # interned: stored once in the memo
    return out


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _score(
    report: _Report, target: _Cluster, config: Config, floor: float | None = None, bonus: float = 0.0
) -> float | None:
    """How well a report fits a cluster; None when it must not join it.

    floor: the caller takes the cluster only if the score plus bonus exceeds it; kinds of report
    that could not reach it even with the same words are not looked at, so the score is exact
    whenever score + bonus > floor, and never more than the exact score otherwise."""
    if not target.admits(report):
        return None
    best: float | None = None
    words_ = report.words
    size = len(words_)
    # The best fit among reports that look alike but for their words is the one whose words are
    # closest (a closer wording only ever helps), so each kind of report is scored once; what the
    # two kinds alone decide is worked out once per pair of kinds.
    kind = report.kind
    for other, wordings in target.shapes.items():
        pair = (kind, other)
        found = _PAIRS.get(pair)
        if found is None:
            found = _PAIRS[pair] = _pair(report.shape, _SHAPES[other])
        base, same_day, near, free, family, undated, top = found
        if floor is not None and top + bonus <= floor:
            continue
        if len(wordings) == 1:
            w = next(iter(wordings))
            similar = len(words_ & w) / max(1, min(size, len(w)))
        else:
            similar = max([len(words_ & w) / max(1, min(size, len(w))) for w in wordings])
        if not (free or similar >= MIN_OVERLAP):
            continue
        if undated and not (base >= 3.0 or (family and similar >= 2.5 * MIN_OVERLAP)):
            continue  # with no date to check, ask for more than loose wording
        score = base + 4.0 * similar + same_day + near
        if best is None or score > best:
            best = score
    return best


_PAIRS: dict[tuple[int, int], tuple[float, float, float, bool, bool, bool, float]] = {}
_SHAPES: list[tuple] = []  # every report shape seen, by number
_SHAPE_IDS: dict[tuple, int] = {}


def _shape_id(shape: tuple) -> int:
    """A shape's number, the same for equal shapes for the life of the process (so that reports
    made by one call and clustered by another still agree)."""
    found = _SHAPE_IDS.get(shape)
    if found is None:
        found = _SHAPE_IDS[shape] = len(_SHAPES)
        _SHAPES.append(shape)
    return found


def _pair(mine: tuple, other: tuple) -> tuple[float, float, float, bool, bool, bool, float]:
    """What two report shapes alone decide of a score: (3 x shared venue + 2 x same family,
    same day, near days, passes without shared words, same family, either undated, the score
    with the same words)."""
    venue, families, day, undated, pub, mark, span = mine
    other_venue, other_families, other_day, other_undated, other_pub, other_mark, other_span = other
    shared_venue = bool(venue and venue == other_venue)
    same_family = bool(families & other_families - {"comment"}) or families == other_families
    same_day = bool(day and day == other_day)
    # both reports' own words name the same day ("on Friday", "30 вересня"), even where one of
    # them is sure of its week only: the same day's news
    near = (
        same_day
        or bool(mark and mark == other_mark)
        or near_days(mark, pub, other_mark, other_pub)
        or in_span(span, other_mark, other_pub)
        or in_span(other_span, mark, pub)
    )
    # a bare comment is a vaguer reading of the same day's words ("said a meeting could take
    # place within two weeks"), never of a refusal
    vague = (
        near
        and (families == {"comment"}) != (other_families == {"comment"})
        and "refuse" not in families | other_families
    )
    # a refusal and a condition of the same speaker on the same day are two readings of one
    # statement ("impossible to start with a meeting of the leaders" / "only to sign an agreement")
    hedged = same_day and _hedged(families, other_families)
    same_family = same_family or vague or hedged
    # of two otherwise equal clusters, the one of the very same stances ("disrespect": a comment
    # beside the comment rather than beside the offer made in the same sentence)
    base = 3.0 * shared_venue + 2.0 * same_family + 0.1 * (families == other_families)
    free = shared_venue or (same_family and near)
    return (
        base,
        1.0 * same_day,
        1.0 * near,
        free,
        same_family,
        undated or other_undated,
        base + 4.0 + 1.0 * same_day + 1.0 * near,
    )


def _hedged(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """One side refuses, the other sets conditions, and neither offers."""
    core_a, core_b = a - {"comment"}, b - {"comment"}
    if not core_a or not core_b or "offer" in core_a | core_b:
        return False
    return ("refuse" in core_a) != ("refuse" in core_b)


def news_of(day: dt.date, pub: dt.date) -> bool:
    """Whether a statement of `day` can be the news of an article published on `pub` that gives
    no date for it (a report of an older statement names its day)."""
    return 0 <= (pub - day).days <= 1


SPAN = 7  # the widest publication range (in days) still read as one news cycle


def _span(claims: list[Claim]) -> tuple[dt.date, dt.date] | None:
    """The publication range of an article known to the week, for a report whose claims give no
    date of their own: its news is of those days."""
    ranges = {
        (c.said.earliest, c.said.latest)
        for c in claims
        if c.said.known and c.said.precision != "day" and is_weak(c.said)
    }
    if len(ranges) != 1:
        return None
    lo, hi = next(iter(ranges))
    return (lo, hi) if lo and hi and 0 <= (hi - lo).days <= SPAN else None


def in_span(span: tuple[dt.date, dt.date] | None, day: dt.date | None, pub: dt.date | None) -> bool:
    """Whether a statement of `day`, or the news of an article published on `pub`, can be the
    news of an article published within `span` that gives no date for it."""
    if span is None:
        return False
    lo, hi = span
    if day:
        return lo - SLACK <= day <= hi
    return bool(pub) and lo - SLACK <= pub <= hi + SLACK


def near_days(
    day: dt.date | None, pub: dt.date | None, other_day: dt.date | None, other_pub: dt.date | None
) -> bool:
    """Whether two reports tell of the same day's news, a language-free cue: a statement of day d
    is news in an article published on d or d + 1, and two articles with no date of their own
    published a day apart answer the same news cycle."""
    if day and other_pub:
        return 0 <= (other_pub - day).days <= 1
    if pub and other_day:
        return 0 <= (pub - other_day).days <= 1
    if pub and other_pub:
        return abs((pub - other_pub).days) <= 1
    return False


def cluster(reports: list[_Report], config: Config, replay: _Replay | None = None) -> list[_Cluster]:
    """Greedy clustering inside blocks: a report joins the best-fitting open cluster of its block.

    replay: the previous build's decisions (_Replay), taken again wherever they provably hold."""
    replay = replay or _Replay(None, {})
    clusters: list[_Cluster] = []
    guesses: list[tuple[_Report, _Cluster]] = []  # joins by elimination of wholly undated articles
    blocks: dict[str, list[_Report]] = {}
    for r in reports:
        blocks.setdefault(r.block, []).append(r)
    for block in sorted(blocks):
        dated = sorted((r for r in blocks[block] if r.window), key=lambda r: (r.window[0], r.article))
        undated = sorted((r for r in blocks[block] if not r.window), key=lambda r: r.article)
        open_: list[_Cluster] = []
        mine: list[_Cluster] = []
        for r in dated:
            # slide the window: a cluster one of whose reports ended before this report began can
            # take neither it nor any later one (the reports come by start; no end ever grows)
            open_ = [c for c in open_ if c.min_end + SLACK >= r.window[0]]
            target = replay.scored("dated", r, open_, lambda: _best(r, open_, config))  # noqa: B023
            replay.settle(target, r.rk)
            if target is None:
                target = _Cluster([], r.rk)
                mine.append(target)
                open_.append(target)
            target.append(r)
        index = _Index(mine) if undated else None
        dated_clusters = list(mine)
        scan = dated_clusters if len(dated_clusters) <= ONLY_FIT_SCAN else []  # what _only_fit reads
        for r in undated:
            candidates = index.candidates(r)
            target = replay.scored(
                "undated",
                r,
                candidates + scan,
                lambda: _best(r, candidates, config) or _only_fit(r, dated_clusters),  # noqa: B023
            )
            replay.settle(target, r.rk)
            if target is not None and _guessing(r) and _best(r, candidates, config) is None:
                guesses.append((r, target))
            if target is None:
                target = _Cluster([], r.rk)
                mine.append(target)
            target.append(r)
            index.add(target, r)
        clusters.extend(mine)
    _unsure(guesses, clusters, replay)
    for c in clusters:
        for r in c.reports:
            r.owner = c
    return _reconsider_undated(_reconsider_weak(clusters, config, replay), config, replay)


class _Replay:
    """The previous build's clustering decisions, taken again where they provably hold.

    A decision (a report joins, opens, leaves or stays in a cluster) reads only the report and
    the clusters it is compared with (`involved`, in order, by name: the key of the report that
    opened each). While every one of those holds the very reports it held at that point of the
    previous build ("clean"), the decision is the one recorded; otherwise it is worked out
    afresh, and where its outcome differs from the recorded one the clusters it touches are
    marked dirty from then on. A new article's reports thus cost only the decisions near them,
    and the result is the same as without the record. The record is used only when every
    article it was made from is still there unchanged (new articles may have come)."""

    def __init__(self, record: dict | None, articles: dict[str, str]):
        self.articles = articles  # article id -> sha256, this build's
        old = record or {}
        before = old.get("articles", {})
        self.on = bool(before) and all(articles.get(a) == sha for a, sha in before.items())
        self.old: dict[tuple, tuple] = old.get("decisions", {}) if self.on else {}
        self.new: dict[tuple, tuple] = {}
        self.dirty: set[str] = set()
        self.seen: dict[tuple[str, str], int] = {}
        self.record = record is not None  # keep this build's decisions for the next one
        self.reused = 0
        self._open: list[tuple] = []  # (key, signature, record, scored outcome) of the decisions not settled

    @classmethod
    def of(cls, memo: dict, articles: list[Article]) -> _Replay:
        shas = {a.id: a.sha256 for a in articles}
        if any(not sha for sha in shas.values()):
            return cls(None, {})
        kept = memo.get("replay") or {}
        record = next(iter(kept.values())) if len(kept) == 1 else {}
        return cls(record if isinstance(record, dict) else {}, shas)

    def keep(self, memo: dict) -> None:
        """Store this build's decisions in memo (under a new token, so that the memo's file
        never copies the previous record's bytes: the record's values change from build to build)."""
        if not self.record or not self.articles:
            memo.pop("replay", None)
            return
        token = max((memo.get("replay") or {0: None}).keys(), default=0)
        token = token + 1 if isinstance(token, int) else 1
        memo["replay"] = {token: {"articles": self.articles, "decisions": self.new}}

    def scored(
        self,
        step: str,
        r: _Report,
        involved: list[_Cluster],
        compute: Callable[[], _Cluster | None],
        extra: str = "",
    ) -> _Cluster | None:
        """compute(), or the recorded outcome when the same clean clusters are involved."""
        if not self.record:
            return compute()
        n = self.seen[(step, r.rk)] = self.seen.get((step, r.rk), -1) + 1
        key = (step, r.rk, n)
        names = [c.ident for c in involved]
        sig = hashlib.blake2b(
            ("\2".join(names) + "\3" + extra).encode("utf-8", "surrogatepass"), digest_size=16
        ).digest()
        was = self.old.get(key)
        if was is not None and was[0] == sig and not (self.dirty and self.dirty.intersection(names)):
            self.reused += 1
            self._open.append((key, sig, was, was[1]))
            return None if was[1] is None else involved[names.index(was[1])]
        found = compute()
        self._open.append((key, sig, was, found.ident if found is not None else None))
        return found

    def settle(self, final: _Cluster | None, home: str) -> None:
        """The decision's outcome (its cluster, or None: opened its own, or stayed in `home`)."""
        if not self.record:
            return
        key, sig, was, scored = self._open.pop()
        name = final.ident if final is not None else None
        self.new[key] = (sig, scored, name)
        if was is None or was[2] != name:
            # not what the previous build did: the clusters it touches differ from then on,
            # and so do those the report's later decisions of this step went to (they may not
            # be taken again)
            if name is not None:
                self.dirty.add(name)
            self.dirty.add(home)
            step, rk, n = key
            while was is not None:
                if was[2] is not None:
                    self.dirty.add(was[2])
                n += 1
                was = self.old.get((step, rk, n))


GUESS_SPAN = 92  # days: an article known no closer than this is as good as undated for a join


def _guessing(r: _Report) -> bool:
    """Whether a join by elimination would be a guess: the report's article is undated, or known
    only to months or years ("© 2025" and "in the spring of 2022": any of four years)."""
    return r.around is None or (r.around[1] - r.around[0]).days > GUESS_SPAN


def _unsure(guesses: list[tuple[_Report, _Cluster]], clusters: list[_Cluster], replay: _Replay) -> None:
    """A join by elimination of a report whose article nothing dates is a guess: the sole
    fitting statement of its speaker may be another year's. It stands when the statement was
    carried by two other articles, or when another report of its article guessed the same days
    (two guesses that agree); else the report stands alone (never merge two days' statements).
    The clusters it weighs are worked out afresh in every build (never replayed)."""
    by_article: dict[str, list[_Cluster]] = {}
    for r, c in guesses:
        by_article.setdefault(r.article, []).append(c)
        replay.dirty.add(c.ident)
    for r, c in guesses:
        if len(c.articles.keys() - {r.article}) >= 2:
            continue
        days = _known_days(c)
        if any(o is not c and _close(days, _known_days(o)) for o in by_article[r.article]):
            continue
        c.remove(r)
        clusters.append(_Cluster([r], r.rk))
        replay.dirty.add(r.rk)


def _known_days(c: _Cluster) -> set[dt.date]:
    return set(c.days) | set(c.pubs) | set(c.marks)


def _close(a: set[dt.date], b: set[dt.date]) -> bool:
    return any(abs((x - y).days) <= SPAN for x in a for y in b)


def _move(r: _Report, here: _Cluster, there: _Cluster) -> None:
    here.remove(r)
    there.append(r)
    r.owner = there


def _reconsider_weak(clusters: list[_Cluster], config: Config, replay: _Replay) -> list[_Cluster]:
    """Give each report with no date of its own a second look at the clusters of statements made
    on its publication day or the day before: its long window put it first in the date order, so
    it opened a cluster before the dated reports of the same news came along."""
    by_day: dict[tuple[str, dt.date], list[_Cluster]] = {}
    for c in clusters:
        if c.reports:
            # the days its reports' words name count too where only the week is sure ("on
            # Friday"): a report of Friday's news belongs beside them, not beside Wednesday's
            for d in c.days.keys() | c.marks.keys():
                by_day.setdefault((c.reports[0].block, d), []).append(c)
    for c in list(clusters):
        for r in [r for r in c.reports if r.pub]:
            candidates = by_day.get((r.block, r.pub), []) + by_day.get(
                (r.block, r.pub - dt.timedelta(days=1)), []
            )
            if not candidates:
                continue
            others = [o for o in candidates if o is not c and o.reports]
            best = replay.scored("weak", r, [c, *others], lambda: _weak_move(r, c, others, config))  # noqa: B023
            replay.settle(best, c.ident)
            if best is not None:
                _move(r, c, best)
    return [c for c in clusters if c.reports]


def _weak_move(r: _Report, c: _Cluster, others: list[_Cluster], config: Config) -> _Cluster | None:
    """The cluster r, now in c, moves to on its second look, or None."""
    best, best_score = None, None
    for other in others:
        score = _score(r, other, config, best_score)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = other, score
    if best is None:
        return None
    if len(c.reports) > 1:
        # where it is now, scored without itself (built only when a move is possible;
        # a large cluster is where such a report belongs already)
        if len(c.reports) > MOVE_FROM:
            return None
        here = _score(r, _Cluster([x for x in c.reports if x is not r]), config)
        if here is not None and here >= best_score:
            return None
    return best


ONLY_FIT_SCAN = 16  # more clusters of a block than this: the choice cannot be shown unambiguous cheaply


def _only_fit(r: _Report, clusters: list[_Cluster]) -> _Cluster | None:
    """An undated report in another language shares no words with its statement's reports: it
    joins the speaker's one dated cluster that admits it and has its stance family, and only
    when there is exactly one such cluster (two possible statements: it stays apart)."""
    if len(clusters) > ONLY_FIT_SCAN:
        return None
    core = r.families - {"comment"}
    fits = [c for c in clusters if c.admits(r) and _family_fits(core, c) and _around_fits(r, c)]
    if len(fits) > 1 and r.news_weekdays:
        # the day either side of a named weekday lets a cluster in; a cluster on the very
        # weekday the article names is the better fit, when only one is
        fits = [c for c in fits if any(d.weekday() in r.news_weekdays for d in (c.days or c.pubs))]
    return fits[0] if len(fits) == 1 else None


def _around_fits(r: _Report, c: _Cluster) -> bool:
    """A join by elimination needs the cluster's days to fall where the report's article can
    have been published, or shortly before (the sole candidate may be another year's statement),
    and on a weekday the report names, when it names one."""
    days = c.days or c.pubs
    if r.weekdays and days and not any(d.weekday() in r.weekdays for d in days):
        return False
    if r.news_weekdays:
        near = {(w + k) % 7 for w in r.news_weekdays for k in (-1, 0, 1)}
        if not any(d.weekday() in near for d in days):
            return False  # an article's news is of the weekdays it names or the days either side
        named = {d.weekday() for d in days} & c.weekdays.keys()
        if named and not named & r.news_weekdays:
            return False  # its reports say "on Sunday"; an article that names weekdays would name that one
    if r.venue and not c.venues and r.families - {"comment"}:
        return False  # an offer of a place is reported with the place
    if r.around is None:
        return True
    lo, hi = r.around
    # every report's window meets [lo, hi]: the latest start and the earliest end do
    return c.min_end is None or (c.max_start - SLACK <= hi and lo - SLACK <= c.min_end)


_WEEKDAYS: dict[str, tuple[re.Pattern[str] | None, list[tuple[int, re.Pattern[str]]]]] = {}


def weekdays_named(text: str, language: str) -> set[int]:
    """The weekdays a sentence names, from the language's time lexicon (0 = Monday).

    One search for any weekday first: most sentences name none, and the alternation matches
    exactly where one of the day patterns would."""
    found = _WEEKDAYS.get(language)
    if found is None:
        from timeline.lexicon import part

        names = part("time/", language).get("weekdays") or {}
        alternatives = {k: "|".join(re.escape(w) for w in v) for k, v in names.items() if v}
        any_day = (
            re.compile(r"\b(?:" + "|".join(alternatives.values()) + r")\b", re.IGNORECASE)
            if alternatives
            else None
        )
        found = _WEEKDAYS[language] = (
            any_day,
            [(int(k), re.compile(r"\b(?:" + a + r")\b", re.IGNORECASE)) for k, a in alternatives.items()],
        )
    any_day, days = found
    if any_day is None or any_day.search(text) is None:
        return set()
    return {k for k, rx in days if rx.search(text)}


def _family_fits(core: set[str], c: _Cluster) -> bool:
    theirs = c.families.keys() - {"comment"}
    return bool(core & theirs) if core else not theirs


class _Index:
    """Clusters of one block by venue and by content word, so that an undated report is compared
    only with clusters that could take it (sharing a venue or a word that is not everywhere)."""

    COMMON = 50  # a word in more clusters than this says nothing

    def __init__(self, clusters: list[_Cluster]):
        self.by_key: dict[str, list[_Cluster]] = {}
        for c in clusters:
            for r in c.reports:
                self.add(c, r)

    def add(self, c: _Cluster, r: _Report) -> None:
        for key in self._keys(r):
            found = self.by_key.setdefault(key, [])
            if not found or found[-1] is not c:
                found.append(c)

    @staticmethod
    def _keys(r: _Report) -> list[str]:
        keys = r.keys
        if keys is None:
            keys = r.keys = ([f"@{r.venue}"] if r.venue else []) + sorted(r.words)
        return keys

    def candidates(self, r: _Report) -> list[_Cluster]:
        seen: dict[int, _Cluster] = {}
        for key in self._keys(r):
            found = self.by_key.get(key, ())
            if len(found) > self.COMMON and not key.startswith("@"):
                continue
            for c in found[-self.COMMON :]:
                seen.setdefault(id(c), c)
        return list(seen.values())


def _reconsider_undated(clusters: list[_Cluster], config: Config, replay: _Replay) -> list[_Cluster]:
    """Give each undated report a second look, preferring the cluster that holds the articles its
    article's other reports went with: outlets answering the same news cycle report it together."""
    if not any(r.window is None for c in clusters for r in c.reports):
        return [c for c in clusters if c.reports]
    by_block: dict[str, list[_Cluster]] = {}
    by_article: dict[str, list[_Cluster]] = {}
    reports_of: dict[
        tuple[str, str], list[_Report]
    ] = {}  # an article's reports in a block, wherever they are
    for c in clusters:
        by_block.setdefault(c.reports[0].block, []).append(c)
        for art in c.articles:
            by_article.setdefault(art, []).append(c)
        for r in c.reports:
            reports_of.setdefault((r.article, r.block), []).append(r)
    indexes: dict[str, _Index] = {}  # a block's, made before any of its reports moves
    for c in list(clusters):
        for r in [r for r in c.reports if r.window is None]:
            companions = {
                a for other in by_article.get(r.article, ()) if other is not c for a in other.articles
            } - {r.article}
            if r.block not in indexes:
                indexes[r.block] = _Index(by_block[r.block])
            others = [o for o in indexes[r.block].candidates(r) if o is not c and o.reports]
            best = replay.scored(
                "undated-again",
                r,
                [c, *others],
                lambda: _undated_move(r, c, others, companions, config),  # noqa: B023
                "\1".join(sorted(companions)),
            )
            if best is None and len(c.reports) == 1 and companions and r.core:
                holders = [c, *_holders(companions, r.block, reports_of)]
                best = replay.scored("companion", r, holders, lambda: _companion_fit(r, c, holders[1:]))  # noqa: B023
                replay.settle(best, c.ident)
            replay.settle(best, c.ident)
            if best is not None:
                c.remove(r)
                best.append(r)
                r.owner = best
    return [c for c in clusters if c.reports]


def _undated_move(
    r: _Report, c: _Cluster, others: list[_Cluster], companions: set[str], config: Config
) -> _Cluster | None:
    """The cluster that fits r, now in c, better than c does (its companions count), or None."""
    # where it is now, scored without itself: taken out, and put back
    at = c.remove(r)
    try:
        here = _score(r, c, config) if c.reports else None
        best, best_total = (
            None,
            (here + 2.0 * len(c.articles.keys() & companions)) if here is not None else None,
        )
        for other in others:
            bonus = 2.0 * len(other.articles.keys() & companions)
            score = _score(r, other, config, best_total, bonus)
            if score is None:
                continue
            total = score + bonus
            if best_total is None or total > best_total:
                best, best_total = other, total
        return best
    finally:
        c.insert(at, r)


def _holders(
    companions: set[str], block: str, reports_of: dict[tuple[str, str], list[_Report]]
) -> Iterable[_Cluster]:
    """The clusters of a block holding a report of one of the companion articles, each once,
    made as they are asked for (_companion_fit stops at its second fit)."""
    seen: set[int] = set()
    for a in companions:
        for x in reports_of.get((a, block), ()):
            owner = x.owner
            if owner is not None and id(owner) not in seen:
                seen.add(id(owner))
                yield owner


def _companion_fit(r: _Report, here: _Cluster, clusters: Iterable[_Cluster]) -> _Cluster | None:
    """An undated report alone, whose words meet no report (another language), joins the one
    cluster of its speaker that admits it, has its stance family and holds an article its own
    article's other statements went with: the outlets answered the same news cycle.

    clusters: the clusters of r's block that hold a companion article; the order does not
    matter, since only a single fit is taken."""
    core = r.families - {"comment"}
    if not core:
        return None
    found = None
    for o in clusters:
        if o is not here and o.reports and o.admits(r) and _family_fits(core, o) and _around_fits(r, o):
            if found is not None:
                return None  # two fits: no single one
            found = o
    return found


def _best(report: _Report, candidates: list[_Cluster], config: Config) -> _Cluster | None:
    best, best_score = None, None
    for c in candidates:
        score = _score(report, c, config, best_score)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = c, score
    return best


# ---------------------------------------------------------------------------------------------
# Reports: one article's claims folded by statement


def _reports(claims: Iterable[Claim], config: Config) -> list[_Report]:
    out: list[_Report] = []
    pubs: dict[int, set[dt.date]] = {}  # the publication days of a report's undated claims
    marks: dict[int, set[dt.date]] = {}  # the days its claims' own words name
    ordered = sorted(claims, key=lambda c: (c.venue is None, c.stance == "comment", c.start))
    for claim in ordered:
        speaker = claim.speaker
        block = _block(speaker, config)
        person = _kind(speaker, config) == "person"
        day = _claim_day(claim)
        mark = _claim_mark(claim)
        pub = _claim_pub(claim)
        family = FAMILY[claim.stance]
        target = None
        for r in out:
            if r.block != block or (person and r.people and speaker not in r.people):
                continue  # another speaker (an institution goes with any of its people)
            if day and r.days and day not in r.days:
                continue  # a statement of another day
            if mark and marks.get(id(r)) and mark not in marks[id(r)]:
                continue  # its own words name another day ("on Friday", "on Sunday")
            if pub and r.days and not any(news_of(d, pub) for d in r.days):
                continue  # undated words are the article's news, not an older statement's
            if day and pubs.get(id(r)) and not any(news_of(day, p) for p in pubs[id(r)]):
                continue
            if r.days and not any(_within(claim.said, d) for d in r.days):
                continue  # its words put it outside the report's days ("earlier, in an interview")
            if _older(claim, r):
                continue  # "last month in Minsk" is not the news of the day
            if claim.venue and r.venue:
                ok = claim.venue == r.venue and ("refuse" in r.families) == (family == "refuse")
            elif claim.venue is None and family == "comment":
                ok = True
            else:
                ok = family in r.families
            if ok:
                target = r
                break
        if target is None:
            target = _Report([], block, article=claim.article)
            out.append(target)
        target.claims.append(claim)
        # what the next claims are compared with, kept up to date (_finish sets it all at the end)
        if target.venue is None and claim.venue:
            target.venue = claim.venue
        target.families.add(family)
        target.persons.add(speaker)
        if person and speaker not in target.people:
            target.people = target.people | {speaker}
        if day:
            target.days.add(day)
        if pub:
            pubs.setdefault(id(target), set()).add(pub)
        if mark:
            marks.setdefault(id(target), set()).add(mark)
    for r in out:
        r.claims.sort(key=lambda c: c.start)
        pairs = [(c, window(c.said)) for c in r.claims]
        windows = [w for _, w in pairs if w]
        strong = [w for c, w in pairs if w and not is_weak(c.said)]
        chosen = strong or windows
        r.window = (max(w[0] for w in chosen), min(w[1] for w in chosen)) if chosen else None
        if r.window and r.window[0] > r.window[1]:
            r.window = (min(w[0] for w in chosen), max(w[1] for w in chosen))
        r.words = words(r.claims)
        r._finish(config)
    return out


def _older(claim: Claim, r: _Report) -> bool:
    """Whether a claim and a report are an older statement and the news of the day: one's own
    words date it (to a month, say) to days that all end before the first day the other's
    article can be of less one, where the other has no date of its own ("last month in Minsk",
    "in his address on Friday" in a post of Tuesday)."""
    mine = _news_from(claim)
    span = None if mine else window(claim.said)
    for c in r.claims:
        theirs = _news_from(c)
        if span and theirs and span[1] < theirs - SLACK:
            return True
        if mine and not theirs:
            other = window(c.said)
            if other and other[1] < mine - SLACK:
                return True
    return False


def _news_from(claim: Claim) -> dt.date | None:
    """The first day a claim with no date of its own can be the news of (its article's first day)."""
    said = claim.said
    return (said.earliest or said.value) if is_weak(said) else None


def _within(said: DateEstimate, day: dt.date) -> bool:
    """Whether a day lies in the bounds a claim's date gives, even a date with no value
    ("earlier": before publication, the day not given). A date that only says "on or before
    publication" bounds nothing but the end."""
    earliest = None if is_weak(said) else said.earliest
    return (earliest is None or earliest <= day) and (said.latest is None or day <= said.latest)


def _claim_mark(claim: Claim) -> dt.date | None:
    """The day a claim's own words name, even when only its week is sure."""
    said = claim.said
    return said.value if said.known and said.precision in ("day", "week") and not is_weak(said) else None


def _claim_pub(claim: Claim) -> dt.date | None:
    """The publication day, for a claim with no date of its own."""
    said = claim.said
    return (said.latest or said.value) if said.known and said.precision == "day" and is_weak(said) else None


def _claim_day(claim: Claim) -> dt.date | None:
    """The day a claim was made on, when its date says so firmly."""
    said = claim.said
    return said.value if said.known and said.precision == "day" and not is_weak(said) else None


# ---------------------------------------------------------------------------------------------
# Events


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def event_id(first: Claim) -> str:
    """Stable while the earliest source stays: its speaker, article, offset, and what it says
    (one sentence can hold two statements: "not in Moscow ... come to Kyiv")."""
    return _slug(f"{first.speaker}-{first.article}-{first.start}-{first.venue or first.stance}")


def _event(c: _Cluster, by_id: dict[str, Article], config: Config) -> Event:
    claims = [claim for r in c.reports for claim in r.claims]
    first = min(claims, key=lambda x: (x.article, x.start))
    persons = [x.speaker for x in claims if _kind(x.speaker, config) == "person"]
    speaker = max(sorted(set(persons)), key=persons.count) if persons else first.speaker
    venues = [x.venue for x in claims if x.venue]
    venue = max(sorted(set(venues)), key=venues.count) if venues else None
    stance = _stance(claims, venue)
    counterparts = [x.counterpart for x in claims if x.counterpart]
    counterpart = max(sorted(set(counterparts)), key=counterparts.count) if counterparts else None
    date, date_conflict = merged_date([x.said for x in claims], [x.article for x in claims])
    ordered = sorted(claims, key=lambda x: (x.article, x.start))
    sources = [
        Source(x.article, x.sentence, x.start, x.end, _link(by_id.get(x.article), x))
        for x in _citations(ordered, stance, venue)
    ]
    quotes = tuple(dict.fromkeys(q.text for x in ordered for q in x.quotes))
    return Event(
        id=event_id(first),
        kind="claim",
        date=date,
        speaker=speaker,
        stance=stance,
        venue=venue,
        counterpart=counterpart,
        headline=headline(speaker, stance, venue, counterpart, config),
        quotes=quotes,
        sources=tuple(sources),
        conflicts=tuple(conflicts(c, date_conflict, config)),
        claims=tuple(ordered),
    )


def _events_memoised(
    clusters: list[_Cluster], by_id: dict[str, Article], config: Config, memo: dict
) -> list[Event]:
    """_event of each cluster, from the memo when the cluster holds the very reports (the same
    claims of the same article files, in the same order) it held when the event was made: an
    event is a function of those, of the articles' links and of the configuration (which, with
    the code, selects the memo). The memo keeps the event without its claims, its sources as
    positions among them: the claims are this build's own."""
    known = memo.get("events", {})
    used: dict[bytes, tuple] = {}
    out = []
    sha = {a.id: a.sha256 for a in by_id.values()}
    for c in clusters:
        parts = [(r.article, sha.get(r.article), r.at) for r in c.reports]
        if any(not s or not at for _, s, at in parts):
            out.append(_event(c, by_id, config))
            continue
        # a digest, not the tuple: a key is hashed on every read, lookup and write of the memo
        key = hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        frozen = known.get(key)
        if frozen is not None:
            out.append(_thaw_event(c, frozen))
        else:
            event = _event(c, by_id, config)
            frozen = _freeze_event(event)
            out.append(event)
        used[key] = frozen
    memo["events"] = used
    return out


def _freeze_event(e: Event) -> tuple:
    place = {(x.article, x.start, x.end): i for i, x in enumerate(e.claims)}
    sources = tuple((place[(s.article, s.start, s.end)], s.link) for s in e.sources)
    return (
        e.id,
        e.date,
        e.speaker,
        e.stance,
        e.venue,
        e.counterpart,
        e.headline,
        e.quotes,
        sources,
        e.conflicts,
    )


def _thaw_event(c: _Cluster, frozen: tuple) -> Event:
    ident, date, speaker, stance, venue, counterpart, title, quotes, sources, notes = frozen
    ordered = sorted((claim for r in c.reports for claim in r.claims), key=lambda x: (x.article, x.start))
    cited = []
    for i, link in sources:
        x = ordered[i]
        cited.append(Source(x.article, x.sentence, x.start, x.end, link))
    return Event(
        id=ident,
        kind="claim",
        date=date,
        speaker=speaker,
        stance=stance,
        venue=venue,
        counterpart=counterpart,
        headline=title,
        quotes=quotes,
        sources=tuple(cited),
        conflicts=notes,
        claims=tuple(ordered),
    )


def _citations(ordered: list[Claim], stance: str, venue: str | None) -> list[Claim]:
    """One claim per article, the sentence its source cites: an article that repeats a statement
    across paragraphs is one report of it, not several (its other sentences stay among the
    event's claims). The sentence that says what the event says is cited; else the first."""
    by_article: dict[str, list[Claim]] = {}
    for x in ordered:
        by_article.setdefault(x.article, []).append(x)
    out = []
    for claims in by_article.values():
        fitting = [x for x in claims if x.stance == stance and (venue is None or x.venue == venue)]
        out.append((fitting or claims)[0])
    return out


def _unique(events: list[Event]) -> list[Event]:
    """Ids are unique: a clash (rare, same first sentence) gets a numbered suffix, in a stable order."""
    seen: dict[str, int] = {}
    out = []
    for e in sorted(events, key=lambda e: (e.id, [(c.article, c.start) for c in e.claims])):
        n = seen.get(e.id, 0)
        seen[e.id] = n + 1
        out.append(e if n == 0 else replace(e, id=f"{e.id}-{n + 1}"))
    return out


def _stance(claims: list[Claim], venue: str | None) -> str:
    """The event's stance: the claims about its venue speak first, then the most specific word."""
    local = [x.stance for x in claims if venue and x.venue == venue] or [x.stance for x in claims]
    return min(local, key=PRIORITY.index)


def merged_date(dates: list[DateEstimate], articles: list[str]) -> tuple[DateEstimate, str | None]:
    """The best-supported date of the reports, and a note when dated reports disagree."""
    known = [(d, a) for d, a in zip(dates, articles, strict=True) if d.known]
    if not known:
        return DateEstimate.unknown(), None
    order = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
    strong = [(d, a) for d, a in known if not is_weak(d)] or known
    best = min(strong, key=lambda da: (order[da[0].precision], da[0].latest or dt.date.max))[0]
    evidence = tuple(dict.fromkeys(e for d, _ in known for e in d.evidence))
    days = {}
    for d, a in strong:
        if d.precision == "day" and not is_weak(d):
            days.setdefault(d.value, []).append(a)
    note = None
    if len(days) > 1:
        note = "reports date it differently: " + "; ".join(
            f"{day} ({', '.join(sorted(set(arts)))})" for day, arts in sorted(days.items())
        )
    return replace(best, evidence=evidence), note


def conflicts(c: _Cluster, date_note: str | None, config: Config) -> list[str]:
    out = [date_note] if date_note else []
    venues: dict[str, set[str]] = {}
    stances: dict[str, set[str]] = {}
    for r in c.reports:
        for x in r.claims:
            if x.venue:
                venues.setdefault(x.venue, set()).add(x.article)
        main = min((x.stance for x in r.claims), key=PRIORITY.index)
        stances.setdefault(main, set()).add(r.article)
    if len(venues) > 1:
        names = [
            f"{(config.place(v).name if config.place(v) else v)} ({', '.join(sorted(a))})"
            for v, a in sorted(venues.items())
        ]
        out.append("reports name different venues: " + "; ".join(names))
    if len(stances) > 1 and len(c.reports) > 1:
        out.append(
            "reports read the stance differently: "
            + "; ".join(f"{s} ({', '.join(sorted(a))})" for s, a in sorted(stances.items()))
        )
    out = list(dict.fromkeys(out))
    quotes = [(r.article, q.text) for r in c.reports for x in r.claims for q in x.quotes]
    if len(out) >= MAX_CONFLICTS or len(quotes) < 2:
        return out[:MAX_CONFLICTS]
    seen = set(out)
    shapes = {
        q: _quote_shape(q) for q in {q for _, q in quotes}
    }  # each quotation read once, not once per pair
    for i, (art_a, qa) in enumerate(quotes):
        wa, na = shapes[qa]
        if len(wa) < 3:
            continue
        for art_b, qb in quotes[i + 1 :]:
            if art_a == art_b or qa == qb:
                continue
            wb, nb = shapes[qb]
            if len(wb) < 3 or na in nb or nb in na or overlap(wa, wb) < 0.6:
                continue  # a fragment of the other, or another sentence: not a rewording
            note = f"the quotation is worded differently: «{_short(qa)}» ({art_a}) / «{_short(qb)}» ({art_b})"
            if note not in seen:
                seen.add(note)
                out.append(note)
                if len(out) >= MAX_CONFLICTS:
                    return out  # the notes after these are never shown
    return out


def _quote_shape(text: str) -> tuple[set[str], str]:
    """A quotation's content words and its words joined by single spaces (to spot fragments)."""
    return {w.lower() for w in WORD.findall(text)}, " ".join(re.findall(r"\w+", text.lower()))


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _link(article: Article | None, claim: Claim) -> str | None:
    if article is None or not article.url:
        return None
    fragment = " ".join(claim.sentence.split()[:6])
    return f"{article.url}#:~:text={quote(fragment, safe='')}"


# ---------------------------------------------------------------------------------------------
# Context: the configuration's reference events, sourced by the sentences that mention them


def context_events(articles: list[Article], config: Config) -> list[Event]:
    """The configuration's reference events; each one's sources are the sentences that mention it
    (an event no article mentions has none and stays out of the export)."""
    mentions = _mentions(config, articles)
    out = []
    for ref in config.reference_events:
        if not ref.show:
            continue
        date = DateEstimate(
            ref.date,
            "day",
            ref.date,
            ref.last,
            (Evidence("reference-event", ref.title, detail="from the configuration"),),
        )
        out.append(
            Event(
                id=f"context-{ref.id}",
                kind="context",
                date=date,
                speaker=None,
                stance="comment",
                venue=ref.venue,
                counterpart=None,
                headline=ref.title,
                sources=tuple(mentions.get(ref.id, ())),
            )
        )
    return out


MENTIONS_PER_ARTICLE = 3


def _mentions(config: Config, articles: list[Article]) -> dict[str, list[Source]]:
    """Sentences naming each reference event: the time engine's anchor mentions, else its patterns."""
    out: dict[str, list[Source]] = {}
    known = {r.id for r in config.reference_events}
    for article in sorted(articles, key=lambda a: a.id):
        spans: dict[str, list[int]] = {}
        for t in article.timexes:
            ref = getattr(t, "anchor", None) or t.value
            if t.kind == "anchor" and ref in known:
                spans.setdefault(ref, []).append(t.start)
        if not spans:
            found = article.reference_mentions  # found by the loader, and cached with the article
            if found is None:
                found = reference_mentions(article.text, article.language, config)
            for ref, start in found:
                if ref in known:
                    spans.setdefault(ref, []).append(start)
        if not spans:
            continue
        starts_of = [s.start for s in article.sentences]
        for ref, starts in spans.items():
            taken = set()
            for start in sorted(starts):
                if len(taken) >= MENTIONS_PER_ARTICLE:
                    break
                i = bisect.bisect_right(starts_of, start) - 1
                sentence = article.sentences[i] if i >= 0 and start < article.sentences[i].end else None
                if sentence is None or sentence.start in taken:
                    continue
                taken.add(sentence.start)
                out.setdefault(ref, []).append(
                    Source(article.id, sentence.text, sentence.start, sentence.end, None)
                )
    return out
