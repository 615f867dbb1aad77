"""The command line: thin, it parses arguments and calls the functions the tests call.

Exit statuses: 0 built, 1 problems under --strict or a failed build, 2 usage (a missing
folder, a broken configuration).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from timeline import __version__
from timeline.build import BuildError, InputError, build, template_dir
from timeline.check import add_check_parser, cmd_check
from timeline.config import ConfigError, load_config
from timeline.executor import SchedulerError, check_scheduler
from timeline.inspect import add_inspect_parser, cmd_inspect
from timeline.load.files import input_problems
from timeline.output import OutputError, OutputFolderError
from timeline.progress import Progress, Summary, summary_line, timings_line
from timeline.progress import wanted as progress_wanted
from timeline.score import add_score_parser, cmd_score
from timeline.serve import add_serve_parser, cmd_serve

EPILOG = "exit status: 0 built, 1 problems under --strict or a failed build, 2 usage or configuration error (a missing folder, a broken timeline.yaml), 130 interrupted"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="timeline",
        description="Build a dated, deduplicated news chronology from raw article texts.",
        epilog=EPILOG,
    )
    p.add_argument("--version", action="version", version=f"timeline {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = sub.add_parser("build", help="build the site from the articles folder", epilog=EPILOG)
    _common(b)
    b.add_argument("--out", default="build", type=Path, help="output folder (default: build/)")
    b.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 when any article has a warning (the site is still built)",
    )
    _speed(b)
    add_serve_parser(sub)
    add_check_parser(sub)
    add_score_parser(sub)
    add_inspect_parser(sub)
    return p


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--articles", default="articles", type=Path, help="folder of article files (default: articles/)"
    )
    p.add_argument(
        "--config", default="timeline.yaml", type=Path, help="story configuration (default: timeline.yaml)"
    )


def _speed(p: argparse.ArgumentParser) -> None:
    """Cache, parallelism and progress options of `build` (cache.py, executor.py, progress.py)."""
    p.add_argument(
        "--cache",
        default=Path(".timeline-cache"),
        type=Path,
        metavar="DIR",
        help="cache folder (default: .timeline-cache/)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="parse every article and render every page, read and write no cache",
    )
    p.add_argument(
        "--jobs",
        type=_positive,
        default=os.cpu_count() or 1,
        metavar="N",
        help="processes that load articles (default: the number of cores)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="load on a Dask cluster at ADDRESS, or 'local' to start one (needs timeline[dask])",
    )
    p.add_argument("--quiet", action="store_true", help="no progress counter on stderr")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        if args.command == "build":
            return cmd_build(args)
        if args.command == "serve":
            return cmd_serve(args)
        if args.command == "check":
            return cmd_check(args)
        if args.command == "score":
            return cmd_score(args)
        if args.command == "inspect":
            return cmd_inspect(args)
    except (ConfigError, InputError, OutputFolderError, SchedulerError) as error:
        print(f"timeline: {error}", file=sys.stderr)  # the user's mistake: one line, no traceback
        return 2
    except (BuildError, OutputError) as error:
        print(f"timeline: build failed: {error} (the previous site is unchanged)", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("timeline: interrupted (the previous site is unchanged)", file=sys.stderr)
        return 130
    return 2


def cmd_build(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if not args.articles.is_dir():
        raise InputError(f"{args.articles}: articles folder not found")
    check_scheduler(args.scheduler)
    progress = Progress(progress_wanted(args.quiet))
    result = build(
        args.articles, config, args.out, template_dir(args.config),
        cache_dir=None if args.no_cache else args.cache, jobs=args.jobs, scheduler=args.scheduler, progress=progress,
    )  # fmt: skip
    if os.environ.get("TIMELINE_STAGE_TIMES"):
        print(timings_line(progress.timings), file=sys.stderr)
    for article in result.articles:
        for problem in input_problems(article):
            print(f"timeline: warning: {args.articles / article.file}: {problem}", file=sys.stderr)
    c = result.counts
    print(
        summary_line(
            Summary(
                str(args.out),
                c["articles"],
                c["cached"],
                c["parsed"],
                c["events"],
                c["warnings"],
                c["pages"],
                c["written"],
                c["unchanged"],
                result.seconds,
            )
        )
    )
    if result.changes:
        print(result.changes)
    return 1 if args.strict and c["warnings"] else 0


if __name__ == "__main__":
    sys.exit(main())
