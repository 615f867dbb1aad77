"""Language knowledge that is not about the story, read from `lexicons/<code>.yaml`.

One file per language (month and weekday names, relative phrases, reporting verbs, stance
words, boilerplate lines, abbreviations); adding a language is adding a file. `common.yaml`
holds what every language shares. Files are read once per process.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

LEXICON_PACKAGE = "timeline.lexicons"


@functools.cache
def languages() -> tuple[str, ...]:
    """The language codes that have a lexicon file."""
    names = (p.name for p in resources.files(LEXICON_PACKAGE).iterdir())
    return tuple(sorted(n.removesuffix(".yaml") for n in names if n.endswith(".yaml") and n != "common.yaml"))


@functools.cache
def _read(name: str) -> dict[str, Any]:
    text = resources.files(LEXICON_PACKAGE).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def common() -> dict[str, Any]:
    return _read("common")


def lexicon(language: str) -> dict[str, Any]:
    """The lexicon of one language; English when the language has no file."""
    return _read(language if language in languages() else "en")


def section(language: str, name: str, default: Any = None) -> Any:
    return lexicon(language).get(name, default)
