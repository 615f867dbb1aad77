"""Progress only when someone watches; the summary line always says what the build did."""

from __future__ import annotations

import io

import pytest

from timeline.progress import Progress, Summary, summary_line, wanted


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "tty, ci, quiet, expected",
    [
        (True, None, False, True),
        (False, None, False, False),
        (True, "1", False, False),
        (True, None, True, False),
        (True, "true", True, False),
    ],
)
def test_wanted_only_on_a_terminal_outside_ci(monkeypatch, tty, ci, quiet, expected):
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    stream = Terminal() if tty else io.StringIO()
    assert wanted(quiet, stream) is expected


def test_counter_redraws_in_place_and_clears():
    stream = Terminal()
    progress = Progress(True, stream, interval=0)
    progress.start("loading", 3)
    for _ in range(3):
        progress.advance()
    assert "loading 3/3" in stream.getvalue()
    assert "\n" not in stream.getvalue()
    progress.finish()
    assert stream.getvalue().endswith("\r")


def test_counter_is_throttled():
    stream = Terminal()
    progress = Progress(True, stream, interval=3600)
    progress.start("loading", 10_000)
    for _ in range(9_999):
        progress.advance()
    assert stream.getvalue().count("\r") == 1  # only the first draw; the last one is forced
    progress.advance()
    assert "10,000/10,000" in stream.getvalue()


def test_disabled_writes_nothing():
    stream = Terminal()
    progress = Progress(False, stream)
    progress.start("loading", 2)
    progress.advance(2)
    progress.finish()
    assert stream.getvalue() == ""


def test_summary_line():
    line = summary_line(Summary("build", 10_000, 9_999, 1, 812, 40, 10_900, 3, 10_897, 1.024))
    assert line == (
        "built build: 10,000 articles (9,999 from cache, 1 parsed), 812 events, 40 warnings, "
        "10,900 pages (3 written, 10,897 unchanged), 1.02 s"
    )
    assert "\n" not in line
