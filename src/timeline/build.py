"""One build: find the article files, load each, normalize the corpus, render, write atomically."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline import incremental
from timeline.cache import ArticleCache, code_version
from timeline.changes import change_files, keep_compact, read_previous
from timeline.changes import summary as summary_of_changes
from timeline.clocks import with_refers_to
from timeline.config import Config, Limits
from timeline.executor import Task, map_articles, release_memory
from timeline.load import files
from timeline.load.article import SKIPPED, bare_article
from timeline.load.files import ArticleFile
from timeline.model import Article, Event
from timeline.normalize import normalize
from timeline.output import check_out_dir, write_atomically
from timeline.progress import Progress
from timeline.render.export import export_chunks
from timeline.render.memo import Memo
from timeline.render.pages import Fragments, event_digest, iter_pages, plan_pages, templates_digest

log = logging.getLogger(__name__)
ARTICLE_SUFFIXES = (".txt", ".md")
PACKAGE_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


class BuildError(Exception):
    """A problem that stops the build (the previous site stays as it was): exit status 1."""


class InputError(BuildError):
    """A problem with what the build was given, not with one article (a missing folder): exit status 2."""


@dataclass(frozen=True)
class BuildResult:
    articles: list[Article]
    events: list[Event]
    pages: int
    seconds: float
    changes: str = ""  # one line: what changed since the previous build in out_dir
    counts: dict[str, int] = field(default_factory=dict)  # for the summary line (progress.summary_line)


def find_article_files(root: Path) -> list[ArticleFile]:
    """Every article file under root (sub-folders included), sorted, each with its id (load/files.py)."""
    try:
        return files.find_article_files(root)
    except files.ArticlesFolderError as error:
        raise InputError(str(error)) from None


@dataclass(frozen=True)
class Inputs:
    """The article files as found once per build: (relative path, id, bytes, sha256) in path order.

    The bytes are None for a file its stamp (files.Stamps) shows unchanged since it was last
    hashed: they are read only if the article is not in the cache (read_bytes)."""

    files: list[tuple[str, str, bytes | None, str]]
    problems: tuple[tuple[str, str, str], ...] = ()  # (relative path, id, why it was not read)
    where: dict[str, ArticleFile] = field(default_factory=dict)  # the files whose bytes were not read
    stamps: files.Stamps | None = None

    @property
    def hashes(self) -> list[tuple[str, str]]:
        unread = [
            (relpath, "unread:" + hashlib.sha256(why.encode()).hexdigest())
            for relpath, _, why in self.problems
        ]
        return sorted([(relpath, sha) for relpath, _, _, sha in self.files] + unread)

    def read_bytes(self, i: int, max_bytes: int) -> tuple[bytes, str, str | None]:
        """(bytes, sha256, problem) of the i-th file, read now if it was not read before."""
        relpath, _, data, sha = self.files[i]
        if data is not None:
            return data, sha, None
        data, problem = files.read_article_file(self.where[relpath], max_bytes)
        if problem:
            if self.stamps is not None:
                self.stamps.forget(relpath)
            return b"", sha, problem
        fresh = hashlib.sha256(data).hexdigest()
        if fresh != sha and self.stamps is not None:
            self.stamps.forget(relpath)  # changed since its stat was taken: hashed again next time
        return data, fresh, None


def read_inputs(root: Path, max_bytes: int = Limits.max_bytes, stamps: files.Stamps | None = None) -> Inputs:
    """Read and hash every article file (the cache, the fast path and the loader all need the bytes),
    but for those whose stamps show them unchanged since the last build (stamps: see files.Stamps).

    A file that cannot be read (permissions, a link out of the folder, over the size limit) is
    kept aside with the reason, and becomes an article record with a "skipped" warning."""
    found, problems, where = [], [], {}
    for file in find_article_files(root):
        info = None
        if stamps is not None and not file.problem:
            try:
                info = os.stat(file.path)
            except OSError:
                info = None
            sha = stamps.sha(file.relpath, info) if info is not None else None
            if sha is not None:
                found.append((file.relpath, file.id, None, sha))
                where[file.relpath] = file
                continue
        data, problem = files.read_article_file(file, max_bytes)
        if problem:
            problems.append((file.relpath, file.id, problem))
        else:
            sha = hashlib.sha256(data).hexdigest()
            found.append((file.relpath, file.id, data, sha))
            if info is not None and stamps is not None:
                stamps.record(file.relpath, info, sha)
    return Inputs(found, tuple(problems), where, stamps)


def load_all(
    root: Path | Inputs,
    config: Config,
    *,
    cache: ArticleCache | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> list[Article]:
    """Every article, in path order: from the cache when its bytes, the configuration and the code
    are unchanged, else loaded through the executor seam (in process, worker processes or Dask)."""
    progress = progress or Progress(False)
    inputs = root if isinstance(root, Inputs) else read_inputs(root, config.limits.max_bytes)
    keys = [(relpath, ident, sha) for relpath, ident, _, sha in inputs.files]
    found = cache.get_many(keys) if cache is not None else [None] * len(keys)
    missing = [i for i, article in enumerate(found) if article is None]
    progress.start("loading", len(missing))
    tasks, late = [], []  # late: files not read before, that cannot be read now
    for i in list(missing):
        relpath, ident, _, _ = inputs.files[i]
        data, sha, problem = inputs.read_bytes(i, config.limits.max_bytes)
        if problem:
            missing.remove(i)
            late.append((relpath, ident, problem))
            continue
        keys[i] = (relpath, ident, sha)
        tasks.append(Task(relpath, ident, data))
    loaded = map_articles(tasks, config, jobs, scheduler, progress.advance)
    for i, article in zip(missing, loaded, strict=True):
        found[i] = article
        if cache is not None:
            cache.put(article, keys[i])
    progress.finish()
    unread = [
        bare_article(relpath, ident, b"", SKIPPED + why, config.site.language)
        for relpath, ident, why in (*inputs.problems, *late)
    ]
    return sorted([a for a in found if a is not None] + unread, key=lambda a: a.file)


def analyse(articles_dir: Path, config: Config) -> tuple[list[Article], list[Event]]:
    """Load and normalize without rendering: what `timeline check` reports on, same pipeline as build."""
    articles, events = normalize(load_all(articles_dir, config), config)
    return articles, with_refers_to(events)


def render_processes() -> int:
    """Rendering in forked processes is off unless TIMELINE_RENDER_PROCESSES asks for it: at
    10,000 articles the workers, touching the parent's objects, doubled the peak memory of a cold
    build (1.8 GB against 0.86 GB) for no gain in CPU time (benchmarks/RESULTS.md)."""
    value = os.environ.get("TIMELINE_RENDER_PROCESSES", "").strip()
    return max(1, int(value)) if value.isdigit() else 1


def template_dir(config_path: Path) -> Path:
    beside = config_path.resolve().parent / "templates"
    return beside if beside.is_dir() else PACKAGE_TEMPLATES


def build(
    articles_dir: Path,
    config: Config,
    out_dir: Path,
    templates: Path,
    *,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """With cache_dir, unchanged articles come from the cache, and pages whose inputs did not change
    since the previous build into out_dir are neither rendered nor rewritten (incremental.py)."""
    started = time.perf_counter()
    progress = progress or Progress(False)
    progress.start("reading")
    check_out_dir(out_dir, articles_dir, Path(config.path), templates)  # never replace what we did not build
    stamps = files.Stamps(cache_dir, articles_dir) if cache_dir is not None else None
    inputs = read_inputs(articles_dir, config.limits.max_bytes, stamps)
    current = incremental.fingerprint(
        inputs.hashes, config.digest, incremental.folder_digest(templates), code_version()
    )
    manifest = incremental.read_manifest(cache_dir, out_dir)
    if manifest is not None and incremental.unchanged(manifest, current, out_dir):
        if stamps is not None:
            stamps.save()
        counts = {
            **manifest.summary,
            "cached": manifest.summary.get("articles", 0),
            "parsed": 0,
            "written": 0,
            "unchanged": manifest.summary.get("pages", 0),
        }
        progress.finish()
        return BuildResult(
            [], [], counts.get("pages", 0), time.perf_counter() - started, summary_of_changes(()), counts
        )
    cache = ArticleCache(cache_dir, config.digest) if cache_dir is not None else None
    articles = load_all(inputs, config, cache=cache, jobs=jobs, scheduler=scheduler, progress=progress)
    if cache is not None:
        cache.save()
    if stamps is not None:
        stamps.save()
    progress.start("normalizing")
    norm_memo = cache.load_extra("normalize") if cache is not None else None
    articles, events = normalize(articles, config, memo=norm_memo)
    if cache is not None and norm_memo is not None:
        cache.save_extra("normalize", norm_memo)
    memo = cache.load_extra("refers-to") if cache is not None else None
    events = with_refers_to(events, memo=memo)
    if cache is not None and memo is not None:
        cache.save_extra("refers-to", memo)
    del inputs, norm_memo, memo  # not needed by the stages after: ~100 MB at 10,000 articles
    release_memory()
    # The corpus's objects live until the end of the build: frozen, the collector no longer walks
    # them; and the stages after make many small objects and few cycles, so it runs less often (at
    # 10,000 articles its walks cost a third of the time of planning the pages).
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    try:
        return _render_and_write(
            articles,
            events,
            config,
            out_dir,
            templates,
            cache_dir,
            cache,
            manifest,
            current,
            progress,
            started,
        )
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _render_and_write(
    articles: list[Article],
    events: list[Event],
    config: Config,
    out_dir: Path,
    templates: Path,
    cache_dir: Path | None,
    cache: ArticleCache | None,
    manifest: incremental.Manifest | None,
    current: str,
    progress: Progress,
    started: float,
) -> BuildResult:
    """The stages after normalization: the export, the change list, the pages, the atomic write."""
    previous = read_previous(out_dir, small=True, cache_dir=cache_dir)  # before the new site replaces it
    progress.start("rendering")
    export_memo = Memo(cache_dir, "export", config.digest + code_version()) if cache_dir is not None else None
    digests = {id(e): event_digest(e) for e in events} if cache_dir is not None else None
    data, small = export_chunks(articles, events, config, export_memo, digests)
    if export_memo is not None:
        export_memo.save()  # now, not at the end: its store is then freed before pages are rendered
        export_memo = None
    changed, change_pages = change_files(previous, small, config, templates)
    del previous
    salt = templates_digest(templates) + config.digest + code_version()
    fragments = Fragments(cache_dir, salt) if cache_dir is not None else Fragments()
    export = [data]
    del data
    keep: set[str] = set()  # filled once the pages are planned: read by write_atomically at its end
    plan: dict[str, Any] = {}

    def produced():
        """Every file of the new site in turn: the export first, then each page as soon as it is
        rendered. The pages are planned only once the export is written and freed: the two
        together were the peak memory of a cold build (~60 MB of export at 10,000 articles)."""
        yield "data/timeline.json", export.pop()
        release_memory()  # the export is written (a big file is, before the next is asked for) and freed
        views_memo = (
            Memo(cache_dir, "views", config.digest + code_version(), pickled=True)
            if cache_dir is not None
            else None
        )
        planned = plan_pages(articles, events, config, templates, views_memo, digests)
        if views_memo is not None:
            views_memo.save()
            views_memo = None
            release_memory()  # what pickling the views took
        todo, kept = incremental.split_jobs(planned, manifest, out_dir)
        keep.update(kept)
        plan.update(planned=planned, todo=len(todo))
        yield from iter_pages(todo, templates, fragments, processes=render_processes(), cache_dir=cache_dir)
        yield from change_pages.items()

    progress.start("writing")  # planning, rendering and writing the pages now go together
    written = write_atomically(out_dir, produced(), templates / "static", keep, reuse=manifest is not None)
    planned = plan["planned"]
    total = plan["todo"] + len(change_pages) + 1 + len(keep)
    fragments.save()
    keep_compact(cache_dir, out_dir, small)
    counts = {
        "articles": len(articles),
        "cached": cache.hits if cache is not None else 0,
        "parsed": len(articles) - (cache.hits if cache is not None else 0),
        "events": sum(1 for e in events if e.kind == "claim"),
        "warnings": sum(len(a.warnings) for a in articles),
        "pages": total,
        "written": len(written),
        "unchanged": total - len(written),
    }
    if cache_dir is not None:
        written = incremental.output_files(out_dir)
        incremental.write_manifest(
            cache_dir,
            out_dir,
            incremental.Manifest(current, {j.path: j.key for j in planned}, written, counts),
        )
    progress.finish()
    return BuildResult(articles, events, counts["pages"], time.perf_counter() - started, changed, counts)
