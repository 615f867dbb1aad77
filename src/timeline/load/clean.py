"""Drop page furniture (related-headline lists, "Advertisement", share and cookie lines,
photo credits) and keep the article's own paragraphs with their offsets in the original text."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from timeline import lexicon
from timeline.model import Span

MARKUP = re.compile(r"^(#{1,6}\s+|>\s+|\*\*|__)+|(\*\*|__)+$")
SENTENCE_LIKE = re.compile(r"[.!?…:\"”»“]\s*$")
MARKUP_TAIL = re.compile(r"(\*\*|__)+\s*$")
LIST_COUNTER = re.compile(r"^list \d+ of \d+", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    text: str  # the stripped line, markup removed
    start: int
    end: int
    kind: str  # text | blank | boilerplate | list


class _AnyOf:
    """Whether any of several patterns is found in a text: one regex of their alternation
    (a third of the time of trying each in turn), or each in turn when they do not combine."""

    def __init__(self, patterns: list[str]):
        self.each = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
        self.one: re.Pattern | None = None
        if patterns and not any(BACKREFERENCE.search(p) for p in patterns):
            try:
                self.one = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
            except re.error:  # e.g. a pattern with inline flags: keep them apart
                self.one = None

    def search(self, text: str) -> bool:
        if self.one is not None:
            return self.one.search(text) is not None
        return any(p.search(text) for p in self.each)


BACKREFERENCE = re.compile(r"\\\d|\(\?P=")  # a backreference would point elsewhere in a joined regex


@functools.cache
def _patterns(language: str) -> tuple[_AnyOf, _AnyOf, _AnyOf]:
    lines = [*lexicon.common().get("boilerplate_lines", ())]
    headers: list[str] = []
    items = [*lexicon.common().get("list_items", ())]
    # Page furniture is often in another language than the article (an English site's
    # furniture around a quoted Russian text), so every language's patterns apply.
    for code in lexicon.languages():
        lex = lexicon.lexicon(code)
        lines += lex.get("boilerplate_lines", ())
        headers += lex.get("list_headers", ())
        items += lex.get("list_items", ())
    return _AnyOf(lines), _AnyOf(headers), _AnyOf(items)


def split_lines(text: str, start: int = 0, language: str = "en") -> list[Line]:
    """Classify every line of text[start:] as running text, blank, boilerplate or a link list."""
    boilerplate, headers, items = _patterns(language)
    out: list[Line] = []
    in_list = False
    offset = start
    for raw in text[start:].split("\n"):
        line_start, line_end = offset, offset + len(raw)
        offset = line_end + 1
        stripped = raw.strip()
        if not stripped:
            out.append(Line("", line_start, line_end, "blank"))
            continue
        lead = len(raw) - len(raw.lstrip())
        content_start = line_start + lead
        match = MARKUP.match(stripped)
        if match and match.end() < len(stripped):
            content_start += match.end()
            stripped = stripped[match.end() :]
        tail = MARKUP_TAIL.search(stripped)
        if tail:
            stripped = stripped[: tail.start()].rstrip()
        content_end = content_start + len(stripped)
        if headers.search(stripped):
            in_list = True
            out.append(Line(stripped, content_start, content_end, "list"))
            continue
        if boilerplate.search(stripped):
            out.append(Line(stripped, content_start, content_end, "boilerplate"))
            continue
        is_item = items.search(stripped)
        if in_list and (is_item or (len(stripped) < 120 and not SENTENCE_LIKE.search(stripped))):
            out.append(Line(stripped, content_start, content_end, "list"))
            continue
        in_list = False
        if is_item and LIST_COUNTER.match(stripped):
            out.append(Line(stripped, content_start, content_end, "list"))
            continue
        out.append(Line(stripped, content_start, content_end, "text"))
    return out


def paragraphs(lines: list[Line]) -> tuple[Span, ...]:
    """Each line of running text is a paragraph: scraped articles put one paragraph per line."""
    return tuple(Span(line.text, line.start, line.end) for line in lines if line.kind == "text")
