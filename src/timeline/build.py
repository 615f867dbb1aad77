"""One build: find the article files, load each, normalize the corpus, render, write atomically."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from timeline.config import Config
from timeline.load import load_article
from timeline.model import Article, Event
from timeline.normalize import normalize
from timeline.render.export import dumps, export
from timeline.render.pages import render_site

log = logging.getLogger(__name__)
ARTICLE_SUFFIXES = (".txt", ".md")
PACKAGE_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


class BuildError(Exception):
    """A problem that stops the build (the previous site stays as it was)."""


@dataclass(frozen=True)
class BuildResult:
    articles: list[Article]
    events: list[Event]
    pages: int
    seconds: float


def find_article_files(root: Path) -> list[tuple[str, Path]]:
    """(relative posix path, path) of every article file under root, sorted."""
    if not root.is_dir():
        raise BuildError(f"{root}: articles folder not found")
    found = []
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file() and not path.name.startswith("."):
            found.append((path.relative_to(root).as_posix(), path))
    return found


def load_all(root: Path, config: Config) -> list[Article]:
    articles = []
    for relpath, path in find_article_files(root):
        articles.append(load_article(relpath, path.read_bytes(), config))
    return articles


def template_dir(config_path: Path) -> Path:
    beside = config_path.resolve().parent / "templates"
    return beside if beside.is_dir() else PACKAGE_TEMPLATES


def build(articles_dir: Path, config: Config, out_dir: Path, templates: Path) -> BuildResult:
    started = time.perf_counter()
    articles = load_all(articles_dir, config)
    articles, events = normalize(articles, config)
    pages = render_site(articles, events, config, templates)
    data = dumps(export(articles, events, config))
    files = {**pages, "data/timeline.json": data}
    write_atomically(out_dir, files, templates / "static")
    return BuildResult(articles, events, len(files), time.perf_counter() - started)


def write_atomically(out_dir: Path, files: dict[str, str], static: Path) -> None:
    """Write everything into a temporary folder beside out_dir, then swap it in."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        for relpath, content in files.items():
            target = tmp / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        if static.is_dir():
            shutil.copytree(static, tmp / "static", dirs_exist_ok=True)
        old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
        if out_dir.exists():
            out_dir.rename(old)
        tmp.rename(out_dir)
        if old.exists():
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
