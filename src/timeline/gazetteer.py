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
