"""Writing the site so that nobody ever sees half of it, whatever happens to the build.

Each build writes a temporary folder beside the output (`.build.tmp-<pid>-<random>` next to
`build/`) and swaps it in at the end with one atomic step:

* on Linux, renameat2(RENAME_EXCHANGE) exchanges the two folders in one system call, so `build/`
  is at every moment either the whole previous site or the whole new one, even under SIGKILL;
  the previous site, now in the temporary folder, is then deleted;
* where that call is missing (another system, a file system without it) the swap is two renames,
  and a build killed between them leaves the previous site in `.build.old-<pid>`, which the next
  build puts back before anything else.

Folders left by killed builds (their process is gone) are removed by the next build. Every path
written is checked to stay inside the output folder, whatever ids or names the input produced.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import errno
import logging
import os
import platform
import re
import shutil
import sys
import tempfile
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)
RENAME_EXCHANGE = 2
# renameat2's system call number where libc has no wrapper (glibc before 2.28)
RENAMEAT2_SYSCALL = {
    "x86_64": 316,
    "aarch64": 276,
    "i686": 353,
    "i386": 353,
    "armv7l": 382,
    "ppc64le": 357,
    "s390x": 347,
    "riscv64": 276,
}
AT_FDCWD = -100
STALE = re.compile(r"\.(?P<name>.+)\.(?P<kind>tmp|old)-(?P<pid>\d+)(?:-.*)?\Z")
SITE_MARK = "data/timeline.json"  # every built site has it: a folder without it is not ours to replace
Content = str | bytes | list[str]  # a list: pieces of one file, written one after the other


class OutputError(Exception):
    """The site could not be written (the previous one is left as it was): exit status 1."""


class OutputFolderError(OutputError):
    """The output folder given is not one the build may replace (a usage mistake): exit status 2."""


def source_date() -> dt.datetime | None:
    """The build time when SOURCE_DATE_EPOCH asks for one (reproducible builds), else None: no
    wall-clock time goes into the output unless asked for."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)


def _checked(relpath: str) -> str:
    """relpath itself when it stays inside the output folder (checked on the string: no part empty,
    '.', '..' or holding ':', no backslash or NUL, not absolute), else OutputError."""
    if (
        not relpath
        or "\x00" in relpath
        or "\\" in relpath
        or relpath.startswith("/")
        or any(part in ("", ".", "..") or ":" in part for part in relpath.split("/"))
    ):
        raise OutputError(f"refusing to write {relpath!r}: not a path inside the output folder")
    return relpath


def safe_relpath(relpath: str) -> PurePosixPath:
    """A relative path that stays inside the output folder, or OutputError."""
    return PurePosixPath(_checked(relpath))


def check_out_dir(out_dir: Path, *protected: Path) -> Path:
    """The resolved output folder, refused when replacing it would destroy anything not built by us:
    a file, a folder holding other things, or a folder that is or holds the articles or the config."""
    out = out_dir.resolve()
    for keep in protected:
        try:
            kept = keep.resolve()
        except (OSError, RuntimeError):
            continue
        if out == kept or out in kept.parents or kept in out.parents:
            raise OutputFolderError(
                f"{out_dir}: the output folder cannot be, hold or be inside {keep} (it is replaced on every build)"
            )
    if out.exists() or out.is_symlink():
        if not out.is_dir():
            raise OutputFolderError(f"{out_dir}: exists and is not a folder")
        if any(out.iterdir()) and not (out / SITE_MARK).is_file():
            raise OutputFolderError(
                f"{out_dir}: not empty and not a site built by timeline (no {SITE_MARK}); "
                "it is replaced on every build, so choose another --out or empty it first"
            )
    return out


def write_atomically(
    out_dir: Path,
    files: Mapping[str, Content] | Iterable[tuple[str, Content]],
    static_dir: Path | None = None,
    keep: Collection[str] = frozenset(),
    reuse: bool = False,
) -> set[str]:
    """Write files (relative path -> text, bytes or a list of text pieces, or (path, content)
    pairs produced one at a time, so a big site is never held in memory whole), a copy of static_dir as static/, and the
    kept paths (carried over unchanged from the previous output: hard links, else copies) into a
    fresh folder beside out_dir, then swap it in atomically.

    With reuse, a file whose bytes equal the previous output's is linked rather than written, so
    its modification time (and anything that syncs the site) sees no change. Returns the paths
    actually written."""
    out = out_dir.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(out)
    if out.exists() and not out.is_dir():
        raise OutputFolderError(f"{out_dir}: exists and is not a folder")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-{os.getpid()}-", dir=out.parent))
    except OSError as error:
        raise OutputError(f"{out.parent}: cannot write here: {error.strerror}") from None
    try:
        os.chmod(tmp, 0o755)  # mkdtemp makes it private; a site is meant to be read
        written = _fill(tmp, out, files, static_dir, keep, reuse)
        _swap(tmp, out)
    except OSError as error:
        shutil.rmtree(tmp, ignore_errors=True)
        where = error.filename or out
        raise OutputError(f"{where}: cannot write the site: {error.strerror or error}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return written


def _pieces(content: Content) -> Iterator[bytes]:
    if isinstance(content, list):
        for piece in content:
            yield piece.encode("utf-8")
    else:
        yield content.encode("utf-8") if isinstance(content, str) else content


def _same(path: Path, content: Content) -> bool:
    """Whether the file at path holds exactly content (read piece by piece, no whole copy made)."""
    try:
        if not isinstance(content, list):
            data = content.encode("utf-8") if isinstance(content, str) else content
            if path.stat().st_size != len(data):
                return False
        with open(path, "rb") as handle:
            for data in _pieces(content):
                if handle.read(len(data)) != data:
                    return False
            return handle.read(1) == b""
    except OSError:
        return False


WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
WRITE_BUFFER = 1 << 18


def _write(path: str, content: Content) -> None:
    """A new file holding content: os.open and os.write, not open(): a cold build creates 22,000
    files, and the buffered file object's own system calls and setup cost ~30 us a file more."""
    fd = os.open(path, WRITE_FLAGS, 0o666)
    try:
        pending: list[bytes] = []
        size = 0
        for data in _pieces(content):
            pending.append(data)
            size += len(data)
            if size >= WRITE_BUFFER:
                _write_all(fd, b"".join(pending) if len(pending) > 1 else data)
                pending, size = [], 0
        if pending:
            _write_all(fd, b"".join(pending) if len(pending) > 1 else pending[0])
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _fill(
    tmp: Path,
    out: Path,
    files: Mapping[str, Content] | Iterable[tuple[str, Content]],
    static_dir: Path | None,
    keep: Collection[str],
    reuse: bool = False,
) -> set[str]:
    made: set[str] = {""}
    done: set[str] = set()
    written: set[str] = set()
    root = str(tmp)

    def target(relpath: str) -> str:
        folder = _checked(relpath).rpartition("/")[0]
        if folder not in made:
            os.makedirs(os.path.join(root, folder), exist_ok=True)
            made.add(folder)
        return os.path.join(root, relpath)

    if static_dir is not None and static_dir.is_dir():
        shutil.copytree(static_dir, tmp / "static", dirs_exist_ok=True)
    pairs = sorted(files.items()) if isinstance(files, Mapping) else files
    static = relpath_set(tmp / "static") if (tmp / "static").is_dir() else set()
    for relpath, content in pairs:
        path = target(relpath)
        if relpath in done or relpath in static:
            os.unlink(
                path
            )  # a copied static file (or a path given twice: the last wins): never write through a link
        done.add(relpath)
        same = reuse and _same(out / relpath, content)
        if not same:
            _write(path, content)
        # Not held while the next file is made: the export's text is freed before the pages are planned.
        del content
        if same:
            try:
                os.link(out / relpath, path)
                continue
            except OSError:
                shutil.copyfile(out / relpath, path)
        written.add(relpath)
    base = str(out)
    for relpath in sorted(set(keep) - done):
        path = target(relpath)
        source = os.path.join(base, relpath)
        if relpath in static:
            os.unlink(path)
        try:
            os.link(source, path)
        except OSError as error:
            if error.errno in (errno.ENOENT, errno.ENOTDIR):
                raise OutputError(
                    f"{relpath}: to be kept from the previous site, but it is not there"
                ) from None
            shutil.copy2(source, path)
    return written


def relpath_set(folder: Path) -> set[str]:
    """The relative paths of every file and link under folder (what the copied static files hold)."""
    found = set()
    for parent, dirs, names in os.walk(folder):
        rel = os.path.relpath(parent, folder.parent).replace(os.sep, "/")
        found.update(
            f"{rel}/{name}" for name in names + [d for d in dirs if os.path.islink(os.path.join(parent, d))]
        )
    return found


def _swap(tmp: Path, out: Path) -> None:
    """Put tmp in out's place in one step; afterwards tmp is gone (it held the previous site)."""
    if not out.exists():
        try:
            os.rename(tmp, out)  # atomic; fails if another build made out meanwhile
            return
        except OSError as error:
            if error.errno not in (errno.ENOTEMPTY, errno.EEXIST, errno.EISDIR):
                raise
    if exchange(tmp, out):
        shutil.rmtree(tmp, ignore_errors=True)
        return
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    shutil.rmtree(old, ignore_errors=True)
    os.rename(out, old)  # from here until the next rename there is no out/: the next build repairs it
    try:
        os.rename(tmp, out)
    except BaseException:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False when not available here."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    src, dst = os.fsencode(a), os.fsencode(b)
    call = getattr(libc, "renameat2", None)
    if call is not None:
        result = call(AT_FDCWD, src, AT_FDCWD, dst, RENAME_EXCHANGE)
    elif platform.machine() in RENAMEAT2_SYSCALL:
        result = libc.syscall(
            RENAMEAT2_SYSCALL[platform.machine()], AT_FDCWD, src, AT_FDCWD, dst, RENAME_EXCHANGE
        )
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EPERM):
        return False  # the kernel or the file system cannot: fall back to two renames
    raise OSError(code, os.strerror(code), str(b))


def clean_stale(out: Path) -> None:
    """Remove the temporary folders of builds that were killed, and put back a previous site that a
    build killed between its two renames left aside (only where the atomic exchange is missing)."""
    try:
        entries = sorted(out.parent.iterdir())
    except OSError:
        return
    left_aside = []
    for entry in entries:
        match = STALE.match(entry.name)
        if not match or match["name"] != out.name or not entry.is_dir() or entry.is_symlink():
            continue
        pid = int(match["pid"])
        if pid == os.getpid() or _alive(pid):
            continue
        if match["kind"] == "old" and not out.exists():
            left_aside.append(entry)
            continue
        log.info("%s: removing what a killed build left", entry)
        shutil.rmtree(entry, ignore_errors=True)
    if left_aside and not out.exists():
        newest = max(left_aside, key=lambda p: p.stat().st_mtime)
        log.warning("%s: putting back the site that an interrupted build left aside", out)
        os.rename(newest, out)
        for entry in left_aside:
            if entry != newest:
                shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # no safe way to ask: keep it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
