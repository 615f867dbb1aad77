"""Article ids: the file's name without its extension, made unique and safe to use in a path.

The export promises that an article's id is its file's stem, and readers (the scorer among them)
match articles by it, so the plain stem is kept whenever it is unique and already safe. Only a
stem that clashes with another one (a/x.txt and b/x.txt, x.txt and x.md, X.txt and x.txt on a
case-insensitive disk) or that is not safe in a path or a URL (spaces, quotes, "..", non-ASCII
letters, a very long name) gets a slug followed by a short hash of its relative path: distinct,
and the same on every build whatever other files are present.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

# Letters, digits, _ . - ; starting and ending with a letter or digit (or _ -): never "." or "..".
SAFE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,98}[A-Za-z0-9_-])?")
PREFERRED_SUFFIX = ".txt"


def stem(relpath: str) -> str:
    """PurePosixPath(relpath).stem without building a path object (10,000 files per build)."""
    name = relpath.rpartition("/")[2]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _suffix(relpath: str) -> str:
    name = relpath.rpartition("/")[2]
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def is_safe(ident: str) -> bool:
    return bool(SAFE.fullmatch(ident)) and ".." not in ident


def slug(text: str, limit: int = 60) -> str:
    """Lowercase ASCII letters, digits and hyphens; accents dropped (é -> e); may be empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")


def _hashed(relpath: str, length: int = 8) -> str:
    base = slug(stem(relpath)) or "article"
    digest = hashlib.sha256(relpath.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{base}-{digest[:length]}"


def article_ids(relpaths: Iterable[str]) -> dict[str, str]:
    """{relative path: id} for every article file; deterministic, distinct, path-safe."""
    paths = sorted(set(relpaths))
    stems = {p: stem(p) for p in paths}
    safe = [p for p in paths if is_safe(stems[p])]
    ids: dict[str, str] = {}
    taken: set[str] = set()
    # Among files sharing a stem, the one nearest the top (then .txt, then by name) keeps it.
    for path in sorted(safe, key=lambda p: (p.count("/"), _suffix(p).lower() != PREFERRED_SUFFIX, p)):
        key = stems[path].casefold()
        if key not in taken:
            ids[path] = stems[path]
            taken.add(key)
    for path in paths:
        if path in ids:
            continue
        length = 8
        ident = _hashed(path, length)
        while ident.casefold() in taken:
            length += 4
            ident = _hashed(path, length)
        ids[path] = ident
        taken.add(ident.casefold())
    return {path: ids[path] for path in paths}


def article_id(relpath: str) -> str:
    """The id of one file on its own (no other file to clash with)."""
    return article_ids([relpath])[relpath]
