"""Merge rules of s5-cl: a wholly undated article's report joins another year's statement by
elimination only when the guess is corroborated."""

from __future__ import annotations

from test_normalize import article, claim, day, events_of, groups, reported, story  # noqa: F401 (a fixture)


def test_a_lone_guess_for_an_undated_article_stays_apart(story):  # noqa: F811
    arts = [
        article("old", claim("old", "lavrov", "condition", said=day("2022-03-10"), sentence="Il a parlé.")),
        # nothing dates "new": its one report would be Lavrov's only fitting statement, years before
        article("new", claim("new", "lavrov", "condition", sentence="Ничего не готово к саммиту.")),
    ]
    assert groups(events_of(arts, story)) == [["new"], ["old"]]


def test_a_guess_for_a_widely_carried_statement_stands(story):  # noqa: F811
    said = day("2022-03-10")
    arts = [
        article("a", claim("a", "lavrov", "condition", said=said, sentence="Lavrov set conditions.")),
        article("b", claim("b", "lavrov", "condition", said=said, sentence="Lavrov set conditions.")),
        article("new", claim("new", "lavrov", "condition", sentence="Ничего не готово к саммиту.")),
    ]
    assert groups(events_of(arts, story)) == [["a", "b", "new"]]


def test_two_guesses_of_one_article_that_agree_stand(story):  # noqa: F811
    arts = [
        article(
            "old",
            claim("old", "lavrov", "condition", said=day("2022-03-10"), sentence="Lavrov set conditions."),
            claim(
                "old", "kuleba", "propose", said=day("2022-03-10"), sentence="Kuleba offered talks.", start=40
            ),
        ),
        article(
            "new",
            claim("new", "lavrov", "condition", sentence="Ничего не готово к саммиту."),
            claim("new", "kuleba", "propose", sentence="Кулеба предложил встречу.", start=40),
        ),
    ]
    assert groups(events_of(arts, story)) == [["new", "old"], ["new", "old"]]


def test_a_statement_of_last_month_is_not_the_news_of_the_day(story):  # noqa: F811
    import datetime as dt

    from timeline.model import DateEstimate, Evidence

    may = DateEstimate(
        dt.date(2024, 5, 16),
        "month",
        dt.date(2024, 5, 1),
        dt.date(2024, 5, 31),
        (Evidence("relative-date", "x"),),
    )
    arts = [
        article(
            "a",
            claim("a", "putin", "condition", said=reported("2024-06-14"), sentence="Putin set conditions."),
            claim("a", "putin", "comment", said=may, sentence="Last month in Minsk he said so.", start=50),
        ),
    ]
    events = events_of(arts, story)
    assert len(events) == 2


def test_a_guess_for_an_article_known_only_to_years_stays_apart(story):  # noqa: F811
    """'© 2025' and 'in the spring of 2022': any day of four years is as good as no date."""
    import dataclasses
    import datetime as dt

    from timeline.model import DateEstimate, Evidence

    years = DateEstimate(
        dt.date(2023, 12, 1),
        "year",
        dt.date(2022, 3, 1),
        dt.date(2025, 12, 31),
        (Evidence("copyright", "© 2025"),),
    )
    new = article("new", claim("new", "lavrov", "condition", sentence="Ничего не готово к саммиту."))
    arts = [
        article("old", claim("old", "lavrov", "condition", said=day("2022-03-10"), sentence="Il a parlé.")),
        dataclasses.replace(new, published=years),
    ]
    assert groups(events_of(arts, story)) == [["new"], ["old"]]
