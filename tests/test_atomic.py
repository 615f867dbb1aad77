"""The site is swapped in whole or not at all: killed builds leave the previous site as it was."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from timeline import output
from timeline.output import (
    OutputError,
    OutputFolderError,
    check_out_dir,
    clean_stale,
    safe_relpath,
    write_atomically,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "articles").glob("*.txt"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a folder with its bytes (what "the same site" means)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def static(tmp_path):
    folder = tmp_path / "static"
    folder.mkdir()
    (folder / "style.css").write_text("body{}\n")
    return folder


OLD = {"index.html": "old", "data/timeline.json": "{}\n", "articles/a.html": "A"}
NEW = {"index.html": "new", "data/timeline.json": '{"x": 1}\n', "events/e.html": b"\x00bytes"}


def test_a_build_writes_exactly_its_files(tmp_path, static):
    out = tmp_path / "site"
    write_atomically(out, OLD, static)
    assert snapshot(out) == {**{k: v.encode() for k, v in OLD.items()}, "static/style.css": b"body{}\n"}
    assert out.stat().st_mode & 0o777 == 0o755
    write_atomically(out, NEW, static)
    assert snapshot(out) == {
        "index.html": b"new",
        "data/timeline.json": b'{"x": 1}\n',
        "events/e.html": b"\x00bytes",
        "static/style.css": b"body{}\n",
    }
    assert leftovers(out) == []


def test_kept_files_are_carried_over_unchanged(tmp_path):
    out = tmp_path / "site"
    write_atomically(out, OLD)
    before = (out / "articles/a.html").stat().st_ino
    write_atomically(
        out,
        {"index.html": "new", "data/timeline.json": "{}\n"},
        keep=frozenset({"articles/a.html", "index.html"}),
    )
    assert (out / "articles/a.html").read_text() == "A"
    assert (out / "articles/a.html").stat().st_ino == before  # a hard link, not a rewrite
    assert (out / "index.html").read_text() == "new"  # what is written wins over what is kept
    with pytest.raises(OutputError, match="not there"):
        write_atomically(out, {"data/timeline.json": "{}\n"}, keep=frozenset({"gone.html"}))
    assert (out / "articles/a.html").read_text() == "A" and leftovers(out) == []


@pytest.mark.parametrize(
    "relpath",
    [
        "../evil.html",
        "a/../../evil.html",
        "/etc/evil",
        "",
        "a//b",
        "./a",
        "a\\..\\b",
        "x\x00y",
        "C:evil",
        "a/.",
    ],
)
def test_no_path_can_leave_the_output_folder(tmp_path, relpath):
    out = tmp_path / "deep" / "site"
    write_atomically(out, OLD)
    with pytest.raises(OutputError, match="not a path inside the output folder"):
        write_atomically(out, {**NEW, relpath: "evil"})
    assert snapshot(out) == {k: v.encode() for k, v in OLD.items()}
    assert not (tmp_path / "deep" / "evil.html").exists() and not (tmp_path / "evil.html").exists()
    assert leftovers(out) == []


@pytest.mark.parametrize(
    "relpath", ["index.html", "articles/a-b_c.d.html", "outlets/the-moscow-times.html", "статья.html"]
)
def test_ordinary_paths_are_accepted(relpath):
    assert str(safe_relpath(relpath)) == relpath


def test_stale_folders_of_killed_builds_are_removed(tmp_path):
    out = tmp_path / "site"
    write_atomically(out, OLD)
    dead, alive = dead_pid(), os.getppid()
    for name in (
        f".site.tmp-{dead}-abc",
        f".site.old-{dead}",
        f".site.tmp-{alive}-xyz",
        f".other.tmp-{dead}-q",
    ):
        (tmp_path / name).mkdir()
        (tmp_path / name / "f").write_text("x")
    write_atomically(out, NEW)
    assert leftovers(out) == [f".site.tmp-{alive}-xyz"]  # a running build's folder is left alone
    assert (tmp_path / f".other.tmp-{dead}-q").is_dir()  # another site's too


def test_without_the_atomic_exchange_two_renames_still_work_and_are_repaired(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "exchange", lambda a, b: False)
    out = tmp_path / "site"
    write_atomically(out, OLD)
    write_atomically(out, NEW)
    assert (out / "index.html").read_text() == "new" and leftovers(out) == []
    # a build killed between its two renames left the previous site aside and no site:
    os.rename(out, tmp_path / f".site.old-{dead_pid()}")
    clean_stale(out)
    assert (out / "index.html").read_text() == "new" and leftovers(out) == []


def test_the_atomic_exchange_is_used_where_there_is_one(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "in-a").touch()
    if not output.exchange(a, b):
        pytest.skip("no renameat2(RENAME_EXCHANGE) on this system or file system")
    assert (b / "in-a").exists() and not (a / "in-a").exists()


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("file", "exists and is not a folder"),
        ("foreign", "not a site built by timeline"),
        ("articles", "cannot be, hold or be inside"),
        ("parent-of-articles", "cannot be, hold or be inside"),
        ("inside-articles", "cannot be, hold or be inside"),
    ],
)
def test_the_output_folder_never_replaces_what_the_build_did_not_make(tmp_path, setup, message):
    articles = tmp_path / "project" / "articles"
    articles.mkdir(parents=True)
    (articles / "a.txt").write_text("text")
    out = {
        "file": tmp_path / "afile",
        "foreign": tmp_path / "documents",
        "articles": articles,
        "parent-of-articles": tmp_path / "project",
        "inside-articles": articles / "site",
    }[setup]
    if setup == "file":
        out.write_text("x")
    if setup == "foreign":
        out.mkdir()
        (out / "thesis.doc").write_text("years of work")
    with pytest.raises(OutputFolderError, match=message):
        check_out_dir(out, articles)
    assert (articles / "a.txt").read_text() == "text"


def test_an_empty_or_built_folder_may_be_replaced(tmp_path):
    (tmp_path / "empty").mkdir()
    check_out_dir(tmp_path / "empty")
    write_atomically(tmp_path / "built", OLD)
    check_out_dir(tmp_path / "built")
    check_out_dir(tmp_path / "not-yet")


# --- dying at precise moments: a forked child writes, and exits hard (no cleanup) at step N --------


def _die_at(out: Path, step: str, fallback: bool) -> None:
    """In a child: write NEW over out, and os._exit at the named moment (like SIGKILL: no cleanup)."""
    if fallback:
        output.exchange = lambda a, b: False
    real_rename, real_rmtree, real_open = os.rename, shutil.rmtree, os.open
    writes = {"n": 0}

    def rename(a, b, **kw):
        if step == "between-renames" and Path(b).name.startswith(".site.old-"):
            real_rename(a, b)
            os._exit(9)
        return real_rename(a, b, **kw)

    def rmtree(path, *a, **kw):
        if step == "after-swap" and Path(path).name.startswith(".site."):
            os._exit(9)
        return real_rmtree(path, *a, **kw)

    def opener(file, flags, *a, **kw):
        if step == "mid-write" and flags & os.O_CREAT:
            writes["n"] += 1
            if writes["n"] == 2:
                os._exit(9)
        return real_open(file, flags, *a, **kw)

    output.os.rename = rename
    output.shutil.rmtree = rmtree
    output.os.open = opener
    write_atomically(out, NEW)
    os._exit(0)


@pytest.mark.parametrize("fallback", [False, True])
@pytest.mark.parametrize("step", ["mid-write", "after-swap", "between-renames"])
def test_a_build_dying_at_any_step_leaves_a_whole_site(tmp_path, step, fallback):
    if step == "between-renames" and not fallback:
        pytest.skip("with the atomic exchange there is no second rename")
    out = tmp_path / "site"
    write_atomically(out, OLD)
    old, new = snapshot(out), {k: v.encode() if isinstance(v, str) else v for k, v in NEW.items()}
    child = multiprocessing.get_context("fork").Process(target=_die_at, args=(out, step, fallback))
    child.start()
    child.join(60)
    assert child.exitcode == 9
    if step == "between-renames":
        clean_stale(out)  # what the next build does first
    assert snapshot(out) in (old, new)
    if step == "mid-write":
        assert snapshot(out) == old
    write_atomically(out, NEW)
    assert snapshot(out) == new and leftovers(out) == []


# --- SIGKILL of a real build ---------------------------------------------------------------------


def make_corpus(folder: Path, count: int, salt: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        seed = SEEDS[i % len(SEEDS)]
        text = seed.read_text(encoding="utf-8")
        (folder / f"{seed.stem}-{i:03d}.txt").write_text(
            f"{text}\n\nEditor's note {salt} {i}.\n", encoding="utf-8"
        )


def build_cmd(articles: Path, out: Path) -> list[str]:
    config = ROOT / "timeline.yaml"
    return [sys.executable, "-m", "timeline", "build", "--articles", str(articles), "--config", str(config),
            "--out", str(out), "--no-cache", "--jobs", "1", "--quiet"]  # fmt: skip


@pytest.mark.skipif(
    not SEEDS or not (ROOT / "timeline.yaml").is_file(), reason="needs the seed articles and timeline.yaml"
)
def test_a_build_killed_at_any_moment_leaves_the_previous_site(tmp_path):
    """SIGKILL a real build at moments spread over its run; the site is then the previous one,
    byte for byte, or (killed after the swap) the complete new one, never a mix or nothing."""
    inputs = {"a": tmp_path / "a", "b": tmp_path / "b"}
    make_corpus(inputs["a"], 12, "A")
    make_corpus(inputs["b"], 15, "B")
    out = tmp_path / "site"
    started = time.monotonic()
    subprocess.run(build_cmd(inputs["a"], out), check=True, capture_output=True, timeout=600)
    duration = time.monotonic() - started
    current = "a"
    for fraction in (0.15, 0.5, 0.8, 0.9, 0.97, 1.05):
        target = "b" if current == "a" else "a"
        previous = snapshot(out)
        build = subprocess.Popen(
            build_cmd(inputs[target], out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(duration * fraction)
        build.send_signal(signal.SIGKILL)
        build.wait()
        found = snapshot(out)
        if found != previous:  # killed after the swap: it must be the whole new site
            scratch = tmp_path / f"scratch-{fraction}"
            _restore(scratch, previous)
            subprocess.run(build_cmd(inputs[target], scratch), check=True, capture_output=True, timeout=600)
            assert found == snapshot(scratch), f"a half site after a kill at {fraction:.0%} of a build"
            current = target
    subprocess.run(build_cmd(inputs["a"], out), check=True, capture_output=True, timeout=600)
    assert snapshot(out)["data/timeline.json"] and leftovers(out) == []


def _restore(folder: Path, files: dict[str, bytes]) -> None:
    for relpath, data in files.items():
        path = folder / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def test_pages_streamed_and_unchanged_ones_linked(tmp_path):
    """Pairs produced one at a time are written; with reuse, a file with the previous bytes is a
    link to the previous file (same inode), and only the others are reported as written."""
    out = tmp_path / "site"
    write_atomically(out, {"data/timeline.json": "{}\n", "a.html": "A", "b.html": "B"})
    before = (out / "a.html").stat().st_ino

    def pairs():
        yield "a.html", "A"
        yield "b.html", "B2"
        yield "data/timeline.json", b"{}\n"

    written = write_atomically(out, pairs(), reuse=True)
    assert written == {"b.html"}
    assert (out / "a.html").stat().st_ino == before
    assert (out / "b.html").read_text() == "B2" and (out / "data" / "timeline.json").read_text() == "{}\n"


def test_a_file_given_in_pieces_is_written_whole_and_compared_piece_by_piece(tmp_path):
    """A list of text pieces is one file (the export, a big list page); with reuse it is linked
    only when every byte matches, however the pieces fall."""
    out = tmp_path / "site"
    write_atomically(out, {"data/timeline.json": ["{", '"a":', '"é"', "}\n"]})
    path = out / "data" / "timeline.json"
    assert path.read_bytes() == '{"a":"é"}\n'.encode()
    before = path.stat().st_ino
    assert write_atomically(out, [("data/timeline.json", ['{"a":"', 'é"}\n'])], reuse=True) == set()
    assert path.stat().st_ino == before
    written = write_atomically(out, [("data/timeline.json", ['{"a":"', 'é"}\n', " "])], reuse=True)
    assert written == {"data/timeline.json"} and path.read_bytes() == '{"a":"é"}\n '.encode()


# --- failures half-way through the files ------------------------------------------------------


@pytest.mark.parametrize("where", [0, 1, 70, 200])
def test_a_file_that_cannot_be_made_stops_the_build_and_leaves_the_previous_site(tmp_path, where):
    """An error met while a file is made (here: a folder stands where a file goes) is raised as
    OutputError, the previous site stays, and nothing is left beside it, wherever it comes."""
    out = tmp_path / "site"
    write_atomically(out, OLD)
    old = snapshot(out)

    def pairs():
        for i in range(where):
            yield f"pages/p{i}.html", f"page {i}"
        yield "pages/p0.html/inner.html", "under a file"  # pages/p0.html is a file, or made a folder below
        yield "pages/p0.html", "a file where a folder is"
        for i in range(where, where + 100):
            yield f"more/p{i}.html", "x" * 100

    with pytest.raises(OutputError):
        write_atomically(out, pairs())
    assert snapshot(out) == old and leftovers(out) == []


def test_a_failure_while_pages_are_made_cleans_up(tmp_path):
    """The caller's own error (a page that cannot be rendered) removes the half-made folder: the
    previous site stays as it was."""
    out = tmp_path / "site"
    write_atomically(out, OLD)
    old = snapshot(out)

    def pairs():
        for i in range(150):
            yield f"p{i}.html", "y" * 5000
        raise RuntimeError("a template failed")

    with pytest.raises(RuntimeError, match="a template failed"):
        write_atomically(out, pairs())
    assert snapshot(out) == old and leftovers(out) == []


def test_big_files_and_many_small_ones_are_written_in_order_whatever_their_size(tmp_path):
    """Big files, files in pieces and small ones interleave; a path given twice keeps its last
    content."""
    out = tmp_path / "site"
    big = "z" * (3 << 20)
    files = [(f"s/{i}.html", str(i)) for i in range(100)]
    files += [
        ("big.html", big),
        ("pieces.html", ["a" * 10, "b" * 10]),
        ("s/5.html", "five"),
        ("big.html", "small"),
    ]
    write_atomically(out, iter(files))
    found = snapshot(out)
    assert found["s/5.html"] == b"five" and found["big.html"] == b"small"
    assert found["pieces.html"] == b"a" * 10 + b"b" * 10 and found["s/99.html"] == b"99"
    assert len(found) == 102 and leftovers(out) == []
