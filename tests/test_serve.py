"""`timeline serve`: serves the build on 127.0.0.1, rebuilds on change, keeps the last good site."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline.serve import Preview, snapshot, start_server

FIXTURES = Path(__file__).parent / "fixtures"
TIMEOUT = 60.0  # generous: a slow machine still passes; this is not a timed test

ARTICLE = """---
date: 2021-04-22
outlet: The Moscow Times
---
{title}

Vladimir Putin said on Thursday that he was ready to meet Volodymyr Zelensky in Moscow.
"""


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_for(predicate: Callable[[], bool], timeout: float = TIMEOUT) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def article_ids(base: str) -> set[str]:
    status, body = fetch(base + "data/timeline.json")
    return {a["id"] for a in json.loads(body)["articles"]} if status == 200 else set()


@pytest.fixture
def project(tmp_path):
    """An articles folder and a configuration of our own, so the test may change both."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "first.txt").write_text(ARTICLE.format(title="First report"), encoding="utf-8")
    config = tmp_path / "timeline.yaml"
    shutil.copy(FIXTURES / "mini.yaml", config)
    return articles, config, tmp_path / "site"


@pytest.fixture
def preview(project):
    articles, config, out = project
    messages: list[str] = []
    p = Preview(articles, config, out, port=0, echo=messages.append)
    p.messages = messages
    base = p.start()
    assert p.builds == 1, messages
    stop = threading.Event()
    watcher = threading.Thread(target=p.watch, args=(stop, 0.2), daemon=True)
    watcher.start()
    yield p, base
    stop.set()
    watcher.join(10)
    p.close()


def test_serves_the_build(preview):
    p, base = preview
    assert base.startswith("http://127.0.0.1:")
    status, body = fetch(base + "index.html")
    assert status == 200 and b"<html" in body.lower()
    assert article_ids(base) == {"first"}


def test_rebuilds_when_an_article_is_added(preview, project):
    p, base = preview
    articles, _, _ = project
    _, before = fetch(base + "index.html")
    (articles / "second.txt").write_text(ARTICLE.format(title="Second report"), encoding="utf-8")
    assert wait_for(lambda: article_ids(base) == {"first", "second"}), p.messages
    assert fetch(base + "index.html")[1] != before


def test_rebuilds_when_the_configuration_changes(preview, project):
    p, base = preview
    _, config, _ = project
    builds = p.builds
    config.write_text(
        config.read_text(encoding="utf-8").replace("description: test", "description: changed"),
        encoding="utf-8",
    )
    assert wait_for(lambda: p.builds > builds), p.messages


def test_failed_rebuild_keeps_the_last_good_site(preview, project):
    p, base = preview
    _, config, _ = project
    good = config.read_text(encoding="utf-8")
    _, before = fetch(base + "index.html")
    config.write_text("actors: [", encoding="utf-8")
    assert wait_for(lambda: any("build failed" in m for m in p.messages)), p.messages
    assert fetch(base + "index.html") == (200, before)
    builds = p.builds
    config.write_text(good, encoding="utf-8")
    assert wait_for(lambda: p.builds > builds), p.messages


def test_snapshot_sees_additions_edits_and_removals(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    first = snapshot([tmp_path])
    (tmp_path / "b.txt").write_text("b")
    second = snapshot([tmp_path])
    assert second != first
    (tmp_path / "b.txt").write_text("bb")
    third = snapshot([tmp_path])
    assert third != second
    (tmp_path / "b.txt").unlink()
    assert snapshot([tmp_path]) == first
    assert snapshot([tmp_path / "missing"]) == {}


def test_missing_page_gets_the_sites_404_page(tmp_path):
    (tmp_path / "404.html").write_text(
        "<!doctype html><title>Not here</title><p>custom 404</p>", encoding="utf-8"
    )
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    server = start_server(tmp_path)
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        status, body = fetch(f"http://127.0.0.1:{port}/nope.html")
        assert status == 404 and b"custom 404" in body
        assert fetch(f"http://127.0.0.1:{port}/index.html")[0] == 200
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_command_serves_and_stops_cleanly(project, stop):
    articles, config, out = project
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable,
        "-m",
        "timeline",
        "serve",
        "--port",
        "0",
        "--articles",
        str(articles),
        "--config",
        str(config),
        "--out",
        str(out),
    ]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        lines: list[str] = []
        base = None
        deadline = time.monotonic() + TIMEOUT
        while base is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("serving "):
                base = line.split()[1]
        assert base, "".join(lines)
        assert fetch(base + "index.html")[0] == 200
        proc.send_signal(stop)
        rest, _ = proc.communicate(timeout=TIMEOUT)
        assert proc.returncode == 0, "".join(lines) + rest
        assert "stopped" in rest
        assert "Traceback" not in rest
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_missing_articles_folder_is_a_usage_error(tmp_path, capsys):
    from timeline.cli import main

    assert (
        main(
            [
                "serve",
                "--port",
                "0",
                "--articles",
                str(tmp_path / "missing"),
                "--config",
                str(FIXTURES / "mini.yaml"),
            ]
        )
        == 2
    )
    assert "articles folder not found" in capsys.readouterr().err
