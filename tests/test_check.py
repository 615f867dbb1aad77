"""`timeline check`: the per-article verdicts, the line format, and --strict's exit status."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.build import analyse
from timeline.check import ArticleCheck, check_all, check_article, format_line, run_check
from timeline.cli import main
from timeline.model import Article, DateEstimate, Evidence

DAY = DateEstimate.day(dt.date(2021, 4, 22), (Evidence("dateline", "22 April 2021"),))
MONTH = DateEstimate(
    dt.date(2022, 4, 15),
    "month",
    dt.date(2022, 4, 1),
    dt.date(2022, 4, 30),
    (Evidence("url-date", "2022/04"),),
)


def article(**changes) -> Article:
    fields = dict(
        id="a1",
        file="a1.txt",
        sha256="0" * 64,
        text="",
        language="en",
        title="T",
        outlet="The Moscow Times",
        agencies=(),
        url=None,
        published=DAY,
        warnings=(),
    )
    fields.update(changes)
    return Article(**fields)


@pytest.mark.parametrize(
    ("changes", "reasons"),
    [
        ({}, ()),
        ({"published": DateEstimate.unknown()}, ("undated",)),
        ({"published": MONTH}, ("date only to the month",)),
        ({"outlet": None}, ("unknown outlet",)),
        ({"outlet": "Some Blog"}, ("outlet not in the configuration",)),
        ({"outlet": "Some Blog", "outlet_evidence": Evidence("front-matter", "Some Blog")}, ()),
        ({"warnings": ("odd encoding",)}, ("1 warning",)),
        ({"warnings": ("x", "y"), "outlet": None}, ("unknown outlet", "2 warnings")),
    ],
)
def test_reasons_for_review(mini_config, changes, reasons):
    result = check_article(article(**changes), mini_config)
    assert result.reasons == reasons
    assert result.needs_review == bool(reasons)


def test_fields_come_from_the_article(mini_config):
    result = check_article(article(published=MONTH, outlet=None, warnings=("w",)), mini_config)
    assert (result.date, result.precision, result.rule, result.outlet, result.statements) == (
        "2022-04-15",
        "month",
        "url-date",
        None,
        0,
    )
    assert result.warnings == ("w",)


@pytest.mark.parametrize(
    ("check", "expected"),
    [
        (
            ArticleCheck("a", "2021-04-22", "day", "dateline", "TASS", 1, (), ()),
            "ok      a  2021-04-22 (day, dateline)  TASS  1 statement",
        ),
        (
            ArticleCheck("a", "undated", "unknown", "none", None, 0, ("w1", "w2"), ("undated",)),
            "review  a  undated  outlet unknown  0 statements  warnings: w1; w2",
        ),
        (
            ArticleCheck("a", "2022-04-15", "month", "url-date", "X", 3, (), ("m",)),
            "review  a  2022-04-15 (month, url-date)  X  3 statements",
        ),
    ],
)
def test_format_line(check, expected):
    assert format_line(check) == expected


def test_ids_are_aligned():
    checks = [ArticleCheck(i, "undated", "unknown", "none", None, 0, (), ()) for i in ("a", "long-id")]
    lines = [format_line(c, 7) for c in checks]
    assert lines[0].index("undated") == lines[1].index("undated")


GOOD = """---
date: 2021-04-22
outlet: The Moscow Times
---
Putin ready to meet Zelensky in Moscow

Vladimir Putin said on Thursday that he was ready to meet Volodymyr Zelensky in Moscow "at any time".
"""
UNDATED = """A headline with no date

Volodymyr Zelensky said he was ready to meet Vladimir Putin.
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_uses_the_build_pipeline(tmp_path, mini_config):
    """Statements and dates are those of build.analyse, so check and the site never disagree."""
    folder = write(tmp_path / "articles", {"good.txt": GOOD, "undated.txt": UNDATED})
    articles, _ = analyse(folder, mini_config)
    checks = {c.id: c for c in check_all(articles, mini_config)}
    assert sorted(checks) == ["good", "undated"]
    for a in articles:
        assert checks[a.id].statements == len(a.claims)
    assert checks["good"].date == "2021-04-22"
    assert checks["good"].rule == "front-matter"
    assert not checks["good"].needs_review
    assert "undated" in checks["undated"].reasons


@pytest.mark.parametrize(
    ("files", "strict", "status"),
    [
        ({"good.txt": GOOD}, False, 0),
        ({"good.txt": GOOD}, True, 0),
        ({"good.txt": GOOD, "undated.txt": UNDATED}, False, 0),
        ({"good.txt": GOOD, "undated.txt": UNDATED}, True, 1),
    ],
)
def test_strict_exit_status(tmp_path, mini_config, files, strict, status):
    folder = write(tmp_path / "articles", files)
    lines: list[str] = []
    assert run_check(folder, mini_config, strict=strict, echo=lines.append) == status
    assert len(lines) == len(files) + 1
    assert lines[-1].startswith(f"{len(files)} articles")


def test_cli(tmp_path, capsys):
    folder = write(tmp_path / "articles", {"good.txt": GOOD, "undated.txt": UNDATED})
    config = str(Path(__file__).parent / "fixtures" / "mini.yaml")
    assert main(["check", "--articles", str(folder), "--config", config]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ok") and " good " in out[0]
    assert out[1].startswith("review") and " undated " in out[1]
    assert main(["check", "--strict", "--articles", str(folder), "--config", config]) == 1
    assert main(["check", "--articles", str(tmp_path / "missing"), "--config", config]) == 2
