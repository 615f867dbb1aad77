"""Progress on long builds and the one-line summary at the end.

The counter goes to stderr and only when a person is watching: stderr is a terminal, CI is not
set, and --quiet was not given. It redraws at most ten times a second so that printing never
costs more than the work it reports. The summary goes to stdout always: it is the build's result.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from typing import TextIO


def wanted(quiet: bool = False, stream: TextIO | None = None) -> bool:
    """Whether to draw a counter: a terminal, outside CI, and not --quiet."""
    stream = stream if stream is not None else sys.stderr
    if quiet or os.environ.get("CI"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """A counter per stage ("loading 1,234/10,000"), redrawn in place on one stderr line."""

    def __init__(self, enabled: bool, stream: TextIO | None = None, interval: float = 0.1):
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self.stage = ""
        self.total = 0
        self.done = 0
        self._drawn = 0.0
        self._width = 0
        self.timings: dict[str, float] = {}  # seconds spent in each stage, for the benchmark
        self._since = time.perf_counter()

    def start(self, stage: str, total: int = 0) -> None:
        self._close()
        self.stage, self.total, self.done = stage, total, 0
        self._draw(force=True)

    def _close(self) -> None:
        now = time.perf_counter()
        if self.stage:
            self.timings[self.stage] = self.timings.get(self.stage, 0.0) + now - self._since
        self._since = now

    def advance(self, count: int = 1) -> None:
        self.done += count
        self._draw(force=self.done >= self.total > 0)

    def finish(self) -> None:
        """End the current stage and clear the line so that the summary stands alone."""
        self._close()
        self.stage = ""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._drawn < self.interval:
            return
        self._drawn = now
        text = f"{self.stage} {self.done:,}/{self.total:,}" if self.total else f"{self.stage} ..."
        pad = max(0, self._width - len(text))
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self._width = len(text)


def timings_line(timings: dict[str, float]) -> str:
    """'stages: reading 0.21 s, loading 3.10 s, ...' (printed on stderr when TIMELINE_STAGE_TIMES is set)."""
    return "stages: " + ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in timings.items())


@dataclass(frozen=True)
class Summary:
    """What the one-line summary reports."""

    out: str
    articles: int
    cached: int
    parsed: int
    events: int
    warnings: int
    pages: int
    written: int
    unchanged: int
    seconds: float


def summary_line(s: Summary) -> str:
    """'built build: 10,000 articles (9,999 from cache, 1 parsed), 812 events, 40 warnings, 10,900 pages (3 written, 10,897 unchanged), 1.02 s'."""
    return (
        f"built {s.out}: {s.articles:,} articles ({s.cached:,} from cache, {s.parsed:,} parsed), {s.events:,} events, "
        f"{s.warnings:,} warnings, {s.pages:,} pages ({s.written:,} written, {s.unchanged:,} unchanged), {s.seconds:.2f} s"
    )
