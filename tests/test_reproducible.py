"""The same input builds byte-identical output, wherever it lives and however it is run."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "fixtures" / "bad"
CONFIG = ROOT / "timeline.yaml"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def project(where: Path) -> Path:
    """A copy of the inputs (seed articles, the bad-input corpus, a few made-up bad files) at where."""
    articles = where / "articles"
    shutil.copytree(ROOT / "articles", articles)
    shutil.copytree(BAD, articles / "bad")
    (articles / "bad" / "empty.txt").write_bytes(b"")
    (articles / "bad" / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00")
    (articles / "bad" / "ru.txt").write_bytes(
        "Песков заявил 5 июня 2022 года, что встречи не будет.\n".encode("cp1251")
    )
    shutil.copy(CONFIG, where / "timeline.yaml")
    return where


def build(
    where: Path, out: Path, seed: str, jobs: str, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env.update(PYTHONHASHSEED=seed, **(extra_env or {}))
    command = [sys.executable, "-m", "timeline", "build", "--articles", "articles", "--config", "timeline.yaml",
               "--out", str(out), "--no-cache", "--quiet", "--jobs", jobs]  # fmt: skip
    result = subprocess.run(command, cwd=where, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    if not CONFIG.is_file():
        pytest.skip("needs the project's timeline.yaml")
    first = project(tmp_path_factory.mktemp("first-place"))
    second = project(tmp_path_factory.mktemp("somewhere-else"))
    build(first, first / "site", seed="1", jobs="1")
    build(second, second / "out" / "other-name", seed="2", jobs="2")
    return first, first / "site", second, second / "out" / "other-name"


def test_two_builds_are_byte_identical(two_builds):
    _, one, _, two = two_builds
    a, b = snapshot(one), snapshot(two)
    assert sorted(a) == sorted(b)
    different = [path for path in a if a[path] != b[path]]
    assert different == []


def test_the_output_names_no_path_of_the_machine(two_builds):
    first, one, second, _ = two_builds
    needles = {str(first), str(second), str(ROOT), str(Path.home()), str(first.resolve())}
    for relpath, data in snapshot(one).items():
        text = data.decode("utf-8", "replace")
        for needle in needles:
            assert needle not in text, f"{relpath} names {needle}"


def test_no_wall_clock_time_in_the_output(two_builds):
    _, one, _, _ = two_builds
    today = dt.date.today()
    stamps = {
        today.isoformat(),
        (today - dt.timedelta(days=1)).isoformat(),
        today.strftime("%d %B %Y").lstrip("0"),
    }
    for relpath, data in snapshot(one).items():
        text = data.decode("utf-8", "replace")
        for stamp in stamps:
            assert stamp not in text, f"{relpath} carries the build date {stamp}"


def test_a_rebuild_in_place_changes_nothing(two_builds, tmp_path):
    first, one, _, _ = two_builds
    before = snapshot(one)
    build(first, one, seed="3", jobs="2")
    assert snapshot(one) == before


def test_source_date_epoch_is_honoured_if_a_time_is_shown(tmp_path):
    """With SOURCE_DATE_EPOCH two builds at different moments are still identical."""
    if not CONFIG.is_file():
        pytest.skip("needs the project's timeline.yaml")
    where = project(tmp_path)
    build(where, where / "one", seed="4", jobs="1", extra_env={"SOURCE_DATE_EPOCH": "1700000000"})
    build(where, where / "two", seed="5", jobs="1", extra_env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert snapshot(where / "one") == snapshot(where / "two")
