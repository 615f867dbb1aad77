"""Bytes to text: encodings, byte-order marks, line endings, harmful characters, what is not text."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.load.decode import HARMFUL, content_problem, decode

RUSSIAN = "Песков заявил, что встреча Путина и Зеленского возможна только после согласования документа. Кремль не исключает переговоров."
GERMAN = "Der Kreml schließt ein Treffen nicht aus. Selenskyj forderte Gespräche über die Lage; für Putin ist das überraschend."
FRENCH = "Le Kremlin a déclaré qu'une rencontre était possible à Genève. Zelensky a répondu à la proposition française, très étonné."
UKRAINIAN = "Зеленський заявив, що готовий зустрітися з Путіним у будь-якій точці Донбасу, де гинуть українські військові."


@pytest.mark.parametrize(
    ("text", "encoding", "named"),
    [
        (RUSSIAN, "cp1251", "1251"),
        (UKRAINIAN, "cp1251", "1251"),
        (RUSSIAN, "koi8_r", "KOI8"),
        (GERMAN, "latin_1", ""),
        (GERMAN, "cp1252", ""),
        (FRENCH, "latin_1", ""),
        (FRENCH, "cp1252", ""),
    ],
)
def test_legacy_encodings_are_detected_with_a_warning_naming_them(text, encoding, named):
    decoded = decode(text.encode(encoding))
    assert decoded.text == text
    assert not decoded.binary
    [warning] = decoded.warnings
    assert warning.startswith("not UTF-8: decoded as ")
    assert named in warning
    squash = str.maketrans("", "", "-_ ")
    assert decoded.encoding.translate(squash).lower() in warning.translate(squash).lower()


@pytest.mark.parametrize(
    ("data", "warned"),
    [
        (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), False),
        (codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"), True),
        (codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), True),
        (GERMAN.encode("utf-16"), True),  # Python writes its platform's mark
        (codecs.BOM_UTF32_LE + FRENCH.encode("utf-32-le"), True),
        (codecs.BOM_UTF32_BE + FRENCH.encode("utf-32-be"), True),
    ],
)
def test_byte_order_marks_are_dropped(data, warned):
    decoded = decode(data)
    assert not decoded.text.startswith("\ufeff")
    assert decoded.text in (GERMAN, RUSSIAN, FRENCH)
    assert bool(decoded.warnings) is warned
    if warned:
        assert "UTF-" in decoded.warnings[0]


def test_utf16_without_a_mark_is_still_text():
    decoded = decode(FRENCH.encode("utf-16-le"))
    assert decoded.text == FRENCH and not decoded.binary
    assert "UTF-16" in decoded.warnings[0]


def test_a_few_broken_bytes_in_utf8_keep_the_rest():
    data = GERMAN.encode("utf-8").replace(b"Treffen", b"Tr\xe9ffen")
    decoded = decode(data)
    assert "schließt" in decoded.text and "Tr\ufffdffen" in decoded.text
    assert "broken byte" in decoded.warnings[0]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb\r\rc", "a\nb\n\nc"),
        ("a\r\n\rb\n", "a\n\nb\n"),
        ("a\x0bb\x0cc\x85d\u2028e\u2029f", "a\nb\nc\nd\ne\nf"),
    ],
)
def test_line_endings_are_one_newline(raw, text):
    assert decode(raw.encode("utf-8")).text == text


@pytest.mark.parametrize(
    "raw",
    [
        "bell\x07",
        "esc\x1b[31m",
        "del\x7f",
        "c1\x9b",
        "rlo\u202eevil\u202c",
        "isolate\u2066x\u2069",
        "mid\ufeffbom",
        "non\uffffchar",
    ],
)
def test_harmful_characters_are_removed_and_reported(raw):
    decoded = decode(raw.encode("utf-8"))
    assert not HARMFUL.search(decoded.text) and "\ufeff" not in decoded.text
    assert decoded.text.isprintable()
    if "\ufeff" not in raw:
        assert any("control character" in w for w in decoded.warnings)


def test_tabs_and_ordinary_unicode_are_kept():
    text = "a\tb — «c» “d” é ü ß ё ї 中文 \u200f"
    assert decode(text.encode("utf-8")) == decode(text.encode("utf-8"))
    assert decode(text.encode("utf-8")).text == text
    assert decode(text.encode("utf-8")).warnings == ()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"   \n\t\r\n  ", "whitespace"),
        (codecs.BOM_UTF8 + b" \n", "whitespace"),
        ("\u00a0\u3000\n".encode(), "whitespace"),
        (" \n".encode("utf-16"), "whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"text\x00with one NUL", "binary"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary"),
        (b"x" * 101, "over the limit"),
    ],
)
def test_what_is_not_an_article(data, problem):
    assert problem in content_problem(data, max_bytes=100)


@pytest.mark.parametrize("data", [b"x", GERMAN.encode("utf-16"), RUSSIAN.encode("cp1251"), b"a" * 100])
def test_what_is_an_article(data):
    assert content_problem(data, max_bytes=100 if len(data) <= 100 else None) is None


@given(st.binary(max_size=3000))
def test_decode_never_raises_and_returns_clean_text(data):
    decoded = decode(data)
    assert isinstance(decoded.text, str)
    assert "\r" not in decoded.text
    assert not HARMFUL.search(decoded.text)
    decoded.text.encode("utf-8")  # no lone surrogates
    content_problem(data, 1000)


@given(st.text(max_size=500).filter(lambda t: "\x00" not in t))  # a NUL makes it binary
def test_utf8_text_comes_back_as_it_was_but_for_line_ends_and_harmful_characters(text):
    expected = decode(text.encode("utf-8")).text
    assert expected == HARMFUL.sub(
        "",
        text.replace("\r\n", "\n")
        .translate(str.maketrans(dict.fromkeys("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", "\n")))
        .replace("\ufeff", ""),
    )
