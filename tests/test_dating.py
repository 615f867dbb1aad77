"""Publication and statement dates: ranges narrowed by evidence, honest where it runs out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import infer_published
from timeline.config import load_config
from timeline.load.dating import precision_of, statement_date, url_date
from timeline.model import DateEstimate, Evidence, Sentence

CONFIG = load_config(Path(__file__).parent / "fixtures" / "dating.yaml")
D = dt.date


def infer(text: str, **kw) -> DateEstimate:
    return infer_published(text, config=CONFIG, **kw)


def rules(date: DateEstimate) -> list[str]:
    return [e.rule for e in date.evidence]


def test_dateline_fixes_the_day() -> None:
    est = infer("Putin offers to meet\n\nApril 22, 2021\n\nPutin said on Thursday he was ready.\n")
    assert (est.value, est.precision) == (D(2021, 4, 22), "day")
    assert rules(est) == ["dateline"]
    ev = est.evidence[0]
    assert ev.start is not None and ev.end is not None


def test_numeric_dateline_with_time() -> None:
    est = infer("UNN\n\n04.08.2025 14:32\n\nPeskov said the work was not done.\n")
    assert est.value == D(2025, 8, 4)


def test_url_date() -> None:
    est = infer("Peskov said the work was not done.\n\nOriginal url:\n\n<https://example.com/2025/02/05/some-story>\n")
    assert est.value == D(2025, 2, 5)
    assert "url-date" in rules(est)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://a.com/2021/04/22/story", D(2021, 4, 22)),
        ("https://a.com/20250829/story-1.html", D(2025, 8, 29)),
        ("https://a.com/news/story20250904063014", D(2025, 9, 4)),
        ("https://a.com/2021-04-22-story", D(2021, 4, 22)),
        ("https://a.com/news/1093226.html", None),
    ],
)
def test_url_dates(url: str, day: dt.date | None) -> None:
    found = url_date(url)
    assert (found[0] if found else None) == day


def test_counter_and_weekday_give_the_friday() -> None:
    text = "He told reporters on Friday that he was ready.\n\n- Russia-Ukraine war: key events, day 1,436 of the war\n\nTalks are scheduled for Sunday.\n"
    est = infer(text)
    assert est.value == D(2026, 1, 30)
    assert est.earliest <= est.value <= est.latest
    assert est.precision == "day"
    assert {"counter", "weekday-relative"} <= set(rules(est))


def test_anchor_before_and_monday() -> None:
    text = (
        "Lavrov said on Monday that a meeting may take place.\n\n"
        "He added that Istanbul, where the next meeting is planned, is acceptable.\n\n"
        "The war, which started on Feb.24, goes on.\n"
    )
    est = infer(text)
    assert est.value == D(2022, 3, 28)
    assert "anchor-event" in rules(est)


def test_future_weekday_coinciding_with_a_named_date() -> None:
    text = (
        "Zelensky wrote on X on Sunday that he will wait in Turkey on Thursday, in a war now in its fourth year.\n\n"
        "Putin proposed talks in Istanbul from May 15.\n"
    )
    est = infer(text)
    assert est.value == D(2025, 5, 11)


def test_after_an_event_and_a_past_day() -> None:
    text = "On September 4, Kyiv rejected the idea.\n\nThe exchange came less than three weeks after the Alaska summit.\n"
    est = infer(text)
    assert est.value == D(2025, 9, 4)
    assert est.earliest <= est.value <= est.latest


def test_during_an_event() -> None:
    est = infer("Peskov said the talks in Geneva are in their second day.\n")
    assert est.earliest == D(2026, 2, 17) and est.latest == D(2026, 2, 18)


def test_no_evidence_means_no_date() -> None:
    est = infer("Peskov said on Friday that nothing had changed.\n")
    assert est.value is None and est.precision == "unknown"


def test_weak_evidence_gives_a_coarse_precision() -> None:
    est = infer("Fighting has gone on since 2014 and was worst in 2020.\n\nPeskov said on Friday that nothing had changed.\n")
    assert est.value is None
    assert est.earliest == D(2020, 1, 1)


def test_front_matter_wins() -> None:
    est = infer("---\ndate: 2020-01-02\n---\nApril 22, 2021\n\nText.\n")
    assert est.value == D(2020, 1, 2)
    assert rules(est) == ["front-matter"]


def test_never_todays_date() -> None:
    est = infer("He said today that he was ready, and yesterday too.\n")
    assert est.value is None


@pytest.mark.parametrize(
    ("earliest", "latest", "precision"),
    [(D(2021, 1, 1), D(2021, 1, 1), "day"), (D(2021, 1, 1), D(2021, 1, 2), "day"), (D(2021, 1, 1), D(2021, 1, 5), "week"), (D(2021, 1, 1), D(2021, 2, 1), "month"), (D(2021, 1, 1), D(2021, 12, 1), "year"), (D(2019, 1, 1), D(2021, 12, 1), "unknown"), (None, D(2021, 1, 1), "unknown")],
)
def test_precision_of_ranges(earliest, latest, precision) -> None:
    assert precision_of(earliest, latest) == precision


# Statement dates ---------------------------------------------------------------------------

PUB = DateEstimate.day(D(2022, 5, 13), (Evidence("dateline", "May 13, 2022"),))


def said(text: str, published: DateEstimate = PUB, language: str = "en") -> DateEstimate:
    return statement_date(Sentence(text, 0, len(text), 0), text, published, language)


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("Peskov said on April 6 that it was possible.", "en", D(2022, 4, 6)),
        ("Peskov said on Monday that it was possible.", "en", D(2022, 5, 9)),
        ("He told reporters on Friday that he was ready.", "en", D(2022, 5, 13)),
        ("Peskov said yesterday that it was possible.", "en", D(2022, 5, 12)),
        ("Peskov commented earlier today on it.", "en", D(2022, 5, 13)),
        ("On 22 August, Lavrov said Putin would meet him.", "en", D(2022, 8, 22) - dt.timedelta(days=365)),
        ("Kremlsprecher Peskow kündigte am Montag an, Moskau werde prüfen.", "de", D(2022, 5, 9)),
        ("Le Kremlin a balayé mercredi les paroles du président.", "fr", D(2022, 5, 11)),
        ("Песков в пятницу заявил, что встреча возможна.", "ru", D(2022, 5, 13)),
    ],
)
def test_statement_dates(text: str, language: str, day: dt.date) -> None:
    est = said(text, language=language)
    assert est.value == day
    assert est.earliest <= est.value <= est.latest


@pytest.mark.parametrize(
    ("verb", "day"),
    [("balayé", D(2022, 5, 11)), ("déclaré", D(2022, 5, 10))],
)
def test_the_cue_nearest_the_speakers_verb_wins(verb: str, day: dt.date) -> None:
    text = "Le Kremlin a balayé mercredi les paroles du président, qui s'était déclaré la veille prêt à négocier."
    sentence = Sentence(text, 0, len(text), 0)
    assert statement_date(sentence, text, PUB, "fr", speaker_at=text.index(verb)).value == day


def test_statement_dates_of_every_sentence_come_from_one_scan() -> None:
    text = "Peskov said on Monday it was fine. Ushakov said yesterday it was not. Lavrov spoke."
    sentences = [Sentence(t.strip() + ".", text.index(t.strip()), text.index(t.strip()) + len(t.strip()) + 1, 0) for t in text.split(".")[:3]]
    values = [statement_date(s, text, PUB, "en").value for s in sentences]
    assert values == [D(2022, 5, 9), D(2022, 5, 12), PUB.value]


def test_earlier_this_week_is_inside_the_week_before_publication() -> None:
    est = said("Earlier this week, Ushakov said Putin was open to it.")
    assert D(2022, 5, 9) <= est.value < D(2022, 5, 13)


def test_no_cue_is_as_reported() -> None:
    est = said("Peskov said that nothing had changed.")
    assert est.value == PUB.value and rules(est) == ["as-reported"]


def test_earlier_is_before_publication_day_unknown() -> None:
    est = said("Ранее Зеленский заявил, что хочет встречи.", language="ru")
    assert est.value is None and est.latest == D(2022, 5, 12)
    assert rules(est) == ["earlier"]


def test_future_cues_are_not_the_day_of_saying() -> None:
    est = said("Zelensky said a ceasefire should begin on Monday.")
    assert rules(est) == ["as-reported"]


def test_statement_with_unknown_publication() -> None:
    assert said("Peskov said on Monday it was fine.", DateEstimate.unknown()).value is None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_infer_never_raises_and_range_holds(text: str) -> None:
    est = infer(text)
    if est.value is not None:
        assert est.earliest is not None and est.latest is not None
        assert est.earliest <= est.value <= est.latest
    assert est.precision in ("day", "week", "month", "year", "unknown")


CUES = st.lists(
    st.sampled_from(
        [
            "He said on Friday.",
            "Talks are scheduled for Sunday.",
            "Peskov said on April 6.",
            "It may happen in November.",
            "day 1,436 of the war",
            "Istanbul, where the next meeting is planned",
            "after the Alaska summit",
            "since 2014",
            "April 22, 2021",
            "He spoke yesterday.",
            "The war, which started on Feb.24, goes on.",
            "\n\n",
        ]
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(CUES)
def test_combined_cues_keep_value_inside_range(text: str) -> None:
    est = infer(text)
    if est.value is not None:
        assert est.earliest <= est.value <= est.latest


# Dates shared through merged statements ------------------------------------------------------

from timeline.dates_shared import share_dates  # noqa: E402
from timeline.model import Article, Claim, Event  # noqa: E402


def _article(ident: str, text: str, published: DateEstimate, claim_text: str) -> Article:
    start = text.index(claim_text)
    sentence = Sentence(claim_text, start, start + len(claim_text), 0)
    claim = Claim(ident, "zelensky", "invite", None, None, statement_date(sentence, text, published, "en"), claim_text, sentence.start, sentence.end)
    return Article(ident, ident + ".txt", "", text, "en", None, None, (), None, published, (), sentences=(sentence,), claims=(claim,))


def _event(*articles: Article) -> Event:
    claims = tuple(a.claims[0] for a in articles)
    return Event("e", "claim", claims[0].said, "zelensky", "invite", None, None, "h", claims=claims)


DATED = _article(
    "dated",
    "He told reporters on Friday that Putin could come to Kyiv.",
    DateEstimate(D(2026, 1, 30), "day", D(2026, 1, 30), D(2026, 1, 31), (Evidence("counter", "day 1,436"),)),
    "He told reporters on Friday that Putin could come to Kyiv.",
)


def test_cluster_dates_an_undated_article() -> None:
    undated = _article("undated", "Zelensky said Putin could come to Kyiv.", DateEstimate.unknown(), "Zelensky said Putin could come to Kyiv.")
    articles, events = share_dates([DATED, undated], [_event(DATED, undated)])
    shared = articles[1].published
    assert shared.value == D(2026, 1, 30)
    assert shared.earliest <= shared.value <= shared.latest
    cluster = [e for e in shared.evidence if e.rule == "cluster"]
    assert cluster and cluster[0].article == "dated"
    assert articles[1].claims[0].said.value == D(2026, 1, 30)
    assert events[0].claims[1].said.value == D(2026, 1, 30)
    assert articles[0] is DATED


def test_cluster_never_passes_on_a_shared_date() -> None:
    relay = _article(
        "relay",
        "Zelensky said Putin could come to Kyiv.",
        DateEstimate(D(2026, 1, 30), "day", D(2026, 1, 30), D(2026, 1, 30), (Evidence("cluster", "x", article="other"),)),
        "Zelensky said Putin could come to Kyiv.",
    )
    undated = _article("undated", "Zelensky said Putin could come to Kyiv.", DateEstimate.unknown(), "Zelensky said Putin could come to Kyiv.")
    articles, _ = share_dates([relay, undated], [_event(relay, undated)])
    assert not articles[1].published.known


def test_cluster_respects_the_articles_own_words() -> None:
    text = "On August 1, Zelensky said Putin could come to Kyiv."
    undated = _article("undated", text, DateEstimate.unknown(), text)
    articles, _ = share_dates([DATED, undated], [_event(DATED, undated)])
    assert not articles[1].published.known


MENTION_WORDS = st.sampled_from(
    ["Istanbul,", "where", "the", "next", "meeting", "is", "planned", "after", "Alaska", "summit", "talks", "in", "Geneva",
     "are", "their", "second", "day", "AFTER", "GENEVA", "said", "on", "Friday", "2022", ".", "\n", "  "]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(MENTION_WORDS, min_size=20, max_size=200).map(" ".join))
def test_reference_events_found_near_their_words_are_those_found_everywhere(text: str) -> None:
    from timeline.load.dating import _config_patterns, anchor_constraints

    _, mentions, _ = _config_patterns(CONFIG, "en")
    found = {(c.evidence.start, c.evidence.end) for c in anchor_constraints(text, "en", CONFIG)}
    everywhere = {m.span() for _, _, pattern, _ in mentions if (m := pattern.search(text))}
    assert found == everywhere
