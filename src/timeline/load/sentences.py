"""Split paragraphs into sentences, keeping offsets; abbreviations come from the lexicon."""

from __future__ import annotations

import functools
import re

from timeline import lexicon
from timeline.model import Sentence, Span

# A sentence ends at . ! ? or … (maybe followed by closing quotes or brackets), then space,
# then something that can start a sentence.
# (French guillemets keep a space inside: "... Zelensky. « Aucune rencontre ... »")
BOUNDARY = re.compile(r"([.!?…]+[\"'”»“’)\]]*)\s+(?=(?:«\s?|[\"'“„‘(\[])?[A-ZА-ЯЁІЇЄҐÀ-ÖØ-Þ0-9])")

LAST_WORD = re.compile(r"([\w.]+)\.$")  # the word before a full stop (an abbreviation?)


@functools.cache
def _abbreviations() -> frozenset[str]:
    words: set[str] = set()
    for code in lexicon.languages():
        words.update(str(w).lower() for w in lexicon.lexicon(code).get("abbreviations", ()))
    return frozenset(words)


@functools.cache
def _months() -> frozenset[str]:
    """Month names of every language: "am 4. August" is a date, its stop ends no sentence."""
    words: set[str] = set()
    for code in lexicon.languages():
        for names in (lexicon.part("time/", code).get("months") or {}).values():
            words.update(str(n).casefold() for n in names)
    return frozenset(words)


ORDINAL = re.compile(r"(?<![\d.])\d{1,2}\.$")
NEXT_WORD = re.compile(r"[^\W\d_]+")


MAX_SENTENCE = 600  # longer runs without a full stop are page junk, not prose: cut at a space


def _bounded(piece: str, start: int, paragraph: int) -> list[Sentence]:
    """A sentence, or a run of text without full stops cut into pieces of at most MAX_SENTENCE."""
    out = []
    while len(piece) > MAX_SENTENCE:
        cut = piece.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        out.append(Sentence(piece[:cut], start, start + cut, paragraph))
        while cut < len(piece) and piece[cut] == " ":
            cut += 1
        piece, start = piece[cut:], start + cut
    if piece.strip():
        out.append(Sentence(piece, start, start + len(piece), paragraph))
    return out


def split_sentences(paragraphs: tuple[Span, ...]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    abbreviations = _abbreviations()
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        cut = 0
        for match in BOUNDARY.finditer(text):
            before = text[cut : match.start() + 1]
            word = LAST_WORD.search(before)
            if match.group(1) == "." and word:
                token = word.group(1).lower()
                if token in abbreviations or (len(token) == 1 and token.isalpha()):
                    continue
            if match.group(1) == "." and ORDINAL.search(before):
                following = NEXT_WORD.match(text, match.end())
                if following and following.group(0).casefold() in _months():
                    continue
            end = match.end(1)
            piece = text[cut:end]
            if piece.strip():
                out.extend(_bounded(piece, paragraph.start + cut, index))
            cut = match.end()
        if text[cut:].strip():
            out.extend(_bounded(text[cut:], paragraph.start + cut, index))
    return tuple(out)
