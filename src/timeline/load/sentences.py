"""Split paragraphs into sentences, keeping offsets; abbreviations come from the lexicon."""

from __future__ import annotations

import functools
import re

from timeline import lexicon
from timeline.model import Sentence, Span

# A sentence ends at . ! ? or … (maybe followed by closing quotes or brackets), then space,
# then something that can start a sentence.
BOUNDARY = re.compile(r"([.!?…]+[\"'”»“’)\]]*)\s+(?=[\"'“„«‘(\[]?[A-ZА-ЯЁІЇЄҐÀ-ÖØ-Þ0-9])")


@functools.cache
def _abbreviations() -> frozenset[str]:
    words: set[str] = set()
    for code in lexicon.languages():
        words.update(str(w).lower() for w in lexicon.lexicon(code).get("abbreviations", ()))
    return frozenset(words)


def split_sentences(paragraphs: tuple[Span, ...]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    abbreviations = _abbreviations()
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        cut = 0
        for match in BOUNDARY.finditer(text):
            before = text[cut : match.start() + 1]
            word = re.search(r"([\w.]+)\.$", before)
            if match.group(1) == "." and word:
                token = word.group(1).lower()
                if token in abbreviations or (len(token) == 1 and token.isalpha()):
                    continue
            end = match.end(1)
            piece = text[cut:end]
            if piece.strip():
                out.append(Sentence(piece, paragraph.start + cut, paragraph.start + end, index))
            cut = match.end()
        if text[cut:].strip():
            out.append(Sentence(text[cut:], paragraph.start + cut, paragraph.end, index))
    return tuple(out)
