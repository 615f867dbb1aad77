"""Find the configuration's actors, places, outlets and agencies in text, in every alias.

Aliases are matched as whole words, longest first, case-sensitively for short all-caps
acronyms (AP, AFP) and case-insensitively otherwise. Compiled once per configuration.

Python's re tries every alternative of an alternation at every position of the text, which with
a thousand aliases was most of an article's loading time. `Alternation` files each alternative
under the folded first word it must begin with and tries only the positions whose word is in
that index, with a small regex of just the alternatives that can start there: the matches are
exactly those of finditer over the whole alternation, at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from timeline.config import Config

WORD_CHAR = r"[\w\-’']"
TOKEN = re.compile(r"\w+")
LEADING_WORD = re.compile(r"\w*")
SLAVIC_ENDING = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"  # what [а-яёіїєґ] matches, ignoring case

try:  # the characters that re's IGNORECASE takes as equal beyond lower() (ı and i, ſ and s)
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - a Python without the table
    _EXTRA_CASES = {}
_FOLD_TABLE = {k: min(k, *v) for k, v in _EXTRA_CASES.items()}


def fold(text: str) -> str:
    """Text as re's IGNORECASE compares it: lower case, with its extra equivalences merged."""
    return text.lower().translate(_FOLD_TABLE)


_SLAVIC = frozenset(fold(SLAVIC_ENDING))


class Alternation:
    """An alternation of regexes, each starting with a known word, searched through a word index.

    alternatives: (regex, first word, takes Slavic endings) in the alternation's order; head and
    tail wrap the alternation, e.g. a lookbehind and a lookahead for whole words. The head must
    forbid a word character before a match (so that matches begin where words begin).
    """

    def __init__(self, alternatives: list[tuple[str, str, bool]], head: str, tail: str, flags: int):
        self.head, self.tail, self.flags = head, tail, flags
        self.order: list[str] = []
        self.exact: dict[str, list[int]] = {}
        self.stems: dict[str, list[int]] = {}
        self.whole: re.Pattern | None = None
        fallback = False
        for index, (pattern, first, inflected) in enumerate(alternatives):
            self.order.append(pattern)
            run = LEADING_WORD.match(first).group(0)
            if not run:
                fallback = True  # an alternative that starts with punctuation: no word to file it under
            elif inflected and run == first:
                self.stems.setdefault(fold(run), []).append(index)
            else:
                self.exact.setdefault(fold(run), []).append(index)
        if fallback and self.order:
            self.whole = re.compile(f"{head}(?:{'|'.join(self.order)}){tail}", flags)
        self._subs: dict[tuple[int, ...], re.Pattern] = {}

    def _candidates(self, word: str) -> tuple[int, ...] | None:
        key = fold(word)
        if len(key) != len(word):
            return tuple(range(len(self.order)))  # a letter whose lower case is two (İ): try them all
        found = [*self.exact.get(key, ()), *self.stems.get(key, ())]
        for k in (1, 2, 3):
            if len(key) <= k or key[-k] not in _SLAVIC:
                break
            found.extend(self.stems.get(key[:-k], ()))
        return tuple(sorted(set(found))) if found else None

    def _sub(self, indexes: tuple[int, ...]) -> re.Pattern:
        found = self._subs.get(indexes)
        if found is None:
            found = self._subs[indexes] = re.compile(f"{self.head}(?:{'|'.join(self.order[i] for i in indexes)}){self.tail}", self.flags)
        return found

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.whole is not None:
            yield from self.whole.finditer(text)
            return
        end = 0
        for word in TOKEN.finditer(text):
            if word.start() < end:
                continue
            indexes = self._candidates(word.group(0))
            if indexes is None:
                continue
            m = self._sub(indexes).match(text, word.start())
            if m is not None:
                end = m.end()
                yield m


@dataclass(frozen=True)
class Mention:
    id: str
    start: int
    end: int
    text: str


def _alternation(aliases: list[str]) -> Alternation:
    unique = sorted({a for a in aliases if a.strip()}, key=lambda a: (-len(a), a))
    return Alternation([(re.escape(a), a, False) for a in unique], f"(?<!{WORD_CHAR})", r"(?![\w])", re.IGNORECASE)


def _compile(aliases_by_id: dict[str, list[str]]) -> tuple[Alternation | None, dict[str, str]]:
    """One regex for all aliases; lookup maps the folded alias (and the exact alias) to its id."""
    lookup: dict[str, str] = {}
    for record_id, aliases in aliases_by_id.items():
        for alias in aliases:
            lookup.setdefault(alias.casefold(), record_id)
            lookup.setdefault("=" + alias, record_id)
    if not lookup:
        return None, lookup
    return _alternation([a for aliases in aliases_by_id.values() for a in aliases]), lookup


class Gazetteer:
    def __init__(self, config: Config):
        self.config = config
        self.actor_pattern, self.actor_lookup = _compile({a.id: [a.id.replace("-", " "), *a.aliases] if a.kind == "person" else list(a.aliases) for a in config.actors})
        self.place_pattern, self.place_lookup = _compile({p.id: [p.name, *p.aliases] for p in config.places})
        self.agency_pattern, self.agency_lookup = _compile({a.name: [a.name, *a.aliases] for a in config.agencies})

    @staticmethod
    def _find(pattern: Alternation | None, lookup: dict[str, str], text: str) -> list[Mention]:
        if pattern is None:
            return []
        out = []
        for match in pattern.finditer(text):
            word = match.group(0)
            record = lookup.get(word.casefold())
            if record is not None and ("=" + word in lookup or _cased(word)):
                out.append(Mention(record, match.start(), match.end(), word))
        return out

    def actors(self, text: str) -> list[Mention]:
        return self._find(self.actor_pattern, self.actor_lookup, text)

    def places(self, text: str) -> list[Mention]:
        return self._find(self.place_pattern, self.place_lookup, text)

    def agencies(self, text: str) -> list[Mention]:
        return self._find(self.agency_pattern, self.agency_lookup, text)


def _cased(word: str) -> bool:
    """Names start with a capital; acronyms of up to four letters must be all capitals."""
    if len(word) <= 4 and word.isalpha():
        return word.isupper() or (len(word) == 4 and word[:1].isupper())
    return word[:1].isupper()


_CACHE: dict[str, Gazetteer] = {}


def gazetteer(config: Config) -> Gazetteer:
    """The compiled matchers of a configuration, built once per process."""
    found = _CACHE.get(config.digest)
    if found is None:
        found = _CACHE[config.digest] = Gazetteer(config)
    return found
