"""The executor seam: same Articles in the same order however the work is spread."""

from __future__ import annotations

import pytest

from timeline import executor
from timeline.cli import main
from timeline.executor import SchedulerError, Task, check_scheduler, chunks, map_articles
from timeline.load import load_article

BODIES = [
    "Putin invites Zelensky\n\nApril {d}, 2021\n\nPutin said on Thursday that Zelensky was welcome in Moscow.\n",
    "Zelensky answers\n\nZelensky said on April {d} that he is ready to meet Putin in Kyiv.\n",
    "Peskov on talks\n\nKremlin spokesman Dmitry Peskov told reporters a meeting is possible only after the document is agreed ({d}).\n",
]


def tasks(n: int) -> list[Task]:
    return [
        Task(f"dir{i % 3}/t{i:03d}.txt", f"t{i:03d}", BODIES[i % 3].format(d=1 + i % 28).encode())
        for i in range(n)
    ]


@pytest.mark.parametrize("n, workers", [(1, 1), (7, 2), (100, 2), (1000, 2), (5000, 4), (10, 16)])
def test_chunks_cover_every_task_once_in_order(n, workers):
    parts = chunks(tasks(n), workers)
    assert [t for part in parts for t in part] == tasks(n)
    assert all(1 <= len(part) <= executor.CHUNK_MAX for part in parts)


def test_empty_is_empty(mini_config):
    assert map_articles([], mini_config, jobs=2) == []


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_worker_processes_give_what_one_process_gives(mini_config, monkeypatch, jobs):
    monkeypatch.setattr(executor, "IN_PROCESS_BELOW", 0)  # use worker processes even for a few files
    work = tasks(40)
    expected = [load_article(t.relpath, t.data, mini_config, t.article_id) for t in work]
    seen: list[int] = []
    assert map_articles(work, mini_config, jobs=jobs, advance=seen.append) == expected
    assert sum(seen) == len(work)


def test_small_batches_stay_in_process(mini_config, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started for a small batch")

    monkeypatch.setattr(executor, "_processes", no_pool)
    assert len(map_articles(tasks(5), mini_config, jobs=2)) == 5


def test_scheduler_without_dask_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(executor, "dask_available", lambda: False)
    with pytest.raises(SchedulerError, match=r"timeline\[dask\]"):
        check_scheduler("local")
    check_scheduler(None)  # the default needs nothing


def test_cli_scheduler_without_dask_exits_2_with_one_line(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(executor, "dask_available", lambda: False)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(BODIES[0].format(d=1))
    code = main(
        [
            "build",
            "--articles",
            str(folder),
            "--config",
            "tests/fixtures/mini.yaml",
            "--out",
            str(tmp_path / "out"),
            "--scheduler",
            "local",
        ]
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and "timeline[dask]" in err[0]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_positive(value, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["build", "--jobs", value])
    assert exit_.value.code == 2


def test_memory_is_released_without_changing_anything(monkeypatch):
    """release_memory() calls malloc_trim where there is one, and is a no-op where there is none."""
    calls = []
    monkeypatch.setattr(executor, "_TRIM", [lambda pad: calls.append(pad)])
    executor.release_memory()
    assert calls == [0]
    monkeypatch.setattr(executor, "_TRIM", [None])
    executor.release_memory()
    assert calls == [0]
    monkeypatch.setattr(executor, "_TRIM", [])
    executor.release_memory()  # the real one (or none on this system): must not fail
