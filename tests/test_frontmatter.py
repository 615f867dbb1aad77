"""Front matter: read when well formed, reported with its line and ignored when not, never fatal."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.load.frontmatter import split_front_matter


def test_a_good_block_is_read_and_the_body_starts_after_it():
    text = "---\ntitle: Putin speaks\ndate: 2022-04-06\noutlet: The Moscow Times\nurl: https://example.com/a\nlanguage: en-GB\nignore: false\n---\nBody.\n"
    front = split_front_matter(text)
    assert front.values == {
        "title": "Putin speaks",
        "date": dt.date(2022, 4, 6),
        "outlet": "The Moscow Times",
        "url": "https://example.com/a",
        "language": "en",
        "ignore": False,
    }
    assert text[front.end :] == "Body.\n"
    assert front.warnings == ()


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("No front matter.\n", "No front matter.\n"),
        (
            "---\nJust a rule above a paragraph.\n\nMore text.\n",
            "---\nJust a rule above a paragraph.\n\nMore text.\n",
        ),
        ("--- \ntitle: x\n...\nBody\n", "Body\n"),
        ("\n\n---\ntitle: x\n---\nBody\n", "Body\n"),
        ("---\n---\nBody\n", "Body\n"),
    ],
)
def test_where_the_body_starts(text, body):
    front = split_front_matter(text)
    assert text[front.end :] == body
    assert front.warnings == ()


@pytest.mark.parametrize(
    ("text", "expected", "body"),
    [
        ("---\ntitle: [unclosed\ndate: 2022-04-06\n---\nBody\n", "front matter at line 3", "Body\n"),
        ("---\ntitle: a: b: c\n---\nBody\n", "front matter at line 2", "Body\n"),
        ("\n---\ntitle: ok\n  bad indent: x\n---\nBody\n", "front matter at line 4", "Body\n"),
        ("---\ndate: 2022-13-45\n---\nBody\n", "front matter at line 1", "Body\n"),
        ("---\n" + "[" * 3000 + "\n---\nBody\n", "front matter at line 1", "Body\n"),
        ("---\ntitle: Hi\n\nBody text.\n", "not closed", "Body text.\n"),
        ("---\ntitle: Hi\n", "not closed", ""),
        ("---\n- a\n- b\n---\nBody\n", "not a list of 'key: value' lines", "Body\n"),
        ("---\ntitle: !!python/object:os.system x\n---\nBody\n", "front matter at line 2", "Body\n"),
    ],
)
def test_a_broken_block_is_reported_with_its_line_and_ignored(text, expected, body):
    front = split_front_matter(text)
    assert front.values == {}
    assert any(expected in w for w in front.warnings), front.warnings
    assert text[front.end :] == body


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("title: [a, b]", "'title' should be text, got a list"),
        ("title: 2022", "'title' should be text, got a number"),
        ("outlet: {a: 1}", "'outlet' should be text, got a mapping"),
        ("date: yesterday", "date 'yesterday' is not a date"),
        ("date: 20220406", "'date' should be a date"),
        ("ignore: perhaps", "'ignore' should be true or false"),
        ("title: true", "'title' should be text"),
        ("url: javascript:alert(1)", "not an http:// or https:// address"),
        ("url: ' JAVASCRIPT:alert(1)'", "not an http:// or https:// address"),
        ("url: data:text/html,<script>", "not an http:// or https:// address"),
        ("url: https://exa mple.com/", "not an http:// or https:// address"),
        ("url: https:///nohost", "not an http:// or https:// address"),
        ("language: ../../etc", "not a language code"),
        ("title: " + "x" * 600, "longer than"),
        ("author: someone", "unknown key 'author'"),
        ("1: one", "unknown key '1'"),
    ],
)
def test_a_value_of_the_wrong_kind_is_reported_and_dropped(line, expected):
    front = split_front_matter(f"---\n{line}\ntitle2: x\n---\nBody\n")
    assert any(expected in w for w in front.warnings), front.warnings
    assert set(front.values) <= {"title", "date", "outlet", "url", "language", "ignore"}
    key = line.split(":")[0]
    assert key not in front.values


def test_values_are_tidied():
    front = split_front_matter(
        "---\ntitle: |\n  Two\n  lines\ndate: 2022-04-06T10:00:00Z\nlanguage: RU\nurl: HTTPS://Example.com/x\n---\nBody\n"
    )
    assert front.values == {
        "title": "Two lines",
        "date": dt.date(2022, 4, 6),
        "language": "ru",
        "url": "HTTPS://Example.com/x",
    }


def test_only_front_matter_is_reported():
    front = split_front_matter("---\ntitle: Only\n---\n")
    assert front.values == {"title": "Only"}
    assert front.warnings == ("no article text after the front matter",)


def test_aliases_do_not_blow_up():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: *c\n---\nBody\n"
    front = split_front_matter(bomb)
    assert "title" not in front.values and front.warnings


@given(st.text(max_size=400))
def test_never_raises_on_any_block(block):
    text = f"---\n{block}\n---\nBody\n"
    front = split_front_matter(text)
    assert 0 <= front.end <= len(text)
    for key, value in front.values.items():
        assert key in {"title", "date", "outlet", "url", "language", "ignore"}
        assert isinstance(value, bool if key == "ignore" else dt.date if key == "date" else str)


@given(st.text(max_size=400))
def test_never_raises_on_any_text(text):
    front = split_front_matter(text)
    assert 0 <= front.end <= len(text)
