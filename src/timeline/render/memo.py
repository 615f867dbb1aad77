"""A store of pieces kept between builds in the cache folder, by the digest of what they are made of.

Each build loads the pieces the previous one kept, makes only those whose key is new, and keeps
exactly the pieces it used (so the store never grows beyond one build's worth). One file per
name and salt (templates, configuration and code digests): an edit to any of them starts afresh.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
FORMAT = 1


class Memo:
    """{key: value} read at the start of a build and written (atomically) at its end.

    Values are marshalled (plain data: str, numbers, tuples, lists, dicts), or pickled with
    `pickled` (records such as the pages' views)."""

    def __init__(self, folder: Path | None, name: str, salt: str = "", pickled: bool = False):
        digest = hashlib.sha256(f"{FORMAT}\0{name}\0{salt}".encode()).hexdigest()[:24]
        self.name = name
        self.path = folder / f"{name}-{digest}.bin" if folder is not None else None
        self.pickled = pickled
        self._old: dict[Any, Any] = {}
        self._new: dict[Any, Any] = {}
        self.made = 0
        if self.path is None:
            return
        try:
            data = self.path.read_bytes()
            loaded = pickle.loads(data) if pickled else marshal.loads(data)
            if isinstance(loaded, dict):
                self._old = loaded
        except FileNotFoundError:
            pass
        except Exception as error:  # noqa: BLE001 - a damaged cache file is rebuilt, never trusted
            log.warning("cache: %s is damaged (%s); making afresh", self.path, error)

    def get(self, key: Any, make: Callable[[], Any]) -> Any:
        value = self._new.get(key)
        if value is None:
            value = self._old.get(key)
            if value is None:
                value = make()
                self.made += 1
            self._new[key] = value
        return value

    def save(self) -> None:
        """Keep the pieces this build used, when enough differ from what was read: rewriting the
        whole store for a handful of new pieces costs more than making them again next time."""
        if self.path is None or not worth_saving(
            self.made, len(self._new), len(self._old.keys() - self._new.keys()), len(self._old)
        ):
            return
        from timeline.cache import write_bytes_atomically

        if self.pickled:
            _pickle_atomically(self.path, self._new)
        else:
            write_bytes_atomically(self.path, [marshal.dumps(self._new)])
        for old in self.path.parent.glob(f"{self.name}-*.bin"):
            if old != self.path:
                old.unlink(missing_ok=True)


def _pickle_atomically(path: Path, value: Any) -> None:
    """cache.write_bytes_atomically for a pickle written straight into the file (the views of
    10,000 articles are 23 MB of pickle: never held as one bytes object)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def worth_saving(made: int, used: int, unused: int, stored: int) -> bool:
    """Write a store that holds nothing yet; rewrite one when a build made more than a few pieces
    (1 % of those it used, at least 50), or when a quarter of the stored pieces went unused; else
    the few new pieces are made again by the next build, which is cheaper than rewriting tens of
    megabytes."""
    if not stored:
        return made > 0
    return made > max(50, used // 100) or unused > max(50, used // 4)
