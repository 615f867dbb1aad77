"""The floor: read each file, find a dateline with one regex, render one Jinja template, write it.

This is the least a static generator can do per article; the benchmark shows it beside the real
build so that the real build's figures have a yardstick.

    python benchmarks/bare_loop.py ARTICLES OUT [--jobs N]
"""

from __future__ import annotations

import argparse
import re
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jinja2

DATELINE = re.compile(
    r"^(?:(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})"
    r"|(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})"
    r"|(\d{4})-(\d\d)-(\d\d)\b.*)$",
    re.MULTILINE,
)
TEMPLATE = jinja2.Environment(autoescape=True).from_string(
    "<!doctype html><html><head><meta charset=utf-8><title>{{ title }}</title></head><body>"
    "<h1>{{ title }}</h1><p><time>{{ date or 'date unknown' }}</time></p>"
    "{% for p in paragraphs %}<p>{{ p }}</p>{% endfor %}</body></html>"
)


def page(path: Path, out: Path) -> None:
    text = path.read_text(encoding="utf-8")
    match = DATELINE.search(text)
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    html = TEMPLATE.render(
        title=paragraphs[0] if paragraphs else path.stem,
        date=match.group(0) if match else None,
        paragraphs=paragraphs,
    )
    (out / f"{path.stem}.html").write_text(html, encoding="utf-8")


def _chunk(args: tuple[list[Path], Path]) -> int:
    paths, out = args
    for path in paths:
        page(path, out)
    return len(paths)


def run(articles: Path, out: Path, jobs: int) -> int:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    paths = sorted(articles.glob("*.txt"))
    if jobs <= 1:
        return _chunk((paths, out))
    size = max(1, len(paths) // (jobs * 4))
    chunks = [(paths[i : i + size], out) for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(jobs) as pool:
        return sum(pool.map(_chunk, chunks))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("articles", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--jobs", type=int, default=1)
    args = p.parse_args()
    started = time.perf_counter()
    n = run(args.articles, args.out, args.jobs)
    print(f"bare loop: {n} files, {args.jobs} process(es), {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
