"""Dates shared through merged statements: an undated article takes the day a sibling report gives."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from timeline.dates_shared import _redate, share_dates
from timeline.load.dating import statement_date
from timeline.load.timex import find_expressions
from timeline.model import Article, Claim, DateEstimate, Event, Evidence, Sentence

D = dt.date


def _article(
    ident: str, text: str, published: DateEstimate, claim_text: str, *, timexes: bool = False
) -> Article:
    start = text.index(claim_text)
    sentence = Sentence(claim_text, start, start + len(claim_text), 0)
    claim = Claim(
        ident,
        "zelensky",
        "invite",
        None,
        None,
        statement_date(sentence, text, published, "en"),
        claim_text,
        sentence.start,
        sentence.end,
    )
    found = tuple(find_expressions(text, published.value, "en")) if timexes else ()
    return Article(
        ident,
        ident + ".txt",
        "",
        text,
        "en",
        None,
        None,
        (),
        None,
        published,
        (),
        sentences=(sentence,),
        claims=(claim,),
        timexes=found,
    )


def _event(*articles: Article, ident: str = "e") -> Event:
    claims = tuple(a.claims[0] for a in articles)
    return Event(ident, "claim", claims[0].said, "zelensky", "invite", None, None, "h", claims=claims)


DATED = _article(
    "dated",
    "He told reporters on Friday that Putin could come to Kyiv.",
    DateEstimate(D(2026, 1, 30), "day", D(2026, 1, 30), D(2026, 1, 31), (Evidence("counter", "day 1,436"),)),
    "He told reporters on Friday that Putin could come to Kyiv.",
)
PLAIN = "Zelensky said Putin could come to Kyiv."


def test_cluster_dates_an_undated_article() -> None:
    undated = _article("undated", PLAIN, DateEstimate.unknown(), PLAIN)
    articles, events = share_dates([DATED, undated], [_event(DATED, undated)])
    shared = articles[1].published
    assert shared.earliest == D(2026, 1, 30)
    assert shared.value == D(2026, 1, 31)  # the middle of a week-precision range
    assert shared.earliest <= shared.value <= shared.latest
    cluster = [e for e in shared.evidence if e.rule == "cluster"]
    assert cluster and cluster[0].article == "dated"
    said = articles[1].claims[0].said
    assert (
        said.earliest is not None
        and said.latest is not None
        and said.earliest <= D(2026, 1, 30) <= said.latest
    )
    assert events[0].claims[1].said == said
    assert articles[0] is DATED


def test_cluster_never_passes_on_a_shared_date() -> None:
    relay = _article(
        "relay",
        PLAIN,
        DateEstimate(
            D(2026, 1, 30),
            "day",
            D(2026, 1, 30),
            D(2026, 1, 30),
            (Evidence("cluster", "x", article="other"),),
        ),
        PLAIN,
    )
    undated = _article("undated", PLAIN, DateEstimate.unknown(), PLAIN)
    articles, _ = share_dates([relay, undated], [_event(relay, undated)])
    assert not articles[1].published.known


def test_cluster_respects_the_articles_own_words() -> None:
    text = "On August 1, Zelensky said Putin could come to Kyiv."
    undated = _article("undated", text, DateEstimate.unknown(), text)
    articles, _ = share_dates([DATED, undated], [_event(DATED, undated)])
    assert not articles[1].published.known


def test_events_and_articles_not_involved_are_kept_as_they_are() -> None:
    undated = _article("undated", PLAIN, DateEstimate.unknown(), PLAIN)
    other = _article("other", PLAIN, DATED.published, PLAIN)
    alone = _event(other, ident="alone")
    articles, events = share_dates([DATED, other, undated], [alone, _event(DATED, undated)])
    assert articles[0] is DATED and articles[1] is other
    assert events[0] is alone
    assert articles[2].published.known


def test_nothing_to_share_returns_the_inputs() -> None:
    articles, events = [DATED], [_event(DATED)]
    assert share_dates(articles, events) == (articles, events)


TEXTS = [
    # (text, the claim's sentence): with and without time words in the sentence or before it in the paragraph
    (PLAIN, PLAIN),
    ("On Monday, Macron met Putin in Moscow. " + PLAIN, PLAIN),
    ("On Monday, Macron met Putin in Moscow.\n" + PLAIN, PLAIN),
    ("Earlier, " + PLAIN, "Earlier, " + PLAIN),
    (
        "He told reporters on Friday that Putin could come to Kyiv.",
        "He told reporters on Friday that Putin could come to Kyiv.",
    ),
    (
        "Yesterday Peskov said no.\nIn a speech, " + PLAIN + " Two days ago he said more.",
        "In a speech, " + PLAIN,
    ),
]
DAYS = [
    DateEstimate.unknown(),
    DateEstimate.day(D(2026, 1, 31)),
    DateEstimate(D(2026, 1, 29), "week", D(2026, 1, 27), D(2026, 2, 1), ()),
]


@pytest.mark.parametrize("text, sentence", TEXTS)
@pytest.mark.parametrize("published", DAYS)
@pytest.mark.parametrize("timexes", [True, False])
def test_redating_without_a_scan_is_what_a_scan_gives(
    text: str, sentence: str, published: DateEstimate, timexes: bool
) -> None:
    """The shortcut for claims with no time words near them gives what statement_date gives."""
    article = _article("a", text, DateEstimate.unknown(), sentence, timexes=timexes)
    claim = article.claims[0]
    full = statement_date(Sentence(claim.sentence, claim.start, claim.end, 0), text, published, "en")
    assert _redate(article, claim, published).said == full


@pytest.mark.parametrize("text, sentence", TEXTS)
def test_the_articles_own_expressions_and_a_fresh_scan_share_alike(text: str, sentence: str) -> None:
    """Whether the loader's expressions are at hand or the text is scanned, the result is the same."""
    results = []
    for timexes in (True, False):
        undated = _article("undated", text, DateEstimate.unknown(), sentence, timexes=timexes)
        articles, events = share_dates([DATED, undated], [_event(DATED, undated)])
        results.append((replace(articles[1], timexes=()), events))
    assert results[0] == results[1]


def _as_reported_source() -> Article:
    text = "Zelensky said Putin could come to Kyiv."
    published = DateEstimate(
        D(2026, 1, 30), "day", D(2026, 1, 30), D(2026, 1, 30), (Evidence("dateline", "30 January 2026"),)
    )
    return _article("plain-dated", text, published, text)


def test_a_report_dated_only_by_its_article_passes_its_day_only_to_a_plain_report() -> None:
    source = _as_reported_source()
    plain = _article("undated", PLAIN, DateEstimate.unknown(), PLAIN)
    articles, _ = share_dates([source, plain], [_event(source, plain)])
    assert articles[1].published.known
    text = "On Tuesday he spoke to reporters. Zelensky said Putin could come to Kyiv."
    timed = _article(
        "timed", text, DateEstimate.unknown(), "Zelensky said Putin could come to Kyiv.", timexes=True
    )
    articles, _ = share_dates([source, timed], [_event(source, timed)])
    assert not articles[1].published.known


def test_a_weekday_earlier_in_the_paragraph_must_match_the_sibling_day() -> None:
    # DATED says Friday 2026-01-30; the undated report's paragraph names Tuesday for the statement.
    text = "On Tuesday he spoke to reporters. Zelensky said Putin could come to Kyiv."
    tuesday = _article(
        "tuesday", text, DateEstimate.unknown(), "Zelensky said Putin could come to Kyiv.", timexes=True
    )
    articles, _ = share_dates([DATED, tuesday], [_event(DATED, tuesday)])
    assert not articles[1].published.known
    text = "On Friday he spoke to reporters. Zelensky said Putin could come to Kyiv."
    friday = _article(
        "friday", text, DateEstimate.unknown(), "Zelensky said Putin could come to Kyiv.", timexes=True
    )
    articles, _ = share_dates([DATED, friday], [_event(DATED, friday)])
    assert articles[1].published.known and articles[1].published.earliest >= D(2026, 1, 30)


def test_the_memo_gives_what_a_fresh_run_gives() -> None:
    """A weak article's vote and re-dated claims are kept under its file and the sibling reports
    it was offered: a second run from the memo is the first run, and a change of the siblings
    is a new computation, not a stale answer."""
    import pickle

    dated = replace(DATED, sha256="d")
    undated = _article("undated", PLAIN, DateEstimate.unknown(), PLAIN)
    undated = replace(undated, sha256="u")
    fresh = share_dates([dated, undated], [_event(dated, undated)])
    memo: dict = {}
    first = share_dates([dated, undated], [_event(dated, undated)], memo=memo)
    assert memo["votes"] and memo["redated"]
    second = share_dates([dated, undated], [_event(dated, undated)], memo=pickle.loads(pickle.dumps(memo)))
    for result in (first, second):
        assert result[0] == fresh[0]
        assert [(e, e.claims) for e in result[1]] == [(e, e.claims) for e in fresh[1]]
    other = replace(
        dated,
        claims=(
            replace(dated.claims[0], said=DateEstimate.day(D(2026, 2, 3), dated.claims[0].said.evidence)),
        ),
    )
    moved = share_dates([other, undated], [_event(other, undated)], memo=memo)
    assert (
        moved[0][1].published
        == share_dates([other, undated], [_event(other, undated)])[0][1].published
        != fresh[0][1].published
    )
    assert len(memo["votes"]) == 1  # only what the last call used is kept


def _scans_per_text(monkeypatch: pytest.MonkeyPatch, keep: bool) -> dict[str, int]:
    """share_dates over more weak articles than scan's own cache holds: how often each is scanned."""
    import contextlib

    from timeline import dates_shared
    from timeline.load import timex

    weak = [
        _article(
            f"w{i}",
            f"Item {i}. Zelensky told reporters on Friday that Putin could come to Kyiv.",
            DateEstimate.unknown(),
            "Zelensky told reporters on Friday that Putin could come to Kyiv.",
        )
        for i in range(80)
    ]
    counts: dict[str, int] = {}
    real = timex._scan

    def counting(text: str, language: str, *, windowed: bool):
        counts[text] = counts.get(text, 0) + 1
        return real(text, language, windowed=windowed)

    timex._scan_recent.cache_clear()
    monkeypatch.setattr(timex, "_scan", counting)
    if not keep:
        monkeypatch.setattr(dates_shared, "keep_scans", contextlib.nullcontext)
    articles, _ = share_dates([DATED, *weak], [_event(DATED, *weak)])
    assert all(a.published.known for a in articles[1:])
    timex._scan_recent.cache_clear()
    return {t: n for t, n in counts.items() if t.startswith("Item")}


def test_each_weak_article_is_scanned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    assert set(_scans_per_text(monkeypatch, keep=True).values()) == {1}


def test_without_kept_scans_articles_are_scanned_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: scan's own cache of 64 texts alone re-scans them."""
    assert max(_scans_per_text(monkeypatch, keep=False).values()) > 1


def test_a_date_shared_through_reports_with_no_words_in_common_is_shown_wider() -> None:
    """A report that shares no plain words with the dated one (another language, or the one
    statement of that speaker that fits) passes its day on, but as a range two weeks wider each
    side: never as a week."""
    other = "Selenskyj sagte, Putin sei in Kiew willkommen."
    undated = _article("undated-de", other, DateEstimate.unknown(), other)
    articles, _ = share_dates([DATED, undated], [_event(DATED, undated)])
    shared = articles[1].published
    assert shared.value is not None and shared.precision == "month"
    assert shared.earliest is not None and shared.latest is not None
    assert shared.earliest <= D(2026, 1, 16) and shared.latest >= D(2026, 2, 14)
    assert any("share no words" in (e.detail or "") for e in shared.evidence)
    alike = _article("undated", PLAIN, DateEstimate.unknown(), PLAIN)  # "could come to Kyiv": alike
    assert share_dates([DATED, alike], [_event(DATED, alike)])[0][1].published.precision == "week"
