"""Optional YAML front matter at the top of an article (`---` ... `---`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.DOTALL)
KEYS = {"title": str, "date": (dt.date, str), "outlet": str, "url": str, "language": str, "ignore": bool}


@dataclass(frozen=True)
class FrontMatter:
    values: dict[str, Any] = field(default_factory=dict)
    end: int = 0  # offset where the body starts
    warnings: tuple[str, ...] = ()


def split_front_matter(text: str) -> FrontMatter:
    """Read the front matter block; a broken block is reported and ignored, never fatal."""
    match = FENCE.match(text)
    if not match:
        return FrontMatter()
    body = match.group(1) or ""
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" at line {mark.line + 2}" if mark else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        return FrontMatter(end=match.end(), warnings=(f"front matter{line}: {problem}; ignored",))
    if data is None:
        return FrontMatter(end=match.end())
    if not isinstance(data, dict):
        return FrontMatter(end=match.end(), warnings=("front matter is not a mapping of keys to values; ignored",))
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for key, value in data.items():
        if key not in KEYS:
            warnings.append(f"front matter: unknown key '{key}' ignored")
            continue
        if value is None:
            continue
        if key == "date" and isinstance(value, dt.datetime):
            value = value.date()
        if key == "date" and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                warnings.append(f"front matter: date '{value}' is not a date like 2022-04-06; ignored")
                continue
        if not isinstance(value, KEYS[key]) or (key != "ignore" and isinstance(value, bool)):
            warnings.append(f"front matter: '{key}' should be {_kind(key)}, got {type(value).__name__}; ignored")
            continue
        values[key] = value.strip() if isinstance(value, str) else value
    return FrontMatter(values=values, end=match.end(), warnings=tuple(warnings))


def _kind(key: str) -> str:
    return {"date": "a date", "ignore": "true or false"}.get(key, "text")
