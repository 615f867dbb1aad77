"""Bytes to text: UTF-8 first, a byte-order mark or a detected encoding otherwise, never an exception.

The text that comes out is what every later stage reads and what the site quotes, so it is also
made safe here, once: line endings become \\n, and characters that only do harm (NUL and other
control characters that break XML and HTML, invisible bidirectional overrides that can disguise
text, stray byte-order marks) are removed. Offsets reported by the loader refer to this text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

# When several encodings read the bytes equally well, name (and use) the commonest one.
PREFERRED = (
    "cp1252",
    "latin_1",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "mac_cyrillic",
)
DISPLAY = {
    "cp1252": "cp1252 (windows-1252)",
    "cp1251": "cp1251 (windows-1251)",
    "cp1250": "cp1250 (windows-1250)",
    "latin_1": "latin-1 (ISO-8859-1)",
    "iso8859_1": "latin-1 (ISO-8859-1)",
    "iso8859_15": "latin-9 (ISO-8859-15)",
    "koi8_r": "KOI8-R",
    "koi8_u": "KOI8-U",
    "utf_16": "UTF-16",
    "utf_16_le": "UTF-16 LE",
    "utf_16_be": "UTF-16 BE",
}

# Line breaks other than \n that some tools (str.splitlines) honour and others do not: made \n so
# that every stage agrees on what a line is.
LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Removed: C0/C1 controls except tab and newline, bidi embeddings/overrides/isolates, byte-order
# marks, lone surrogates and the noncharacters U+FFFE/U+FFFF (none of them is allowed in XML).
HARMFUL = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()
    binary: bool = False  # NUL bytes in a file that is not UTF-16/32: not text at all


_LAST: tuple[bytes | None, Decoded | None] = (None, None)  # the bytes decoded last, and what they gave


def decode(data: bytes) -> Decoded:
    """Decode article bytes; a byte-order mark is dropped, line endings made \\n, harmful characters removed.

    The loader asks twice about the same bytes object (content_problem, then load_article): the
    second time the first answer is given again (a Decoded is immutable)."""
    global _LAST
    last = _LAST
    if last[0] is data and last[1] is not None:
        return last[1]
    decoded = _decode(data)
    if type(data) is bytes:  # immutable: the same object always holds the same bytes
        _LAST = (data, decoded)
    return decoded


def _decode(data: bytes) -> Decoded:
    warnings: list[str] = []
    text, encoding = _from_bom(data)
    if text is None:
        data = data.removeprefix(codecs.BOM_UTF8)
        if b"\x00" in data:
            text, encoding = _utf16_without_bom(data)
            if text is None:
                return Decoded(
                    text="", encoding="binary", warnings=("binary file (NUL bytes): not text",), binary=True
                )
            warnings.append(f"not UTF-8: decoded as {_display(encoding)} (no byte-order mark)")
        else:
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, encoding, warning = _not_utf8(data)
                warnings.append(warning)
    elif encoding != "utf-8":
        warnings.append(f"not UTF-8: decoded as {_display(encoding)} (byte-order mark)")
    text = LINE_BREAKS.sub("\n", text).replace("\ufeff", "")
    text, removed = HARMFUL.subn("", text)
    if removed:
        warnings.append(
            f"removed {removed} invisible control character{'s' if removed > 1 else ''} (control codes, bidirectional overrides)"
        )
    return Decoded(text=text, encoding=encoding, warnings=tuple(warnings))


def _display(encoding: str) -> str:
    return DISPLAY.get(encoding.replace("-", "_"), encoding)


def _from_bom(data: bytes) -> tuple[str | None, str]:
    for bom, codec, _name in BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec), codec
            except UnicodeDecodeError:
                if codec == "utf-8":
                    return None, ""  # a UTF-8 mark on bytes that are not UTF-8: detect below
                return body.decode(codec, errors="replace"), codec
    return None, ""


def _utf16_without_bom(data: bytes) -> tuple[str | None, str]:
    """Text in UTF-16 without a mark has a NUL in nearly every other byte; anything else with NULs is binary."""
    if len(data) < 2:
        return None, ""
    even, odd = data[0::2], data[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.6 * len(zeros):
            try:
                text = data[: len(data) - len(data) % 2].decode(codec)
            except UnicodeDecodeError:
                continue
            if text.count("\x00") <= len(text) // 100:
                return text, codec
    return None, ""


def _not_utf8(data: bytes) -> tuple[str, str, str]:
    """Mostly UTF-8 with a few broken bytes stays UTF-8; anything else goes to detection."""
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    good = sum(1 for ch in loose if ord(ch) > 127 and ch != "\ufffd")
    if good and bad <= good:  # more well-formed UTF-8 characters than broken ones
        return (
            loose,
            "utf-8",
            f"not valid UTF-8: {bad} broken byte sequence{'s' if bad > 1 else ''} replaced by �",
        )
    detected = _detect(data)
    if detected is not None:
        text, encoding = detected
        return text, encoding, f"not UTF-8: decoded as {_display(encoding)}"
    return loose, "utf-8", "not UTF-8 and no encoding fits: undecodable bytes replaced by �"


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        return None
    best = results[0]
    tied = [m for m in results if m.chaos <= best.chaos + 1e-9 and m.coherence >= best.coherence - 0.02]
    names = [name for m in tied for name in (m.encoding, *m.could_be_from_charset)]
    for preferred in PREFERRED:
        if preferred in names:
            try:
                return data.decode(preferred), preferred
            except UnicodeDecodeError:
                continue
    return str(best), best.encoding


def content_problem(data: bytes, max_bytes: int | None = None) -> str | None:
    """Why these bytes are not an article's text (empty, only whitespace, binary, too big); None when they are."""
    if not data:
        return "the file is empty"
    if max_bytes is not None and len(data) > max_bytes:
        return (
            f"the file is {size_text(len(data))}, over the limit of {size_text(max_bytes)} (limits.max_bytes)"
        )
    if not data.strip(b" \t\r\n\x0b\x0c"):
        return "the file holds only whitespace"
    if (
        b"\x00" in data
        or len(data) <= 4096
        or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    ):
        decoded = decode(data)
        if decoded.binary:
            return "binary file (NUL bytes), not text"
        if not decoded.text.strip():
            return "the file holds only whitespace"
    return None


def size_text(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count} bytes"
