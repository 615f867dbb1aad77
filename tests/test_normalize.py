"""Merging claims into events: same statement merges, same words on another day stay apart."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.config import load_config
from timeline.model import Article, Claim, DateEstimate, Evidence, Sentence, Span
from timeline.normalize import context_events, normalize

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def story():
    return load_config(FIXTURES / "story.yaml")


def day(value: str, rule: str = "explicit-date") -> DateEstimate:
    d = dt.date.fromisoformat(value)
    return DateEstimate(d, "day", d, d, (Evidence(rule, value),))


def reported(value: str) -> DateEstimate:
    """No date cue in the sentence: said on or before the publication day."""
    return day(value, "as-reported")


def claim(article, speaker, stance, venue=None, said=None, sentence="", start=0, quotes=(), language="en"):
    said = said or DateEstimate.unknown()
    spans = tuple(Span(q, start, start + len(q)) for q in quotes)
    return Claim(
        article, speaker, stance, venue, None, said, sentence, start, start + len(sentence), spans, language
    )


def article(ident, *claims, text="", language="en", sentences=()):
    return Article(
        ident,
        f"{ident}.txt",
        "0",
        text,
        language,
        None,
        None,
        (),
        None,
        DateEstimate.unknown(),
        (),
        claims=claims,
        sentences=sentences,
    )


def events_of(articles, config):
    return [e for e in normalize(articles, config)[1] if e.kind == "claim"]


def groups(events):
    return sorted(sorted(s.article for s in e.sources) for e in events)


def test_same_statement_in_three_outlets_is_one_event(story):
    text = "Putin does not rule out a meeting once the work at the expert level is done"
    arts = [
        article("a", claim("a", "peskov", "open-conditional", said=day("2025-08-04"), sentence=text)),
        article(
            "b",
            claim(
                "b",
                "kremlin",
                "condition",
                said=reported("2025-08-05"),
                sentence="The Kremlin says a meeting is possible once expert level work is done",
            ),
        ),
        article(
            "c",
            claim(
                "c",
                "peskov",
                "condition",
                sentence="Earlier Peskov said a meeting was possible only after work at the expert level",
            ),
        ),
    ]
    events = events_of(arts, story)
    assert groups(events) == [["a", "b", "c"]]
    assert events[0].speaker == "peskov"  # the person, not the institution


def test_same_words_on_different_days_stay_apart(story):
    text = "Putin does not rule out a meeting, but it must be well prepared at the expert level"
    arts = [
        article("a", claim("a", "peskov", "open-conditional", said=day("2025-08-04"), sentence=text)),
        article("b", claim("b", "peskov", "open-conditional", said=day("2025-08-29"), sentence=text)),
    ]
    assert groups(events_of(arts, story)) == [["a"], ["b"]]


def test_kiev_and_kyiv_are_one_venue_and_merge(story):
    arts = [
        article(
            "a",
            claim(
                "a",
                "zelensky",
                "invite",
                "kyiv",
                reported("2026-01-30"),
                "I can invite him to Kiev, let him come",
            ),
        ),
        article(
            "b",
            claim(
                "b",
                "zelensky",
                "invite",
                "kyiv",
                day("2026-01-30"),
                "Zelenskyy has invited Putin to Kyiv for talks",
            ),
        ),
    ]
    assert groups(events_of(arts, story)) == [["a", "b"]]


def test_refusal_and_invitation_stay_apart(story):
    arts = [
        article(
            "a", claim("a", "zelensky", "reject", "moscow", day("2026-01-30"), "Impossible to meet in Moscow")
        ),
        article("b", claim("b", "zelensky", "invite", "kyiv", day("2026-01-30"), "Come to Kyiv")),
        article(
            "c", claim("c", "zelensky", "reject", "moscow", day("2026-01-30"), "He would not go to Moscow")
        ),
    ]
    assert groups(events_of(arts, story)) == [["a", "c"], ["b"]]


def test_two_people_of_one_institution_never_merge(story):
    text = "the president is open to a meeting with Zelensky"
    arts = [
        article("a", claim("a", "peskov", "open-conditional", said=day("2026-01-28"), sentence=text)),
        article("b", claim("b", "ushakov", "open-conditional", said=day("2026-01-28"), sentence=text)),
    ]
    assert groups(events_of(arts, story)) == [["a"], ["b"]]


def test_cross_language_merge_needs_no_shared_words(story):
    arts = [
        article(
            "ru",
            claim(
                "ru",
                "zelensky",
                "propose",
                "geneva",
                reported("2026-02-25"),
                "Зеленский заявил, что хочет организовать встречу",
                language="ru",
            ),
            language="ru",
        ),
        article(
            "uk",
            claim(
                "uk",
                "zelensky",
                "propose",
                "geneva",
                reported("2026-02-18"),
                "Він розповів про ідею саміту лідерів у Женеві",
                language="uk",
            ),
            language="uk",
        ),
    ]
    assert groups(events_of(arts, story)) == [["ru", "uk"]]


def test_one_article_repeating_a_statement_gives_one_report(story):
    arts = [
        article(
            "a",
            claim(
                "a",
                "putin",
                "invite",
                "moscow",
                day("2021-04-22"),
                "we are ready to welcome the president of Ukraine in Moscow",
                10,
            ),
            claim("a", "putin", "invite", None, day("2021-04-22"), "we of course welcome it", 200),
            claim(
                "a",
                "putin",
                "condition",
                None,
                day("2021-04-22"),
                "he should first meet the separatists",
                400,
            ),
        )
    ]
    events = events_of(arts, story)
    # one source per article and event (the sentence that says what the event says); the
    # repeated sentence stays among the event's claims
    assert sorted((e.stance, e.venue, len(e.sources), len(e.claims)) for e in events) == [
        ("condition", None, 1, 1),
        ("invite", "moscow", 1, 2),
    ]
    invite = next(e for e in events if e.stance == "invite")
    assert [(s.article, s.start) for s in invite.sources] == [("a", 10)]


def test_ids_are_slugs_unique_and_stable_when_sources_are_added(story):
    a = article(
        "2021-a_b",
        claim("2021-a_b", "zelensky", "invite", "kyiv", day("2026-01-30"), "Come to Kyiv", 5),
        claim("2021-a_b", "zelensky", "reject", "moscow", day("2026-01-30"), "Come to Kyiv", 5),
    )
    before = {e.id for e in events_of([a], story)}
    b = article("z", claim("z", "zelensky", "invite", "kyiv", day("2026-01-30"), "He invites Putin to Kyiv"))
    after = {e.id for e in events_of([a, b], story)}
    assert before <= after
    assert len(before) == 2 and all(SLUG.match(i) for i in after)


def test_disagreements_are_recorded(story):
    arts = [
        article(
            "a",
            claim(
                "a",
                "putin",
                "invite",
                "moscow",
                day("2025-09-03"),
                "let him come to Moscow",
                quotes=("If Zelenskyy is ready, let him come to Moscow",),
            ),
        ),
        article(
            "b",
            claim(
                "b",
                "putin",
                "invite",
                "moscow",
                reported("2025-09-04"),
                "he can come to Moscow",
                quotes=("if Zelenskyy is ready, he can come to Moscow",),
            ),
        ),
    ]
    (event,) = events_of(arts, story)
    assert any("worded differently" in c for c in event.conflicts)
    assert event.date.value == dt.date(2025, 9, 3)


def test_context_events_are_sourced_by_their_mentions(story):
    s = Sentence("Since the full-scale invasion the two leaders have not met.", 0, 58, 0)
    arts = [article("a", text=s.text, sentences=(s,))]
    events = {e.id: e for e in context_events(arts, story)}
    assert [src.article for src in events["context-full-scale-invasion"].sources] == ["a"]
    assert events["context-istanbul-round"].sources == ()
    assert all(e.kind == "context" for e in events.values())


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["peskov", "zelensky", "kremlin"]),
            st.sampled_from(["invite", "reject", "condition", "comment"]),
            st.sampled_from([None, "kyiv", "moscow"]),
            st.integers(0, 40),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_every_claim_lands_in_exactly_one_event_and_days_never_mix(story, rows):
    arts = []
    for i, (speaker, stance, venue, offset) in enumerate(rows):
        said = day((dt.date(2025, 1, 1) + dt.timedelta(days=offset)).isoformat())
        arts.append(article(f"a{i}", claim(f"a{i}", speaker, stance, venue, said, f"{speaker} on a meeting")))
    events = events_of(arts, story)
    assert sorted(s.article for e in events for s in e.sources) == sorted(a.id for a in arts)
    for e in events:
        assert len({c.said.value for c in e.claims}) == 1
        assert len({replace(c, said=DateEstimate.unknown()).article for c in e.claims}) == len(e.claims)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["peskov", "zelensky", "kremlin"]),
            st.sampled_from(["invite", "reject", "comment"]),
            st.sampled_from([None, "kyiv"]),
            st.integers(0, 3),
        ),
        min_size=1,
        max_size=6,
    ),
    st.integers(1, 4),
)
def test_an_article_is_one_source_of_an_event_however_often_it_repeats_it(story, rows, copies):
    arts = []
    for n in range(copies):
        claims = [
            claim(
                f"a{n}",
                speaker,
                stance,
                venue,
                day(f"2025-01-0{1 + offset}"),
                f"{speaker} on a meeting {i}",
                100 * i,
            )
            for i, (speaker, stance, venue, offset) in enumerate(rows)
        ]
        arts.append(article(f"a{n}", *claims))
    events = events_of(arts, story)
    for e in events:
        cited = [s.article for s in e.sources]
        assert len(cited) == len(set(cited))
        assert set(cited) == {c.article for c in e.claims}
        assert all(any((c.article, c.start) == (s.article, s.start) for c in e.claims) for s in e.sources)


MENTION_WORDS = [
    "the",
    "full-scale",
    "invasion",
    "Full-Scale Invasion",
    "Istanbul",
    "round",
    "Istanbul round",
    "since",
    "talks",
    ",",
    ".",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(MENTION_WORDS), min_size=0, max_size=120))
def test_reference_mentions_are_those_of_one_scan_of_all_patterns(story, words):
    from timeline.gazetteer import reference_mentions

    text = " ".join(words)
    patterns = [(ref.id, m.pattern) for ref in story.reference_events for m in ref.mentions.get("en", ())]
    whole = re.compile("|".join(f"(?P<r{i}>{p})" for i, (_, p) in enumerate(patterns)), re.IGNORECASE)
    expected = tuple((patterns[int(m.lastgroup[1:])][0], m.start()) for m in whole.finditer(text))
    assert reference_mentions(text, "en", story) == expected


def test_context_events_use_the_mentions_the_loader_found(story):
    s = Sentence("Talks went on; nothing is said of the war here.", 0, 47, 0)
    found = replace(article("a", text=s.text, sentences=(s,)), reference_mentions=(("istanbul-round", 5),))
    events = {e.id: e for e in context_events([found], story)}
    assert [src.start for src in events["context-istanbul-round"].sources] == [0]
    assert events["context-full-scale-invasion"].sources == ()


def test_same_days_news_in_two_languages_merges_without_shared_words(story):
    """A statement of Monday and an undated report of it published on Tuesday: the same news."""
    arts = [
        article(
            "a",
            claim(
                "a",
                "trump",
                "comment",
                said=day("2025-08-18"),
                sentence="President Trump said he had begun the arrangements for a meeting",
            ),
        ),
        article(
            "b",
            claim(
                "b",
                "trump",
                "comment",
                said=reported("2025-08-19"),
                sentence="Anschließend schrieb er, er habe mit den Vorbereitungen begonnen",
                language="de",
            ),
            language="de",
        ),
        article(
            "c",
            claim(
                "c",
                "trump",
                "comment",
                said=reported("2025-08-24"),
                sentence="Трамп заявил о подготовке",
                language="ru",
            ),
            language="ru",
        ),
    ]
    assert groups(events_of(arts, story)) == [["a", "b"], ["c"]]


def test_an_undated_report_is_not_the_news_of_a_statement_two_days_older(story):
    arts = [
        article(
            "a",
            claim(
                "a",
                "putin",
                "invite",
                "moscow",
                day("2025-09-03"),
                "On Wednesday Putin said Zelensky could come to Moscow",
            ),
        ),
        article(
            "b",
            claim(
                "b",
                "putin",
                "invite",
                "moscow",
                reported("2025-09-05"),
                "Путин пригласил Зеленского в Москву",
                language="ru",
            ),
            language="ru",
        ),
    ]
    assert groups(events_of(arts, story)) == [["a"], ["b"]]


def test_an_article_does_not_fold_its_news_into_an_older_statement(story):
    arts = [
        article(
            "a",
            claim(
                "a",
                "putin",
                "invite",
                "moscow",
                day("2025-09-03"),
                "On Wednesday Putin had said Zelensky could come to Moscow",
                800,
            ),
            claim(
                "a",
                "putin",
                "propose",
                None,
                reported("2025-09-05"),
                "If someone wants to meet, we are ready",
                300,
            ),
        )
    ]
    events = events_of(arts, story)
    assert sorted((str(e.date.value), len(e.claims)) for e in events) == [
        ("2025-09-03", 1),
        ("2025-09-05", 1),
    ]


def test_a_long_undated_window_does_not_keep_a_report_from_the_days_cluster(story):
    """The undated report comes first in date order; it still ends with the dated ones."""
    arts = [
        article(
            "a",
            claim(
                "a",
                "trump",
                "comment",
                said=reported("2025-08-19"),
                sentence="Er habe Vorbereitungen begonnen",
                language="de",
            ),
            language="de",
        ),
        article(
            "b",
            claim(
                "b",
                "trump",
                "comment",
                said=DateEstimate(
                    dt.date(2025, 8, 18),
                    "week",
                    dt.date(2025, 8, 11),
                    dt.date(2025, 8, 24),
                    (Evidence("relative", "last week"),),
                ),
                sentence="Trump said last week he had begun arranging a meeting between the two presidents",
            ),
        ),
        article(
            "c",
            claim(
                "c",
                "trump",
                "comment",
                said=day("2025-08-18"),
                sentence="Trump said he had begun arranging a meeting between the two presidents",
            ),
        ),
    ]
    assert groups(events_of(arts, story)) == [["a", "b", "c"]]


def test_an_undated_report_joins_the_speakers_only_fitting_statement(story):
    arts = [
        article(
            "a",
            claim(
                "a",
                "lavrov",
                "condition",
                said=day("2025-08-24"),
                sentence="Putin is ready to meet once an agenda is ready, Lavrov said",
            ),
        ),
        # (carried by two articles: a lone guess for an undated article is not taken, test_merge_guesses)
        article(
            "a2",
            claim("a2", "lavrov", "condition", said=day("2025-08-24"), sentence="Lavrov set conditions"),
        ),
        article(
            "b",
            claim(
                "b", "lavrov", "reject", "moscow", day("2025-08-20"), "Lavrov rejected a meeting in Moscow"
            ),
        ),
        article(
            "u",
            claim(
                "u",
                "lavrov",
                "condition",
                sentence="Лавров: встреча только после подготовки повестки",
                language="ru",
            ),
            language="ru",
        ),
    ]
    assert groups(events_of(arts, story)) == [["a", "a2", "u"], ["b"]]


def test_an_undated_report_with_two_possible_statements_stays_apart(story):
    arts = [
        article(
            "a",
            claim(
                "a",
                "lavrov",
                "condition",
                said=day("2025-08-24"),
                sentence="Putin is ready to meet once an agenda is ready, Lavrov said",
            ),
        ),
        article(
            "b",
            claim(
                "b",
                "lavrov",
                "condition",
                said=day("2025-08-22"),
                sentence="Lavrov had said on Friday a summit must be well prepared",
            ),
        ),
        article(
            "u",
            claim(
                "u",
                "lavrov",
                "condition",
                sentence="Лавров: встреча только после подготовки повестки",
                language="ru",
            ),
            language="ru",
        ),
    ]
    assert groups(events_of(arts, story)) == [["a"], ["b"], ["u"]]


def test_a_bare_comment_of_the_same_news_joins_its_statement_but_never_a_refusal(story):
    arts = [
        article(
            "a",
            claim(
                "a",
                "trump",
                "open-conditional",
                said=day("2025-08-18"),
                sentence="Trump said a meeting could take place within two weeks",
            ),
        ),
        article(
            "b",
            claim(
                "b",
                "trump",
                "comment",
                said=reported("2025-08-19"),
                sentence="Trump sprach von einem Gipfel binnen zwei Wochen",
                language="de",
            ),
            language="de",
        ),
        article(
            "c", claim("c", "putin", "reject", said=day("2025-08-18"), sentence="Putin ruled out a meeting")
        ),
        article(
            "d",
            claim(
                "d",
                "putin",
                "comment",
                said=reported("2025-08-19"),
                sentence="Путин высказался о встрече",
                language="ru",
            ),
            language="ru",
        ),
    ]
    assert groups(events_of(arts, story)) == [["a", "b"], ["c"], ["d"]]


def _sentences(*texts):
    out, at = [], 0
    for t in texts:
        out.append(Sentence(t, at, at + len(t), 0))
        at += len(t) + 1
    return tuple(out)


def test_an_undated_report_does_not_join_by_elimination_against_its_articles_weekdays(story):
    """The sole candidate was said on a Sunday its reports name; the undated article speaks of
    Monday and Tuesday: another statement, not a report of that one."""
    arts = [
        article(
            "a",
            claim(
                "a",
                "lavrov",
                "condition",
                said=day("2025-08-24", "weekday-relative"),
                sentence="On Sunday Lavrov said Putin will meet once an agenda is ready",
            ),
        ),
        article(
            "u",
            claim(
                "u", "lavrov", "condition", sentence="Лавров: встреча только после подготовки", language="ru"
            ),
            language="ru",
            sentences=_sentences(
                "Лавров во вторник заявил, что встреча возможна.",
                "Накануне, в понедельник, Трамп говорил о встрече.",
            ),
        ),
    ]
    assert groups(events_of(arts, story)) == [["a"], ["u"]]


def test_an_undated_report_joins_by_elimination_when_its_weekdays_agree(story):
    arts = [
        article(
            "a",
            claim(
                "a",
                "trump",
                "propose",
                said=day("2025-08-18", "weekday-relative"),
                sentence="On Monday Trump said he began arranging a meeting",
            ),
        ),
        article(
            "a2",
            claim(
                "a2", "trump", "propose", said=day("2025-08-18", "weekday-relative"), sentence="Trump spoke"
            ),
        ),
        article(
            "u",
            claim("u", "trump", "propose", sentence="Трамп начал подготовку встречи", language="ru"),
            language="ru",
            sentences=_sentences("Накануне, в понедельник, Трамп начал подготовку встречи."),
        ),
    ]
    assert groups(events_of(arts, story)) == [["a", "a2", "u"]]


def test_a_join_by_elimination_needs_the_articles_publication_range(story):
    """An article published in 2022 does not report a 2025 statement as its news."""
    pub = DateEstimate(
        dt.date(2022, 3, 29),
        "week",
        dt.date(2022, 3, 26),
        dt.date(2022, 4, 1),
        (Evidence("explicit-date", "x"),),
    )
    late = replace(
        article(
            "u",
            claim(
                "u",
                "lavrov",
                "condition",
                sentence="Лавров: встреча когда договор будет готов",
                language="ru",
            ),
            language="ru",
        ),
        published=pub,
    )
    arts = [
        article(
            "a",
            claim(
                "a",
                "lavrov",
                "open-conditional",
                said=reported("2025-05-16"),
                sentence="Lavrov said talks could continue",
            ),
        ),
        late,
    ]
    assert groups(events_of(arts, story)) == [["a"], ["u"]]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("On Friday he said", "en", {4}),
        ("Напередодні, у понеділок, Трамп", "uk", {0}),
        ("a mis au défi jeudi", "fr", {3}),
        ("no weekday here", "en", set()),
    ],
)
def test_weekdays_named(text, language, expected):
    from timeline.normalize import weekdays_named

    assert weekdays_named(text, language) == expected


# ---------------------------------------------------------------------------------------------
# Speed without a different answer: the memo kept between builds, the counted clusters


ROOT = Path(__file__).resolve().parent.parent


def _fingerprint(result) -> str:
    """Everything normalize returns, events' claims included (Event equality leaves them out)."""
    articles, events = result
    return repr((articles, [(e, e.claims) for e in events]))


def _synthetic(folder: Path, n: int) -> Path:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = generate  # its dataclasses look their module up
    spec.loader.exec_module(generate)
    pool = generate.statement_pool(7)
    folder.mkdir()
    for i in range(n):
        (folder / generate.file_name(i)).write_text(generate.article(i, pool=pool), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    from timeline.build import load_all

    out = []
    story_config = load_config(ROOT / "timeline.yaml")
    for folder in (ROOT / "articles", ROOT.parent / "shared" / "corpus" / "articles"):
        if folder.is_dir():
            out.append((load_all(folder, story_config, jobs=1), story_config))
    mini = load_config(FIXTURES / "mini.yaml")
    out.append((load_all(_synthetic(tmp_path_factory.mktemp("syn") / "articles", 160), mini, jobs=1), mini))
    return out


def test_the_memo_never_changes_the_result(corpora):
    import pickle

    for articles, config in corpora:
        plain = _fingerprint(normalize(articles, config))
        memo: dict = {}
        assert _fingerprint(normalize(articles, config, memo=memo)) == plain
        assert memo["reports"]  # filled
        kept = pickle.loads(pickle.dumps(memo))  # as the build keeps it, in the cache folder
        assert _fingerprint(normalize(articles, config, memo=kept)) == plain
        # a memo of another corpus (articles gone, one new): reused where it applies, pruned
        partial: dict = {}
        normalize(articles[2:] + articles[:1], config, memo=partial)
        assert _fingerprint(normalize(articles, config, memo=partial)) == plain
        assert len(partial["reports"]) == len(articles)


def test_the_memo_is_not_used_for_articles_without_a_content_hash(story):
    a = replace(
        article(
            "a",
            claim("a", "zelensky", "invite", "kyiv", day("2026-01-10"), "Zelensky invited Putin to Kyiv."),
        ),
        sha256="",
    )
    memo: dict = {}
    normalize([a], story, memo=memo)
    assert memo["reports"] == {}


_WINDOW_DAYS = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 1, 20))


@st.composite
def _reports(draw):
    from timeline.normalize import _Report

    out = []
    for _ in range(draw(st.integers(1, 7))):
        start = draw(st.one_of(st.none(), _WINDOW_DAYS))
        families = draw(st.sets(st.sampled_from(["offer", "refuse", "comment", "conditional"]), min_size=1))
        r = _Report(
            [],
            "b",
            window=(start, start + dt.timedelta(days=draw(st.integers(0, 3)))) if start else None,
            article=f"a{draw(st.integers(0, 3))}",
        )
        r.words = set(draw(st.sets(st.sampled_from(["meet", "kyiv", "talks", "putin", "summit"]))))
        r.venue = draw(st.sampled_from([None, "kyiv", "moscow"]))
        r.families = families
        r.day = draw(st.one_of(st.none(), _WINDOW_DAYS))
        r.pub = draw(st.one_of(st.none(), _WINDOW_DAYS))
        r.people = frozenset(draw(st.sets(st.sampled_from(["putin", "peskov"]), max_size=1)))
        r.weekdays = frozenset(draw(st.sets(st.integers(0, 6), max_size=2)))
        r.core = frozenset(families - {"comment"})
        r.fwords = frozenset(r.words)
        r.shape = (r.venue, frozenset(families), r.day, r.window is None, r.pub, r.mark)
        out.append(r)
    return out


def _state(c) -> tuple:
    return (
        [id(r) for r in c.reports], c.articles, c.people, c.days, c.pubs, c.venues, c.refusing, c.offering,
        c.min_end, c.max_start, c.shapes, c.families, c.weekdays,
    )  # fmt: skip


@given(_reports(), st.data())
@settings(max_examples=200, deadline=None)
def test_a_report_taken_out_and_put_back_leaves_the_cluster_as_it_was(reports, data):
    """The second looks score a report against its cluster without it, then put it back: the
    cluster must be what it would be had the report never left, and without it what a cluster
    of the others is."""
    from timeline.normalize import _Cluster

    c = _Cluster(reports)
    before = _state(c)
    r = data.draw(st.sampled_from(reports))
    at = c.remove(r)
    assert _state(c)[1:] == _state(_Cluster([x for x in reports if x is not r]))[1:]
    c.insert(at, r)
    assert _state(c) == before


@given(
    st.lists(
        st.sampled_from(
            [
                "Monday",
                "monday",
                "Mondays",
                "SUNDAY",
                "Sun",
                "on",
                "Friday,",
                "xFriday",
                "Friday7",
                "понедельник",
                " ",
                ".",
            ]
        ),
        max_size=8,
    )
)
def test_weekdays_named_is_each_days_own_search(parts):
    from timeline.lexicon import part
    from timeline.normalize import weekdays_named

    text = " ".join(parts)
    for language in ("en", "ru"):
        names = part("time/", language).get("weekdays") or {}
        expected = {
            int(k)
            for k, v in names.items()
            if v and re.search(r"\b(?:" + "|".join(re.escape(w) for w in v) + r")\b", text, re.IGNORECASE)
        }
        assert weekdays_named(text, language) == expected


def _week(value: str, rule: str = "weekday-relative") -> DateEstimate:
    """A day named by the words ("on Friday") seen from a publication date sure to its week only."""
    d = dt.date.fromisoformat(value)
    return DateEstimate(d, "week", d, d + dt.timedelta(days=7), (Evidence(rule, value),))


@pytest.mark.parametrize(
    ("said_b", "merged"),
    [
        (day("2022-09-30", "narrative-day"), True),  # the same named day, one report sure of its week only
        (_week("2022-09-30"), True),
        (day("2022-10-04", "narrative-day"), False),  # another day named: another statement
        (_week("2022-10-02"), False),
    ],
)
def test_reports_naming_the_same_day_in_two_languages_merge(story, said_b, merged):
    arts = [
        article(
            "a",
            claim(
                "a",
                "zelensky",
                "reject",
                said=_week("2022-09-30"),
                sentence="In a video address on Friday, Zelenskyy ruled out any talks",
            ),
        ),
        article(
            "b",
            claim(
                "b",
                "zelensky",
                "reject",
                said=said_b,
                sentence="Того ж вечора Зеленський у зверненні заявив",
                language="uk",
            ),
            language="uk",
        ),
    ]
    assert (groups(events_of(arts, story)) == [["a", "b"]]) is merged


@pytest.mark.parametrize(
    ("stance_b", "said_b", "merged"),
    [
        (
            "condition",
            day("2025-07-23", "narrative-day"),
            True,
        ),  # a refusal and a condition of one day: two readings
        ("open-conditional", day("2025-07-23", "narrative-day"), True),
        ("condition", day("2025-07-25", "narrative-day"), False),  # another day: another statement
        ("propose", day("2025-07-23", "narrative-day"), False),  # a refusal and an offer never merge
        ("condition", reported("2025-07-24"), False),  # no day of its own: words or a shared family needed
    ],
)
def test_a_refusal_and_a_condition_of_the_same_day_merge(story, stance_b, said_b, merged):
    arts = [
        article(
            "a",
            claim(
                "a",
                "medinsky",
                "reject",
                said=day("2025-07-23", "narrative-day"),
                sentence="It's impossible to start the whole process with a leaders' summit, Medinsky said",
            ),
        ),
        article(
            "b",
            claim(
                "b",
                "medinsky",
                stance_b,
                said=said_b,
                sentence="Мединский: встреча имеет смысл для финализации соглашения",
                language="ru",
            ),
            language="ru",
        ),
    ]
    assert (groups(events_of(arts, story)) == [["a", "b"]]) is merged


def _reported_week(first: str, days: int) -> DateEstimate:
    """No date cue in the sentence, in an article whose publication is known to a range of days."""
    d = dt.date.fromisoformat(first)
    return DateEstimate(d, "week", d, d + dt.timedelta(days=days), (Evidence("as-reported", first),))


@pytest.mark.parametrize(
    ("said_a", "merged"),
    [
        (day("2021-06-30"), True),  # a statement of the first day of the range: its news
        (reported("2021-06-30"), True),  # an article of a day in the range: the same news cycle
        (day("2021-06-28"), False),  # older than the range: a statement it would have dated
        (reported("2021-07-09"), False),  # published after the range
    ],
)
def test_an_article_known_to_its_week_reports_the_news_of_those_days(story, said_a, merged):
    arts = [
        article(
            "a",
            claim(
                "a",
                "putin",
                "deny",
                said=said_a,
                sentence="Путин усомнился в целесообразности встречи",
                language="ru",
            ),
            language="ru",
        ),
        article(
            "b",
            claim(
                "b",
                "putin",
                "reject",
                said=_reported_week("2021-06-30", 6),
                sentence="Why should I meet him, the Russian leader asked",
            ),
        ),
    ]
    assert (groups(events_of(arts, story)) == [["a", "b"]]) is merged


def test_a_wide_publication_range_is_no_news_cycle(story):
    arts = [
        article(
            "a",
            claim(
                "a",
                "putin",
                "deny",
                said=day("2021-06-30"),
                sentence="Путин усомнился в целесообразности встречи",
                language="ru",
            ),
            language="ru",
        ),
        article(
            "b",
            claim(
                "b",
                "putin",
                "reject",
                said=_reported_week("2021-06-30", 20),
                sentence="Why should I meet him, the Russian leader asked",
            ),
        ),
    ]
    assert groups(events_of(arts, story)) == [["a"], ["b"]]


@pytest.mark.parametrize("seed", range(6))
def test_a_replayed_clustering_is_the_clustering_from_scratch(corpora, seed, monkeypatch):
    """The previous build's decisions (normalize._Replay), kept in the memo, are taken again only
    where they provably hold: articles added, or one edited, the result is the one from scratch."""
    import pickle
    import random

    from timeline import normalize as module

    made = []
    real = module._Replay.of
    monkeypatch.setattr(
        module._Replay, "of", classmethod(lambda cls, m, a: made.append(real(m, a)) or made[-1])
    )
    articles, config = corpora[-1]  # the synthetic corpus: three large speaker blocks
    rng = random.Random(seed)
    drop = set(rng.sample(range(len(articles)), rng.choice([1, 2, 5])))
    before = [a for i, a in enumerate(articles) if i not in drop]
    memo: dict = {}
    normalize(before, config, memo=memo)
    memo = pickle.loads(pickle.dumps(memo))
    assert _fingerprint(normalize(articles, config, memo=memo)) == _fingerprint(normalize(articles, config))
    assert made[1].on and made[1].reused > 0  # the record was used
    # an edited article: the record no longer applies, and the result is still the same
    edited = list(articles)
    edited[seed] = replace(edited[seed], sha256="0" * 64)
    memo = pickle.loads(pickle.dumps(memo))
    assert _fingerprint(normalize(edited, config, memo=memo)) == _fingerprint(normalize(edited, config))
    assert not made[-1].on
