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


@dataclass(frozen=True)
class Line:
    text: str  # the stripped line, markup removed
    start: int
    end: int
    kind: str  # text | blank | boilerplate | list


@functools.cache
def _patterns(language: str) -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
    def compile_all(items):
        return tuple(re.compile(p, re.IGNORECASE) for p in items or ())

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
    return compile_all(lines), compile_all(headers), compile_all(items)


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
        tail = re.search(r"(\*\*|__)+\s*$", stripped)
        if tail:
            stripped = stripped[: tail.start()].rstrip()
        content_end = content_start + len(stripped)
        if any(p.search(stripped) for p in headers):
            in_list = True
            out.append(Line(stripped, content_start, content_end, "list"))
            continue
        if any(p.search(stripped) for p in boilerplate):
            out.append(Line(stripped, content_start, content_end, "boilerplate"))
            continue
        is_item = any(p.search(stripped) for p in items)
        if in_list and (is_item or (len(stripped) < 120 and not SENTENCE_LIKE.search(stripped))):
            out.append(Line(stripped, content_start, content_end, "list"))
            continue
        in_list = False
        if is_item and re.match(r"^list \d+ of \d+", stripped, re.IGNORECASE):
            out.append(Line(stripped, content_start, content_end, "list"))
            continue
        out.append(Line(stripped, content_start, content_end, "text"))
    return out


def paragraphs(lines: list[Line]) -> tuple[Span, ...]:
    """Each line of running text is a paragraph: scraped articles put one paragraph per line."""
    return tuple(Span(line.text, line.start, line.end) for line in lines if line.kind == "text")
