"""The site as a plan of page jobs, then the jobs rendered with Jinja2 (autoescaping on everywhere).

plan_pages() turns articles, events and the configuration into PageJobs: a path, a template and
a context holding only what that page shows (small view records, built once per event and per
article), with a key that changes exactly when the page's output can change. render_pages()
renders jobs with one compiled environment. A caller that remembers keys can skip pages whose
inputs did not change; render_site() is the two composed, {path: text}.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import itertools
import logging
import marshal
import multiprocessing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from timeline.cache import code_version
from timeline.config import Config
from timeline.history import histories
from timeline.history import view as history_view
from timeline.jsonld import claim as claim_jsonld
from timeline.jsonld import script_json
from timeline.model import STANCES, Article, DateEstimate, Event, Evidence
from timeline.render import fast
from timeline.render import feed as feed_module
from timeline.render.chart import ChartItem, build_chart
from timeline.render.text import (
    MONTHS,
    RULE_WORDS,
    evidence_sentence,
    human_date,
    machine_date,
    markdown_html,
    merge_ranges,
    paragraph_html,
    safe_url,
    slugify,
    stance_label,
    stance_title,
    text_fragment,
)
from timeline.reports import chronology

__all__ = ["PageJob", "plan_pages", "render_pages", "render_site", "human_date", "environment"]

log = logging.getLogger(__name__)
FRAGMENTS_FORMAT = 1
NO_VENUE = "_none"
YEAR_PAGES_FROM = 2000  # chronology entries from which the index is split into a page per year
LATEST_ENTRIES = 100  # entries the index shows once it is split
KEY_VERSION = "3"  # bumped when what a page key covers changes, so old keys are never trusted  # not a valid slug, so it never collides with a place id


@dataclass(frozen=True)
class PageJob:
    """One output file: render `template` with `context` to `path`; `key` hashes everything it shows.

    `lazy`, when set, returns more context entries, derived from the keyed ones: computed only
    for the pages actually rendered (most pages of a rebuild are kept, not rendered)."""

    path: str
    template: str
    context: dict[str, Any] = field(compare=False, hash=False)
    key: str
    lazy: Callable[[], dict[str, Any]] | None = field(default=None, compare=False, hash=False)

    def full_context(self) -> dict[str, Any]:
        return self.context if self.lazy is None else {**self.context, **self.lazy()}


# ---------------------------------------------------------------------------------------------
# View records: exactly what the pages show, with a cheap stable key.


_REPR_FIELDS: dict[type, tuple[str, ...]] = {}


class _QuickRepr:
    """A repr for the small view records, computed once per record and kept on it.

    View digests hash the repr of whole views; these records are shared between many views (an
    article's link, outlet and date appear in every report of it), and dataclasses' own repr
    (guarded against recursion) costs several times more. The text is the record's name and its
    field values, so it still covers every field."""

    def __repr__(self) -> str:
        cached = self.__dict__.get("_repr")
        if cached is None:
            kind = type(self)
            names = _REPR_FIELDS.get(kind)
            if names is None:
                names = _REPR_FIELDS[kind] = tuple(n for n, f in kind.__dataclass_fields__.items() if f.repr)  # type: ignore[attr-defined]
            cached = self.__dict__["_repr"] = f"{kind.__name__}{tuple(getattr(self, n) for n in names)!r}"
        return cached


def _forget_reprs(views: Iterable[EventView]) -> None:
    """Drop the reprs kept on the records of views once their digests and the page keys are made:
    at 10,000 articles they are 60 MB of strings (each record's repr holds its records' reprs),
    which the views memo would also store and load again."""
    for view in views:
        for item in (view.date, view.speaker, view.venue, view.counterpart, *view.evidence):
            if item is not None:
                item.__dict__.pop("_repr", None)
                if type(item) is EvidenceView and item.article is not None:
                    item.article.__dict__.pop("_repr", None)
        for report in view.reports:
            report.__dict__.pop("_repr", None)
            for item in (report.article, report.outlet, report.published, report.said):
                if item is not None:
                    item.__dict__.pop("_repr", None)
            for evidence in (*report.published_evidence, *report.said_evidence):
                evidence.__dict__.pop("_repr", None)
                if evidence.article is not None:
                    evidence.article.__dict__.pop("_repr", None)


@dataclass(frozen=True, repr=False)
class Link(_QuickRepr):
    label: str
    href: str | None = None  # relative to the site root; None when there is no page to go to


@dataclass(frozen=True, repr=False)
class DateView(_QuickRepr):
    text: str
    datetime: str
    precision: str
    known: bool

    @classmethod
    def of(cls, estimate: DateEstimate | None) -> DateView:
        if estimate is None:
            return cls("date unknown", "", "unknown", False)
        return cls(human_date(estimate), machine_date(estimate), estimate.precision, estimate.known)


@dataclass(frozen=True, repr=False)
class EvidenceView(_QuickRepr):
    words: str
    text: str
    article: Link | None = None


@dataclass(frozen=True, repr=False)
class ReportView(_QuickRepr):
    """One article's report of an event."""

    article: Link
    outlet: Link | None
    title: str
    published: DateView
    published_evidence: tuple[EvidenceView, ...]
    said: DateView | None
    said_evidence: tuple[EvidenceView, ...]
    sentence: str
    original: str | None  # an http(s) deep link to the passage, or None
    original_host: str | None = None


@dataclass(frozen=True)
class EventView:
    id: str
    kind: str
    headline: str
    href: str | None
    date: DateView
    sort: tuple
    year: int | None
    month: int | None
    stance: str
    stance_label: str
    speaker: Link | None
    speaker_id: str
    venue: Link | None
    venue_id: str
    counterpart: Link | None
    quotes: tuple[str, ...]
    reports: tuple[ReportView, ...]
    conflicts: tuple[str, ...]
    evidence: tuple[EvidenceView, ...]  # event-level evidence not already shown with a report
    digest: str = ""

    def key_parts(self) -> str:
        return self.digest


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    href: str
    title: str
    outlet: Link | None
    published: DateView
    language: str
    warnings: tuple[str, ...]
    statements: int

    def key_parts(self) -> str:
        return self.digest

    @functools.cached_property
    def digest(self) -> str:
        """Everything a line of an article list shows, hashed once (the lists repeat it often)."""
        parts = (
            self.id,
            self.title,
            flat(self.outlet),
            flat(self.published),
            self.language,
            self.warnings,
            self.statements,
        )
        return _sha(parts)


@dataclass(frozen=True)
class Statement:
    number: int
    event: Link
    date: DateView
    stance_label: str


@dataclass(frozen=True)
class ArticleView:
    """An article page: metadata, evidence and the text with its statements marked."""

    summary: ArticleSummary
    file: str
    sha256: str
    url: str | None
    url_text: str | None  # a URL that is not http(s): shown as text, never linked
    agencies: tuple[str, ...]
    published_evidence: tuple[EvidenceView, ...]
    outlet_evidence: EvidenceView | None
    candidate_actors: tuple[str, ...]
    paragraphs: tuple[tuple[str, tuple[tuple[int, int, tuple[int, ...]], ...]], ...] = field(repr=False)
    statements: tuple[Statement, ...] = ()

    def key_parts(self) -> str:
        """repr covers every field but the paragraphs, whose texts the file's sha256 stands for."""
        marks = tuple(m for _, m in self.paragraphs)
        lengths = tuple(len(t) for t, _ in self.paragraphs)
        return _sha((repr(self), lengths, marks))


_PLAIN = (str, int, float, bool, type(None), dt.date)


def _sha(parts: Any) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


_FLAT_KINDS: dict[type, int] = {}  # how flat() takes a type apart, found once per type
(
    _PLAIN_KIND,
    _SEQ_KIND,
    _KEYED_KIND,
    _DICT_KIND,
    _DICT_RECORD_KIND,
    _SLOT_RECORD_KIND,
    _SET_KIND,
    _OTHER_KIND,
) = range(8)


def _flat_kind(obj: Any) -> int:
    kind = type(obj)
    if kind in _PLAIN:
        return _PLAIN_KIND
    if kind is tuple or kind is list:
        return _SEQ_KIND
    if hasattr(kind, "key_parts"):
        return _KEYED_KIND
    if kind is dict:
        return _DICT_KIND
    if hasattr(kind, "__dataclass_fields__"):
        return _DICT_RECORD_KIND if hasattr(obj, "__dict__") else _SLOT_RECORD_KIND
    if issubclass(kind, set | frozenset):
        return _SET_KIND
    return _OTHER_KIND


def flat(obj: Any) -> Any:
    """Records as nested tuples of plain values (faster than the dataclasses' repr, and stable).

    What to do with a type is decided once per type (page keys flatten millions of values)."""
    kind = type(obj)
    how = _FLAT_KINDS.get(kind)
    if how is None:
        how = _FLAT_KINDS[kind] = _flat_kind(obj)
    if how == _PLAIN_KIND:
        return obj
    if how == _SEQ_KIND:
        return tuple([flat(x) for x in obj])
    if how == _KEYED_KIND:
        return obj.key_parts()
    if how == _DICT_KIND:
        return tuple(sorted([(str(k), flat(v)) for k, v in obj.items()]))
    if how == _DICT_RECORD_KIND:
        return (kind.__name__, *[flat(v) for v in obj.__dict__.values()])
    if how == _SLOT_RECORD_KIND:
        return (kind.__name__, *[flat(getattr(obj, f)) for f in kind.__dataclass_fields__])  # type: ignore[attr-defined]
    if how == _SET_KIND:
        return tuple(sorted([repr(flat(v)) for v in obj]))
    return repr(obj)


def stable(obj: Any) -> Any:
    """A deterministic plain form of a context for hashing: view records give their own key parts."""
    if isinstance(obj, dict) and not hasattr(obj, "key_parts"):  # _ArticleMap has its own key
        return tuple(sorted((str(k), stable(v)) for k, v in obj.items()))
    return flat(obj)


def job_key(template: str, templates_digest: str, context: dict[str, Any]) -> str:
    text = repr((template, templates_digest, stable(context)))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def templates_digest(template_dir: Path) -> str:
    """One hash of every template (not the static files): editing any template changes every key."""
    h = hashlib.sha256()
    for path in sorted(template_dir.rglob("*")):
        if path.is_file() and "static" not in path.relative_to(template_dir).parts:
            h.update(path.relative_to(template_dir).as_posix().encode())
            h.update(b"\0")
            h.update(path.read_bytes())
    h.update(KEY_VERSION.encode())
    return h.hexdigest()


# ---------------------------------------------------------------------------------------------
# Building the views


class _Site:
    """Lookups shared by every view builder: names from the configuration, pages that exist."""

    def __init__(self, articles: list[Article], events: list[Event], config: Config):
        self.config = config
        self.articles = {a.id: a for a in articles}
        self.outlet_slugs: dict[str, str] = {}
        for name in sorted({a.outlet for a in articles if a.outlet}):
            slug, n = slugify(name), 2
            while slug in self.outlet_slugs.values():
                slug, n = f"{slugify(name)}-{n}", n + 1
            self.outlet_slugs[name] = slug
        # What an event page shows of the articles it cites, hashed once per article.
        self.article_keys = {
            a.id: _sha(
                (
                    a.id,
                    a.sha256,
                    a.title,
                    a.outlet,
                    a.url,
                    a.language,
                    a.agencies,
                    flat(a.published),
                    a.warnings,
                )
            )
            for a in articles
        }
        self._evidence: dict[tuple[Evidence, ...], tuple[EvidenceView, ...]] = {}
        self._reports: dict[str, tuple] = {}
        claims = [e for e in events if e.kind == "claim"]
        self.actor_ids = sorted({x for e in claims for x in (e.speaker, e.counterpart) if x})
        self.venue_ids = sorted({e.venue for e in claims if e.venue})
        self.actor_set, self.venue_set = set(self.actor_ids), set(self.venue_ids)
        self._parts: dict[str, tuple] = {}

    def article_part(self, article_id: str) -> tuple:
        """What a view shows of an article (its key, and its outlet's page), for view keys."""
        part = self._parts.get(article_id)
        if part is None:
            article = self.articles.get(article_id)
            key = self.article_keys.get(article_id)
            part = self._parts[article_id] = (
                article_id, key, article.file if article else None,
                self.outlet_slugs.get(article.outlet) if article and article.outlet else None,
            )  # fmt: skip
        return part

    def actor(self, actor_id: str | None) -> Link | None:
        if not actor_id:
            return None
        actor = self.config.actor(actor_id)
        href = f"actors/{actor_id}.html" if actor_id in self.actor_set else None
        return Link(actor.name if actor else actor_id, href)

    def venue(self, venue_id: str | None) -> Link | None:
        if not venue_id:
            return None
        place = self.config.place(venue_id)
        href = f"venues/{venue_id}.html" if venue_id in self.venue_set else None
        return Link(place.name if place else venue_id, href)

    def outlet(self, name: str | None) -> Link | None:
        return Link(name, f"outlets/{self.outlet_slugs[name]}.html") if name else None

    def article_link(self, article_id: str | None) -> Link | None:
        if not article_id:
            return None
        article = self.articles.get(article_id)
        if article is None:
            return Link(article_id)
        return Link(article.outlet or article.title or article.file, f"articles/{article.id}.html")

    def evidence(self, items: Iterable[Evidence]) -> tuple[EvidenceView, ...]:
        items = tuple(items)
        views = self._evidence.get(items)
        if views is None:
            views = self._evidence[items] = tuple(
                EvidenceView(evidence_sentence(e), e.text, self.article_link(e.article)) for e in items
            )
        return views

    def report_parts(self, article_id: str) -> tuple:
        """(link, outlet, title, published, its evidence) of an article, as every report of it shows them."""
        parts = self._reports.get(article_id)
        if parts is None:
            article = self.articles.get(article_id)
            if article is None:
                parts = (
                    self.article_link(article_id) or Link(article_id),
                    None,
                    article_id,
                    DateView.of(None),
                    (),
                )
            else:
                parts = (
                    self.article_link(article_id), self.outlet(article.outlet), article.title or article.file,
                    DateView.of(article.published), self.evidence(article.published.evidence),
                )  # fmt: skip
            self._reports[article_id] = parts
        return parts


def event_digest(event: Event) -> str:
    """Everything an event page shows of the event itself (its claims excepted: the page shows the
    sources, and the claims' dates through the view), hashed once per event."""
    return _sha((
        event.id, event.kind, flat(event.date), event.speaker, event.stance, event.venue, event.counterpart,
        event.headline, event.quotes, flat(event.sources), event.conflicts, flat(event.refers_to),
    ))  # fmt: skip


def _unique_ids(events: list[Event]) -> list[str]:
    """Page ids for the events: their own id, with -2, -3 ... should two events share one."""
    seen: set[str] = set()
    out = []
    for event in events:
        ident, n = event.id, 2
        while ident in seen:
            ident, n = f"{event.id}-{n}", n + 1
        seen.add(ident)
        out.append(ident)
    return out


def _event_view(event: Event, site: _Site, ident: str | None = None) -> EventView:
    reports = []
    shown: set[tuple] = set()
    claims = {(c.article, c.start, c.end): c for c in event.claims}
    for source in event.sources:
        article = site.articles.get(source.article)
        claim = claims.get((source.article, source.start, source.end))
        said = claim.said if claim else None
        if said:
            shown.update((e.rule, e.text, e.detail) for e in said.evidence)
        original = text_fragment(article.url, source.sentence) if article else None
        if source.link and safe_url(source.link):
            original = source.link
        link, outlet, title, published, published_evidence = site.report_parts(source.article)
        reports.append(
            ReportView(
                article=link,
                outlet=outlet,
                title=title,
                published=published,
                published_evidence=published_evidence,
                said=DateView.of(said) if said else None,
                said_evidence=site.evidence(said.evidence) if said else (),
                sentence=source.sentence,
                original=original,
                original_host=_host(original),
            )
        )
    rest = [e for e in event.date.evidence if (e.rule, e.text, e.detail) not in shown]
    value = event.date.value
    ident = ident or event.id
    view = EventView(
        id=ident,
        kind=event.kind,
        headline=event.headline,
        href=f"events/{ident}.html" if event.kind == "claim" else None,
        date=DateView.of(event.date),
        sort=(value or dt.date.max, event.kind != "context", event.id),
        year=value.year if value else None,
        month=value.month if value else None,
        stance=event.stance,
        stance_label=stance_label(event.stance),
        speaker=site.actor(event.speaker),
        speaker_id=event.speaker or "",
        venue=site.venue(event.venue),
        venue_id=event.venue or "",
        counterpart=site.actor(event.counterpart),
        quotes=tuple(event.quotes),
        reports=tuple(reports),
        conflicts=tuple(event.conflicts),
        evidence=site.evidence(rest),
    )
    # The dataclasses' repr covers every field of the view and its records (plain values only: str,
    # int, date, None, tuples), and costs a tenth of flat(); the digest is still empty here.
    object.__setattr__(view, "digest", _sha(repr(view)))
    return view


def _host(url: str | None) -> str | None:
    if not url:
        return None
    return url.split("/", 3)[2].removeprefix("www.") if url.count("/") >= 2 else None


def _summary(article: Article, site: _Site, statements: int) -> ArticleSummary:
    return ArticleSummary(
        id=article.id,
        href=f"articles/{article.id}.html",
        title=article.title or article.file,
        outlet=site.outlet(article.outlet),
        published=DateView.of(article.published),
        language=article.language,
        warnings=tuple(article.warnings),
        statements=statements,
    )


def _article_view(article: Article, reported: list[tuple[int, int, EventView]], site: _Site) -> ArticleView:
    numbered = sorted(reported, key=lambda r: (r[0], r[1], r[2].id))
    statements = tuple(
        Statement(n, Link(view.headline, view.href), view.date, view.stance_label)
        for n, (_, _, view) in enumerate(numbered, 1)
    )
    paragraphs = []
    spans = article.paragraphs or _fallback_paragraphs(article.text)
    for span in spans:
        ranges = [
            (max(s, span.start) - span.start, min(e, span.end) - span.start, n)
            for n, (s, e, _) in enumerate(numbered, 1)
            if s < span.end and e > span.start
        ]
        if article.text[span.start : span.end] != span.text:
            ranges = _find_ranges(span.text, numbered)
        paragraphs.append((span.text, tuple(merge_ranges(ranges))))
    url = safe_url(article.url)
    return ArticleView(
        summary=_summary(article, site, len(statements)),
        file=article.file,
        sha256=article.sha256,
        url=url,
        url_text=article.url if article.url and not url else None,
        agencies=tuple(article.agencies),
        published_evidence=site.evidence(article.published.evidence),
        outlet_evidence=site.evidence([article.outlet_evidence])[0] if article.outlet_evidence else None,
        candidate_actors=tuple(article.candidate_actors),
        paragraphs=tuple(paragraphs),
        statements=statements,
    )


def _article_key(
    article: Article,
    reported: list[tuple[int, int, EventView]],
    site: _Site,
    summary: ArticleSummary,
    memo: Any = None,
) -> str:
    """Everything _article_view() reads, hashed without building the view: the file's content
    hash stands for its text and paragraphs (the page keys also hold the code's version), the
    statements for the marks and the list under the text."""
    numbered = sorted(reported, key=lambda r: (r[0], r[1], r[2].id))
    statements = tuple((s, e, v.id, v.headline, v.href, repr(v.date), v.stance_label) for s, e, v in numbered)

    def cut() -> bool:
        spans = article.paragraphs or _fallback_paragraphs(article.text)
        return any(article.text[span.start : span.end] != span.text for span in spans)

    # Whether the paragraphs are slices of the text depends on the file alone (and the code).
    if memo.get(f"cut:{article.id}:{article.sha256}", cut) if memo is not None else cut():
        statements += tuple(
            v.digest for _, _, v in numbered
        )  # the marks are then found by the reports' sentences
    outlet_evidence = site.evidence([article.outlet_evidence]) if article.outlet_evidence else ()
    return _sha((
        summary.digest, article.file, article.sha256, article.url, tuple(article.agencies),
        repr(site.evidence(article.published.evidence)), repr(outlet_evidence), tuple(article.candidate_actors), statements,
    ))  # fmt: skip


def _article_context(
    article: Article, reported: list[tuple[int, int, EventView]], site: _Site
) -> dict[str, Any]:
    return {"view": _article_view(article, reported, site)}


def _fallback_paragraphs(text: str):
    from timeline.model import Span

    out, pos = [], 0
    for block in text.split("\n\n"):
        if block.strip():
            start = text.index(block, pos)
            out.append(Span(block, start, start + len(block)))
            pos = start + len(block)
    return out


def _find_ranges(text: str, numbered: list[tuple[int, int, EventView]]) -> list[tuple[int, int, int]]:
    """When a paragraph's text is not a slice of the article (cleaned), find the sentences in it."""
    out = []
    for n, (_, _, view) in enumerate(numbered, 1):
        for report in view.reports:
            at = text.find(report.sentence)
            if at >= 0:
                out.append((at, at + len(report.sentence), n))
                break
    return out


# ---------------------------------------------------------------------------------------------
# The plan


def _group(views: list[EventView]) -> list[tuple[int, list[tuple[int, str, list[EventView]]]]]:
    dated = [v for v in views if v.year]
    out = []
    for year, in_year in itertools.groupby(dated, key=lambda v: v.year):
        months = [(m, MONTHS[m - 1], list(g)) for m, g in itertools.groupby(in_year, key=lambda v: v.month)]
        out.append((year, months))
    return out


def _view_key(event: Event, site: _Site, ident: str, digest: str) -> str:
    """Everything _event_view() reads, hashed without building the view: the event (its digest),
    the dates its claims give the reports, what it shows of every article it cites (by source or
    by evidence), and whether its speaker, counterpart and venue have pages."""
    claims = {(c.article, c.start, c.end): c for c in event.claims}
    said = []
    evidence = [e.article for e in event.date.evidence if e.article]
    for source in event.sources:
        claim = claims.get((source.article, source.start, source.end))
        if claim is not None and claim.said:
            said.append(flat(claim.said))
            evidence += [e.article for e in claim.said.evidence if e.article]
        else:
            said.append(None)
        article = site.articles.get(source.article)
        if article is not None:
            evidence += [e.article for e in article.published.evidence if e.article]
    cited = sorted({s.article for s in event.sources}.union(evidence))
    return _sha((
        ident, digest, said, [site.article_part(a) for a in cited],
        event.speaker in site.actor_set, event.counterpart in site.actor_set, event.venue in site.venue_set,
    ))  # fmt: skip


def plan_pages(
    articles: list[Article],
    events: list[Event],
    config: Config,
    template_dir: Path,
    views_memo: Any = None,
    digests: dict[int, str] | None = None,
) -> list[PageJob]:
    """Every file of the site (pages, feed, sitemap) as jobs, in a stable order.

    views_memo (render.memo.Memo): event views kept between builds by _view_key(), so that a
    rebuild builds views only for the events that changed; digests: event_digest() of each event
    by id(event), when the caller has them already."""
    site = _Site(articles, events, config)
    # Names from the configuration show on any page; the code makes the views and the HTML of the text.
    digest = templates_digest(template_dir) + config.digest + code_version()
    events = sorted(events, key=lambda e: (e.date.value or dt.date.max, e.kind != "context", e.id))
    digests = digests if digests is not None else {id(e): event_digest(e) for e in events}
    made: list[EventView] = []  # the views built by this build (the others come from the memo)

    def make(event: Event, ident: str) -> EventView:
        made.append(_event_view(event, site, ident))
        return made[-1]

    if views_memo is None:
        views = [_event_view(e, site, ident) for e, ident in zip(events, _unique_ids(events), strict=True)]
    else:
        views = [
            views_memo.get(_view_key(e, site, ident, digests[id(e)]), functools.partial(make, e, ident))
            for e, ident in zip(events, _unique_ids(events), strict=True)
        ]
    by_id = {v.id: v for v in views}
    claims = [v for v in views if v.kind == "claim"]
    common: dict[str, Any] = {"site": config.site}
    jobs: list[PageJob] = []

    def add(
        path: str,
        template: str,
        section: str = "",
        derived: tuple[str, ...] = (),
        lazy: Callable[[], dict[str, Any]] | None = None,
        **context: Any,
    ) -> None:
        """derived: context entries computed only from the others (and the configuration): left out
        of the key; lazy: more such entries, computed only if the page is rendered."""
        root = context.pop("root_override", "../" * path.count("/"))
        context = {**common, "root": root, "path": path, "section": section, **context}
        # The site's settings are in the configuration digest, part of every key already.
        keyed = {k: v for k, v in context.items() if k not in derived and k != "site"}
        jobs.append(PageJob(path, template, context, job_key(template, digest, keyed), lazy))

    # Articles, and which statements each reports.
    reported: dict[str, list[tuple[int, int, EventView]]] = defaultdict(list)
    for view, event in zip(views, events, strict=True):
        for source in event.sources:
            reported[source.article].append((source.start, source.end, view))
    by_article = {a.id: _summary(a, site, len(reported.get(a.id, []))) for a in articles}
    summaries = sorted(
        by_article.values(), key=lambda s: (s.published.datetime == "", s.published.datetime, s.title, s.id)
    )

    # Facets.
    actor_events: dict[str, list[EventView]] = defaultdict(list)
    about_events: dict[str, list[EventView]] = defaultdict(list)
    venue_events: dict[str, list[EventView]] = defaultdict(list)
    stance_events: dict[str, list[EventView]] = defaultdict(list)
    for view in claims:
        if view.speaker_id:
            actor_events[view.speaker_id].append(view)
        if view.counterpart and view.counterpart.href:
            about_events[view.counterpart.href.split("/")[1][:-5]].append(view)
        venue_events[view.venue_id or NO_VENUE].append(view)
        stance_events[view.stance].append(view)
    actors = [
        (site.actor(a), len(actor_events.get(a, [])), len(about_events.get(a, []))) for a in site.actor_ids
    ]
    actors.sort(key=lambda t: (-t[1], t[0].label))
    venues = [(site.venue(v), len(venue_events.get(v, []))) for v in site.venue_ids]
    venues.sort(key=lambda t: (-t[1], t[0].label))
    stances = [(s, stance_title(s), len(stance_events.get(s, []))) for s in STANCES]
    facets = {
        "actors": [(a.href.split("/")[1][:-5], a.label) for a, n, _ in actors if n],
        "venues": [(v.href.split("/")[1][:-5], v.label) for v, _ in venues]
        + ([(NO_VENUE, "no venue named")] if NO_VENUE in venue_events else []),
        "stances": [(s, t) for s, t, n in stances if n],
    }

    _chronology(
        add,
        views,
        facets,
        {"statements": len(claims), "articles": len(articles)},
        _year_pages_hide_counts(template_dir),
    )
    for view, event in zip(views, events, strict=True):
        if view.href:
            cited = {s.article: site.articles[s.article] for s in event.sources if s.article in site.articles}
            add(view.href, "event.html", "", derived=("event",), lazy=functools.partial(_event_extras, event, cited, config),
                view=view, event=event, event_key=digests[id(event)], articles=_ArticleMap(cited, site.article_keys))  # fmt: skip
    for article in articles:
        # The page's key is made from what its view is made of; the view itself (the text cut into
        # marked paragraphs) is built only when the page is rendered.
        shown = reported.get(article.id, [])
        add(f"articles/{article.id}.html", "article.html", "articles", derived=("view",),
            lazy=functools.partial(_article_context, article, shown, site),
            view=None, article_key=_article_key(article, shown, site, by_article[article.id], views_memo))  # fmt: skip
    add("articles/index.html", "articles.html", "articles", summaries=summaries)

    for link, _said, _about in actors:
        actor_id = link.href.split("/")[1][:-5]
        actor = config.actor(actor_id)
        add(
            link.href, "actor.html", "actors", actor=link, actor_id=actor_id, role=actor.role if actor else "",
            said=actor_events.get(actor_id, []), about=about_events.get(actor_id, []),
        )  # fmt: skip
    digests = {e.id: v.digest for e, v in zip(events, views, strict=True)}
    for actor_id, hist in histories(events).items():
        if site.actor(actor_id) and site.actor(actor_id).href:
            # The page shows the actor's events (their dates, stances, venues, headlines): keyed by their digests.
            shown = (
                tuple(tuple(digests[s.event.id] for s in t.steps) for t in hist.tracks),
                tuple(digests[e.id] for e in hist.undated),
            )
            add(f"actors/{actor_id}-history.html", "history.html", "actors", actor=site.actor(actor_id), steps=shown,
                lazy=functools.partial(history_view, hist, config))  # fmt: skip
    add("actors/index.html", "actors.html", "actors", actors=actors)
    for link, _ in venues:
        venue_id = link.href.split("/")[1][:-5]
        add(link.href, "venue.html", "venues", venue=link, events=venue_events.get(venue_id, []))
    if NO_VENUE in venue_events:
        add(
            f"venues/{NO_VENUE}.html",
            "venue.html",
            "venues",
            venue=Link("No venue named"),
            events=venue_events[NO_VENUE],
        )
    add(
        "venues/index.html",
        "venues.html",
        "venues",
        venues=venues,
        unnamed=len(venue_events.get(NO_VENUE, [])),
        none_id=NO_VENUE,
    )
    for stance, title, count in stances:
        if count:
            add(
                f"stances/{stance}.html",
                "stance.html",
                "stances",
                stance=stance,
                title=title,
                events=stance_events[stance],
            )
    add("stances/index.html", "stances.html", "stances", stances=stances)

    outlets: dict[str, list[ArticleSummary]] = defaultdict(list)
    for summary in summaries:
        if summary.outlet:
            outlets[summary.outlet.label].append(summary)
    outlet_rows = []
    outlet_events: dict[str, list[EventView]] = defaultdict(list)
    for view in claims:
        for name in dict.fromkeys(r.outlet.label for r in view.reports if r.outlet):
            outlet_events[name].append(view)
    for name in sorted(outlets, key=str.lower):
        link = site.outlet(name)
        evs = outlet_events.get(name, [])
        add(link.href, "outlet.html", "outlets", outlet=link, summaries=outlets[name], events=evs)
        outlet_rows.append((link, len(outlets[name]), len(evs)))
    add(
        "outlets/index.html",
        "outlets.html",
        "outlets",
        outlets=outlet_rows,
        unknown=sum(1 for s in summaries if not s.outlet),
    )

    # The chart and the feed are made only from the statements' views: keyed by their digests, built
    # only when rendered.
    shown = tuple(v.digest for v in claims)
    add(
        "chart.html",
        "chart.html",
        "chart",
        statements=shown,
        lazy=lambda: {"chart": build_chart([_chart_item(v) for v in claims])},
    )
    add("review.html", "review.html", "review", **_review(site, claims, summaries))
    add(
        "method.html", "method.html", "method",
        rules=sorted(RULE_WORDS.items()), stances=[(s, stance_label(s), stance_title(s)) for s in STANCES],
        reference=[(r.title, DateView.of(DateEstimate(r.date, "day", r.date, r.date)), r.note) for r in config.reference_events],
    )  # fmt: skip
    add("404.html", "404.html", "", root_override=_base(config))

    add(
        "feed.xml",
        "feed.xml",
        "",
        statements=shown,
        lazy=lambda: feed_module.feed_context(claims, config, by_id),
    )
    if config.site.base_url:
        pages = sorted(j.path for j in jobs if j.path.endswith(".html") and j.path != "404.html")
        add("sitemap.xml", "sitemap.xml", "", base=_base(config), pages=pages)
    _forget_reprs(made if views_memo is not None else views)  # every key is made
    return jobs


INDEX_SHA256 = "fc2e1d91187a199ba8ea685ceb4a8cc5f6d8590aeffbe929eefd3c67c0d2ec7a"  # of templates/index.html


def _year_pages_hide_counts(template_dir: Path) -> bool:
    """Whether index.html is the packaged one, which shows the site's counts on index.html only
    (not on the year pages): another template may show them anywhere, so they stay in its keys."""
    try:
        return hashlib.sha256((template_dir / "index.html").read_bytes()).hexdigest() == INDEX_SHA256
    except OSError:
        return False


def _chronology(
    add: Callable[..., None],
    views: list[EventView],
    facets: dict[str, Any],
    counts: dict[str, int],
    hide_counts: bool = False,
) -> None:
    """index.html with every entry; from YEAR_PAGES_FROM entries on (a page of tens of megabytes
    serves no reader), index.html with the latest LATEST_ENTRIES and a page per year, all linked
    from the index's year list, so that every entry is still one link away."""
    years, undated = _group(views), [v for v in views if not v.year]
    if len(views) < YEAR_PAGES_FROM:
        add("index.html", "index.html", "index", years=years, undated=undated, facets=facets, counts=counts,
            year_links=(), page_title=None, latest=0, shown=len(views))  # fmt: skip
        return
    links = [
        (str(year), f"years/{year}.html", sum(len(evs) for _, _, evs in months)) for year, months in years
    ]
    if undated:
        links.append(("Undated", "years/undated.html", len(undated)))
    latest = [v for v in views if v.year][-LATEST_ENTRIES:]
    add("index.html", "index.html", "index", years=_group(latest), undated=[], facets=facets, counts=counts,
        year_links=links, page_title=None, latest=len(latest), shown=len(latest))  # fmt: skip
    # A year's page of the packaged index.html shows the counts of the whole site only through its
    # year list: left out of its key, one new article re-renders only the years it changes.
    derived = ("counts",) if hide_counts else ()
    for (year, months), (_, href, count) in zip(years, links, strict=False):
        add(href, "index.html", "index", derived=derived, years=[(year, months)], undated=[], facets=facets,
            counts=counts, year_links=links, page_title=str(year), latest=0, shown=count)  # fmt: skip
    if undated:
        add("years/undated.html", "index.html", "index", derived=derived, years=[], undated=undated, facets=facets,
            counts=counts, year_links=links, page_title="Undated", latest=0, shown=len(undated))  # fmt: skip


def _base(config: Config) -> str:
    base = config.site.base_url.strip()
    return base if not base or base.endswith("/") else base + "/"


def _event_extras(event: Event, cited: dict[str, Article], config: Config) -> dict[str, Any]:
    """What an event page derives from its event and the articles it cites (rendered pages only)."""
    chron = chronology(event, cited)
    return {"chronology": chron, "jsonld": script_json(claim_jsonld(event, cited, config, chron))}


class _ArticleMap(dict):
    """The articles an event page cites, keyed cheaply (content hash and what a page may show)."""

    def __init__(self, articles: dict[str, Article], keys: dict[str, tuple]):
        super().__init__(articles)
        self._keys = keys

    def key_parts(self) -> tuple:
        return tuple(self._keys[article_id] for article_id in sorted(self))


def _chart_item(view: EventView) -> ChartItem:
    return ChartItem(
        event=view.id,
        date=view.sort[0] if view.date.known else None,
        date_text=view.date.text,
        speaker=view.speaker_id or "?",
        speaker_name=view.speaker.label if view.speaker else "unknown speaker",
        stance=view.stance,
        stance_label=view.stance_label,
        venue=view.venue_id or None,
        venue_name=view.venue.label if view.venue else None,
        headline=view.headline,
    )


def _review(site: _Site, claims: list[EventView], summaries: list[ArticleSummary]) -> dict[str, Any]:
    candidates: dict[str, list[ArticleSummary]] = defaultdict(list)
    for summary in summaries:
        for name in site.articles[summary.id].candidate_actors:
            candidates[name].append(summary)
    return {
        "undated": [s for s in summaries if not s.published.known],
        "uncertain": [s for s in summaries if s.published.known and s.published.precision != "day"],
        "unknown_outlet": [s for s in summaries if not s.outlet],
        "warned": [s for s in summaries if s.warnings],
        "undated_statements": [v for v in claims if not v.date.known],
        "candidates": sorted(candidates.items(), key=lambda kv: (-len(kv[1]), kv[0])),
    }


# ---------------------------------------------------------------------------------------------
# Rendering


def environment(template_dir: Path, cache_dir: Path | None = None) -> jinja2.Environment:
    """The one compiled environment: autoescape everywhere, strict undefined, no reload checks.

    With cache_dir, compiled templates are kept there (Jinja2's bytecode cache checks each
    template's source), so a rebuild does not compile them again."""
    bytecode = None
    if cache_dir is not None:
        try:
            (cache_dir / "jinja2").mkdir(parents=True, exist_ok=True)
            bytecode = jinja2.FileSystemBytecodeCache(str(cache_dir / "jinja2"))
        except OSError:
            bytecode = None
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        bytecode_cache=bytecode,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        cache_size=-1,
    )
    env.filters["human_date"] = human_date
    env.filters["machine_date"] = machine_date
    env.filters["time_tag"] = time_tag
    env.filters["iso"] = lambda d: d.isoformat() if isinstance(d, dt.date) else ""
    env.filters["markdown"] = markdown_html
    env.globals["article_body"] = article_body
    env.globals["date_html"] = date_html
    env.globals["link_html"] = link_html
    env.globals["site_nav"] = site_nav
    return env


SITE_NAV = (
    ("index", "index.html", "Chronology"),
    ("chart", "chart.html", "Chart"),
    ("actors", "actors/index.html", "Actors"),
    ("venues", "venues/index.html", "Venues"),
    ("stances", "stances/index.html", "Stances"),
    ("outlets", "outlets/index.html", "Outlets"),
    ("articles", "articles/index.html", "Articles"),
    ("review", "review.html", "Needs review"),
    ("changes", "changes.html", "What changed"),
    ("method", "method.html", "Method"),
)


@functools.lru_cache(maxsize=256)
def _site_nav(root: str, section: str, current: bool) -> Markup:
    out = []
    for key, href, label in SITE_NAV:
        mark = f' aria-current="{"page" if current else "true"}"' if section == key else ""
        out.append(f'      <li><a href="{fast.e(root)}{href}"{mark}>{label}</a></li>\n')
    return Markup("".join(out))


def site_nav(root: str, section: str, path: str) -> Markup:
    """The lines of the site's menu (base.html), the page's section marked: the same few
    variants on every page, made once each."""
    current = any(section == key and path == href for key, href, _ in SITE_NAV)
    return _site_nav(root, section, current)


def time_tag(estimate: DateEstimate | None) -> Markup:
    """<time datetime=...> for a date known at least to its year, else a plain span (never datetime="")."""
    text, machine = escape(human_date(estimate)), machine_date(estimate)
    if machine:
        return Markup(f'<time datetime="{machine}">{text}</time>')
    return Markup(f'<span class="date-unknown">{text}</span>')


def date_html(d: DateView) -> Markup:
    """A DateView as <time> (or a span when no single date stands for it)."""
    if d.datetime:
        return Markup(f'<time datetime="{d.datetime}">{escape(d.text)}</time>')
    return Markup(f'<span class="date-unknown">{escape(d.text)}</span>')


def link_html(link: Link, root: str) -> Markup:
    """A Link as <a> relative to the page's root, or its label alone when there is no page."""
    if link.href:
        return Markup(f'<a href="{escape(root)}{escape(link.href)}">{escape(link.label)}</a>')
    return escape(link.label)


def article_body(view: ArticleView, root: str) -> list:
    """The article's paragraphs as safe HTML, statements marked and linked to their event pages."""
    hrefs = {s.number: (root + s.event.href if s.event.href else "", s.event.label) for s in view.statements}
    return [paragraph_html(text, marks, hrefs) for text, marks in view.paragraphs]


class Fragments:
    """Rendered pieces that many pages repeat (a chronology entry, a line of an event or article
    list), by the digest of what they show and the page's root.

    Within one build a line shown on an actor, a venue, a stance and an outlet page is rendered
    once; kept in the cache folder (one file per templates-and-configuration digest, so an edit to
    either starts afresh), a rebuild re-renders only the pieces whose view changed, and the big
    list pages become joins of stored strings. Only the pieces used by a build are saved."""

    def __init__(self, folder: Path | None = None, salt: str = ""):
        self.path = (
            folder / f"fragments-{_sha((FRAGMENTS_FORMAT, salt))[:24]}.bin" if folder is not None else None
        )
        self._old: dict[tuple, str] = {}
        self._new: dict[tuple, str] = {}
        self.rendered = 0
        if self.path is not None:
            try:
                data = marshal.loads(self.path.read_bytes())
                if isinstance(data, dict):
                    self._old = data
            except (OSError, ValueError, EOFError, TypeError) as error:
                if not isinstance(error, FileNotFoundError):
                    log.warning("cache: %s is damaged (%s); rendering afresh", self.path, error)

    def get(self, key: tuple, make: Callable[[], Any]) -> Markup:
        text = self._new.get(key)
        if text is None:
            text = self._old.get(key)
            if text is None:
                text = str(make())
                self.rendered += 1
            self._new[key] = text
        return Markup(text)

    def merge(self, rendered: dict[tuple, str], used: Iterable[tuple]) -> None:
        """Pieces a worker process rendered, and the stored ones it used."""
        for key, text in rendered.items():
            if key not in self._new:
                self._new[key] = text
                self.rendered += 1
        for key in used:
            if key not in self._new and key in self._old:
                self._new[key] = self._old[key]

    def save(self) -> None:
        """Write the pieces this build used (atomically), when they differ from what was read."""
        if self.path is None:
            return
        from timeline.cache import write_bytes_atomically
        from timeline.render.memo import worth_saving

        if not worth_saving(
            self.rendered, len(self._new), len(self._old.keys() - self._new.keys()), len(self._old)
        ):
            return

        # In key order, so that the file does not depend on which process rendered what first.
        write_bytes_atomically(self.path, [marshal.dumps(dict(sorted(self._new.items())))])
        for old in self.path.parent.glob("fragments-*.bin"):
            if old != self.path:
                old.unlink(missing_ok=True)


def _fragment_globals(env: jinja2.Environment, store: Fragments) -> None:
    """entry(), event_item(), article_item() and the other repeated pieces of _macros.html.

    When the template folder's _macros.html is the one render/fast.py mirrors, the pieces are
    made in Python (same bytes, a fraction of the cost, less than keeping them in the store would);
    otherwise through the macros and the store (kept between builds). Feed entries always go
    through the store."""
    module: list[Any] = []

    def macros() -> Any:
        if not module:
            module.append(env.get_template("_macros.html").module)
        return module[0]

    if uses_fast_macros(env):
        # Made afresh (~30 µs an entry): cheaper than loading and saving tens of megabytes of them.
        env.globals["entry"] = lambda view, root, level=4: Markup(fast.event_entry(view, root, level))
        env.globals["event_item"] = lambda view, root: Markup(fast.event_line(view, root))
        env.globals["article_item"] = lambda summary, root: Markup(fast.article_line(summary, root))
        env.globals["how_known"] = lambda view, root: Markup(fast.how_known(view, root))
        env.globals["evidence_list"] = lambda items, root: Markup(fast.evidence_list(items, root))
        env.globals["evidence_item"] = lambda item, root: Markup(fast.evidence_item(item, root))
        env.globals["event_list"] = lambda views, root: Markup(
            fast.lines([fast.event_line(v, root) for v in views], '<ol class="event-list">', "</ol>")
        )
        env.globals["article_list"] = lambda summaries, root: Markup(
            fast.lines([fast.article_line(s, root) for s in summaries], '<ul class="article-list">', "</ul>")
        )
    else:
        env.globals["entry"] = lambda view, root, level=4: store.get(
            ("entry", view.digest, root, level), lambda: macros().event_entry(view, root, level)
        )
        env.globals["event_item"] = lambda view, root: store.get(
            ("event", view.digest, root), lambda: macros().event_line(view, root)
        )
        env.globals["article_item"] = lambda summary, root: store.get(
            ("article", summary.digest, root), lambda: macros().article_line(summary, root)
        )
        for name in ("how_known", "evidence_list", "evidence_item", "event_list", "article_list"):
            env.globals[name] = functools.partial(lambda name, *args: getattr(macros(), name)(*args), name)

    def entries(views: Iterable[EventView], root: str, level: int = 4, indent: str = "    ") -> Markup:
        """The chronology entries of a month, one a line (the index's loop, joined in Python)."""
        entry = env.globals["entry"]
        return Markup("".join(f"{indent}{entry(v, root, level)}\n" for v in views))

    env.globals["entries"] = entries
    feed: list[Any] = []

    def feed_entry(e: dict[str, Any]) -> Markup:
        if not feed:
            feed.append(env.get_template("_feed.xml").module)
        return store.get(
            ("feed", e["view"].digest, e["id"], e["href"], e["updated"]), lambda: feed[0].feed_entry(e)
        )

    env.globals["feed_entry"] = feed_entry


def uses_fast_macros(env: jinja2.Environment) -> bool:
    """Whether the environment's _macros.html is the one render/fast.py gives the same bytes as."""
    try:
        source = env.loader.get_source(env, "_macros.html")[0] if env.loader is not None else None
    except jinja2.TemplateNotFound:
        return False
    return source is not None and hashlib.sha256(source.encode("utf-8")).hexdigest() == fast.MACROS_SHA256


def render_pages(
    jobs: Iterable[PageJob], template_dir: Path, fragments: Fragments | None = None
) -> dict[str, str]:
    """Render the jobs with one environment; each template is compiled once."""
    return {
        path: text if isinstance(text, str) else "".join(text)
        for path, text in iter_pages(jobs, template_dir, fragments)
    }


def iter_pages(
    jobs: Iterable[PageJob],
    template_dir: Path,
    fragments: Fragments | None = None,
    processes: int = 1,
    cache_dir: Path | None = None,
) -> Iterator[tuple[str, str | list[str]]]:
    """(path, text) of each job in turn, so that a caller can write each page as it is made; the
    text of a list page comes as a list of pieces (_batches).

    With processes > 1 and many pages (a cold build), forked workers render chunks of the jobs
    (inherited, not sent) while this process writes; the pages come back in the jobs' order and
    the pieces the workers rendered join the fragment store, so the output is the same either way."""
    store = fragments if fragments is not None else Fragments()
    jobs = list(jobs)
    if processes > 1 and len(jobs) >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods():
        yield from _iter_parallel(jobs, template_dir, store, processes)
        return
    env = environment(template_dir, cache_dir)
    _fragment_globals(env, store)
    templates: dict[str, jinja2.Template] = {}
    for job in jobs:
        template = templates.get(job.template)
        if template is None:
            template = templates[job.template] = env.get_template(job.template)
        if job.template in ONE_PIECE:
            yield job.path, template.render(job.full_context())
        else:
            yield job.path, _batches(template.generate(job.full_context()))


ONE_PIECE = frozenset({"event.html", "article.html"})  # the many small pages; the list pages go in pieces
BATCH = 1 << 16


def _batches(pieces: Iterable[str]) -> list[str]:
    """A page as Template.generate() makes it, in pieces of about BATCH characters: the same text
    as Template.render(), but a list page of 13 MB is never joined whole, nor encoded whole
    (output.write_atomically writes the pieces one after the other)."""
    out: list[str] = []
    buffer: list[str] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= BATCH:
            out.append("".join(buffer))
            buffer, size = [], 0
    if buffer or not out:
        out.append("".join(buffer))
    return out


PARALLEL_FROM = 2000  # pages: below this, starting workers costs more than it saves
CHUNK = 250
_SHARED: dict[str, Any] = {}  # what forked workers inherit: the jobs, the templates, the stored pieces


def _render_chunk(
    bounds: tuple[int, int],
) -> tuple[list[tuple[str, str | list[str]]], dict[tuple, str], list[tuple]]:
    """In a worker: render jobs[start:end]; return the pages, the pieces it rendered and the stored ones it used."""
    start, end = bounds
    worker = _SHARED.setdefault("worker", {})
    if not worker:
        store = Fragments()
        store._old = _SHARED["old"]
        env = environment(_SHARED["template_dir"])
        _fragment_globals(env, store)
        worker.update(store=store, env=env, templates={})
    store, env, templates = worker["store"], worker["env"], worker["templates"]
    before = set(store._new)
    out = []
    for job in _SHARED["jobs"][start:end]:
        template = templates.get(job.template)
        if template is None:
            template = templates[job.template] = env.get_template(job.template)
        context = job.full_context()
        out.append(
            (
                job.path,
                template.render(context)
                if job.template in ONE_PIECE
                else _batches(template.generate(context)),
            )
        )
    added = [k for k in store._new if k not in before]
    rendered = {k: store._new[k] for k in added if k not in store._old}
    return out, rendered, [k for k in added if k in store._old]


def _iter_parallel(
    jobs: list[PageJob], template_dir: Path, store: Fragments, processes: int
) -> Iterator[tuple[str, str]]:
    _SHARED.clear()
    _SHARED.update(jobs=jobs, template_dir=template_dir, old=store._old)
    was_frozen = gc.get_freeze_count() > 0  # the build freezes the corpus itself, and thaws it at its end
    gc.freeze()  # the workers then share the parent's objects instead of copying them as the collector visits them
    try:
        chunks = [(i, min(i + CHUNK, len(jobs))) for i in range(0, len(jobs), CHUNK)]
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for pages, rendered, used in pool.imap(_render_chunk, chunks):
                store.merge(rendered, used)
                yield from pages
    finally:
        if not was_frozen:
            gc.unfreeze()
        _SHARED.clear()


def render_site(
    articles: list[Article], events: list[Event], config: Config, template_dir: Path
) -> dict[str, str]:
    """Every file of the site, as {relative path: text}."""
    return render_pages(plan_pages(articles, events, config, template_dir), template_dir)
