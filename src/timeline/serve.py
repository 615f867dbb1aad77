"""`timeline serve`: build, serve the site on 127.0.0.1, rebuild when an input changes.

Polling mtimes once a second needs no extra dependency and works on every file system.
A rebuild that fails prints the error and leaves the last good site served (the build
writes atomically, so the output folder is always whole). The server reads files by path
on each request, so it follows the folder the build swaps in.
"""

from __future__ import annotations

import argparse
import functools
import signal
import threading
import traceback
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from timeline.build import BuildError, InputError, build, template_dir
from timeline.config import ConfigError, load_config
from timeline.output import OutputError

HOST = "127.0.0.1"
Snapshot = dict[str, tuple[int, int]]
ECHO = Callable[[str], None]


def _echo(message: str) -> None:
    print(message, flush=True)


class Handler(SimpleHTTPRequestHandler):
    """Static files from the output folder; never cached, the site's own 404 page, no access log."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or self.command == "HEAD" or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def start_server(directory: Path, port: int = 0, host: str = HOST) -> ThreadingHTTPServer:
    """Serve directory on host:port (0: a free port) from a daemon thread; stop with .shutdown()."""
    handler = functools.partial(Handler, directory=str(Path(directory).resolve()))
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="timeline-serve", daemon=True).start()
    return server


def server_url(server: ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/"


def snapshot(paths: list[Path]) -> Snapshot:
    """(mtime, size) of every file under the given files and folders: any edit, addition or removal shows."""
    seen: Snapshot = {}
    for root in paths:
        candidates = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in candidates:
            try:
                stat = path.stat()
            except OSError:
                continue
            if path.is_file():
                seen[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return seen


class Preview:
    """One preview session: the inputs it watches, the output it builds, the server that shows it."""

    def __init__(
        self,
        articles: Path,
        config: Path,
        out: Path,
        port: int = 8000,
        echo: ECHO = _echo,
        cache_dir: Path | None = None,
    ):
        self.articles, self.config, self.out, self.port, self.echo = articles, config, out, port, echo
        self.cache_dir = cache_dir
        self.templates = template_dir(config)
        self.server: ThreadingHTTPServer | None = None
        self.seen: Snapshot = {}
        self.builds = 0

    def watched(self) -> list[Path]:
        return [self.articles, self.config, self.templates]

    def rebuild(self) -> bool:
        """Build once; on any failure say why and keep the last good site."""
        self.seen = snapshot(self.watched())
        try:
            config = load_config(self.config)
            result = build(self.articles, config, self.out, self.templates, cache_dir=self.cache_dir)
        except (BuildError, ConfigError, OutputError) as error:
            self.echo(f"timeline: build failed, still serving the last good site: {error}")
            return False
        except Exception:  # a bug in one stage must not stop the preview: show it, keep serving
            self.echo("timeline: build failed, still serving the last good site:\n" + traceback.format_exc())
            return False
        self.builds += 1
        self.echo(f"built {self.out}: {result.pages} pages, {result.seconds:.2f} s")
        return True

    def changed(self) -> bool:
        return snapshot(self.watched()) != self.seen

    def start(self) -> str:
        self.rebuild()
        self.out.mkdir(parents=True, exist_ok=True)
        self.server = start_server(self.out, self.port)
        url = server_url(self.server)
        self.echo(f"serving {url} (Ctrl-C to stop)")
        return url

    def watch(self, stop: threading.Event, interval: float = 1.0) -> None:
        """Rebuild whenever the inputs change, until stop is set."""
        while not stop.wait(interval):
            if self.changed():
                self.rebuild()

    def close(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(
    articles: Path,
    config: Path,
    out: Path,
    port: int = 8000,
    echo: ECHO = _echo,
    cache_dir: Path | None = None,
) -> int:
    """The command: runs until Ctrl-C (or SIGTERM), then stops the server and returns 0."""
    if threading.current_thread() is threading.main_thread():
        # Both set explicitly: a process started in the background inherits SIGINT ignored.
        signal.signal(signal.SIGINT, _interrupt)
        signal.signal(signal.SIGTERM, _interrupt)
    preview = Preview(articles, config, out, port, echo, cache_dir)
    try:
        preview.start()
        preview.watch(threading.Event())
    except KeyboardInterrupt:
        echo("stopped")
    except OSError as error:  # the port is taken, or not ours to bind
        echo(f"timeline: cannot serve on {HOST}:{port}: {error}")
        return 2
    finally:
        preview.close()
    return 0


def add_serve_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="build, serve on 127.0.0.1 and rebuild on changes")
    p.add_argument(
        "--port", default=8000, type=int, help="port on 127.0.0.1 (default: 8000; 0 picks a free one)"
    )
    p.add_argument(
        "--articles", default="articles", type=Path, help="folder of article files (default: articles/)"
    )
    p.add_argument(
        "--config", default="timeline.yaml", type=Path, help="story configuration (default: timeline.yaml)"
    )
    p.add_argument("--out", default="build", type=Path, help="output folder (default: build/)")
    p.add_argument(
        "--cache",
        default=Path(".timeline-cache"),
        type=Path,
        metavar="DIR",
        help="cache folder (default: .timeline-cache/)",
    )
    p.add_argument("--no-cache", action="store_true", help="parse every article on every rebuild")


def cmd_serve(args: argparse.Namespace) -> int:
    if not args.articles.is_dir():
        raise InputError(f"{args.articles}: articles folder not found")
    return serve(
        args.articles, args.config, args.out, args.port, cache_dir=None if args.no_cache else args.cache
    )
