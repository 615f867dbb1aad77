"""Incremental builds: whatever was skipped, the output is byte-for-byte what a full build writes."""

from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path

import pytest

from timeline import incremental
from timeline.build import build, template_dir
from timeline.config import load_config
from timeline.load import files

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "tests" / "fixtures" / "mini.yaml"
SEEDS = ROOT / "articles"

NEW = "Peskov on the meeting\n\nMay 5, 2021\n\nKremlin spokesman Dmitry Peskov told reporters that Putin is ready to meet Zelensky in Moscow.\n"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def site(tmp_path):
    """A copy of the seed articles, a cache and an output folder, built once."""
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    config = load_config(CONFIG)
    templates = tmp_path / "templates"
    shutil.copytree(template_dir(CONFIG), templates)

    def run(out: str = "out", cache: bool = True, **kwargs):
        return build(
            articles,
            config,
            tmp_path / out,
            templates,
            cache_dir=tmp_path / "cache" if cache else None,
            jobs=1,
            **kwargs,
        )

    run()
    return tmp_path, run


def full_build_beside(tmp_path: Path, run) -> dict[str, bytes]:
    """What a build without any cache writes over the same previous output."""
    shutil.rmtree(tmp_path / "full", ignore_errors=True)
    shutil.copytree(tmp_path / "out", tmp_path / "full")
    run("full", cache=False)
    return tree(tmp_path / "full")


def test_nothing_changed_skips_everything(site):
    tmp_path, run = site
    before = tree(tmp_path / "out")
    result = run()
    c = result.counts
    assert (c["parsed"], c["written"]) == (0, 0)
    assert c["cached"] == c["articles"] == len(list(SEEDS.glob("*.txt")))
    assert c["unchanged"] == c["pages"] > 0
    assert tree(tmp_path / "out") == before


@pytest.mark.parametrize("edit", ["add", "change", "remove"])
def test_a_change_writes_only_what_changed_and_matches_a_full_build(site, edit):
    tmp_path, run = site
    articles = tmp_path / "articles"
    first = sorted(articles.glob("*.txt"))[0]
    if edit == "add":
        (articles / "zz_new.txt").write_text(NEW, encoding="utf-8")
    elif edit == "change":
        first.write_text(
            first.read_text(encoding="utf-8") + "\nPeskov said on Friday a meeting in Minsk is impossible.\n",
            encoding="utf-8",
        )
    else:
        first.unlink()
    expected = full_build_beside(tmp_path, run)
    result = run()
    c = result.counts
    assert c["parsed"] == (0 if edit == "remove" else 1)
    assert 0 < c["written"] < c["pages"], "either nothing or everything was rewritten"
    assert c["written"] + c["unchanged"] == c["pages"]
    assert tree(tmp_path / "out") == expected


def test_unchanged_pages_are_linked_not_rewritten(site):
    tmp_path, run = site
    before = {p: (tmp_path / "out" / p).stat().st_ino for p in tree(tmp_path / "out")}
    (tmp_path / "articles" / "zz_new.txt").write_text(NEW, encoding="utf-8")
    result = run()
    after = {p: (tmp_path / "out" / p).stat().st_ino for p in tree(tmp_path / "out")}
    same = [p for p in before if after.get(p) == before[p]]
    assert len(same) >= result.counts["unchanged"] - 1  # static files are copied afresh


@pytest.mark.parametrize(
    "damage", ["delete-page", "truncate-page", "edit-page", "delete-output", "corrupt-manifest"]
)
def test_a_tampered_output_or_manifest_is_rebuilt(site, damage):
    tmp_path, run = site
    out = tmp_path / "out"
    expected = tree(out)
    page = next(p for p in sorted(out.rglob("*.html")) if "articles/" in p.as_posix())
    if damage == "delete-page":
        page.unlink()
    elif damage == "truncate-page":
        page.write_bytes(page.read_bytes()[:10])
    elif damage == "edit-page":
        data = page.read_bytes()
        page.write_bytes(data[:-2] + b"xx")
    elif damage == "delete-output":
        shutil.rmtree(out)
    else:
        incremental.manifest_path(tmp_path / "cache", out).write_text("{not json", encoding="utf-8")
    result = run()
    assert result.counts["written"] > 0
    assert tree(out) == expected


def test_a_template_change_rerenders(site):
    tmp_path, run = site
    base = tmp_path / "templates" / "base.html"
    base.write_text(
        base.read_text(encoding="utf-8").replace("</body>", "<!-- changed -->\n</body>"), encoding="utf-8"
    )
    result = run()
    assert result.counts["written"] >= result.counts["articles"]
    assert b"<!-- changed -->" in (tmp_path / "out" / "index.html").read_bytes()


def test_two_output_folders_keep_separate_manifests(site):
    tmp_path, run = site
    result = run("other")
    assert result.counts["written"] == result.counts["pages"]
    assert filecmp.dircmp(tmp_path / "out", tmp_path / "other").diff_files == []


@pytest.mark.parametrize(
    "change",
    [
        {"files": [("a.txt", "1" * 64), ("b.txt", "3" * 64)]},
        {"files": [("c.txt", "1" * 64), ("b.txt", "2" * 64)]},
        {"files": [("a.txt", "1" * 64)]},
        {"config": "x"},
        {"templates": "y"},
        {"code": "0.1.0+other"},
    ],
)
def test_fingerprint_changes_with_any_input(change):
    base = {
        "files": [("a.txt", "1" * 64), ("b.txt", "2" * 64)],
        "config": "c",
        "templates": "t",
        "code": "0.1.0+abc",
    }
    reference = incremental.fingerprint(base["files"], base["config"], base["templates"], base["code"])
    changed = {**base, **change}
    assert (
        incremental.fingerprint(changed["files"], changed["config"], changed["templates"], changed["code"])
        != reference
    )
    assert incremental.fingerprint(list(reversed(base["files"])), "c", "t", "0.1.0+abc") == reference


def test_split_jobs_keeps_only_same_keys_present_in_the_output(tmp_path):
    class Job:
        def __init__(self, path, key):
            self.path, self.key = path, key

    (tmp_path / "a.html").write_text("a")
    (tmp_path / "b.html").write_text("b")
    stamps = {p: incremental._stamp(tmp_path / p) for p in ("a.html", "b.html")}
    previous = incremental.Manifest(
        "f", {"a.html": "1", "b.html": "2", "c.html": "3"}, {**stamps, "c.html": (1, 1)}
    )
    render, keep = incremental.split_jobs(
        [Job("a.html", "1"), Job("b.html", "changed"), Job("c.html", "3"), Job("d.html", "4")],
        previous,
        tmp_path,
    )
    assert keep == {"a.html"}
    assert [j.path for j in render] == ["b.html", "c.html", "d.html"]


@pytest.mark.parametrize(
    "flags, folder",
    [([], ".timeline-cache"), (["--cache", "elsewhere"], "elsewhere"), (["--no-cache"], None)],
)
def test_cli_cache_flags(tmp_path, monkeypatch, capsys, flags, folder):
    from timeline.cli import main

    monkeypatch.chdir(tmp_path)
    argv = [
        "build",
        "--articles",
        str(SEEDS),
        "--config",
        str(CONFIG),
        "--out",
        "out",
        "--quiet",
        "--jobs",
        "1",
        *flags,
    ]
    assert main(argv) == 0
    assert main(argv) == 0
    second = capsys.readouterr().out.strip().splitlines()
    made = sorted(p.name for p in tmp_path.iterdir() if p.is_dir() and p.name != "out")
    if folder is None:
        assert made == []
        assert any("0 from cache" in line for line in second[-2:])
    else:
        assert made == [folder]
        assert any("(0 written" in line and ", 0 parsed" in line for line in second), second


# --- file stamps: unchanged files are neither read nor hashed ------------------------------------


@pytest.fixture
def trusting(monkeypatch):
    """Stamps trusted as soon as they are older than their record (no racy margin), so that a
    test can edit a file right after a build and still exercise the trusted path."""
    monkeypatch.setattr(files, "RACY_NS", 0)


def test_unchanged_files_are_not_read_again(site, trusting, monkeypatch):
    tmp_path, run = site
    run()  # the fixture's build recorded the stamps; this one trusts them
    reads = []
    real = files.read_article_file
    monkeypatch.setattr(files, "read_article_file", lambda f, n: reads.append(f.relpath) or real(f, n))
    (tmp_path / "articles" / "zz_new.txt").write_text(NEW, encoding="utf-8")
    expected = full_build_beside(tmp_path, run)
    reads.clear()
    result = run()
    assert reads == ["zz_new.txt"]
    assert result.counts["parsed"] == 1
    assert tree(tmp_path / "out") == expected


@pytest.mark.parametrize("edit", ["touch", "same-size-and-mtime", "replaced", "remove", "cache-lost"])
def test_stamps_never_hide_a_change(site, trusting, edit):
    tmp_path, run = site
    run()
    articles = tmp_path / "articles"
    first = sorted(articles.glob("*.txt"))[0]
    info = first.stat()
    data = first.read_bytes()
    if edit == "touch":
        os.utime(first)
    elif edit == "same-size-and-mtime":
        changed = data.replace(b"e", b"a", 1)
        assert changed != data and len(changed) == len(data)
        first.write_bytes(changed)
        os.utime(first, ns=(info.st_atime_ns, info.st_mtime_ns))
        assert first.stat().st_mtime_ns == info.st_mtime_ns
    elif edit == "replaced":  # an editor's save: a new file renamed over the old one, same size and mtime
        other = articles / ".tmp-save"
        other.write_bytes(data.replace(b"e", b"a", 1))
        os.utime(other, ns=(info.st_atime_ns, info.st_mtime_ns))
        os.replace(other, first)
    elif edit == "remove":
        first.unlink()
    else:  # the unchanged files, trusted by their stamps, must now be read after all
        for cached in (tmp_path / "cache").glob("articles-*.bin"):
            cached.unlink()
        (articles / "zz_new.txt").write_text(NEW, encoding="utf-8")
    expected = full_build_beside(tmp_path, run)
    result = run()
    c = result.counts
    assert c["parsed"] == {"same-size-and-mtime": 1, "replaced": 1, "cache-lost": c["articles"]}.get(edit, 0)
    assert tree(tmp_path / "out") == expected


def test_a_damaged_stamps_file_reads_everything(site, trusting, monkeypatch):
    tmp_path, run = site
    for stamps in (tmp_path / "cache").glob("files-*.json"):
        stamps.write_text("{not json", encoding="utf-8")
    reads = []
    real = files.read_article_file
    monkeypatch.setattr(files, "read_article_file", lambda f, n: reads.append(f.relpath) or real(f, n))
    (tmp_path / "articles" / "zz_new.txt").write_text(NEW, encoding="utf-8")
    run()
    assert len(reads) == len(list((tmp_path / "articles").glob("*.txt")))


def test_files_written_just_before_their_record_are_read_again(site, monkeypatch):
    """Racy-git rule: files changed (ctime) less than RACY_NS before the build that recorded
    them are not trusted yet: every file is read again."""
    tmp_path, run = site
    monkeypatch.setattr(files, "RACY_NS", 3600 * 10**9)  # the fixture copied them just before
    reads = []
    real = files.read_article_file
    monkeypatch.setattr(files, "read_article_file", lambda f, n: reads.append(f.relpath) or real(f, n))
    run()
    assert len(reads) == len(list((tmp_path / "articles").glob("*.txt")))
