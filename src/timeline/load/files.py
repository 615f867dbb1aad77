"""Which files are articles, and reading one without ever failing the build.

Every .txt or .md file under the articles folder (sub-folders included) is an article file; hidden
files and folders, editor backups (foo.txt~, #foo.txt#, .#foo.txt) and other kinds of file are
ignored. Symbolic links are never followed out of the folder: a link to a file outside is recorded
with a warning and not read, a link to a folder is not entered (outside: with a warning), a loop
or a broken link cannot hang or crash the walk.

A file that holds no text (empty, whitespace only, binary), is over the size limit or cannot be
read still gets a record, with no content and one "skipped: ..." warning naming why, so the
problem shows wherever warnings show (the build's output, `timeline check`, the export, the site's
review page) and through the same channel as every other warning.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from timeline.cache import write_bytes_atomically
from timeline.config import Config
from timeline.load.article import INTERNAL_ERROR, SKIPPED, bare_article, load_article
from timeline.load.decode import size_text
from timeline.load.ids import article_ids
from timeline.model import Article

log = logging.getLogger(__name__)
ARTICLE_SUFFIXES = (".txt", ".md")
MAX_DEPTH = 64
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class ArticlesFolderError(Exception):
    """The articles folder itself is missing or unreadable (not a problem of one article)."""


@dataclass(frozen=True)
class ArticleFile:
    relpath: str  # posix path relative to the articles folder, printable
    path: Path  # where to read it
    id: str
    problem: str | None = None  # why it must not be read (a link out of the folder ...)


def printable(name: str) -> str:
    """A file name as it can be shown and stored: undecodable bytes and control characters replaced."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return CONTROL.sub("\ufffd", name)


def is_candidate(name: str) -> bool:
    """Is a file of this name an article file (not hidden, not a backup, a text suffix)?"""
    if name.startswith((".", "#", "~")) or name.endswith(("~", "#")):
        return False
    return os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES


def find_article_files(root: Path) -> list[ArticleFile]:
    """Every article file under root, sorted by relative path, each with its id."""
    try:
        real_root = root.resolve(strict=True)
    except (OSError, RuntimeError):
        raise ArticlesFolderError(f"{root}: articles folder not found") from None
    if not real_root.is_dir():
        raise ArticlesFolderError(f"{root}: not a folder")
    try:
        os.listdir(real_root)
    except OSError as error:
        raise ArticlesFolderError(f"{root}: cannot read the articles folder: {error.strerror}") from None
    found: dict[str, tuple[Path, str | None]] = {}
    regular: set[str] = set()  # real paths of the regular files, filled only when there are links
    links: list[tuple[str, Path, str]] = []  # (relpath, path, real target) of links to files inside
    _walk(root, real_root, (), found, regular, links, str(root))
    if links:  # only then is it worth resolving every regular file (an lstat per path component)
        regular.update(os.path.realpath(path) for path, problem in found.values() if problem is None)
    for relpath, path, target in links:
        if target in regular:
            log.info(
                "%s/%s: symbolic link to another article file; read once, under its own name", root, relpath
            )
            continue
        found[relpath] = (path, None)
    ids = article_ids(found)
    return [
        ArticleFile(relpath, path, ids[relpath], problem)
        for relpath, (path, problem) in sorted(found.items())
    ]


def _walk(
    folder: Path, real_root: Path, rel: tuple[str, ...], found, regular: set[str], links, top: str
) -> None:
    where = "/".join((top, *rel))
    if len(rel) > MAX_DEPTH:
        log.warning("%s: folders nested more than %d deep; not read", where, MAX_DEPTH)
        return
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as error:
        log.warning("%s: cannot read this folder: %s; its articles are left out", where, error.strerror)
        return
    prefix = "".join(part + "/" for part in rel)
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        shown = name if name.isprintable() and name.isascii() else printable(name)
        relpath = f"{prefix}{shown}"
        try:
            if entry.is_symlink():
                _link(entry, relpath, Path(entry.path), real_root, found, links, top)
            elif entry.is_dir(follow_symlinks=False):
                _walk(Path(entry.path), real_root, (*rel, shown), found, regular, links, top)
            elif is_candidate(name):
                if entry.is_file(follow_symlinks=False):
                    found[relpath] = (Path(entry.path), None)
                else:
                    log.warning("%s/%s: not a regular file (a pipe, a device ...); ignored", top, relpath)
        except OSError as error:
            log.warning("%s/%s: cannot read: %s; ignored", top, relpath, error.strerror)


def _link(entry: os.DirEntry, relpath: str, path: Path, real_root: Path, found, links, top: str) -> None:
    try:
        target_stat = os.stat(entry.path)  # follows the link: ELOOP for a loop, ENOENT when broken
        target = os.path.realpath(entry.path)
    except OSError as error:
        problem = "symbolic link loop" if error.errno == getattr(os, "ELOOP", 40) else "broken symbolic link"
        if is_candidate(entry.name):
            found[relpath] = (path, f"{problem}; not read")
        else:
            log.warning("%s/%s: %s; ignored", top, relpath, problem)
        return
    inside = os.path.commonpath([target, str(real_root)]) == str(real_root)
    if stat.S_ISDIR(target_stat.st_mode):
        if not inside:
            log.warning(
                "%s/%s: symbolic link to a folder outside the articles folder; not followed", top, relpath
            )
        return  # a folder inside is read where it is
    if not is_candidate(entry.name):
        return
    if not inside:
        found[relpath] = (path, "symbolic link to a file outside the articles folder; not read")
    elif not stat.S_ISREG(target_stat.st_mode):
        log.warning("%s/%s: not a regular file (a pipe, a device ...); ignored", top, relpath)
    else:
        links.append((relpath, path, target))


def read_article_file(file: ArticleFile, max_bytes: int) -> tuple[bytes, str | None]:
    """The file's bytes, or why it is not read; never raises, never blocks on a pipe."""
    if file.problem:
        return b"", file.problem
    try:
        fd = os.open(file.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        return b"", f"cannot read the file: {error.strerror}"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return b"", "not a regular file"
        if info.st_size > max_bytes:
            return (
                b"",
                f"the file is {size_text(info.st_size)}, over the limit of {size_text(max_bytes)} (limits.max_bytes)",
            )
        # Ask for the size fstat gave (plus one byte, to notice a file that grew): a read of
        # max_bytes + 1 would allocate megabytes for every 2 KB file.
        want = min(info.st_size, max_bytes) + 1
        chunks, got = [], 0
        while got <= max_bytes:
            chunk = os.read(fd, max(want - got, 65536) if got else want)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        if len(data) > max_bytes:
            return b"", f"the file is over the limit of {size_text(max_bytes)} (limits.max_bytes)"
        return data, None
    except OSError as error:
        return b"", f"cannot read the file: {error.strerror}"
    finally:
        os.close(fd)


# A recorded file is trusted unchanged only when its modification and change times are this much
# older than the moment its record was taken: a file written in the same tick as (or just after)
# the stat can carry the very same times, and file systems' clocks are coarse (FAT: 2 s).
RACY_NS = 2_000_000_000
STAMPS_FORMAT = 1

Stamp = tuple[int, int, int, int, int]  # (size, mtime_ns, ctime_ns, inode, device)


def stamp_of(info: os.stat_result) -> Stamp:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


class Stamps:
    """The sha256 of each article file under what stat says of it, kept between builds (as git's
    index does): a file whose size, times, inode and device are those recorded is not read nor
    hashed again. The change time (ctime) is set by the kernel on every write and on every change
    of the other times, so restoring a modification time by hand does not hide an edit; a file
    whose times are not older than the record by RACY_NS is read again (racy-git rule).

    With folder None nothing is remembered: every file is read."""

    def __init__(self, folder: Path | None, root: Path):
        self.taken = time.time_ns()  # before any stat of this build
        self.path: Path | None = None
        self.before = 0  # when the loaded records were taken
        self.known: dict[str, tuple[Stamp, str]] = {}
        self.now: dict[str, tuple[Stamp, str]] = {}
        self.hashed = 0
        self.root = ""
        if folder is None:
            return
        try:
            where = os.path.realpath(root)
        except (OSError, ValueError):
            return
        self.root = printable(where)
        name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.path = folder / f"files-{name}.json"
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if raw.get("format") == STAMPS_FORMAT and raw.get("root") == self.root:
                self.before = int(raw["taken"])
                self.known = {
                    k: (tuple(int(x) for x in v[0]), str(v[1]))  # type: ignore[misc]
                    for k, v in raw["files"].items()
                    if len(v[0]) == 5
                }
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
            log.warning("cache: %s is damaged (%s); every article is read again", self.path, error)
            self.before, self.known = 0, {}

    def sha(self, relpath: str, info: os.stat_result) -> str | None:
        """The recorded sha256 of an unchanged file, or None: read and hash it."""
        found = self.known.get(relpath)
        limit = self.before - RACY_NS
        if (
            found is not None
            and found[0] == stamp_of(info)
            and info.st_mtime_ns < limit
            and info.st_ctime_ns < limit
        ):
            self.now[relpath] = found
            return found[1]
        return None

    def record(self, relpath: str, info: os.stat_result, sha: str) -> None:
        """A file read and hashed in this build (info: its stat taken before the read)."""
        self.hashed += 1
        self.now[relpath] = (stamp_of(info), sha)

    def forget(self, relpath: str) -> None:
        """A file trusted by its stamp but found different when read: never trust that record."""
        self.now.pop(relpath, None)
        self.hashed += 1

    def save(self) -> None:
        """Write this build's records when any file was hashed or is gone (atomically)."""
        if self.path is None or (not self.hashed and self.now.keys() == self.known.keys()):
            return
        where = self.path.name
        try:
            body = {
                "format": STAMPS_FORMAT,
                "root": self.root,
                "taken": self.taken,
                "files": {k: [list(v[0]), v[1]] for k, v in sorted(self.now.items())},
            }
            write_bytes_atomically(self.path, [json.dumps(body).encode("utf-8")])
        except OSError as error:
            log.warning("cache: could not write %s (%s)", where, error)


def load_file(file: ArticleFile, config: Config) -> Article:
    """One article file in, one Article out: read, checked, loaded; never raises."""
    data, problem = read_article_file(file, config.limits.max_bytes)
    if problem:
        return bare_article(file.relpath, file.id, data, SKIPPED + problem, config.site.language)
    return load_article(file.relpath, data, config, file.id)  # which checks the content itself


# Warnings about the file itself (as opposed to what the text lacks, like a date): shown by `build`.
INPUT_PROBLEMS = (
    SKIPPED,
    INTERNAL_ERROR,
    "not UTF-8",
    "not valid UTF-8",
    "front matter",
    "removed ",
    "no article text",
)


def input_problems(article: Article) -> list[str]:
    return [w for w in article.warnings if w.startswith(INPUT_PROBLEMS)]
