"""load_article: one file's bytes and the configuration in, one Article out, never an exception."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace

from timeline.config import Config
from timeline.gazetteer import reference_mentions
from timeline.load.claims import candidate_actors, extract_claims
from timeline.load.clean import paragraphs, split_lines
from timeline.load.dating import infer_publication
from timeline.load.decode import content_problem, decode
from timeline.load.frontmatter import split_front_matter
from timeline.load.ids import article_id
from timeline.load.language import detect_language
from timeline.load.meta import find_agencies, find_outlet, find_title, find_url
from timeline.load.sentences import split_sentences
from timeline.load.timex import find_expressions
from timeline.model import Article, DateEstimate, Evidence

log = logging.getLogger(__name__)
INTERNAL_ERROR = "internal error while loading: "
SKIPPED = "skipped: "  # the warning of a file that holds no article text (empty, binary ...)


def load_article(relpath: str, data: bytes, config: Config, article_id_: str | None = None) -> Article:
    """Read one article. Pure: the same bytes and configuration give the same record.

    The guard for one article: an unexpected error inside the loader (a bug, not the user's
    mistake) becomes a warning on this article naming the file and the exception, and the build
    goes on with the other articles.
    """
    ident = article_id_ or article_id(relpath)
    problem = content_problem(data, config.limits.max_bytes)
    if problem:
        return bare_article(relpath, ident, data, SKIPPED + problem, config.site.language)
    try:
        return _load_article(relpath, data, config, ident)
    except Exception as error:  # noqa: BLE001 - the one place where any failure is contained
        log.debug("%s: internal error while loading", relpath, exc_info=True)
        warning = f"{INTERNAL_ERROR}{type(error).__name__}: {error}; the article is shown without analysis (please report this)"
        return bare_article(relpath, ident, data, warning, config.site.language)


def bare_article(relpath: str, ident: str, data: bytes, warning: str, language: str) -> Article:
    """A record with no content, for a file that is not analysed: only its warning says why."""
    return Article(
        id=ident,
        file=relpath,
        sha256=hashlib.sha256(data).hexdigest(),
        text="",
        language=language,
        title=None,
        outlet=None,
        agencies=(),
        url=None,
        published=DateEstimate.unknown(),
        warnings=(warning,),
    )


def _load_article(relpath: str, data: bytes, config: Config, ident: str) -> Article:
    digest = hashlib.sha256(data).hexdigest()
    decoded = decode(data)
    text = decoded.text
    warnings = list(decoded.warnings)
    limit = config.limits.analyse_chars
    if len(text) > limit:
        # Cut at a line end before the limit, so no sentence is analysed half.
        cut = text.rfind("\n", 0, limit)
        text = text[: cut if cut > limit // 2 else limit]
        warnings.append(
            f"very long ({len(decoded.text):,} characters): only the first {len(text):,} were analysed and are shown"
        )
    front = split_front_matter(text)
    warnings.extend(front.warnings)
    body = text[front.end :]
    language = front.values.get("language") or detect_language(body, config.site.language)
    lines = split_lines(text, front.end, language)
    spans = paragraphs(lines)

    url, _ = find_url(lines, text)
    if front.values.get("url"):
        url = front.values["url"] if front.values["url"].lower().startswith(("http://", "https://")) else url
    outlet, outlet_evidence = find_outlet(lines, url, config)
    if front.values.get("outlet"):
        outlet, outlet_evidence = front.values["outlet"], Evidence("front-matter", front.values["outlet"])
    title, title_line = find_title(lines, config, front.values.get("title"))
    skip = set()
    if title_line is not None:
        title_span = next((i for i, p in enumerate(spans) if p.start == lines[title_line].start), None)
        if title_span is not None:
            skip.add(title_span)
    sentences = split_sentences(spans)
    published = infer_publication(text, lines, url, front.values.get("date"), language, config=config)
    if not published.known:
        warnings.append("undated: no dateline, URL date or other cue fixes the publication date")
    elif published.precision not in ("day", "week"):
        warnings.append(
            f"weakly dated: the evidence only fixes the publication date to a {published.precision} ({published.earliest} to {published.latest})"
        )
    if outlet is None:
        warnings.append("unknown outlet")
    timexes = tuple(find_expressions(text, published.value, language))
    claims = extract_claims(ident, text, sentences, skip, published, language, config)
    candidates = candidate_actors(text, sentences, skip, language, config)
    # From here on the paragraphs, sentences and quotations read their text from the article's
    # one string instead of holding copies (model.Span.within): a third of the record's memory.
    base = (text,)
    spans = tuple(p.within(base) for p in spans)
    sentences = tuple(s.within(base) for s in sentences)
    claims = tuple(
        replace(c, quotes=tuple(q.within(base) for q in c.quotes)) if c.quotes else c for c in claims
    )
    return Article(
        id=ident,
        file=relpath,
        sha256=digest,
        text=text,
        language=language,
        title=title,
        outlet=outlet,
        agencies=find_agencies(lines, config),
        url=url,
        published=published if published else DateEstimate.unknown(),
        warnings=tuple(warnings),
        paragraphs=spans,
        sentences=sentences,
        claims=claims,
        candidate_actors=candidates,
        reference_mentions=reference_mentions(text, language, config),
        timexes=timexes,
        outlet_evidence=outlet_evidence,
    )
