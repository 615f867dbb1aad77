"""`make bench`: how fast the real CLI builds N synthetic articles (a benchmark, not a test).

For each N (1,000 and 10,000 by default) it generates the articles under benchmarks/data/, then
runs `timeline build` in a subprocess and records wall time and peak memory for
  cold       an empty cache and no previous output,
  unchanged  the same build again, nothing changed,
  one new    the same after adding one article,
beside the bare loop (benchmarks/bare_loop.py) on 1 and 2 processes as the floor. The figures,
with the machine described, replace this label's section of benchmarks/RESULTS.md.

    python benchmarks/bench.py [--sizes 1000,10000] [--config FILE] [--label latest] [--profile]

Peak memory is the largest proportional set size (Pss) of the whole process tree (the build and
its worker processes), sampled every 50 ms from /proc, and never less than the largest single
process's maximum resident set as the kernel reports it (wait4).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import platform
import pstats
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
RESULTS = HERE / "RESULTS.md"
sys.path.insert(0, str(HERE))

from generate import article, file_name, generate, statement_pool  # noqa: E402

SNAPSHOT: dict[str, str] = {}  # {"path": src folder of a frozen copy of the code} with --snapshot


def snapshot() -> str:
    """Copy src/ and templates/ to benchmarks/data/snapshot/ and run that: edits made to the
    working tree during a long benchmark then invalidate neither the cache nor the figures."""
    target = DATA / "snapshot"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / "src", target / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(ROOT / "templates", target / "templates")
    return str(target / "src")


@dataclass(frozen=True)
class Run:
    name: str
    seconds: float
    cpu: float  # user + system seconds of the process and its workers: less sensitive to a busy machine
    peak_mb: float
    output: str
    stages: str = ""  # the build's own stage timings (TIMELINE_STAGE_TIMES)


def _tree_memory(root: int) -> int:
    """Proportional set size (Pss: shared pages split between their users, so forked workers are
    not counted twice) of root and all its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss(pid)
        todo.extend(children.get(pid, ()))
    return total


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def measure(name: str, command: list[str]) -> Run:
    """Run command, returning wall seconds, the tree's peak memory in MB, and its output."""
    started = time.perf_counter()
    env = {**os.environ, "CI": "1", "TIMELINE_STAGE_TIMES": "1"}
    if SNAPSHOT.get("path"):
        env["PYTHONPATH"] = SNAPSHOT["path"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.05):
            peak = max(peak, _tree_memory(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{name}: {' '.join(command)} failed ({proc.returncode}):\n{out}")
    peak = max(peak, usage.ru_maxrss * 1024)
    cpu = usage.ru_utime + usage.ru_stime
    lines = out.strip().splitlines()
    summary = next((ln for ln in reversed(lines) if ln.startswith("built ")), lines[-1] if lines else "")
    stages = next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("stages:")), "")
    return Run(name, seconds, cpu, peak / 2**20, summary, stages)


def cli_supports(flag: str) -> bool:
    env = {**os.environ, "PYTHONPATH": SNAPSHOT["path"]} if SNAPSHOT.get("path") else None
    help_text = subprocess.run(
        [sys.executable, "-m", "timeline", "build", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    ).stdout
    return flag in help_text


def build_command(articles: Path, out: Path, cache: Path, config: Path, extra: list[str]) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "timeline",
        "build",
        "--articles",
        str(articles),
        "--out",
        str(out),
        "--config",
        str(config),
    ]
    if cli_supports("--cache"):
        command += ["--cache", str(cache)]
    if cli_supports("--quiet"):
        command += ["--quiet"]
    return command + extra


def bench_size(n: int, config: Path, extra: list[str]) -> list[Run]:
    articles = DATA / f"n{n}"
    out, cache = DATA / f"out-n{n}", DATA / f"cache-n{n}"
    print(f"generating {n} articles in {articles} ...", flush=True)
    generate(articles, n)
    for folder in (out, cache):
        shutil.rmtree(folder, ignore_errors=True)
    command = build_command(articles, out, cache, config, extra)
    runs = [measure("cold", command)]
    print(
        f"  cold       {runs[-1].seconds:6.2f} s {runs[-1].cpu:6.2f} cpu  {runs[-1].peak_mb:6.0f} MB   {runs[-1].output}\n             {runs[-1].stages}",
        flush=True,
    )
    runs.append(measure("unchanged", command))
    print(
        f"  unchanged  {runs[-1].seconds:6.2f} s {runs[-1].cpu:6.2f} cpu  {runs[-1].peak_mb:6.0f} MB   {runs[-1].output}\n             {runs[-1].stages}",
        flush=True,
    )
    new = articles / file_name(n)
    new.write_text(article(n, pool=statement_pool(7)), encoding="utf-8")
    try:
        runs.append(measure("one new", command))
    finally:
        new.unlink()
    print(
        f"  one new    {runs[-1].seconds:6.2f} s {runs[-1].cpu:6.2f} cpu  {runs[-1].peak_mb:6.0f} MB   {runs[-1].output}\n             {runs[-1].stages}",
        flush=True,
    )
    for jobs in (1, 2):
        runs.append(
            measure(
                f"bare loop, {jobs} process{'es' if jobs > 1 else ''}",
                [
                    sys.executable,
                    str(HERE / "bare_loop.py"),
                    str(articles),
                    str(DATA / f"bare-n{n}"),
                    "--jobs",
                    str(jobs),
                ],
            )
        )
        print(
            f"  {runs[-1].name:22s} {runs[-1].seconds:6.2f} s {runs[-1].cpu:6.2f} cpu  {runs[-1].peak_mb:6.0f} MB",
            flush=True,
        )
    shutil.rmtree(DATA / f"bare-n{n}", ignore_errors=True)
    return runs


STAGES = {
    "load": ("load_all", "map_articles"),
    "normalize": ("normalize",),
    "render": ("render_site", "render_pages", "plan_pages", "dumps", "export"),
    "write": ("write_atomically",),
}


def profile(n: int, config: Path, extra: list[str], cold: bool = True) -> str:
    """cProfile one in-process build (one process: --jobs 1) and say where the time goes."""
    if SNAPSHOT.get("path"):
        sys.path.insert(0, SNAPSHOT["path"])
    from timeline.cli import main as cli_main

    articles, out, cache = DATA / f"n{n}", DATA / f"prof-out-n{n}", DATA / f"prof-cache-n{n}"
    generate(articles, n)
    shutil.rmtree(out, ignore_errors=True)
    if cold:
        shutil.rmtree(cache, ignore_errors=True)
    argv = ["build", "--articles", str(articles), "--out", str(out), "--config", str(config)]
    if cli_supports("--cache"):
        argv += ["--cache", str(cache), "--quiet", "--jobs", "1"]
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.runcall(cli_main, argv + extra)
    wall = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    raw = stats.stats  # type: ignore[attr-defined]
    lines = [
        f"cProfile of one cold build of {n} articles in one process (--jobs 1): {wall:.2f} s under the profiler",
        "",
    ]
    lines += ["| stage | seconds (cumulative, profiled) |", "|---|---:|"]
    for stage, names in STAGES.items():
        best = 0.0
        for (filename, _, func), (_, _, _, cumulative, _) in raw.items():
            if func in names and "timeline" in filename:
                best = max(best, cumulative) if stage != "render" else best + cumulative
        lines.append(f"| {stage} | {best:.2f} |")
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(18)
    table = [ln for ln in buffer.getvalue().splitlines() if re.match(r"\s*\d", ln)]
    lines += ["", "Top functions by own time:", "", "```", *[_short(t) for t in table], "```"]
    shutil.rmtree(out, ignore_errors=True)
    return "\n".join(lines)


def _short(line: str) -> str:
    return re.sub(r"\S*/(site-packages|src)/", "", line)


def machine() -> str:
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        mem = f"{kb / 2**20:.1f} GiB"
    except OSError:
        pass
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            names = [ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), {mem} memory, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def report(label: str, config: Path, results: dict[int, list[Run]], prof: str | None) -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        f"## {label}",
        "",
        f"Run {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} on {machine()}; load average at the end {load}.",
        f"Configuration: `{config.relative_to(ROOT) if config.is_relative_to(ROOT) else config}`.",
        "",
    ]
    lines += [
        "| articles | run | wall s | CPU s | peak MB | summary line | stages |",
        "|---:|---|---:|---:|---:|---|---|",
    ]
    for n, runs in results.items():
        for run in runs:
            lines.append(
                f"| {n:,} | {run.name} | {run.seconds:.2f} | {run.cpu:.2f} | {run.peak_mb:.0f} | {_short_output(run)} | {run.stages} |"
            )
    if len(results) >= 2:
        small, large = min(results), max(results)
        cold = {n: next(r.seconds for r in runs if r.name == "cold") for n, runs in results.items()}
        lines += [
            "",
            f"Cold build, {large:,} vs {small:,} articles: {cold[large] / cold[small]:.1f}x the time for {large / small:.0f}x the articles.",
        ]
    if prof:
        lines += ["", prof]
    return "\n".join(lines) + "\n"


def _short_output(run: Run) -> str:
    return "" if "bare" in run.name else run.output.replace(str(DATA) + "/", "")


def write_section(label: str, text: str) -> None:
    """Replace this label's section of RESULTS.md (other labels, e.g. 'before', stay)."""
    begin, end = f"<!-- bench:{label} -->", f"<!-- /bench:{label} -->"
    current = (
        RESULTS.read_text(encoding="utf-8")
        if RESULTS.exists()
        else "# Benchmark results\n\nWritten by `make bench` (benchmarks/bench.py).\n"
    )
    block = f"{begin}\n{text}{end}"
    if begin in current and end in current:
        current = current[: current.index(begin)] + block + current[current.index(end) + len(end) :]
    else:
        current = current.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(current, encoding="utf-8")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--sizes", default="1000,10000", help="comma-separated article counts (default 1000,10000)"
    )
    p.add_argument(
        "--config",
        type=Path,
        help="story configuration (default timeline.yaml, else tests/fixtures/mini.yaml)",
    )
    p.add_argument("--label", default="latest", help="the section of RESULTS.md to replace (default latest)")
    p.add_argument(
        "--profile", action="store_true", help="also cProfile a cold one-process build at the largest size"
    )
    p.add_argument("--no-results", action="store_true", help="print only, leave RESULTS.md alone")
    p.add_argument(
        "--snapshot",
        action="store_true",
        help="benchmark a frozen copy of src/ (for a working tree others are editing)",
    )
    p.add_argument("extra", nargs="*", help="extra arguments for timeline build (after --)")
    args = p.parse_args()
    config = (
        args.config
        or (
            ROOT / "timeline.yaml" if (ROOT / "timeline.yaml").exists() else ROOT / "tests/fixtures/mini.yaml"
        )
    ).resolve()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.snapshot:
        SNAPSHOT["path"] = snapshot()
    results = {n: bench_size(n, config, args.extra) for n in sizes}
    prof = profile(max(sizes), config, args.extra) if args.profile else None
    if prof:
        print(prof)
    text = report(args.label, config, results, prof)
    if not args.no_results:
        write_section(args.label, text)
        print(f"written to {RESULTS.relative_to(ROOT)} (section {args.label})")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"children's CPU time: {usage.ru_utime + usage.ru_stime:.1f} s")


if __name__ == "__main__":
    main()
