"""The command line: thin, it parses arguments and calls the functions the tests call.

Exit statuses: 0 built, 1 problems under --strict or a failed build, 2 usage (a missing
folder, a broken configuration).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from timeline import __version__
from timeline.build import BuildError, build, template_dir
from timeline.config import ConfigError, load_config

EPILOG = "exit status: 0 built, 1 problems under --strict or a failed build, 2 usage or configuration error"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="timeline", description="Build a dated, deduplicated news chronology from raw article texts.", epilog=EPILOG)
    p.add_argument("--version", action="version", version=f"timeline {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = sub.add_parser("build", help="build the site from the articles folder", epilog=EPILOG)
    _common(b)
    b.add_argument("--out", default="build", type=Path, help="output folder (default: build/)")
    return p


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--articles", default="articles", type=Path, help="folder of article files (default: articles/)")
    p.add_argument("--config", default="timeline.yaml", type=Path, help="story configuration (default: timeline.yaml)")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        if args.command == "build":
            return cmd_build(args)
    except (ConfigError, BuildError) as error:
        print(f"timeline: {error}", file=sys.stderr)
        return 2
    return 2


def cmd_build(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if not args.articles.is_dir():
        raise BuildError(f"{args.articles}: articles folder not found")
    result = build(args.articles, config, args.out, template_dir(args.config))
    claims = sum(1 for e in result.events if e.kind == "claim")
    warnings = sum(len(a.warnings) for a in result.articles)
    print(f"built {args.out}: {len(result.articles)} articles, {claims} events, {warnings} warnings, {result.pages} pages, {result.seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
