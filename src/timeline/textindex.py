"""Fast word-bounded regex search: try a big alternation only where a word can begin a match.

Python's re tries every alternative of an alternation at every position of the text, and a
pattern that opens with a lookbehind ("(?<![\\w])") even loses re's first-character skip: with
a thousand aliases, or fifty reporting verbs, that scan was most of an article's loading time.
Here each alternative is filed under the words it can begin with (its first two letters, folded
as re's IGNORECASE folds them; a name under its first word or stem), the text's words are looked
up once in that index (a set per text, shared by every matcher), and the regex is tried only at
the places where a filed word stands. The matches are exactly those of the whole regex's
finditer; a pattern that cannot be filed (it may start with punctuation, or match nothing) is
searched as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from re import _constants as sre
from re import _parser as sre_parse

TOKEN = re.compile(r"\w+")
TOKEN_SPLIT = re.compile(r"(\w+)")  # the same words, found by split: a third faster than finditer
LEADING_WORD = re.compile(r"\w*")
SLAVIC_ENDING = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"  # what [а-яёіїєґ] matches, ignoring case
WORD_START = r"(?<![\w])"
WORD_END = r"(?![\w])"
KNOWN_WORDS_LIMIT = 200_000  # a bound on each matcher's memory of words it has classified
RECENT_TEXTS = 64  # texts whose positions each matcher remembers (three in four searches repeat one)

try:  # the characters that re's IGNORECASE takes as equal beyond lower() (ı and i, ſ and s)
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - a Python without the table
    _EXTRA_CASES = {}
_FOLD_TABLE = {k: min(k, *v) for k, v in _EXTRA_CASES.items()}


def fold(text: str) -> str:
    """Text as re's IGNORECASE compares it: lower case, with its extra equivalences merged."""
    return text.lower().translate(_FOLD_TABLE)


_SLAVIC = frozenset(fold(SLAVIC_ENDING))


def token_index(text: str) -> dict[str, list[int]]:
    """Where each word of a text stands (one scan, shared by the matchers that search the same text)."""
    return _tokens(text)[0]


@functools.lru_cache(maxsize=32)
def _tokens(text: str) -> tuple[dict[str, list[int]], frozenset[str]]:
    """token_index and its words as a set (which each matcher intersects with its own, in C)."""
    index: dict[str, list[int]] = {}
    parts = TOKEN_SPLIT.split(text)  # text between words, a word, text between words, ...
    pos = len(parts[0])
    for i in range(1, len(parts), 2):
        word = parts[i]
        found = index.get(word)
        if found is None:
            index[word] = [pos]
        else:
            found.append(pos)
        pos += len(word) + len(parts[i + 1])
    return index, frozenset(index)


class _WordIndex:
    """Which words of a text can begin a match: decided once per word, remembered."""

    def __init__(self) -> None:
        self._known: set[str] = set()
        self._hits: set[str] = set()
        self._recent: dict[
            str, list[int]
        ] = {}  # text -> positions: the loader asks again and again about one sentence

    def _starts(self, word: str) -> bool:
        raise NotImplementedError

    def positions(self, text: str) -> list[int]:
        """Where the text's filed words stand (the list is shared: do not change it)."""
        found = self._recent.get(text)
        if found is None:
            if len(self._recent) >= RECENT_TEXTS:
                self._recent.clear()
            found = self._recent[text] = self._positions(text)
        return found

    def _positions(self, text: str) -> list[int]:
        index, words = _tokens(text)
        if not words <= self._known:
            if len(self._known) > KNOWN_WORDS_LIMIT:
                self._known.clear()  # words are classified again; nothing else changes
                self._hits.clear()
            for word in words - self._known:
                if self._starts(word):
                    self._hits.add(word)
            self._known |= words
        hits = words & self._hits
        if not hits:
            return []
        if len(hits) == 1:
            return index[next(iter(hits))]
        return sorted(p for word in hits for p in index[word])


class WordRegex(_WordIndex):
    """A regex of word-bounded alternatives, each a regex of its own (lexicon entries).

    finditer, search and match behave as the compiled `(?<![\\w])(?:a|b|...)(?![\\w])`; with
    whole_word False the tail is left to the caller (e.g. "[\\w-]*" to take a word's ending).
    """

    def __init__(
        self, items: list[str], flags: int = re.IGNORECASE, tail: str = WORD_END, whole_word: bool = True
    ):
        super().__init__()
        self.regex = re.compile(WORD_START + "(?:" + "|".join(f"(?:{i})" for i in items) + ")" + tail, flags)
        self.pattern = self.regex.pattern
        self.exact: set[str] = set()  # the word is exactly this
        self.prefixes: set[str] = set()  # the word starts with this
        self.fallback = False
        for item in items:
            heads = _heads(item, flags, whole_word)
            if heads is None:
                self.fallback = True
                break
            for head, ended in heads:
                (self.exact if ended else self.prefixes).add(head)

    def _starts(self, word: str) -> bool:
        key = fold(word)
        if len(key) != len(word):
            return True  # a letter whose lower case is two (İ): let the regex decide
        return key in self.exact or any(key[:n] in self.prefixes for n in range(1, min(len(key), HEAD) + 1))

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.fallback:
            yield from self.regex.finditer(text)
            return
        end = 0
        for start in self.positions(text):
            if start < end:
                continue
            m = self.regex.match(text, start)
            if m is not None:
                end = m.end()
                yield m

    def search(self, text: str) -> re.Match | None:
        return next(self.finditer(text), None)

    def match(self, text: str, pos: int = 0) -> re.Match | None:
        return self.regex.match(text, pos)


def words_re(items: Iterable[object], tail: str = WORD_END, whole_word: bool = True) -> WordRegex | None:
    """A WordRegex of the non-empty items, matched ignoring case; None when there are none."""
    found = [str(i) for i in items or () if str(i).strip()]
    return WordRegex(found, re.IGNORECASE, tail, whole_word) if found else None


# ---------------------------------------------------------------------------------------------
# How a regex can begin: its first two characters, read from re's own parse


HEAD = 8  # characters read; fewer where the alternatives branch too much (see STATES)
STATES = 512  # beyond this many partial heads, stop reading: shorter heads only admit more words
_WILD = "wild"  # what follows is not known: any word characters
_FULL = "full"  # HEAD characters read
_CONT = "cont"  # the element is done; the next one follows


def _heads(item: str, flags: int, whole_word: bool) -> set[tuple[str, bool]] | None:
    """(head, ended) pairs: a match of item begins with a word that is head (ended) or starts with
    it. None when that cannot be said (the item may match nothing or begin with punctuation).

    Heads are read as re parses the item: literals and small character classes are followed
    through groups, branches and optional parts; anything else (\\w, a second round of a
    repeat) ends the head there, which only lets more words through to the regex."""
    try:
        parsed = sre_parse.parse(item, flags)
    except (re.error, RecursionError):
        return None
    out: set[tuple[str, bool]] = set()
    for text, status in _sequence(list(parsed), flags):
        head = LEADING_WORD.match(text).group(0)
        if not head:
            return None
        if len(head) < len(text):
            out.add((head, True))  # a space or a mark follows: the word ends there
        elif status == _CONT:
            out.add((head, whole_word))  # the item ends here; so does the word when the tail says so
        else:
            out.add((head, False))
    return out


def _sequence(items: list, flags: int) -> set[tuple[str, str]]:
    states = {("", _CONT)}
    for op, av in items:
        new: set[tuple[str, str]] = set()
        for text, status in states:
            if status != _CONT:
                new.add((text, status))
                continue
            for more, how in _element(op, av, flags):
                joined = text + more
                if len(joined) >= HEAD:
                    new.add((joined[:HEAD], _FULL))
                else:
                    new.add((joined, how))
        states = new
        if len(states) > STATES:
            return {(text, _WILD if status == _CONT else status) for text, status in states}
    return states


def _element(op, av, flags: int) -> set[tuple[str, str]]:
    if op is sre.LITERAL:
        return {(fold(chr(av)), _CONT)}
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(fold(chr(value)))
            elif kind is sre.RANGE and value[1] - value[0] <= 256:
                chars.update(fold(chr(c)) for c in range(value[0], value[1] + 1))
            else:
                return {("", _WILD)}
        return {(c, _CONT) for c in chars}
    if op is sre.SUBPATTERN:
        return _sequence(list(av[3]), flags)
    if op is sre.BRANCH:
        return {s for branch in av[1] for s in _sequence(list(branch), flags)}
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = av
        once = _sequence(list(body), flags)
        # a second round of the body is not followed: what comes after one round is unknown
        out = {(t, _WILD if how == _CONT and high != 1 else how) for t, how in once}
        if low == 0:
            out.add(("", _CONT))
        return out
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {("", _CONT)}  # takes no characters (its condition is left to the regex)
    return {("", _WILD)}


# ---------------------------------------------------------------------------------------------
# Names: many literal phrases, each filed under its first word (or the stem of a Slavic one)


class Alternation(_WordIndex):
    """An alternation of regexes, each starting with a known word, searched through a word index.

    alternatives: (regex, first word, takes Slavic endings) in the alternation's order; head and
    tail wrap the alternation, e.g. a lookbehind and a lookahead for whole words. The head must
    forbid a word character before a match (so that matches begin where words begin).
    """

    def __init__(self, alternatives: list[tuple[str, str, bool]], head: str, tail: str, flags: int):
        super().__init__()
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
        self._which: dict[str, tuple[int, ...]] = {}

    def _starts(self, word: str) -> bool:
        found = self._lookup(word)
        if found is not None:
            self._which[word] = found
        return found is not None

    def _lookup(self, word: str) -> tuple[int, ...] | None:
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
            found = self._subs[indexes] = re.compile(
                f"{self.head}(?:{'|'.join(self.order[i] for i in indexes)}){self.tail}", self.flags
            )
        return found

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.whole is not None:
            yield from self.whole.finditer(text)
            return
        end = 0
        for start in self.positions(text):
            if start < end:
                continue
            word = TOKEN.match(text, start).group(0)
            indexes = self._which.get(word)
            if indexes is None:
                indexes = self._which[word] = self._lookup(word) or ()
            m = self._sub(indexes).match(text, start) if indexes else None
            if m is not None:
                end = m.end()
                yield m


# ---------------------------------------------------------------------------------------------
# Many literals as a trie-shaped regex


def literal_trie(literals: Iterable[str]) -> str:
    """A regex matching what `|`.join of the escaped literals, longest first, matches (case-sensitive).

    re tries an alternation's branches one after another at every place; hundreds of telltales
    made that most of the outlet search. In the trie each character is tried once per place.
    At a given place the literals that match are prefixes of one another, and the trie tries
    the longer continuation before ending, so the first that lets the rest of the pattern
    match is the longest, as with the longest-first alternation. Case-sensitive only: with
    IGNORECASE two branches could match one character."""
    root: dict = {}
    for literal in literals:
        node = root
        for ch in literal:
            node = node.setdefault(ch, {})
        node[""] = {}  # a literal ends here
    return _trie_regex(root)


def _trie_regex(node: dict) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    ends = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"
    return body
