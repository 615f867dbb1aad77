"""Find the configuration's actors, places, outlets and agencies in text, in every alias.

Aliases are matched as whole words, longest first, case-sensitively for short all-caps
acronyms (AP, AFP) and case-insensitively otherwise. Compiled once per configuration and
searched through a word index (timeline.textindex): the aliases are tried only where a word
that begins one of them stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.config import Config
from timeline.load.timex import triggers_for, windows
from timeline.textindex import Alternation

WORD_CHAR = r"[\w\-’']"


@dataclass(frozen=True)
class Mention:
    id: str
    start: int
    end: int
    text: str


def _alternation(aliases: list[str]) -> Alternation:
    unique = sorted({a for a in aliases if a.strip()}, key=lambda a: (-len(a), a))
    return Alternation(
        [(re.escape(a), a, False) for a in unique], f"(?<!{WORD_CHAR})", r"(?![\w])", re.IGNORECASE
    )


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
        self.actor_pattern, self.actor_lookup = _compile(
            {
                a.id: [a.id.replace("-", " "), *a.aliases] if a.kind == "person" else list(a.aliases)
                for a in config.actors
            }
        )
        self.place_pattern, self.place_lookup = _compile({p.id: [p.name, *p.aliases] for p in config.places})
        self.agency_pattern, self.agency_lookup = _compile(
            {a.name: [a.name, *a.aliases] for a in config.agencies}
        )

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


# ---------------------------------------------------------------------------------------------
# Reference events: where an article names one (found when it is loaded, kept in its cache entry)


class _References:
    """The configuration's reference-event mention patterns of one language, compiled once, with
    the time engine's triggers that find the stretches of text where each of them can match."""

    def __init__(self, config: Config, language: str):
        sources = [
            (ref.id, m.pattern) for ref in config.reference_events for m in ref.mentions.get(language, ())
        ]
        self.ids = [ref_id for ref_id, _ in sources]
        self.patterns = [re.compile(pattern, re.IGNORECASE) for _, pattern in sources]
        self.whole = (
            re.compile(
                "|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(sources)), re.IGNORECASE
            )
            if sources
            else None
        )
        self.triggers = (
            triggers_for([[(pattern, re.IGNORECASE)] for _, pattern in sources], 1) if sources else None
        )


_REFERENCES: dict[tuple[str, str], _References] = {}


def reference_mentions(text: str, language: str, config: Config) -> tuple[tuple[str, int], ...]:
    """(reference event id, offset) for each mention of a configured reference event, in order.

    The matches of one regex of all the patterns, where the first pattern that matches at a
    place wins and matches do not overlap. Each pattern is run only inside the stretches where
    it can match, to find every place it matches at; the winner at each place is then picked
    as that one regex would: the same matches as a scan of the whole text, at a fraction of the
    cost.
    """
    key = (config.digest, language)
    refs = _REFERENCES.get(key)
    if refs is None:
        refs = _REFERENCES[key] = _References(config, language)
    if refs.whole is None:
        return ()
    where = windows(text, refs.triggers)
    if where is None:  # a short text, or one whose lower case changes its length
        return tuple(
            (refs.ids[int(m.lastgroup[1:])], m.start()) for m in refs.whole.finditer(text) if m.lastgroup
        )
    size = len(text)
    first: dict[int, int] = {}  # a place: the first pattern that matches there
    for i, spans in enumerate(where):
        if spans == []:
            continue
        pattern = refs.patterns[i]
        for lo, hi in [(0, size)] if spans is None else spans:
            pos = lo
            while pos <= hi:
                m = pattern.search(text, pos, hi)
                if m is None:
                    break
                start = m.start()
                if (hi == size or pattern.match(text, start)) and i < first.get(start, len(refs.ids)):
                    first[start] = i
                pos = start + 1
    out: list[tuple[str, int]] = []
    end = 0
    for start in sorted(first):
        if start < end:
            continue
        i = first[start]
        m = refs.patterns[i].match(text, start)
        end = m.end() if m.end() > start else start + 1
        out.append((refs.ids[i], start))
    return tuple(out)
