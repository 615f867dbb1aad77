"""The loader's results, kept between builds so that an unchanged article is never parsed twice.

An entry is one Article, found by (relative path, article id, sha256 of the file's bytes). All
entries made with one configuration and one version of the code live in ONE file, named after
that (configuration digest, code version) pair: a rebuild then opens one file instead of ten
thousand, and a change to the configuration or to any module or lexicon of the package simply
selects another file (the old ones are pruned).

Inside the file the entries are grouped in segments of up to SEGMENT articles, each ONE pickle of
(keys, articles): the classes, language codes and rule names are then decoded once per segment,
not once per article, and shared in memory. A rebuild after one new article copies the bytes of
the segments it still uses and pickles only the new articles (with those of other small
segments) into one more; a segment with too many entries no longer used is rewritten without
them. Decoding runs with the cyclic
garbage collector paused and then freezes what was decoded (gc.freeze): the records live for the
whole build, and every later collection would otherwise walk all of them again.

The file starts with a header (format, configuration digest, code version, and each segment's
length and CRC-32); a file whose header, lengths or checksums do not match is ignored and
rebuilt, never trusted. Files are written to a temporary name and renamed into place, so a build
that is killed half-way leaves the previous cache intact. The cache folder must be as trusted as
the code: entries are pickles.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import logging
import os
import pickle
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import timeline
from timeline.model import Article

log = logging.getLogger(__name__)

DEFAULT_FOLDER = Path(".timeline-cache")
FORMAT = 3
MAGIC = b"timeline-cache\n"
KEEP_FILES = 4  # article-cache files kept for other (configuration, code) pairs
# Articles per segment: one pickle of a few hundred shares the memo well enough and encodes 2-3x
# quicker than one of 10,000 (whose memo table outgrows the processor's caches).
SEGMENT = 128

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


@dataclass
class _Segment:
    """One pickle of (keys, articles) inside the cache file; `skip` lists the positions of the
    entries it still holds but that are no longer part of the cache."""

    data: memoryview | bytes
    count: int
    skip: frozenset[int] = frozenset()
    keys: list[Key] | None = None  # once decoded; None: not decoded, or undecodable


class ArticleCache:
    """Cached Articles for one configuration digest and the running code.

    `get`/`get_many` answer from the file read at start; `put` records a fresh Article; `save`
    writes the entries used by this build (what was neither asked for nor put is dropped) when
    anything changed, and ends the cache's part in the build: the file's bytes and the decoded
    records are let go (the build keeps its own list of articles). With folder None the cache is
    off: nothing is read or written.
    """

    def __init__(self, folder: Path | None, config_digest: str):
        self.folder = folder
        self.config_digest = config_digest
        self.code = code_version()
        self.hits = 0
        self.misses = 0
        self._segments: list[_Segment] = []
        self._decoded: dict[Key, tuple[Article, int]] | None = None  # key -> (article, segment index)
        self._used: set[Key] = set()
        self._fresh: dict[Key, Article] = {}
        self.problem: str | None = None  # why an existing file was not trusted
        self._extras: dict[str, dict] = {}  # memo name -> its shards as read (load_extra)
        if folder is not None:
            self._segments = self._read()

    @property
    def path(self) -> Path | None:
        if self.folder is None:
            return None
        name = hashlib.sha256(f"{FORMAT}\0{self.config_digest}\0{self.code}".encode()).hexdigest()[:24]
        return self.folder / f"articles-{name}.bin"

    def get(self, key: Key) -> Article | None:
        return self.get_many([key])[0]

    def get_many(self, keys: list[Key]) -> list[Article | None]:
        """The cached Article of each key, None for a miss."""
        entries = self._entries()
        out: list[Article | None] = []
        for key in keys:
            found = entries.get(key)
            if found is None:
                self.misses += 1
                out.append(None)
            else:
                self.hits += 1
                self._used.add(key)
                out.append(found[0])
        return out

    def _entries(self) -> dict[Key, tuple[Article, int]]:
        """Every segment decoded once, with the collector paused, and the result frozen."""
        if self._decoded is not None:
            return self._decoded
        decoded: dict[Key, tuple[Article, int]] = {}
        with _no_gc():
            for index, segment in enumerate(self._segments):
                try:
                    keys, articles = pickle.loads(segment.data)
                    if not (
                        isinstance(keys, list)
                        and isinstance(articles, list)
                        and len(keys) == len(articles) == segment.count
                    ):
                        raise ValueError("unexpected shape")
                except Exception as error:  # a damaged segment despite its checksum: parse its articles again
                    log.warning("cache: a damaged segment of %s was ignored (%s)", self.path, error)
                    continue
                segment.keys = keys
                for position, (key, article) in enumerate(zip(keys, articles, strict=True)):
                    if position in segment.skip:
                        continue
                    if (
                        isinstance(article, Article)
                        and isinstance(key, tuple)
                        and (article.file, article.id, article.sha256) == key
                    ):
                        decoded[key] = (article, index)
            if decoded:
                gc.freeze()  # the records live for the whole build: later collections need not walk them
        self._decoded = decoded
        return decoded

    def put(self, article: Article, key: Key | None = None) -> None:
        if self.folder is None:
            return
        key = key or (article.file, article.id, article.sha256)
        self._fresh[key] = article

    @property
    def changed(self) -> bool:
        return bool(self._fresh) or self._used != set(self._entries())

    def save(self) -> None:
        """Write this build's entries, atomically, if they differ from what was read; then let go
        of the file's bytes and the decoded records."""
        try:
            if self.folder is not None and self.changed:
                self._write()
        finally:
            self._segments, self._decoded, self._used, self._fresh = [], {}, set(), {}

    def _write(self) -> None:
        decoded = self._entries()
        kept: list[_Segment] = []
        again: dict[
            Key, Article
        ] = {}  # entries pickled anew: the fresh ones and those of small or sparse segments
        for index, segment in enumerate(self._segments):
            if segment.keys is None:
                continue
            live = [
                i
                for i, key in enumerate(segment.keys)
                if key in self._used and i not in segment.skip and decoded[key][1] == index
            ]
            if not live:
                continue
            if 4 * len(live) >= 3 * segment.count and 4 * segment.count >= SEGMENT:
                kept.append(
                    _Segment(segment.data, segment.count, frozenset(range(segment.count)) - frozenset(live))
                )
            else:
                again.update((segment.keys[i], decoded[segment.keys[i]][0]) for i in live)
        again.update(self._fresh)
        pending = list(again.items())
        with _no_gc():
            for start in range(0, len(pending), SEGMENT):
                part = pending[start : start + SEGMENT]
                data = pickle.dumps(
                    ([k for k, _ in part], [a for _, a in part]), protocol=pickle.HIGHEST_PROTOCOL
                )
                kept.append(_Segment(data, len(part)))
        header = json.dumps(
            {
                "format": FORMAT,
                "config": self.config_digest,
                "code": self.code,
                "segments": [
                    {
                        "count": s.count,
                        "length": len(s.data),
                        "crc32": zlib.crc32(s.data),
                        "skip": sorted(s.skip),
                    }
                    for s in kept
                ],
            },
            sort_keys=True,
        ).encode()
        assert self.path is not None
        write_bytes_atomically(self.path, [MAGIC, header, b"\n", *(s.data for s in kept)])
        self._prune()

    def _extra_path(self, name: str) -> Path:
        assert self.path is not None
        return self.path.with_name(f"{name}-{self.path.stem.removeprefix('articles-')}.pickle")

    def load_extra(self, name: str) -> dict:
        """A build-wide memo kept beside the articles, valid for the same configuration and code
        (e.g. the statements' target dates, timeline.clocks); empty when missing or damaged.

        The memo is stored in shards (each of its innermost dicts split by key, EXTRA_SHARDS
        ways): save_extra copies the bytes of a shard whose keys did not change instead of
        pickling it again (the values of a memo are functions of their keys)."""
        if self.folder is None:
            return {}
        try:
            data = self._extra_path(name).read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as error:
            log.warning("cache: the %s memo was ignored (%s)", name, error)
            return {}
        try:
            with _no_gc():
                memo, shards = _decode_memo(data)
        except Exception as error:  # a damaged memo: compute afresh
            log.warning("cache: the %s memo was ignored (%s)", name, error)
            return {}
        self._extras[name] = shards
        return memo

    def save_extra(self, name: str, data: dict) -> None:
        if self.folder is None:
            return
        path = self._extra_path(name)
        write_bytes_atomically(path, _encode_memo(data, self._extras.pop(name, {})))
        for old in self.folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)

    def _read(self) -> list[_Segment]:
        path = self.path
        assert path is not None
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as error:
            self.problem = f"unreadable ({error})"
            return []
        segments = self._decode(data)
        if segments is None:
            log.warning("cache: %s %s; rebuilding it", path, self.problem)
        return segments or []

    def _decode(self, data: bytes) -> list[_Segment] | None:
        """The segments of a file whose header, lengths and checksums all agree; else None."""
        if not data.startswith(MAGIC):
            self.problem = "is not a timeline cache file"
            return None
        end = data.find(b"\n", len(MAGIC))
        try:
            header = json.loads(data[len(MAGIC) : end])
        except ValueError:
            self.problem = "has a damaged header"
            return None
        if (
            not isinstance(header, dict)
            or header.get("format") != FORMAT
            or header.get("code") != self.code
            or header.get("config") != self.config_digest
        ):
            self.problem = "was made by another version or configuration"
            return None
        payload = memoryview(data)[end + 1 :]
        segments, at = [], 0
        try:
            for entry in header["segments"]:
                length, count = entry["length"], entry["count"]
                if not (
                    type(length) is int
                    and type(count) is int
                    and 0 < length <= len(payload) - at
                    and count > 0
                ):
                    raise ValueError("bad length")
                part = payload[at : at + length]
                if zlib.crc32(part) != entry["crc32"]:
                    raise ValueError("bad checksum")
                segments.append(_Segment(part, count, frozenset(int(i) for i in entry["skip"])))
                at += length
            if at != len(payload):
                raise ValueError("trailing bytes")
        except (KeyError, TypeError, ValueError):
            self.problem = "is truncated or corrupt (length or checksum mismatch)"
            return None
        return segments

    def _prune(self) -> None:
        """Keep the few most recently written article caches; older configurations or code go."""
        assert self.folder is not None
        files = sorted(self.folder.glob("articles-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP_FILES:]:
            if old != self.path:
                old.unlink(missing_ok=True)


EXTRA_MAGIC = b"timeline-memo 2\n"
EXTRA_SHARDS = 16
Shard = tuple[tuple[str, ...], int]  # (the path of an innermost dict in the memo, shard number)


def _leaves(data: dict, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], dict]]:
    """The innermost dicts of a memo, with their paths: a dict all of whose keys are strings and
    values dicts is a branch, anything else a leaf."""
    if data and all(isinstance(k, str) and isinstance(v, dict) for k, v in data.items()):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    else:
        yield path, data


def _shard_of(key: object) -> int:
    """A key's shard, from its first string (an article id, a digest) when it opens with one:
    the repr of a long tuple key cost more than the rest of the memo's saving."""
    probe = key
    while isinstance(probe, tuple) and probe:
        probe = probe[0]
    text = probe if isinstance(probe, str) else repr(key)
    return zlib.crc32(text.encode("utf-8", "surrogatepass")) % EXTRA_SHARDS


def _encode_memo(data: dict, before: dict[Shard, tuple[frozenset, bytes, dict]]) -> list[bytes]:
    """The memo's file: a header, then one pickle per shard; a shard holding the very keys it held
    when read is copied, not pickled again."""
    parts: list[bytes] = []
    entries = []
    with _no_gc():
        for path, leaf in _leaves(data):
            split: list[dict] = [{} for _ in range(EXTRA_SHARDS)]
            for key, value in leaf.items():
                split[_shard_of(key)][key] = value
            for number, part in enumerate(split):
                old = before.get((path, number))
                if old is not None and old[0] == part.keys():
                    blob = old[1]
                else:
                    blob = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
                entries.append(
                    {"path": list(path), "shard": number, "length": len(blob), "crc32": zlib.crc32(blob)}
                )
                parts.append(blob)
    header = json.dumps({"format": 1, "shards": entries}, sort_keys=True).encode()
    return [EXTRA_MAGIC, header, b"\n", *parts]


def _decode_memo(data: bytes) -> tuple[dict, dict[Shard, tuple[frozenset, bytes, dict]]]:
    """The memo, and each shard's (keys, bytes, entries); raises on any damage."""
    if not data.startswith(EXTRA_MAGIC):
        raise ValueError("not a memo file")
    end = data.index(b"\n", len(EXTRA_MAGIC))
    header = json.loads(data[len(EXTRA_MAGIC) : end])
    if header.get("format") != 1:
        raise ValueError("another format")
    memo: dict = {}
    shards: dict[Shard, tuple[frozenset, bytes, dict]] = {}
    at = end + 1
    for entry in header["shards"]:
        length = entry["length"]
        blob = data[at : at + length]
        if type(length) is not int or len(blob) != length or zlib.crc32(blob) != entry["crc32"]:
            raise ValueError("truncated or corrupt")
        at += length
        part = pickle.loads(blob)
        if not isinstance(part, dict):
            raise ValueError("unexpected shape")
        path = tuple(str(p) for p in entry["path"])
        node = memo
        for step in path[:-1]:
            node = node.setdefault(step, {})
        if path:
            node.setdefault(path[-1], {}).update(part)
        else:
            memo.update(part)
        shards[(path, int(entry["shard"]))] = (frozenset(part), blob, part)
    if at != len(data):
        raise ValueError("trailing bytes")
    return memo, shards


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
