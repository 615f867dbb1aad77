"""Optional YAML front matter at the top of an article (`---` ... `---`).

A broken block never stops the article from loading: it is reported (with its line) and ignored,
and each value of the wrong kind is reported and dropped on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import yaml

OPEN = re.compile(r"\A((?:[ \t]*\n)*)---[ \t]*\n")
CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# What the first line of a YAML block looks like: "key:", "- item", "{", "[" or a comment.
YAML_START = re.compile(r"[ \t]*(?:[^\s:#][^:\n]*:(?:[ \t]|$)|- |-$|[{\[#])")
MAX_BLOCK = 64 * 1024  # a front matter block is a few lines; beyond this it is not one
MAX_TEXT = 500  # a title or an outlet longer than this is not one
KEYS = {"title": str, "date": (dt.date, str), "outlet": str, "url": str, "language": str, "ignore": bool}
LANGUAGE = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*")


@dataclass(frozen=True)
class FrontMatter:
    values: dict[str, Any] = field(default_factory=dict)
    end: int = 0  # offset where the body starts
    warnings: tuple[str, ...] = ()


def split_front_matter(text: str) -> FrontMatter:
    """Read the front matter block; a broken block is reported and ignored, never fatal."""
    opening = OPEN.match(text)
    if not opening:
        return FrontMatter()
    first_line = opening.group(1).count("\n") + 1  # the line of the opening ---
    start = opening.end()
    line_end = text.find("\n", start)
    if not YAML_START.match(text[start : line_end if line_end >= 0 else len(text)]) and not CLOSE.match(
        text, start
    ):
        return FrontMatter()  # a rule (---) above ordinary text, not front matter
    closing = CLOSE.search(text, start, start + MAX_BLOCK)
    if closing is None:
        gap = BLANK_LINE.search(text, start)
        end = gap.end() if gap else len(text)
        where = f"front matter at line {first_line}"
        return FrontMatter(
            end=end, warnings=(f"{where}: opened with '---' but not closed by a '---' line; ignored",)
        )
    end = closing.end() + (1 if text[closing.end() : closing.end() + 1] == "\n" else 0)
    block = text[start : closing.start()]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" at line {first_line + 1 + mark.line}" if mark else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        return FrontMatter(end=end, warnings=(f"front matter{line}: {problem}; ignored",))
    except (ValueError, TypeError, OverflowError, RecursionError) as error:
        # PyYAML lets some bad values through as plain exceptions (date: 2022-13-45)
        problem = "nested too deeply" if isinstance(error, RecursionError) else _short(str(error))
        return FrontMatter(end=end, warnings=(f"front matter at line {first_line}: {problem}; ignored",))
    warnings: list[str] = []
    if not text[end:].strip():
        warnings.append("no article text after the front matter")
    if data is None:
        return FrontMatter(end=end, warnings=tuple(warnings))
    if not isinstance(data, dict):
        warnings.insert(0, f"front matter at line {first_line} is not a list of 'key: value' lines; ignored")
        return FrontMatter(end=end, warnings=tuple(warnings))
    values: dict[str, Any] = {}
    for key, value in data.items():
        problem = _accept(key, value, values)
        if problem:
            warnings.append(f"front matter: {problem}")
    return FrontMatter(values=values, end=end, warnings=tuple(warnings))


def _accept(key: Any, value: Any, values: dict[str, Any]) -> str | None:
    """Store one key's value in values, or say why it is dropped."""
    if not isinstance(key, str) or key not in KEYS:
        return f"unknown key '{_short(str(key))}' ignored"
    if value is None:
        return None
    if key == "date":
        if isinstance(value, dt.datetime):
            value = value.date()
        elif isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                return f"date '{_short(value)}' is not a date like 2022-04-06; ignored"
    if not isinstance(value, KEYS[key]) or (key != "ignore" and isinstance(value, bool)):
        return f"'{key}' should be {_kind(key)}, got {_type(value)}; ignored"
    if isinstance(value, str):
        value = " ".join(value.split())
        if not value:
            return None
        if key in ("title", "outlet") and len(value) > MAX_TEXT:
            return f"'{key}' is longer than {MAX_TEXT} characters; ignored"
        if key == "url" and not _web_url(value):
            return f"url '{_short(value)}' is not an http:// or https:// address; ignored"
        if key == "language":
            code = LANGUAGE.fullmatch(value.lower())
            if not code:
                return f"language '{_short(value)}' is not a language code like 'en'; ignored"
            value = code.group(1)
    values[key] = value
    return None


def _web_url(value: str) -> bool:
    if any(ch.isspace() or ord(ch) < 32 for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _kind(key: str) -> str:
    return {"date": "a date", "ignore": "true or false"}.get(key, "text")


def _type(value: Any) -> str:
    return {
        "list": "a list",
        "dict": "a mapping",
        "int": "a number",
        "float": "a number",
        "bool": "true/false",
    }.get(type(value).__name__, type(value).__name__)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
