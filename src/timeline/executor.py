"""The one seam through which per-article work runs: in this process, over local processes, or on Dask.

`map_articles(tasks, config, jobs, scheduler)` returns one Article per task, in the tasks' order,
whatever ran them, so the build's output never depends on where or how widely it was loaded.

* locally, small batches are loaded in this process (starting workers costs more than it saves
  below a few hundred files on two cores); larger ones go to a ProcessPoolExecutor in chunks,
  the configuration sent once per worker through the initializer;
* with `scheduler` ("local" or a Dask scheduler address such as tcp://10.0.0.5:8786) the chunks
  go to a Dask distributed cluster; that needs the optional extra `timeline[dask]`.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from timeline.config import Config
from timeline.load import load_article
from timeline.model import Article

IN_PROCESS_BELOW = 200  # fewer uncached files than this are loaded without worker processes
CHUNK_MAX = 64  # files per chunk at most


def release_memory() -> None:
    """Give the memory freed by a finished stage back to the system (glibc's malloc_trim).

    Python keeps freed blocks for reuse, and the many small strings a stage frees are scattered
    between the ones still alive: without this, the peak of a cold build at 10,000 articles was
    the freed memory of normalizing plus what rendering allocates anew. Elsewhere a no-op."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


_TRIM: list = []


def _malloc_trim():
    if not _TRIM:
        try:
            _TRIM.append(ctypes.CDLL(None).malloc_trim)
        except (OSError, AttributeError):
            _TRIM.append(None)
    return _TRIM[0]


class SchedulerError(Exception):
    """The requested scheduler cannot be used (missing extra, unreachable cluster)."""


@dataclass(frozen=True)
class Task:
    """One file to load: its relative path, the id the build chose for it, and its bytes."""

    relpath: str
    article_id: str | None
    data: bytes


Advance = Callable[[int], None]


def map_articles(
    tasks: Sequence[Task],
    config: Config,
    jobs: int | None = None,
    scheduler: str | None = None,
    advance: Advance | None = None,
) -> list[Article]:
    """Load every task; the result is in the order of tasks."""
    if not tasks:
        return []
    if scheduler:
        return _dask(tasks, config, jobs, scheduler, advance)
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(tasks) < IN_PROCESS_BELOW:
        return _in_process(tasks, config, advance)
    return _processes(tasks, config, jobs, advance)


def _in_process(tasks: Sequence[Task], config: Config, advance: Advance | None) -> list[Article]:
    out = []
    for task in tasks:
        out.append(load_article(task.relpath, task.data, config, task.article_id))
        if advance:
            advance(1)
    return out


def chunks(tasks: Sequence[Task], workers: int) -> list[list[Task]]:
    """About eight chunks per worker (so a slow chunk does not idle the others), 8 to 64 files each:
    at the end one worker may wait for the other's last chunk, and 64 files are about 0.2 s of
    work (256 were 0.9 s), while a chunk costs little more than its pickles."""
    size = max(8, min(CHUNK_MAX, -(-len(tasks) // (workers * 8))))
    return [list(tasks[i : i + size]) for i in range(0, len(tasks), size)]


_worker_config: Config | None = None


def _init_worker(config: Config) -> None:
    global _worker_config
    _worker_config = config
    # A forked worker starts with the parent's collector state (paused while it gathers the
    # results): collect as usual here, leaving what was inherited (modules, lexicons) unwalked.
    gc.freeze()
    gc.enable()


def _load_chunk(chunk: list[Task]) -> list[Article]:
    assert _worker_config is not None, "worker started without its configuration"
    return [load_article(t.relpath, t.data, _worker_config, t.article_id) for t in chunk]


def _load_chunk_with(chunk: list[Task], config: Config) -> list[Article]:
    return [load_article(t.relpath, t.data, config, t.article_id) for t in chunk]


def _processes(tasks: Sequence[Task], config: Config, jobs: int, advance: Advance | None) -> list[Article]:
    if multiprocessing.get_start_method() == "fork":
        # Forked workers inherit what the parent has read: parse the lexicons once here, not per worker.
        load_article(tasks[0].relpath, tasks[0].data, config, tasks[0].article_id)
    parts = chunks(tasks, jobs)
    results: list[list[Article] | None] = [None] * len(parts)
    with (
        _collector_paused(),
        ProcessPoolExecutor(
            max_workers=min(jobs, len(parts)), initializer=_init_worker, initargs=(config,)
        ) as pool,
    ):
        futures = {pool.submit(_load_chunk, part): index for index, part in enumerate(parts)}
        for future in as_completed(futures):
            index = futures[future]
            results[index] = future.result()
            if advance:
                advance(len(parts[index]))
    return [article for part in results for article in part or ()]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while this process unpickles the workers' records.

    Unpickling makes millions of objects and no garbage, yet each 700 of them start a collection
    that walks the records received so far: at 10,000 articles that was most of this process's
    time (0.25 ms per article instead of 0.06), taken from the cores the workers run on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def dask_available() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def check_scheduler(scheduler: str | None) -> None:
    """Fail early, in one line, when --scheduler cannot work here."""
    if scheduler and not dask_available():
        raise SchedulerError(
            "--scheduler needs Dask: install the optional extra with  pip install 'timeline[dask]'"
        )


def _dask(
    tasks: Sequence[Task], config: Config, jobs: int | None, scheduler: str, advance: Advance | None
) -> list[Article]:
    check_scheduler(scheduler)
    from distributed import Client, LocalCluster
    from distributed import as_completed as dask_completed

    cluster = None
    try:
        if scheduler == "local":
            # Threads in this process: quick to start and enough to exercise the seam; a real
            # cluster is given by its address.
            cluster = LocalCluster(
                n_workers=1,
                threads_per_worker=jobs or os.cpu_count() or 1,
                processes=False,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout="10s")
    except OSError as error:
        if cluster is not None:
            cluster.close()
        raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error
    try:
        workers = max(1, sum(client.nthreads().values()))
        parts = chunks(tasks, workers)
        shared = client.scatter(config, broadcast=True)
        futures = client.map(_load_chunk_with, parts, config=shared, pure=False)
        index_of = {future.key: index for index, future in enumerate(futures)}
        results: list[list[Article] | None] = [None] * len(parts)
        for future in dask_completed(futures):
            index = index_of[future.key]
            results[index] = future.result()
            if advance:
                advance(len(parts[index]))
        return [article for part in results for article in part or ()]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
