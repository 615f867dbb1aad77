"""Bytes to text: UTF-8 first, a detected encoding otherwise, never an exception."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes) -> Decoded:
    """Decode article bytes; a byte-order mark is dropped and line endings made \\n.

    Line endings are normalised before anything else so that every offset the loader reports
    refers to this decoded text, which is what the site quotes from.
    """
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect(data)
        warnings.append(f"not UTF-8: decoded as {encoding}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text=text, encoding=encoding, warnings=tuple(warnings))


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return data.decode("utf-8", errors="replace"), "utf-8 (with replacement characters)"
