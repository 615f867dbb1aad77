"""Which files are articles, their ids, and reading them without ever failing the build."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.build import InputError, find_article_files, load_all, read_inputs
from timeline.load import files as files_module
from timeline.load.files import ArticleFile, ArticlesFolderError, load_file, read_article_file
from timeline.load.ids import article_ids, is_safe

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "fixtures" / "bad"
PATH_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def write(
    root: Path, relpath: str, data: bytes | str = "Putin said on 6 April 2022 he would meet Zelensky.\n"
) -> Path:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def relpaths(root: Path) -> list[str]:
    return [f.relpath for f in find_article_files(root)]


# --- which files -------------------------------------------------------------------------------


def test_sub_folders_are_read_and_other_files_ignored(tmp_path):
    for name in ("a.txt", "b.md", "C.TXT", "sub/c.txt", "sub/deeper/d.md", "x.png", "y.pdf", "z.docx", "notes.txt~",
                 "#autosave.txt#", ".#lock.txt", ".hidden.txt", ".git/HEAD.txt", "sub/.cache/e.txt", "photo.txt.png"):  # fmt: skip
        write(tmp_path, name)
    assert relpaths(tmp_path) == ["C.TXT", "a.txt", "b.md", "sub/c.txt", "sub/deeper/d.md"]


def test_the_order_is_sorted_and_stable(tmp_path):
    for name in ("b.txt", "a/z.txt", "a.txt", "A/b.txt"):
        write(tmp_path, name)
    assert relpaths(tmp_path) == sorted(relpaths(tmp_path)) == relpaths(tmp_path)


def test_a_missing_articles_folder_is_an_input_error(tmp_path):
    with pytest.raises(ArticlesFolderError, match="articles folder not found"):
        files_module.find_article_files(tmp_path / "nope")
    with pytest.raises(InputError):
        find_article_files(tmp_path / "nope")
    write(tmp_path, "file.txt")
    with pytest.raises(InputError, match="not a folder"):
        find_article_files(tmp_path / "file.txt")


# --- symbolic links ----------------------------------------------------------------------------


@pytest.fixture
def linked(tmp_path):
    root, outside = tmp_path / "articles", tmp_path / "outside"
    write(root, "real.txt")
    write(root, "sub/inner.txt")
    write(outside, "secret.txt", "SECRET outside the folder\n")
    write(outside, "dir/other.txt", "SECRET in a folder outside\n")
    os.symlink(outside / "secret.txt", root / "out-file.txt")
    os.symlink(outside / "dir", root / "out-dir")
    os.symlink(root, root / "sub" / "loop-dir")
    os.symlink("loop-b.txt", root / "loop-a.txt")
    os.symlink("loop-a.txt", root / "loop-b.txt")
    os.symlink("missing.txt", root / "broken.txt")
    os.symlink("real.txt", root / "alias-of-real.txt")
    os.symlink("sub", root / "sub-alias")
    return root


def test_links_are_never_followed_out_of_the_folder(linked, mini_config, caplog):
    found = {f.relpath: f for f in find_article_files(linked)}
    assert set(found) == {
        "real.txt",
        "sub/inner.txt",
        "out-file.txt",
        "loop-a.txt",
        "loop-b.txt",
        "broken.txt",
    }
    assert "outside the articles folder" in found["out-file.txt"].problem
    assert "loop" in found["loop-a.txt"].problem and "loop" in found["loop-b.txt"].problem
    assert "broken" in found["broken.txt"].problem
    assert any("out-dir" in r.getMessage() and "outside" in r.getMessage() for r in caplog.records)
    articles = {a.file: a for a in load_all(linked, mini_config)}
    assert all("SECRET" not in a.text for a in articles.values())
    assert articles["out-file.txt"].warnings[0].startswith("skipped: symbolic link to a file outside")
    assert articles["real.txt"].text and articles["sub/inner.txt"].text


def test_a_link_to_a_file_inside_is_read_when_its_target_is_not_an_article(tmp_path):
    write(tmp_path, "store/data.dat", "Peskov said on 1 May 2022 that talks were over.\n")
    os.symlink("store/data.dat", tmp_path / "linked.txt")
    [file] = find_article_files(tmp_path)
    assert file.relpath == "linked.txt" and file.problem is None


def test_a_pipe_named_like_an_article_does_not_hang_the_build(tmp_path, mini_config):
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path, "a.txt")
    assert relpaths(tmp_path) == ["a.txt"]
    # even when handed over directly, reading a pipe does not block
    data, problem = read_article_file(ArticleFile("pipe.txt", tmp_path / "pipe.txt", "pipe"), 1000)
    assert data == b"" and "not a regular file" in problem


# --- reading -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "skipped: the file is empty"),
        (b" \n\t\r\n", "skipped: the file holds only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "skipped: binary file (NUL bytes)"),
        (b"x" * 2000, "skipped: the file is 2.0 KB, over the limit of 1000 bytes (limits.max_bytes)"),
    ],
)
def test_files_that_are_not_articles_are_skipped_with_a_warning(tmp_path, mini_config, data, expected):
    from dataclasses import replace

    from timeline.config import Limits

    config = replace(mini_config, limits=Limits(max_bytes=1000))
    write(tmp_path, "good.txt")
    write(tmp_path, "bad.txt", data)
    articles = {a.file: a for a in load_all(tmp_path, config)}
    bad = articles["bad.txt"]
    assert bad.warnings == (bad.warnings[0],) and bad.warnings[0].startswith(expected)
    assert bad.id == "bad" and bad.text == "" and bad.claims == () and bad.title is None
    assert not any(w.startswith("skipped") for w in articles["good.txt"].warnings)


def test_an_unreadable_file_is_a_warning_not_a_crash(tmp_path, mini_config, monkeypatch):
    write(tmp_path, "good.txt")
    locked = write(tmp_path, "locked.txt")
    real_open = os.open

    def fake_open(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(files_module.os, "open", fake_open)
    articles = {a.file: a for a in load_all(tmp_path, mini_config)}
    assert articles["locked.txt"].warnings == ("skipped: cannot read the file: Permission denied",)
    assert articles["good.txt"].text


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_an_unreadable_file_on_disk(tmp_path, mini_config):
    write(tmp_path, "locked.txt").chmod(0)
    [article] = load_all(tmp_path, mini_config)
    assert "cannot read the file" in article.warnings[0]


def test_an_oversized_file_is_not_read_into_memory(tmp_path, monkeypatch):
    big = write(tmp_path, "big.txt", b"a" * 5000)
    data, problem = read_article_file(ArticleFile("big.txt", big, "big"), 100)
    assert data == b"" and "over the limit of 100 bytes" in problem


def test_read_inputs_keeps_unread_files_aside(tmp_path):
    write(tmp_path, "a.txt")
    os.symlink("/nonexistent/x.txt", tmp_path / "b.txt")
    inputs = read_inputs(tmp_path)
    assert [f[0] for f in inputs.files] == ["a.txt"]
    assert [p[0] for p in inputs.problems] == ["b.txt"]
    assert [h[0] for h in inputs.hashes] == ["a.txt", "b.txt"]


def test_load_file_reads_one_file(tmp_path, mini_config):
    path = write(tmp_path, "one.txt")
    article = load_file(ArticleFile("one.txt", path, "one"), mini_config)
    assert article.id == "one" and "Putin" in article.text


# --- ids ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (
            ["000_ee4583d7022d91ff.txt", "dev-01-trt-istanbul.txt"],
            ["000_ee4583d7022d91ff", "dev-01-trt-istanbul"],
        ),
        (["a/x.txt", "x.txt"], ["x-", "x"]),
        (["x.md", "x.txt"], ["x-", "x"]),
        (["b/x.txt", "a/x.txt"], ["x-", "x"]),
        (["X.txt", "x.txt"], ["X", "x-"]),
        (["статья.txt"], ["article-"]),
        (["Café in Köln.txt"], ["cafe-in-koln-"]),
        (["a b 'q' \"d\".txt"], ["a-b-q-d-"]),
        (["..txt", "-.txt", "x..y.txt"], ["article-", "article-", "x-y-"]),
        (["x" * 200 + ".txt"], ["x" * 60 + "-"]),
    ],
)
def test_ids_keep_the_stem_when_they_can_and_are_safe_otherwise(paths, expected):
    ids = article_ids(paths)
    assert len(set(ids.values())) == len(paths)
    for path, prefix in zip(paths, expected, strict=True):
        ident = ids[path]
        assert (
            ident == prefix
            if not prefix.endswith("-")
            else ident.startswith(prefix) and len(ident) == len(prefix) + 8
        )
        assert PATH_SAFE.fullmatch(ident) and ".." not in ident


def test_ids_are_deterministic_and_do_not_depend_on_order():
    paths = ["b/x.txt", "a/x.txt", "x.md", "статья.txt", "a b.txt", "a-b.txt"]
    assert article_ids(paths) == article_ids(list(reversed(paths)))


def test_ids_of_the_bad_fixture_corpus():
    found = find_article_files(BAD)
    ids = [f.id for f in found]
    assert len(set(ids)) == len(ids)
    assert {"x", "bidi", "script-title"} <= set(ids)
    assert all(PATH_SAFE.fullmatch(i) for i in ids)


@given(
    st.lists(
        st.text(min_size=1, max_size=40).filter(lambda s: "\x00" not in s),
        min_size=1,
        max_size=12,
        unique=True,
    )
)
def test_ids_are_always_distinct_and_path_safe(names):
    paths = [f"{name}.txt" for name in names]
    ids = article_ids(paths)
    assert set(ids) == set(paths)
    assert len({i.casefold() for i in ids.values()}) == len(paths)
    for ident in ids.values():
        assert is_safe(ident) and PATH_SAFE.fullmatch(ident) and len(ident) <= 100


def test_names_with_spaces_quotes_and_non_ascii_build(tmp_path, mini_config):
    for name in ("name with 'quotes' and \"double\".txt", "статья.txt", "a..b.txt", "sp ace.md"):
        write(tmp_path, name)
    articles = load_all(tmp_path, mini_config)
    assert len({a.id for a in articles}) == 4
    assert all(PATH_SAFE.fullmatch(a.id) for a in articles)


# --- the command line: problems not about one article ------------------------------------------


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (
            "no-articles",
            ["build", "--articles", "missing", "--out", "out"],
            "missing: articles folder not found",
        ),
        (
            "no-config",
            ["build", "--config", "nope.yaml", "--out", "out"],
            "nope.yaml: configuration file not found",
        ),
        ("bad-config", ["build", "--config", "bad.yaml", "--out", "out"], "bad.yaml:3: not valid YAML"),
        ("out-is-file", ["build", "--out", "afile"], "afile: exists and is not a folder"),
        ("out-not-ours", ["build", "--out", "mine"], "mine: not empty and not a site built by timeline"),
        ("out-is-articles", ["build", "--out", "articles"], "the output folder cannot be"),
        ("usage", ["build", "--no-such-option"], "unrecognized arguments"),
    ],
)
def test_problems_not_about_one_article_are_one_line_and_status_2(tmp_path, setup, args, message):
    write(tmp_path, "articles/a.txt")
    (tmp_path / "timeline.yaml").write_text(
        (ROOT / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "bad.yaml").write_text("site:\n  title: [unclosed\n", encoding="utf-8")
    write(tmp_path, "afile", "x")
    write(tmp_path, "mine/precious.doc", "do not delete")
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "mine" / "precious.doc").read_text() == "do not delete"
    assert (tmp_path / "articles" / "a.txt").is_file()


def test_bad_articles_never_fail_the_build_and_strict_says_so(tmp_path):
    write(tmp_path, "articles/good.txt", "Kremlin\n\nPutin said on 6 April 2022 he would meet Zelensky.\n")
    write(tmp_path, "articles/empty.txt", b"")
    write(tmp_path, "articles/binary.txt", b"\x00\x01\x02\x03")
    write(
        tmp_path,
        "articles/ru.txt",
        "Песков заявил, что встреча Путина и Зеленского возможна.\n".encode("cp1251"),
    )
    (tmp_path / "timeline.yaml").write_text(
        (ROOT / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = run_cli("build", "--out", "out", "--no-cache", "--quiet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for name, what in (("empty.txt", "empty"), ("binary.txt", "binary"), ("ru.txt", "cp1251")):
        assert re.search(rf"{re.escape(name)}: .*{what}", result.stderr), result.stderr
    strict = run_cli("build", "--out", "out", "--no-cache", "--quiet", "--strict", cwd=tmp_path)
    assert strict.returncode == 1 and (tmp_path / "out" / "index.html").is_file()


def test_help_documents_the_exit_statuses():
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "build", "--help"], capture_output=True, text=True, timeout=120
    )
    text = " ".join(result.stdout.split())
    assert "exit status: 0 built, 1 problems under --strict or a failed build, 2 usage" in text


@pytest.mark.parametrize("size", [0, 1, 2047, 65536, 65537, 200_000])
def test_read_gives_the_exact_bytes(tmp_path, size):
    from timeline.load.files import ArticleFile, read_article_file

    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert read_article_file(ArticleFile("a.txt", path, "a"), 10**6) == (data, None)
    got, problem = read_article_file(ArticleFile("a.txt", path, "a"), max(size - 1, 0))
    assert (got, problem is None) == ((data, True) if size == 0 else (b"", False))


@pytest.mark.parametrize(
    "relpath", ["a.txt", "b/c.d.md", "x.", ".txt", "noext", "a.b/c", "..", "a/..txt", "dir/.hidden.md"]
)
def test_stem_is_pathlibs(relpath):
    from pathlib import PurePosixPath

    from timeline.load.ids import _suffix, stem

    assert (stem(relpath), _suffix(relpath)) == (PurePosixPath(relpath).stem, PurePosixPath(relpath).suffix)
