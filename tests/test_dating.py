"""Publication and statement dates: ranges narrowed by evidence, honest where it runs out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import infer_published
from timeline.config import load_config
from timeline.load.dating import _with_given_names, precision_of, statement_date, url_date
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
    est = infer(
        "Peskov said the work was not done.\n\nOriginal url:\n\n<https://example.com/2025/02/05/some-story>\n"
    )
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


@pytest.mark.parametrize(
    ("url", "language", "earliest", "latest"),
    [
        ("https://a.ru/politics/11/10/2021/6163f1f29a79", "ru", D(2021, 10, 11), D(2021, 10, 11)),
        ("https://a.fr/monde/25/10/2021/article", "fr", D(2021, 10, 25), D(2021, 10, 25)),
        ("https://a.com/world/25/10/2021/story", "en", D(2021, 10, 25), D(2021, 10, 25)),
        ("https://a.com/world/10/25/2021/story", "en", D(2021, 10, 25), D(2021, 10, 25)),
        ("https://a.com/world/11/10/2021/story", "en", D(2021, 10, 11), D(2021, 11, 10)),  # either order
        ("https://a.de/politik/10/25/2021/x", "de", None, None),
    ],
)
def test_url_dates_day_first(
    url: str, language: str, earliest: dt.date | None, latest: dt.date | None
) -> None:
    found = url_date(url, language)
    got = (found[0], found[1]) if found else (None, None)
    assert got == (earliest, latest)


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
    est = infer(
        "Fighting has gone on since 2014 and was worst in 2020.\n\nPeskov said on Friday that nothing had changed.\n"
    )
    assert est.value is None
    assert est.earliest == D(2020, 1, 1)


def test_front_matter_wins() -> None:
    est = infer("---\ndate: 2020-01-02\n---\nApril 22, 2021\n\nText.\n")
    assert est.value == D(2020, 1, 2)
    assert rules(est) == ["front-matter"]


def test_never_todays_date() -> None:
    est = infer("He said today that he was ready, and yesterday too.\n")
    assert est.value is None


DATELINES = [
    ("en", "Updated on: August 18, 2025 / 9:12 PM EDT / CBS News", D(2025, 8, 18)),
    ("en", "Published 16 May 2025", D(2025, 5, 16)),
    ("en", "May 16, 2025 at 3:10 p.m. EDT", D(2025, 5, 16)),
    ("en", "Updated: Aug 19, 2025, 06:12 AM ET", D(2025, 8, 19)),
    ("en", "Updated 3:10 PM EDT, May 16, 2025", D(2025, 5, 16)),
    ("en", "Published on: Sep 05, 2025 02:41 PM IST", D(2025, 9, 5)),
    ("en", "By Jane Doe and John Smith | Last updated May 16, 2025 3:10 PM ET", D(2025, 5, 16)),
    ("ru", "16 мая 2025, 14:02", D(2025, 5, 16)),
    ("ru", "Обновлено: 16 мая 2025, 14:02 МСК", D(2025, 5, 16)),
    ("uk", "16 травня 2025 14:02", D(2025, 5, 16)),
    ("uk", "Оновлено: 16 травня 2025, 14:02", D(2025, 5, 16)),
    ("de", "16. Mai 2025", D(2025, 5, 16)),
    ("de", "Aktualisiert am 16. Mai 2025, 14:02 Uhr", D(2025, 5, 16)),
    ("de", "Stand: 10.12.2019 06:12 Uhr", D(2019, 12, 10)),
    ("fr", "16 mai 2025 à 14h02", D(2025, 5, 16)),
    ("fr", "Mis à jour le 16 mai 2025 à 14h02", D(2025, 5, 16)),
    ("fr", "Publié le 17 octobre 2025 à 08h15", D(2025, 10, 17)),
]


@pytest.mark.parametrize(("language", "line", "day"), DATELINES)
def test_datelines_with_page_furniture(language: str, line: str, day: dt.date) -> None:
    text = f"A headline about the talks\n\n{line}\n\nThe leaders met to discuss the war and said more.\n"
    est = infer(text, language=language)
    assert (est.value, est.precision) == (day, "day")
    assert rules(est)[0] == "dateline"


@pytest.mark.parametrize(
    "line",
    [
        "The war began on February 24, 2022, and goes on.",
        "Zelensky and Putin met in Paris on December 9, 2019",
        "Peskov said the talks that started on May 16, 2025 were useful and would go on for a while.",
    ],
)
def test_a_sentence_with_a_date_is_not_a_dateline(line: str) -> None:
    est = infer(f"A headline\n\n{line}\n")
    assert "dateline" not in rules(est)


def test_outlet_names_on_a_dateline_do_not_count() -> None:
    from timeline.load.dating import _dateline_rest

    rest = " / 9:12 PM EDT / Columbia Broadcasting System Network News Service"
    assert len(_dateline_rest(rest, "en", ())) == 6
    assert _dateline_rest(rest, "en", ("Columbia Broadcasting System Network News Service",)) == []


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [
        ("en", "Russia-Ukraine war: day 1,177 in maps", D(2025, 5, 15)),
        ("en", "Ukraine war: What we know on day 25", D(2022, 3, 20)),
        ("en", "It is now the eighth day of the war.", D(2022, 3, 3)),
        ("en", "Kyiv held out on the twenty-fifth day of the war.", D(2022, 3, 20)),
        ("ru", "Идет восьмой день войны.", D(2022, 3, 3)),
        ("uk", "Триває восьмий день війни.", D(2022, 3, 3)),
        ("de", "Es ist der achte Tag des Krieges.", D(2022, 3, 3)),
        ("fr", "C'est le huitième jour de la guerre.", D(2022, 3, 3)),
    ],
)
def test_day_counters_in_figures_and_words(language: str, text: str, day: dt.date) -> None:
    est = infer(f"Headline\n\n{text}\n", language=language)
    assert est.earliest == day and est.value == day
    assert "counter" in rules(est)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "He has said so since the first day of the war."),
        ("de", "Er sagt das seit dem ersten Tag des Krieges."),
        ("fr", "Il le dit depuis le premier jour de la guerre."),
    ],
)
def test_since_the_first_day_is_not_a_counter(language: str, text: str) -> None:
    est = infer(f"Headline\n\n{text}\n", language=language)
    assert "counter" not in rules(est)


def test_a_counter_day_before_a_named_past_date_is_recalled_not_today() -> None:
    est = infer(
        "Headline\n\nOn the second day of the war, Putin said on August 18, 2025 that he would meet.\n"
    )
    assert est.earliest == D(2025, 8, 18)
    assert est.precision != "day" or est.value >= D(2025, 8, 18)


@pytest.mark.parametrize(
    ("earliest", "latest", "precision"),
    [
        (D(2021, 1, 1), D(2021, 1, 1), "day"),
        (D(2021, 1, 1), D(2021, 1, 2), "day"),
        (D(2021, 1, 1), D(2021, 1, 5), "week"),
        (D(2021, 1, 1), D(2021, 2, 1), "month"),
        (D(2021, 1, 1), D(2021, 12, 1), "year"),
        (D(2019, 1, 1), D(2021, 12, 1), "unknown"),
        (None, D(2021, 1, 1), "unknown"),
    ],
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
    sentences = [
        Sentence(t.strip() + ".", text.index(t.strip()), text.index(t.strip()) + len(t.strip()) + 1, 0)
        for t in text.split(".")[:3]
    ]
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


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky has called for a meeting with Putin since the invasion began on 24 February.",
        "Zelensky has called for a meeting with Putin since Monday.",
    ],
)
def test_the_start_of_a_period_is_not_the_day_of_saying(text: str) -> None:
    assert rules(said(text)) == ["as-reported"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Seit dem 24. Februar fordert Selenskyj ein Treffen mit Putin.", "de"),
        ("Depuis le 24 février, Zelensky réclame une rencontre avec Poutine.", "fr"),
        ("С 24 февраля Зеленский требует встречи с Путиным.", "ru"),
    ],
)
def test_the_start_of_a_period_in_other_languages(text: str, language: str) -> None:
    assert rules(said(text, language=language)) == ["as-reported"]


def test_a_possessive_day_names_something_else() -> None:
    est = said("Putin's invitation came in response to Monday's offer from Zelensky, he said.")
    assert rules(est) == ["as-reported"]


def _in_text(text: str, sentence: str, published: DateEstimate = PUB, language: str = "en") -> DateEstimate:
    start = text.index(sentence)
    return statement_date(Sentence(sentence, start, start + len(sentence), 0), text, published, language)


def test_a_sentence_takes_the_day_of_its_narrative() -> None:
    text = (
        "On Monday, Macron met Putin and Zelensky in Paris. He said they would meet again in four months.\n"
    )
    est = _in_text(text, "He said they would meet again in four months.")
    assert est.value == D(2022, 5, 9)
    assert rules(est) == ["narrative-day"]


@pytest.mark.parametrize(
    "text",
    [
        # another paragraph
        "On Monday, Macron met Putin and Zelensky in Paris.\n\nHe said they would meet again in four months.\n",
        # a quotation of someone else
        '"We met on Monday," Peskov said. He said they would meet again in four months.\n',
        # a day ahead
        "Talks are planned for Sunday. He said they would meet again in four months.\n",
        # the start of a period
        "Since Monday the talks have stalled. He said they would meet again in four months.\n",
        # more than a week back
        "On May 1, Macron met Putin. He said they would meet again in four months.\n",
    ],
)
def test_no_narrative_day_to_carry(text: str) -> None:
    est = _in_text(text, "He said they would meet again in four months.")
    assert rules(est) == ["as-reported"]


def test_narrative_day_in_german() -> None:
    text = "Am Montagabend empfing Macron Putin und Selenskyj. Macron kündigte an, man wolle sich erneut treffen.\n"
    est = _in_text(
        text,
        "Macron kündigte an, man wolle sich erneut treffen.",
        DateEstimate.day(D(2019, 12, 10), ()),
        "de",
    )
    assert est.value == D(2019, 12, 9)


def test_last_week_said_on_a_sunday_covers_both_weeks() -> None:
    sunday = DateEstimate.day(D(2025, 8, 24), ())
    est = said("Trump said last week that he had begun arranging a meeting.", sunday)
    assert est.earliest == D(2025, 8, 11) and est.latest == D(2025, 8, 23)
    assert est.earliest <= est.value <= est.latest
    assert est.precision in ("month", "year")
    friday = DateEstimate.day(D(2025, 8, 22), ())
    est = said("Trump said last week that he had begun arranging a meeting.", friday)
    assert (est.earliest, est.latest, est.precision) == (D(2025, 8, 11), D(2025, 8, 17), "week")


def test_a_blanked_quotation_gives_no_date() -> None:
    text = 'Zelensky said: "I will wait for him on Thursday in Ankara."'
    quote = text.index('"')
    blanked = text[:quote] + " " * (len(text) - quote)
    est = statement_date(Sentence(blanked, 0, len(text), 0), text, PUB, "en")
    assert rules(est) == ["as-reported"]


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


MENTION_WORDS = st.sampled_from(
    [
        "Istanbul,",
        "where",
        "the",
        "next",
        "meeting",
        "is",
        "planned",
        "after",
        "Alaska",
        "summit",
        "talks",
        "in",
        "Geneva",
        "are",
        "their",
        "second",
        "day",
        "AFTER",
        "GENEVA",
        "said",
        "on",
        "Friday",
        "2022",
        ".",
        "\n",
        "  ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(MENTION_WORDS, min_size=20, max_size=200).map(" ".join))
def test_reference_events_found_near_their_words_are_those_found_everywhere(text: str) -> None:
    from timeline.load.dating import _config_patterns, anchor_constraints

    _, mentions, _ = _config_patterns(CONFIG, "en")
    found = {(c.evidence.start, c.evidence.end) for c in anchor_constraints(text, "en", CONFIG)}
    everywhere = {m.span() for _, _, pattern, _ in mentions if (m := pattern.search(text))}
    assert found == everywhere


# ---------------------------------------------------------------------------------------------
# Recurring reference events and the nearness assumption.

from timeline.load.dating import Constraint, _narrow  # noqa: E402

RECURRING = load_config(Path(__file__).parent / "fixtures" / "recurring.yaml")
CONFERENCE = (
    "Zelensky said on Thursday that the offer he made at the Security Conference last month still stands.\n"
)


def test_words_matching_editions_of_different_years_assume_no_nearness() -> None:
    est = infer_published(CONFERENCE, config=RECURRING)
    assert not any("(assumed)" in (e.detail or "") for e in est.evidence)
    assert "ambiguous-anchor" in rules(est)
    assert est.value is None and est.precision == "unknown"  # after the 2022 edition, nothing more
    assert est.earliest == D(2022, 2, 20)


def test_an_ambiguous_mention_lets_other_evidence_decide() -> None:
    est = infer_published("Day 8 of the war. " + CONFERENCE, config=RECURRING)
    assert est.value == D(2022, 3, 3) and est.precision in ("day", "week")
    assert "ambiguous-anchor" in rules(est) and "counter" in rules(est)


def test_a_single_event_still_assumes_nearness() -> None:
    est = infer_published(
        "Putin said on Monday the talks went well after the Alaska summit.\n", config=RECURRING
    )
    assert "ambiguous-anchor" not in rules(est)
    assert est.latest is not None and est.latest <= D(2025, 8, 15) + dt.timedelta(days=120)


def test_a_counter_beats_the_nearness_assumption() -> None:
    est = infer_published(
        "Day 1,400 of the war. Putin said the talks went well after the Alaska summit.\n", config=RECURRING
    )
    day = D(2022, 2, 24) + dt.timedelta(days=1399)  # past the summit's four months
    assert est.value == day and est.earliest <= day <= est.latest
    assert any("(assumed)" in (e.detail or "") and "ignored" in (e.detail or "") for e in est.evidence)


def test_an_assumption_gives_way_to_evidence_as_strong() -> None:
    assumed = Constraint(
        7, None, D(2025, 1, 31), Evidence("anchor-event", "x", detail="recent (assumed)"), assumed=True
    )
    named = Constraint(7, D(2025, 3, 1), D(2025, 3, 31), Evidence("recent-date", "y"))
    lo, hi, used, dropped = _narrow([assumed, named])
    assert (lo, hi) == (D(2025, 3, 1), D(2025, 3, 31)) and dropped == [assumed]


@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1)),
    st.integers(0, 6),
    st.integers(0, 6),
)
def test_a_week_estimate_is_never_more_than_three_days_from_a_day_of_its_range(
    start: dt.date, width: int, pick: int
) -> None:
    from timeline.load.dating import _middle

    end = start + dt.timedelta(days=width)
    chosen = start + dt.timedelta(days=min(pick, width))
    value = _middle(chosen, start, end)
    assert start <= value <= end
    if precision_of(start, end) == "week":
        assert all(abs((value - (start + dt.timedelta(days=i))).days) <= 3 for i in range(width + 1))
    else:
        assert value == chosen


def test_last_weekday_is_of_the_week_before_a_counter_day() -> None:
    text = "Headline\n\nIt is now the eighth day of the war. He spoke on Thursday. Last Friday, the day after the invasion, he spoke too.\n"
    est = infer(text, language="en")
    assert est.value == dt.date(2022, 3, 3)


STORY = Path(__file__).parent.parent / "timeline.yaml"


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Moscow sent a team to the first direct peace talks between the two countries since the spring of 2022.",
        ),
        (
            "fr",
            "Au lendemain des premières négociations directes russo-ukrainiennes depuis le printemps 2022, Moscou parle.",
        ),
        ("ru", "Прошли первые прямые российско-украинские переговоры с весны 2022 года."),
        ("uk", "Відбулися перші прямі російсько-українські переговори з весни 2022 року."),
    ],
)
def test_first_direct_talks_since_2022_is_a_reference_event_mention(language: str, text: str) -> None:
    est = infer_published(f"Headline\n\n{text}\n", language=language, config=load_config(STORY))
    assert "anchor-event" in rules(est)
    assert (
        est.earliest is not None
        and est.latest is not None
        and est.earliest <= dt.date(2025, 5, 16) <= est.latest
    )


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
def test_a_planned_summit_between_two_leaders_in_budapest_is_written_after_its_announcement() -> None:
    text = "Headline\n\nSelenski ist bereit, sich dem geplanten Gipfeltreffen von Donald Trump und Wladimir Putin in Budapest anzuschliessen.\n"
    est = infer_published(text, language="de", config=load_config(STORY))
    assert "anchor-event" in rules(est)
    assert est.earliest is not None and est.earliest >= dt.date(2025, 10, 17)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Zelensky a invité Poutine à négocier plutôt que de poursuivre l'offensive lancée il y a une semaine.",
            "fr",
        ),
        ("Zelensky urged Putin to negotiate instead of pursuing the offensive launched a week ago.", "en"),
    ],
)
def test_a_launched_thing_dates_its_start_not_the_saying(text: str, language: str) -> None:
    assert rules(said(text, language=language)) == ["as-reported"]


def test_a_reporting_verb_lance_keeps_its_day() -> None:
    est = said("Le Kremlin a lancé mardi un appel au calme.", language="fr")
    assert rules(est) == ["weekday-relative"]


def test_a_month_far_from_the_verb_of_saying_is_another_event() -> None:
    text = (
        "Zelensky invited Putin to sit down and talk, in a pointed reference to the very long white table "
        "at which the Kremlin leader had received the French president in April."
    )
    assert rules(said(text)) == ["as-reported"]


def test_a_month_next_to_the_verb_of_saying_dates_it() -> None:
    est = said("Peskov said in April that a meeting was possible.")
    assert est.precision == "month" and est.value is not None and est.value.month == 4


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a page's own stamps, wherever they stand
        (
            "A headline\n\nThe summit ended.\n\nPublié le : 03/09/2025 - 18:52  Modifié le : 04/09/2025 - 08:15\n",
            dt.date(2025, 9, 3),
        ),
        ("A headline\n\nDer Gipfel endete.\n\nDatum 10.12.2019\n", dt.date(2019, 12, 10)),
        # a place and a full date opening a paragraph
        (
            "Известия\n\nЗаголовок\n\nМинск, 24 мая 2024 года. Путин заявил, что готов.\n",
            dt.date(2024, 5, 24),
        ),
    ],
)
def test_a_page_stamp_or_a_place_and_date_opener_dates_the_page(text: str, day: dt.date) -> None:
    found = infer_published(text)
    assert (found.value, found.precision) == (day, "day"), found


def test_an_update_stamp_bounds_the_date_from_above() -> None:
    found = infer_published("A headline\n\nTalks went on since 30 September 2022.\n\nОновлено: 04.10.2022\n")
    assert found.latest is not None and found.latest <= dt.date(2022, 10, 4), found


@pytest.mark.parametrize(
    "text",
    [
        "The ball, first dropped in 1907, will usher out the year with a show.",
        "Ukraine would start consultations under the 1994 Budapest Memorandum, he said.",
    ],
)
def test_a_year_read_as_ahead_never_bounds_the_date_from_above(text: str) -> None:
    found = infer_published(text)
    assert found.latest is None or found.latest.year > 2000, found


def test_the_year_of_the_invasion_still_ahead_is_written_shortly_before_it(project_config) -> None:
    found = infer_published(
        "A headline\n\nIt was his first interview since the full-scale invasion, which will enter its third year later this month.\n",
        config=project_config,
    )
    assert found.earliest is not None and found.latest is not None, found
    assert dt.date(2023, 12, 1) <= found.earliest and found.latest <= dt.date(2024, 2, 24), found


def test_an_ambiguous_mention_means_the_one_edition_the_other_evidence_allows(project_config) -> None:
    text = (
        "Lavrov said Sunday that no meeting is planned, dampening hopes raised after the Alaska summit.\n\n"
        "The comments came as Ukraine marked Independence Day.\n"
    )
    est = infer_published(text, config=project_config)
    assert est.value == D(2025, 8, 24), est
    assert any("the only one of the editions" in (e.detail or "") for e in est.evidence), est.evidence


def test_weekdays_alone_never_single_out_one_week_of_a_wide_range(project_config) -> None:
    """ "on Thursday" in a text of some day of December: every Thursday fits as well, so the
    estimate stays the month, whatever day it gives as its value."""
    text = "A headline\n\nPutin said on Thursday he was ready to meet Donald Trump, who takes office next month.\n"
    est = infer_published(text, config=project_config)
    assert (est.earliest, est.latest) == (D(2024, 12, 1), D(2024, 12, 31)), est
    assert est.precision == "month", est


def test_a_dateline_without_a_year_takes_the_first_year_its_weekday_fits() -> None:
    text = (
        "A headline\n\nMINSK, May 24 (Reuters) - President Vladimir Putin said on Friday that talks were possible.\n\n"
        "Russia launched its invasion in February 2022.\n"
    )
    est = infer_published(text)
    assert est.value == D(2024, 5, 24), est
    assert any("(assumed)" in (e.detail or "") for e in est.evidence), est.evidence


def test_a_dateline_without_a_year_and_no_weekday_stays_open() -> None:
    est = infer_published(
        "A headline\n\nMINSK, May 24 (Reuters) - Putin said talks were possible.\n\nThe invasion began in February 2022.\n"
    )
    assert est.precision != "day", est


def test_a_dateline_with_a_reading_time_is_a_dateline() -> None:
    est = infer_published(
        "A headline\n\nby A Writer\nJul 24, 2025 12:41 AM · 3 min read\n\nUkraine has proposed a meeting.\n"
    )
    assert (est.value, est.precision) == (D(2025, 7, 24), "day"), est


def test_a_copyright_year_bounds_the_date_and_its_years_are_no_mentions(project_config) -> None:
    text = (
        "A headline\n\nZelenskyy on Saturday told the Munich Security Conference that he proposed a meeting.\n\n"
        "US President Joe Biden said on Friday he was convinced Putin had decided to invade.\n\n"
        "© 2015-2022 Deutsche Welle\n"
    )
    est = infer_published(text, config=project_config)
    assert est.latest is not None and est.latest <= D(2022, 12, 31), est
    assert est.earliest is None or est.earliest.year > 2015, est  # "2015" of the footer is no mention
    # the conference is held every February: four editions fit, so no day is given
    assert est.precision not in ("day", "week"), est


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # "two weeks after the summit": the news is of the summit's day plus two weeks
        (
            "A headline\n\nPutin on Wednesday asked why he should meet Zelensky.\n\nHis show came two weeks after his summit with U.S. President Joe Biden in Geneva.\n",
            D(2021, 6, 30),
        ),
        (
            "Eine Überschrift\n\nDas Treffen in Washington fand drei Tage nach dem Gipfel von Trump und Putin in Alaska statt. Merz sagte am Dienstag, Putin habe zugestimmt.\n",
            D(2025, 8, 19),
        ),
    ],
)
def test_a_span_of_time_after_a_reference_event_dates_the_news(
    project_config, text: str, day: dt.date
) -> None:
    est = infer_published(text, config=project_config)
    assert est.value == day, est


def test_the_week_of_the_war_is_a_counter(project_config) -> None:
    est = infer_published(
        "A headline\n\nThe war, now in its fifth week, has driven millions out. Talks opened on Tuesday.\n",
        config=project_config,
    )
    assert est.earliest is not None and D(2022, 3, 24) <= est.earliest and est.latest <= D(2022, 4, 1), est


def test_a_relative_phrase_beside_a_reference_event_dates_the_text(project_config) -> None:
    """ "Russia invaded Ukraine last month": written in March 2022."""
    text = (
        "A headline\n\nRussia invaded Ukraine last month. Zelensky said on Sunday he was ready for talks.\n"
    )
    est = infer_published(text, config=project_config)
    assert est.earliest is not None and est.latest is not None, est
    assert D(2022, 3, 1) <= est.earliest and est.latest <= D(2022, 3, 31), est


def test_the_invasion_named_years_later_assumes_no_nearness(project_config) -> None:
    text = "A headline\n\nMINSK, May 24 (Reuters) - Putin said on Friday talks were possible, as he has since Russia invaded Ukraine in February 2022.\n"
    est = infer_published(text, config=project_config)
    assert est.value != D(2022, 5, 24), est


def test_the_yearly_press_conference_other_evidence_singles_out_dates_the_text(project_config) -> None:
    text = (
        "A headline\n\nSpeaking at his annual marathon press conference on Thursday, Putin said he was ready "
        "to meet Donald Trump, who takes office next month.\n"
    )
    est = infer_published(text, config=project_config)
    assert est.value == D(2024, 12, 19), est


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Devdiscourse\n\nA headline\n\nReuters | Istanbul | Updated: 29-03-2022 21:14 IST | Created: 29-03-2022 21:14 IST\n\nThe talks ended.\n",
            D(2022, 3, 29),
        ),
    ],
)
def test_a_day_first_date_with_dashes_is_a_dateline(text: str, day: dt.date) -> None:
    assert infer_published(text).value == day


def test_a_month_in_the_url_with_a_dash(project_config) -> None:
    est = infer_published(
        "A headline\n\nSelenskyj sagte am Dienstag, er sei bereit.\n",
        url="https://www.zeit.de/politik/2022-10/selenskyj-dekret",
        config=project_config,
    )
    assert est.earliest == D(2022, 10, 1) and est.latest <= D(2022, 10, 31), est


def test_the_weekday_of_an_upcoming_event_is_not_a_day_looked_back_on(project_config) -> None:
    text = (
        "A headline\n\nA Kremlin aide says a meeting on the sidelines of Monday's Normandy Four summit in Paris is possible.\n\n"
        "Ushakov told reporters in Moscow on December 6 that a contact was quite possible.\n"
    )
    est = infer_published(text, config=project_config)
    assert est.earliest is not None and D(2019, 12, 6) <= est.earliest and est.latest <= D(2019, 12, 8), est


def test_a_wire_dateline_without_a_year_is_its_day_even_after_an_event(project_config) -> None:
    """ "СТАМБУЛ, 29 мар ... по итогам переговоров в Стамбуле": the story of the talks' own evening."""
    text = (
        "РИА Новости\n\nЗаголовок\n\nСТАМБУЛ, 29 мар — РИА Новости. Мединский по итогам переговоров в Стамбуле заявил, "
        "что встреча президентов возможна. Россия начала операцию 24 февраля.\n"
    )
    est = infer_published(text, config=project_config)
    assert est.value == D(2022, 3, 29), est


def test_an_event_a_week_ago_dates_the_text_to_about_a_week_after_it(project_config) -> None:
    text = "Заголовок\n\nЗеленський розраховує на нову адміністрацію США: Дональд Трамп склав присягу тиждень тому.\n"
    est = infer_published(text, config=project_config)
    assert est.earliest is not None and est.latest is not None, est
    assert D(2025, 1, 25) <= est.earliest and est.latest <= D(2025, 1, 29), est
    assert est.precision != "day", est  # "a week ago" is about seven days, not exactly


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
@pytest.mark.parametrize(
    ("language", "text", "earliest"),
    [
        ("en", "The war, now in its 1,070th day, goes on.", D(2025, 1, 28)),
        ("en", "The war entered its 100th day on Friday.", D(2022, 6, 3)),
        ("uk", "Війна, яка триває вже 1070-й день, не закінчується.", D(2025, 1, 28)),
        ("ru", "Война, которая идёт уже 1070-й день, продолжается.", D(2025, 1, 28)),
        ("en", "The war entered its 5th week.", D(2022, 3, 24)),
        ("en", "The full-scale invasion has entered its 3rd year.", D(2024, 2, 24)),
        ("en", "It is the 3rd year of the full-scale invasion.", D(2024, 2, 24)),
        ("en", "It is day eight of Russia's invasion of Ukraine.", D(2022, 3, 3)),
    ],
)
def test_war_counters_read_numerals_with_ordinal_suffixes(
    language: str, text: str, earliest: dt.date
) -> None:
    """ "1,070th", "5th", "1070-й" are numbers too: the suffix once made them unreadable, and the
    counter silent; a verb before the number ("триває вже 1070-й день") is a counter as well."""
    est = infer_published(f"Headline\n\n{text}\n", language=language, config=load_config(STORY))
    assert est.earliest == earliest
    assert "counter" in rules(est)


def test_a_dateline_without_a_year_takes_the_only_year_the_range_allows_for_its_weekday() -> None:
    """ "KIEV, July 8 (Reuters)" with "on Monday", after "2014" and by "© 2019": only 2019's July 8
    is a Monday between those bounds; more than one such year would leave the range as it is."""
    body = "KIEV, July 8 (Reuters) - The president on Monday invited his rival to talks. The war began in 2014.\n\n© 2019 Reuters.\n"
    est = infer(f"Headline\n\n{body}", language="en")
    assert est.value == dt.date(2019, 7, 8)
    assert any(e.rule == "dateline" and "the only Monday" in (e.detail or "") for e in est.evidence)
    wide = infer(f"Headline\n\n{body.replace('2014', '2008')}", language="en")  # 2013 and 2019 both fit
    assert wide.value != dt.date(2019, 7, 8) or wide.precision != "day"


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
@pytest.mark.parametrize(
    ("text", "earliest"),
    [
        ("The talks came more than a month after Russia launched its invasion.", D(2022, 3, 24)),
        ("The talks came more than two weeks after Russia launched its invasion.", D(2022, 3, 10)),
    ],
)
def test_more_than_a_span_after_an_event_is_a_floor(text: str, earliest: dt.date) -> None:
    est = infer_published(f"Headline\n\n{text}\n", language="en", config=load_config(STORY))
    assert est.earliest == earliest
    assert est.precision != "day"  # a floor, never the day


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
def test_words_that_name_two_rounds_take_the_one_the_other_evidence_allows() -> None:
    text = "Headline\n\nThe delegations met for talks at Istanbul's Dolmabahce palace on Tuesday, more than a month after Russia launched its invasion.\n"
    est = infer_published(text, language="en", config=load_config(STORY))
    assert est.value == D(2022, 3, 29)


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        (
            "On Friday it will be a year since Russian tanks rolled into Ukraine.",
            D(2023, 2, 18),
            D(2023, 2, 23),
        ),
        (
            "Today marks two years since Russia's full-scale invasion of Ukraine.",
            D(2024, 2, 24),
            D(2024, 2, 26),
        ),
    ],
)
def test_an_anniversary_of_the_invasion_dates_the_text(text: str, earliest: dt.date, latest: dt.date) -> None:
    """ "it will be a year since": the anniversary is ahead (the week before it); "marks two years
    since": it is today. A year is a year, whatever the weekday; the text never takes a day it
    does not name."""
    est = infer_published(f"Headline\n\n{text}\n", language="en", config=load_config(STORY))
    assert (est.earliest, est.latest) == (earliest, latest)
    assert "counter" in rules(est)


def test_a_date_labelled_published_inside_a_sentence_is_not_the_page_stamp() -> None:
    text = (
        "Headline\n\nIn an article for Kommersant published on October 11, 2021, the former president argued "
        "that talks made no sense and that Moscow should wait for a different leadership.\n\nA year on, nothing has changed.\n"
    )
    est = infer(text, language="en")
    assert not any("labels as its publication" in (e.detail or "") for e in est.evidence)
    stamped = infer(
        "Headline\n\nBy Jane Doe | Published on October 11, 2021\n\nThe president argued.\n", language="en"
    )
    assert stamped.value == D(2021, 10, 11)


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        (
            "The Kremlin has resisted a meeting since the Alaska summit between Putin and U.S. President Donald Trump last month.",
            D(2025, 9, 1),
            D(2025, 9, 30),
        ),
        # a clause break between them: "last month" is of the saying, not of the summit
        ("The Kremlin has resisted a meeting since the Alaska summit, Peskov said last month.", None, None),
    ],
)
def test_a_relative_phrase_after_an_event_qualified_at_length(
    text: str, earliest: dt.date | None, latest: dt.date | None
) -> None:
    est = infer_published(f"Headline\n\n{text}\n", language="en", config=load_config(STORY))
    dated = [e for e in est.evidence if "when written" in (e.detail or "")]
    if earliest is None:
        assert not dated
    else:
        assert dated and (est.earliest, est.latest) == (earliest, latest)


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
def test_a_term_that_ran_out_is_zelenskys_of_2024_not_his_inauguration() -> None:
    text = "Headline\n\nZelensky's five-year term ran out on May 20, but no election was held because of martial law.\n"
    est = infer_published(text, language="en", config=load_config(STORY))
    assert est.earliest is not None and est.earliest >= D(2024, 5, 20)


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
@pytest.mark.parametrize(
    ("language", "text", "floor"),
    [
        ("en", "Putin met UAE President Mohammed bin Zayed in the Kremlin.", D(2022, 5, 14)),
        ("en", "Andrii Sybiha, Ukraine's foreign minister, said seven countries were ready.", D(2024, 9, 5)),
        ("de", "Bundeskanzler Friedrich Merz sagte, ein Treffen sei möglich.", D(2025, 5, 6)),
        # a title the actor also held before any known day (Trump's first term) bounds nothing
        ("ru", "Президент США Дональд Трамп заявил, что встреча возможна.", None),
        ("en", "American President Donald Trump said a meeting was possible.", None),
    ],
)
def test_a_title_beside_its_holders_name_is_a_floor_never_a_date(
    language: str, text: str, floor: dt.date | None
) -> None:
    est = infer_published(
        f"Headline\n\n{text}\n\n© 2026 Example\n", language=language, config=load_config(STORY)
    )
    offices = [e for e in est.evidence if e.rule == "office"]
    if floor is None:
        assert not offices
    else:
        assert offices and est.earliest == floor
        assert est.value is None and est.precision == "unknown"  # with a copyright year: bounds only


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
def test_said_saturday_beside_last_saturday_means_two_saturdays() -> None:
    """ "Bennett flew to Moscow last Saturday" (2022-03-05) dates the text to the week after; the
    bare "said Saturday" of the same text is then the next Saturday, not the same one."""
    text = (
        "Headline\n\nZelensky said Saturday that Jerusalem could host a meeting with Putin.\n\n"
        "Bennett flew to Moscow last Saturday for a meeting with Putin.\n"
    )
    est = infer_published(text, language="en", config=load_config(STORY))
    assert est.value == D(2022, 3, 12)
    assert any("was 'last Saturday' when written" in (e.detail or "") for e in est.evidence)


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
def test_yesterday_beside_a_known_day_makes_the_text_the_day_after() -> None:
    """The video was recorded "on Monday", the day of the EU-Ukraine summit (2019-07-08), and
    published "yesterday": the text is of Tuesday."""
    text = (
        "Заголовок\n\nЗеленский опубликовал видеообращение вчера. Обращение было записано в понедельник — "
        "в тот же день в Киеве прошел саммит Украина — ЕС.\n"
    )
    est = infer_published(text, language="ru", config=load_config(STORY))
    assert est.value == D(2019, 7, 9)


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
def test_an_anniversary_marked_and_a_weekday_of_this_week() -> None:
    """ "Monday marked five years since Zelensky took the oath" (2019-05-20): the text is of the
    days after 2024-05-20; "This week Putin, visiting Minsk on Friday" puts that Friday in the
    text's own week, so it is 2024-05-24 and the text is of that day or later."""
    text = (
        "Headline\n\nMonday marked five years since Volodymyr Zelensky took the oath of office.\n\n"
        "This week Putin, visiting Minsk on Friday, said the legitimacy of Ukraine's head of state had ended.\n"
    )
    est = infer_published(text, language="en", config=load_config(STORY))
    assert est.earliest == D(2024, 5, 24) and est.latest is not None and est.latest <= D(2024, 5, 27)
    assert any("past: written in the days after it" in (e.detail or "") for e in est.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "A headline\n\nOrganizers said last week that from 2018 only films released in French cinemas would be eligible.\n",
        "A headline\n\nThe league, founded in 1990, changes its rules from 2030.\n",
    ],
)
def test_a_year_whose_clause_gives_no_tense_bounds_nothing(text: str) -> None:
    found = infer_published(text)
    assert found.earliest is None or found.earliest.year < 2018, found


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
@pytest.mark.parametrize(
    ("stamps", "expected"),
    [
        (("14:48", "12:55"), D(2022, 3, 10)),  # a live blog: the meeting it reports is of its own day
        ((), D(2022, 3, 11)),  # a report looking back on the meeting: from the next day
    ],
)
def test_after_an_event_in_a_live_blog_is_on_or_after_its_day(
    stamps: tuple[str, ...], expected: dt.date
) -> None:
    posts = "".join(
        f"{stamp}\nThe meeting in Antalya, hosted by Turkey, lasted about an hour.\n\n" for stamp in stamps
    )
    text = "Russia-Ukraine war live\n\nDay 15 of the Russian invasion\n\n" + (
        posts or "The meeting in Antalya, hosted by Turkey, lasted about an hour.\n"
    )
    est = infer_published(text, language="en", config=load_config(STORY))
    assert est.earliest == expected


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
def test_an_event_dated_today_makes_after_it_that_day() -> None:
    """ "The decree ... was published today": the text is of the decree's day, and its other
    mention ("the decree on the impossibility of talks with Putin") no longer means the next day."""
    text = (
        "РИА Новости\n\nПесков об указе Зеленского о невозможности переговоров с Путиным.\n\n"
        "Указ, вводящий в действие решение СНБО от 30 сентября, опубликован сегодня на сайте президента.\n"
    )
    est = infer_published(text, language="ru", config=load_config(STORY))
    assert (est.value, est.precision) == (D(2022, 10, 4), "day")


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
def test_days_after_a_weekday_event_and_the_weekday_of_the_news() -> None:
    """ "quatre jours seulement après la réunion de lundi": the span counts even with 'seulement',
    and that Monday is the meeting's, so "vendredi" is the Friday four days on."""
    text = (
        "Titre\n\nSergueï Lavrov a douché vendredi les espoirs d'une rencontre rapide.\n\n"
        "Cette sortie intervient quatre jours seulement après la réunion de lundi à la Maison Blanche.\n"
    )
    est = infer_published(text, language="fr", config=load_config(STORY))
    assert est.value == D(2025, 8, 22)


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
@pytest.mark.parametrize(
    ("language", "sentence", "lo", "hi"),
    [
        (
            "ru",
            "В пятницу исполнится год с начала специальной военной операции.",
            D(2023, 2, 18),
            D(2023, 2, 23),
        ),
        (
            "ru",
            "Сегодня исполняется два года с начала полномасштабного вторжения.",
            D(2024, 2, 24),
            D(2024, 2, 26),
        ),
        ("ru", "Во вторник исполнилось три года с начала войны.", D(2025, 2, 24), D(2025, 3, 2)),
        (
            "uk",
            "У п'ятницю виповниться рік від початку повномасштабного вторгнення.",
            D(2023, 2, 18),
            D(2023, 2, 23),
        ),
        (
            "uk",
            "Сьогодні виповнюється три роки з початку повномасштабної війни.",
            D(2025, 2, 24),
            D(2025, 2, 26),
        ),
        (
            "de",
            "Am Freitag ist es ein Jahr her, dass Russland die Ukraine überfallen hat.",
            D(2023, 2, 18),
            D(2023, 2, 23),
        ),
        (
            "de",
            "Am Samstag jährt sich der russische Überfall auf die Ukraine zum zweiten Mal.",
            D(2024, 2, 18),
            D(2024, 2, 23),
        ),
        ("fr", "Vendredi, cela fera un an que la Russie a envahi l'Ukraine.", D(2023, 2, 18), D(2023, 2, 23)),
        (
            "fr",
            "Cela fait deux ans, jour pour jour, que la Russie a envahi l'Ukraine.",
            D(2024, 2, 24),
            D(2024, 2, 26),
        ),
    ],
)
def test_invasion_anniversaries_in_every_language(
    language: str, sentence: str, lo: dt.date, hi: dt.date
) -> None:
    """ "It will be a year since", "it is two years today since", "it was three years since" the
    invasion: the days before the anniversary, that day, the days after it."""
    est = infer_published(f"Headline\n\n{sentence}\n", language=language, config=load_config(STORY))
    assert est.value is not None and lo <= est.value <= hi
    assert est.earliest is not None and est.latest is not None
    assert lo <= est.earliest and est.latest <= hi + dt.timedelta(days=6)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "In the spring of this year, Putin said he was ready to meet Zelensky."),
        ("ru", "Весной этого года Путин заявил, что готов встретиться с Зеленским."),
        ("uk", "Навесні цього року Путін заявив, що готовий зустрітися із Зеленським."),
        ("de", "Im Frühjahr dieses Jahres sagte Putin, er sei zu einem Treffen bereit."),
        ("fr", "Au printemps de cette année, Poutine a déclaré qu'il était prêt à rencontrer Zelensky."),
    ],
)
def test_a_statement_of_a_season_of_this_year_is_not_of_the_articles_day(language: str, text: str) -> None:
    autumn = DateEstimate.day(D(2025, 11, 20), (Evidence("dateline", ""),))
    est = said(text, autumn, language)
    assert (est.earliest, est.latest) == (D(2025, 3, 1), D(2025, 5, 31))
    assert est.precision != "day"


@pytest.mark.parametrize("day", [D(2025, 4, 20), D(2025, 2, 20)])
def test_a_season_still_going_on_or_ahead_leaves_the_articles_day(day: dt.date) -> None:
    published = DateEstimate.day(day, (Evidence("dateline", ""),))
    est = said("In the spring of this year, Putin said he was ready.", published)
    assert est.value == day


def test_a_statement_dated_by_a_month_and_year_is_of_that_month() -> None:
    """ "In April 2021 Zelensky proposed ...", in a text of 2022: April 2021, not the text's day."""
    est = said("In April 2021 Zelensky proposed meeting Putin in the Donbas.")
    assert (est.earliest, est.latest, est.precision) == (D(2021, 4, 1), D(2021, 4, 30), "month")


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_typographic_apostrophes_match_the_storys_patterns(apostrophe: str) -> None:
    """ "Trump’s deadline ... expires Friday" is the story's "Trump's deadline": written before it."""
    text = f"Headline\n\nTrump{apostrophe}s deadline for Moscow to agree to a ceasefire expires Friday.\n"
    est = infer_published(text, language="en", config=load_config(STORY))
    assert est.latest is not None and est.latest < D(2025, 8, 8)


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
@pytest.mark.parametrize(("weekday", "dated"), [("Friday", True), ("Monday", False)])
def test_the_events_own_weekday_beside_it_dates_the_text_to_its_week(weekday: str, dated: bool) -> None:
    """ "Biden said on Friday he was convinced that Putin had already taken the decision to invade"
    (Friday 2022-02-18): the text is of that day or the week after; another weekday is another day."""
    text = f"Headline\n\nUS President Joe Biden said on {weekday} he was convinced that Putin had already taken the decision to invade.\n"
    est = infer_published(text, language="en", config=load_config(STORY))
    assert (est.latest == D(2022, 2, 24)) is dated


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ru", "В понедельник исполнится пять лет с момента инаугурации Зеленского."),
        ("uk", "У понеділок виповниться п'ять років від інавгурації Зеленського."),
        ("de", "Am Montag ist es fünf Jahre her, dass Selenskyj vereidigt wurde."),
        ("fr", "Lundi, cela fera cinq ans que Zelensky a prêté serment."),
    ],
)
def test_inauguration_anniversaries_in_every_language(language: str, sentence: str) -> None:
    """Five years since the oath of 2019-05-20, still ahead: the days before 2024-05-20."""
    est = infer_published(f"Headline\n\n{sentence}\n", language=language, config=load_config(STORY))
    assert est.value is not None and D(2024, 5, 14) <= est.value <= D(2024, 5, 19)


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
@pytest.mark.parametrize(("month", "day"), [("February", D(2024, 2, 8)), ("March", None)])
def test_a_one_day_event_named_inside_the_month_of_a_statement_is_its_day(
    month: str, day: dt.date | None
) -> None:
    """ "In an interview with Tucker Carlson in February, Putin said": the interview's day; in
    another month the words name something else, and the month stays a month."""
    text = f"In an interview with U.S. talk show host Tucker Carlson in {month}, Putin said Zelenskiy should first cancel a decree."
    published = DateEstimate.day(D(2024, 5, 24), (Evidence("dateline", ""),))
    sentence = Sentence(text, 0, len(text), 0)
    est = statement_date(sentence, text, published, "en", config=load_config(STORY))
    if day is None:
        assert est.precision == "month"
    else:
        assert (est.value, est.precision) == (day, "day")


@pytest.mark.skipif(not STORY.exists(), reason="the story configuration is not there")
def test_an_events_words_with_its_own_weekday_allow_its_day() -> None:
    """ "at the Munich Security Conference on Saturday" (2022-02-19, a Saturday): the text may be
    of that Saturday, not only of the next day."""
    text = "Headline\n\nZelenskyy proposed a meeting at the Munich Security Conference on Saturday.\n"
    est = infer_published(text, language="en", config=load_config(STORY))
    assert est.earliest == D(2022, 2, 19)


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("two-hour call with Putin on Monday", "a two-hour call with Vladimir Putin on Monday", True),
        ("two-hour call with Putin on Monday", "a two-hour call with Wladimir Putin on Monday", True),
        ("разговор с Путиным", "разговор с Владимиром Путиным", True),
        ("call with Putin", "call with Boris Putin", False),  # only the given names the aliases know
        ("(?<!Putin )call", "Vladimir Putin call", False),  # a lookbehind stays as written
    ],
)
def test_story_patterns_take_the_given_names_the_aliases_know(pattern: str, text: str, found: bool) -> None:
    given = {"Putin": "Vladimir|Wladimir", "Путиным": "Владимиром"}
    assert bool(_with_given_names(pattern, given).search(text)) is found
