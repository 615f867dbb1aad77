"""The records between the stages: frozen, compared by value, pickled compactly; paragraphs and
sentences may read their text from the article's one string without any consumer seeing it."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from dataclasses import FrozenInstanceError, fields, replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.load import load_article
from timeline.model import (
    Article,
    Claim,
    DateEstimate,
    Event,
    Evidence,
    Sentence,
    Source,
    Span,
    TimeExpression,
)

TEXT = "Putin said on Thursday that Zelensky was welcome in Moscow.\n\nZelensky said no."


def records() -> list[object]:
    evidence = Evidence("dateline", "April 22, 2021", 0, 14, detail="a date on its own line")
    date = DateEstimate.day(dt.date(2021, 4, 22), (evidence,))
    claim = Claim(
        "a",
        "putin",
        "invite",
        "moscow",
        "zelensky",
        date,
        TEXT[:59],
        0,
        59,
        (Span("Zelensky was welcome", 28, 48),),
    )
    article = Article("a", "a.txt", "0" * 64, TEXT, "en", None, None, (), None, date, (), claims=(claim,))
    timex = TimeExpression(
        14, 22, "Thursday", "2021-04-22", dt.date(2021, 4, 22), dt.date(2021, 4, 22), "day", "weekday"
    )
    event = Event(
        "e1",
        "claim",
        date,
        "putin",
        "invite",
        "moscow",
        "zelensky",
        "Putin invites",
        sources=(Source("a", TEXT[:59], 0, 59),),
        claims=(claim,),
    )
    return [evidence, date, claim, article, timex, event, Span("Putin", 0, 5), Sentence(TEXT[:59], 0, 59, 0)]


@pytest.mark.parametrize("record", records(), ids=lambda r: type(r).__name__)
def test_records_round_trip_through_pickle_and_copy(record):
    assert pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)) == record
    assert copy.deepcopy(record) == record
    assert hash(copy.copy(record)) == hash(record) or isinstance(record, Article | Event | Claim)


@pytest.mark.parametrize("record", records(), ids=lambda r: type(r).__name__)
def test_records_are_frozen_and_have_no_dict(record):
    name = "start" if isinstance(record, Span | Sentence) else fields(record)[0].name  # type: ignore[arg-type]
    with pytest.raises(FrozenInstanceError):
        setattr(record, name, 1)
    assert not hasattr(record, "__dict__")


def test_replace_still_works_on_the_slotted_records():
    date = DateEstimate.unknown()
    assert replace(date, precision="year").precision == "year"
    assert replace(records()[3], title="A title").title == "A title"


@given(st.text(min_size=1, max_size=60), st.data())
def test_a_shared_stretch_is_the_same_value_as_a_plain_one(text, data):
    a = data.draw(st.integers(0, len(text) - 1))
    b = data.draw(st.integers(a, len(text)))
    base = (text,)
    for plain in (Span(text[a:b], a, b), Sentence(text[a:b], a, b, 3)):
        shared = plain.within(base)
        assert shared.shares(base)
        assert shared == plain and hash(shared) == hash(plain) and repr(shared) == repr(plain)
        assert shared.text == text[a:b] and (shared.start, shared.end) == (a, b)
        assert pickle.loads(pickle.dumps(shared)) == plain


def test_within_keeps_a_text_that_is_not_the_slice():
    base = ("Putin said: «I will wait».",)
    blanked = Sentence("Putin said: «           ».", 0, 26, 0)  # the dating's unquoted copy
    assert blanked.within(base) is blanked
    assert Span("x", 0, 1).within(base).text == "x"


def test_span_and_sentence_compare_like_dataclasses():
    assert Span("a", 0, 1) != Sentence("a", 0, 1, 0)
    assert Sentence("a", 0, 1, 0) != Sentence("a", 0, 1, 1)
    assert repr(Sentence("a", 0, 1, 2)) == "Sentence(text='a', start=0, end=1, paragraph=2)"
    with pytest.raises(TypeError):
        Span("a", 0, 1) < Span("b", 1, 2)  # noqa: B015 - no order, as before


def test_a_loaded_article_holds_its_text_once(mini_config):
    body = "".join(
        f"Putin said on Thursday that Zelensky was welcome in Moscow. It was said {i} times.\n\n"
        for i in range(20)
    )
    text = "Putin invites Zelensky to Moscow\n\nApril 22, 2021\n\n" + body
    article = load_article("a.txt", text.encode(), mini_config)
    assert article.paragraphs and article.sentences
    for stretch in (*article.paragraphs, *article.sentences):
        assert stretch.text == article.text[stretch.start : stretch.end]
        assert stretch.shares((article.text,)) is False  # the base is the loader's own tuple...
        assert stretch._source[0] is article.text  # ...holding the very same string
    # pickle stores the shared text once: a paragraph's two sentences together are nowhere else
    assert pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL).count(b"Moscow. It was said 7 times.") == 1
    assert pickle.loads(pickle.dumps(article)) == article
