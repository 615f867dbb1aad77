"""Cheap language detection from the script and function words: no model per article."""

from __future__ import annotations

import functools
import re

from timeline import lexicon

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.cache
def _profiles() -> dict[str, tuple[str, frozenset[str], frozenset[str]]]:
    out = {}
    for code in lexicon.languages():
        detect = lexicon.lexicon(code).get("detect", {})
        words = frozenset(w.lower() for w in detect.get("function_words", ()))
        out[code] = (detect.get("script", "latin"), words, frozenset(str(detect.get("letters") or "")))
    return out


def detect_language(text: str, default: str = "en") -> str:
    """The language whose script and function words best fit the text."""
    words = [w.lower() for w in WORD.findall(text[:20000])]
    if not words:
        return default
    cyrillic = sum(
        1 for w in words if w[0] in "абвгдежзийклмнопрстуфхцчшщъыьэюяёіїєґ"
    )  # re.match(r"[а-яёіїєґ]", w), 4x quicker
    script = "cyrillic" if cyrillic > len(words) / 2 else "latin"
    best, best_score = default, 0
    for code, (code_script, function_words, letters) in _profiles().items():
        if code_script != script:
            continue
        # function words, and words spelt with letters only this language has (Russian ы and
        # Ukrainian і tell two languages apart that share most of their little words)
        score = sum(1 for w in words if w in function_words or (letters and not letters.isdisjoint(w)))
        if score > best_score:
            best, best_score = code, score
    return best
