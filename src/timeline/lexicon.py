"""Language knowledge that is not about the story, read from data files inside the package.

Each language has up to three files, merged into one mapping:
  lexicons/<code>.yaml         detection words, abbreviations, page furniture (boilerplate)
  lexicons/time/<code>.yaml    month and weekday names, relative time phrases
  lexicons/speech/<code>.yaml  reporting verbs, stance words, negation
Adding a language is adding these files. `common.yaml` holds what every language shares.
Files are read once per process.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

LEXICON_PACKAGE = "timeline.lexicons"
_LOADER = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)  # libyaml's parser when present: same data, ~10x quicker
PARTS = ("", "time/", "speech/")


@functools.cache
def languages() -> tuple[str, ...]:
    """The language codes that have a lexicon file."""
    names = (p.name for p in resources.files(LEXICON_PACKAGE).iterdir())
    return tuple(sorted(n.removesuffix(".yaml") for n in names if n.endswith(".yaml") and n != "common.yaml"))


def _read(name: str) -> dict[str, Any]:
    resource = resources.files(LEXICON_PACKAGE).joinpath(f"{name}.yaml")
    if not resource.is_file():
        return {}
    return yaml.load(resource.read_text(encoding="utf-8"), Loader=_LOADER) or {}  # a safe loader


@functools.cache
def common() -> dict[str, Any]:
    return _read("common")


@functools.cache
def lexicon(language: str) -> dict[str, Any]:
    """The merged lexicon of one language; English when the language has no file."""
    code = language if language in languages() else "en"
    merged: dict[str, Any] = {}
    for part in PARTS:
        merged.update(_read(f"{part}{code}"))
    return merged


@functools.cache
def part(prefix: str, language: str) -> dict[str, Any]:
    """One part of a language's lexicon ("time/"), English when the language has none; a
    stage that needs one part does not depend on the others being readable."""
    data = _read(f"{prefix}{language}")
    return data if data else _read(f"{prefix}en")


def section(language: str, name: str, default: Any = None) -> Any:
    return lexicon(language).get(name, default)
