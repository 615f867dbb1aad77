"""The word-indexed matchers find exactly what the plain regexes find, only faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.textindex import Alternation, WordRegex, _heads, fold, literal_trie, words_re

LEXICON = [
    "said",
    "says",
    r"told( (reporters|journalists|[A-Z]\w+ media( outlets)?))?",
    "in an interview with",
    r"(speaking|talking) to",
    r"negotiat\w*",
    r"emphasi[sz]ed",
    "u.s.",
    "заявил",
    r"face[- ]to[- ]face",
    "ruled? out",
]
WORDS = [
    "said",
    "Said",
    "SAYS",
    "told",
    "reporters",
    "Reuters",
    "media",
    "outlets",
    "in",
    "an",
    "interview",
    "with",
    "speaking",
    "talking",
    "to",
    "negotiations",
    "Negotiate",
    "emphasized",
    "u.s.",
    "U.S.",
    "us",
    "заявил",
    "Заявила",
    "face-to-face",
    "face to face",
    "rule",
    "ruled",
    "out",
    "ſaid",
    "İn",
    "SAİD",
    "x",
    "—",
    ",",
    ".",
    "\n",
    "“",
    "don't",
    "_said",
    "said_",
]
texts = st.lists(st.sampled_from(WORDS), max_size=30).map(lambda ws: " ".join(ws))
glued = st.lists(st.sampled_from(WORDS), max_size=30).map(lambda ws: "".join(ws))


def spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, glued))
def test_word_regex_finds_what_the_regex_finds(text):
    matcher = words_re(LEXICON)
    assert spans(matcher.finditer(text)) == spans(matcher.regex.finditer(text))
    found, expected = matcher.search(text), matcher.regex.search(text)
    assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=200, deadline=None)
@given(st.one_of(texts, glued))
def test_word_regex_with_an_open_tail_takes_word_endings(text):
    matcher = words_re(
        [re.escape(t) for t in ("negotiat", "meet", "talks", "face-to-face")],
        tail=r"[\w-]*",
        whole_word=False,
    )
    assert spans(matcher.finditer(text)) == spans(matcher.regex.finditer(text))


@pytest.mark.parametrize(
    ("item", "heads"),
    [
        ("said", {("said", True)}),
        ("told( reporters)?", {("told", True)}),
        (r"negotiat\w*", {("negotiat", False)}),
        (r"u\.s\.", {("u", True)}),
        ("u.s.", {("u", False)}),  # "." is any character: the word may go on
        (r"(speaking|talking) to", {("speaking", False), ("talking", True)}),  # eight letters read: a prefix
        (r"emphasi[sz]ed", {("emphasis", False), ("emphasiz", False)}),
    ],
)
def test_heads_are_read_from_the_parse(item, heads):
    assert _heads(item, re.IGNORECASE, True) == heads


@pytest.mark.parametrize("item", [r"\w+ said", "x?", r"'s", "(?:)"])
def test_items_without_a_word_to_file_them_under_fall_back_to_the_regex(item):
    matcher = WordRegex([item, "said"])
    assert matcher.fallback
    assert spans(matcher.finditer("Peskov's aide said x")) == spans(
        matcher.regex.finditer("Peskov's aide said x")
    )


def test_fold_merges_what_ignorecase_merges():
    assert fold("ſ") == fold("s") and fold("ı") == fold("i") and fold("ПЕСКОВ") == "песков"


NAMES = [
    "Zelensky",
    "Volodymyr Zelensky",
    "Зеленский",
    "Владимир Зеленский",
    "Peskov",
    "Kremlin",
    "al-Sisi",
    "Аль-Нахайян",
]
name_texts = st.lists(
    st.sampled_from(
        [
            "Zelensky",
            "Zelenskyy",
            "Volodymyr",
            "Зеленского",
            "Зеленскому",
            "Владимира",
            "Зеленский",
            "Peskov's",
            "kremlin",
            "al-Sisi",
            "Аль-Нахайяна",
            "and",
            ",",
            "—",
            "ZELENSKY",
            "Zelenskyi",
        ]
    ),
    max_size=25,
).map(" ".join)


def _stem(word: str) -> str:
    return word[:-1] if word[-1] in "йая" else word


@settings(max_examples=200, deadline=None)
@given(name_texts)
def test_alternation_of_names_finds_what_the_whole_regex_finds(text):
    patterns = []
    for name in NAMES:
        words = name.split()
        parts = [
            re.escape(_stem(w)) + r"[а-яёіїєґ]{0,3}" if re.search("[а-я]", w, re.I) else re.escape(w)
            for w in words
        ]
        first = words[0]
        patterns.append(
            (
                r"\s+".join(parts),
                _stem(first) if re.search("[а-я]", first, re.I) else first,
                bool(re.search("[а-я]", first, re.I)),
            )
        )
    patterns.sort(key=lambda p: (-len(p[0]), p[0]))
    alternation = Alternation(patterns, r"(?<![\w])", r"(?![\w])", re.IGNORECASE)
    whole = re.compile(r"(?<![\w])(?:" + "|".join(p for p, _, _ in patterns) + r")(?![\w])", re.IGNORECASE)
    assert spans(alternation.finditer(text)) == spans(whole.finditer(text))


def test_positions_are_remembered_for_recent_texts_only(monkeypatch):
    """Asking again about a text gives the same answer; the memory of texts stays bounded."""
    from timeline import textindex

    monkeypatch.setattr(textindex, "RECENT_TEXTS", 4)
    matcher = words_re(["said", "told"])
    texts = [f"Putin said {i} times and told them {i}." for i in range(10)]
    first = [list(matcher.positions(t)) for t in texts]
    again = [list(matcher.positions(t)) for t in reversed(texts)][::-1]
    assert first == again == [[t.index("said"), t.index("told")] for t in texts]
    assert len(matcher._recent) <= 4
    assert [m.group(0) for m in matcher.finditer(texts[3])] == ["said", "told"]


TELLTALE_CHARS = "ab .(|A"
literals = st.lists(st.text(TELLTALE_CHARS, min_size=1, max_size=5), min_size=1, max_size=8, unique=True)


@settings(max_examples=300, deadline=None)
@given(literals, st.lists(st.text(TELLTALE_CHARS, max_size=15), min_size=1, max_size=5))
def test_literal_trie_matches_as_the_longest_first_alternation(items, lines):
    """Wrapped in what comes before and after it (as the outlet telltales are), the trie finds the
    same matches, with the same groups, as the escaped literals sorted longest first."""
    alternation = "|".join(re.escape(t) for t in sorted(items, key=lambda t: (-len(t), t)))
    wrap = r"(^|[\s|/(:])({})(?=$|[\s|/),.:;!])"
    plain, trie = re.compile(wrap.format(alternation)), re.compile(wrap.format(literal_trie(items)))
    for line in lines:
        assert [(m.span(), m.groups()) for m in trie.finditer(line)] == [
            (m.span(), m.groups()) for m in plain.finditer(line)
        ]


@pytest.mark.parametrize(
    ("items", "pattern"),
    [(["ab", "abc", "b"], "(?:abc?|b)"), (["x"], "x"), (["a.", "a"], r"a(?:\.)?"), (["ab", "a"], "ab?")],
)
def test_literal_trie_shape(items, pattern):
    assert literal_trie(items) == pattern
