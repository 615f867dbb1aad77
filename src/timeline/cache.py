"""The loader's results, kept between builds so that an unchanged article is never parsed twice.

An entry is one Article, found by (relative path, article id, sha256 of the file's bytes). All
entries made with one configuration and one version of the code live in ONE file, named after
that (configuration digest, code version) pair: a rebuild then opens one file instead of ten
thousand, and a change to the configuration or to any module or lexicon of the package simply
selects another file (the old ones are pruned). Inside the file each Article is its own pickle
(decoded with the cyclic garbage collector paused: three to four times quicker for thousands of
small records), so rewriting the file after one new article copies bytes instead of re-encoding every
record, and only the records asked for are decoded.

The file starts with a header (format, configuration digest, code version, payload length and
CRC-32); a file whose header, length or checksum does not match is ignored and rebuilt, never
trusted. Files are written to a temporary name and renamed into place, so a build that is killed
half-way leaves the previous cache intact. The cache folder must be as trusted as the code:
entries are pickles.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import logging
import marshal
import os
import pickle
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import timeline
from timeline.model import Article

log = logging.getLogger(__name__)

DEFAULT_FOLDER = Path(".timeline-cache")
FORMAT = 2
MAGIC = b"timeline-cache\n"
KEEP_FILES = 4  # article-cache files kept for other (configuration, code) pairs

Key = tuple[str, str, str]  # (relative path, article id, sha256 of the bytes)


@functools.cache
def code_version() -> str:
    """timeline's version plus a hash of every module and lexicon of the package, once per process.

    Any edit to the loader's code or data must invalidate cached Articles, even without a new
    version number; hashing ~50 small files costs about a millisecond.
    """
    package = Path(timeline.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if (
            path.suffix in (".py", ".yaml", ".yml", ".json")
            and path.is_file()
            and "__pycache__" not in path.parts
        ):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return f"{timeline.__version__}+{digest.hexdigest()[:16]}"


@contextmanager
def _no_gc() -> Iterator[None]:
    """Decoding thousands of small records triggers the cyclic GC over and over for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class ArticleCache:
    """Cached Articles for one configuration digest and the running code.

    `get` answers from the file read at start; `put` records a fresh Article; `save` writes the
    entries used by this build (what was neither asked for nor put is dropped) when anything
    changed. With folder None the cache is off: nothing is read or written.
    """

    def __init__(self, folder: Path | None, config_digest: str):
        self.folder = folder
        self.config_digest = config_digest
        self.code = code_version()
        self.hits = 0
        self.misses = 0
        self._stored: dict[Key, bytes] = {}
        self._used: dict[Key, bytes] = {}
        self._fresh: dict[Key, bytes] = {}
        self.problem: str | None = None  # why an existing file was not trusted
        if folder is not None:
            self._stored = self._read()

    @property
    def path(self) -> Path | None:
        if self.folder is None:
            return None
        name = hashlib.sha256(f"{FORMAT}\0{self.config_digest}\0{self.code}".encode()).hexdigest()[:24]
        return self.folder / f"articles-{name}.bin"

    def get(self, key: Key) -> Article | None:
        blob = self._stored.get(key)
        if blob is None:
            self.misses += 1
            return None
        try:
            with _no_gc():
                article = pickle.loads(blob)
        except Exception as error:  # a damaged record: parse the file again
            log.warning("cache: a damaged entry for %s was ignored (%s)", key[0], error)
            self.misses += 1
            return None
        if not isinstance(article, Article) or (article.file, article.id, article.sha256) != key:
            self.misses += 1
            return None
        self.hits += 1
        self._used[key] = blob
        return article

    def get_many(self, keys: list[Key]) -> list[Article | None]:
        """get for many keys with the garbage collector paused once for all of them."""
        with _no_gc():
            return [self.get(key) for key in keys]

    def put(self, article: Article, key: Key | None = None) -> None:
        if self.folder is None:
            return
        key = key or (article.file, article.id, article.sha256)
        self._fresh[key] = pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL)

    @property
    def changed(self) -> bool:
        return bool(self._fresh) or set(self._used) != set(self._stored)

    def save(self) -> None:
        """Write this build's entries, atomically, if they differ from what was read."""
        if self.folder is None or not self.changed:
            return
        entries = {**self._used, **self._fresh}
        payload = marshal.dumps(entries)
        header = json.dumps(
            {
                "format": FORMAT,
                "config": self.config_digest,
                "code": self.code,
                "length": len(payload),
                "crc32": zlib.crc32(payload),
            },
            sort_keys=True,
        ).encode()
        assert self.path is not None
        write_bytes_atomically(self.path, [MAGIC, header, b"\n", payload])
        self._stored, self._used, self._fresh = entries, dict(entries), {}
        self._prune()

    def _extra_path(self, name: str) -> Path:
        assert self.path is not None
        return self.path.with_name(f"{name}-{self.path.stem.removeprefix('articles-')}.pickle")

    def load_extra(self, name: str) -> dict:
        """A build-wide memo kept beside the articles, valid for the same configuration and code
        (e.g. the statements' target dates, timeline.clocks); empty when missing or damaged."""
        if self.folder is None:
            return {}
        try:
            with _no_gc():
                data = pickle.loads(self._extra_path(name).read_bytes())
        except FileNotFoundError:
            return {}
        except Exception as error:  # a damaged memo: compute afresh
            log.warning("cache: the %s memo was ignored (%s)", name, error)
            return {}
        return data if isinstance(data, dict) else {}

    def save_extra(self, name: str, data: dict) -> None:
        if self.folder is None:
            return
        path = self._extra_path(name)
        write_bytes_atomically(path, [pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)])
        for old in self.folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)

    def _read(self) -> dict[Key, bytes]:
        path = self.path
        assert path is not None
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as error:
            self.problem = f"unreadable ({error})"
            return {}
        entries = self._decode(data)
        if entries is None:
            log.warning("cache: %s %s; rebuilding it", path, self.problem)
        return entries or {}

    def _decode(self, data: bytes) -> dict[Key, bytes] | None:
        if not data.startswith(MAGIC):
            self.problem = "is not a timeline cache file"
            return None
        end = data.find(b"\n", len(MAGIC))
        try:
            header = json.loads(data[len(MAGIC) : end])
        except ValueError:
            self.problem = "has a damaged header"
            return None
        payload = memoryview(data)[end + 1 :]
        if (
            not isinstance(header, dict)
            or header.get("format") != FORMAT
            or header.get("code") != self.code
            or header.get("config") != self.config_digest
        ):
            self.problem = "was made by another version or configuration"
            return None
        if header.get("length") != len(payload) or header.get("crc32") != zlib.crc32(payload):
            self.problem = "is truncated or corrupt (length or checksum mismatch)"
            return None
        try:
            entries = marshal.loads(payload)
        except (ValueError, EOFError, TypeError) as error:
            self.problem = f"cannot be decoded ({error})"
            return None
        if not isinstance(entries, dict):
            self.problem = "has an unexpected shape"
            return None
        return entries

    def _prune(self) -> None:
        """Keep the few most recently written article caches; older configurations or code go."""
        assert self.folder is not None
        files = sorted(self.folder.glob("articles-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP_FILES:]:
            if old != self.path:
                old.unlink(missing_ok=True)


def write_bytes_atomically(path: Path, parts: list[bytes]) -> None:
    """Write to a temporary file beside path, then rename it over path: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)  # mkstemp's 0600 would hide a shared cache from the other users of it
        with os.fdopen(fd, "wb") as f:
            for part in parts:
                f.write(part)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
