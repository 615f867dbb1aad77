"""The public time API: `from timeline import resolve_dates, infer_published`."""

from __future__ import annotations

import datetime as dt
import inspect

import timeline
from timeline import infer_published, resolve_dates


def test_exported_names() -> None:
    assert {"resolve_dates", "infer_published"} <= set(timeline.__all__)
    assert list(inspect.signature(resolve_dates).parameters)[:2] == ["text", "reference"]
    assert list(inspect.signature(infer_published).parameters)[0] == "text"


def test_resolve_dates_returns_spans_and_timeml_values() -> None:
    text = "On Friday, he said last week's talks and the April 6 remark mattered; last year was worse."
    found = resolve_dates(text, dt.date(2021, 4, 23))
    got = [(text[e.start : e.end], e.value) for e in found]
    assert got == [
        ("On Friday", "2021-04-23"),
        ("last week", "2021-W15"),
        ("April 6", "2021-04-06"),
        ("last year", "2020"),
    ]


def test_resolve_dates_on_plain_text_without_dates() -> None:
    assert resolve_dates("Nothing here, we may see.", dt.date(2021, 4, 23)) == []


def test_infer_published_with_a_dateline() -> None:
    est = infer_published("Headline\n\nApril 22, 2021\n\nPutin said on Thursday he was ready.\n")
    assert est.value == dt.date(2021, 4, 22)
    assert est.precision == "day"
    assert est.evidence[0].rule == "dateline"


def test_infer_published_abstains_without_evidence() -> None:
    est = infer_published("Putin said on Thursday he was ready.")
    assert est.value is None and est.precision == "unknown"


def test_infer_published_reads_a_dateline_with_page_furniture() -> None:
    est = infer_published(
        "Headline\n\nUpdated on: August 18, 2025 / 9:12 PM EDT / Some Outlet\n\nTrump said Monday he was ready.\n"
    )
    assert (est.value, est.precision) == (dt.date(2025, 8, 18), "day")


def test_resolve_dates_keeps_timeml_last_week_on_a_sunday() -> None:
    found = resolve_dates("Trump said last week that he was ready.", dt.date(2025, 8, 24))
    assert [e.value for e in found] == ["2025-W33"]


def test_inspect_into_a_closed_pipe_exits_quietly(tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    article = tmp_path / "a.txt"
    article.write_text(
        "Headline\n\nApril 22, 2021\n\n" + "It rained on Thursday and on Friday.\n" * 3000, encoding="utf-8"
    )
    config = Path(__file__).parent / "fixtures" / "dating.yaml"
    run = subprocess.run(
        f'"{sys.executable}" -m timeline inspect "{article}" --config "{config}" | head -1',
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.stdout.startswith("file: a.txt")
    assert "Traceback" not in run.stderr and "BrokenPipeError" not in run.stderr
