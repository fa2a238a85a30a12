"""Flexday against FET on FET's own example schools.

For each official-mode corpus file that imports fully, run ``fet-cl`` and ``flexday solve`` one
after the other with the same time limit and several seeds, and score both timetables with
Flexday's checker. Prints a table per file, a summary, and one last line of JSON.

    python -m benchmarks.fet_corpus [--limit S] [--seeds N] [--files GLOB] [--every K] [--quick]

Measured per run: complete timetable found (every activity placed, no hard violation per our
checker), wall time to the first complete timetable, soft penalty per our checker, peak memory.
FET stops at its first timetable, so its time is its wall time; Flexday keeps improving until the
limit, so its time is the moment its first timetable appeared (process start included).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scheduler.io.fet import import_fet, read_fet_timetable
from scheduler.io.project_file import save_project
from scheduler.solver.check import check

EXAMPLES = Path("/usr/share/doc/fet-data/examples")
ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Run:
    solved: bool
    time_s: float | None
    penalty: int | None
    peak_mb: float | None
    """None when the process ended before a 50 ms memory poll saw it running."""
    note: str = ""
    startup_s: float | None = None
    """Flexday only: interpreter start, imports and reading the project, before solving."""
    first_by: str | None = None
    """Flexday only: the step that found the first timetable (construct, repair, cp-sat)."""
    profile: dict | None = None
    """Flexday only: seconds in the steps of the quick first timetable."""


def peak_rss(proc: subprocess.Popen, timeout: float) -> tuple[float | None, bool]:
    """Wait for the process, polling its peak resident memory (VmHWM); kill it after timeout."""
    peak, killed = 0, False
    status = Path(f"/proc/{proc.pid}/status")
    began = time.monotonic()
    while proc.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except (OSError, ValueError):
            pass
        if time.monotonic() - began > timeout:
            proc.terminate()
            killed = True
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        time.sleep(0.05)
    # Under 1 MB the poll only saw the process being started, not the program.
    return (peak / 1024 if peak >= 1024 else None), killed


def run_fet(src: Path, data, limit: float, seed: int, work: Path) -> Run:
    out = work / f"fet-{seed}"
    seeds = [f"--randomseeds{k}={1000 * (i + 1) + seed}" for i, k in enumerate(("10", "11", "12"))]
    seeds += [f"--randomseeds{k}={1000 * (i + 1) + seed}" for i, k in enumerate(("20", "21", "22"))]
    cmd = [
        "fet-cl",
        f"--inputfile={src}",
        f"--outputdir={out}",
        f"--timelimitseconds={int(limit)}",
        "--htmllevel=0",
        "--writetimetablesxml=true",
        "--writetimetablessubgroups=true",
        "--writetimetablesteachers=true",
        *(f"--writetimetables{k}=false" for k in _FET_OFF),
        *seeds,
    ]
    began = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak, killed = peak_rss(proc, limit + 60)
    wall = time.monotonic() - began
    result = (out / "logs" / "result.txt").read_text(errors="replace") if not killed else ""
    tables = list((out / "timetables").rglob("*_data_and_timetable.fet"))
    if "successful" not in result or not tables:
        note = "killed" if killed else (result.strip().splitlines() or ["no result"])[-1][:40]
        return Run(False, None, None, peak, note)
    report = check(data, read_fet_timetable(tables[0], data=data))
    ok = report.hard_violations == 0 and report.placed == report.meetings
    return Run(ok, wall, report.soft_penalty, peak, "" if ok else "checker: hard violations")


_FET_OFF = (
    "statistics",
    "dayshorizontal",
    "daysvertical",
    "timehorizontal",
    "timevertical",
    "groups",
    "years",
    "teachersfreeperiods",
    "rooms",
    "subjects",
    "activitytags",
    "activities",
)


def run_flexday(project: Path, limit: float, seed: int, work: Path, workers: int) -> Run:
    report = work / f"flexday-{seed}.json"
    cmd = [sys.executable, "-m", "scheduler", "solve", str(project), "--time-limit", str(limit)]
    cmd += ["--seed", str(seed), "--workers", str(workers), "--report", str(report)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    launched = time.time()
    began = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    peak, _ = peak_rss(proc, limit + 120)
    wall = time.monotonic() - began
    if not report.exists():
        return Run(False, None, None, peak, "no report")
    doc = json.loads(report.read_text())
    ok = doc["hard_violations"] == 0 and doc["meetings_placed"] == doc["meetings"]
    profile = doc.get("profile") or {}
    if not ok:
        return Run(False, None, None, peak, doc["status"], profile=profile)
    if "solve_started_unix" in doc:  # interpreter, imports, reading the project
        startup = doc["solve_started_unix"] - launched
    else:  # older reports: also counts checking and writing out after the solve
        startup = wall - doc["wall_s"]
    first = startup + (doc["time_to_first_solution_s"] or doc["wall_s"])
    return Run(
        True,
        first,
        doc["soft_penalty"],
        peak,
        startup_s=startup,
        first_by=doc.get("first_by"),
        profile=profile,
    )


def build_seconds(data) -> float:
    """Compile plus CP-SAT model building, in this process: the Python share of a solve."""
    from ortools.sat.python import cp_model

    from scheduler.solver.compile import compile_problem
    from scheduler.solver.rules import RULES, Build
    from scheduler.solver.variables import Variables

    began = time.monotonic()
    problem = compile_problem(data)
    model = cp_model.CpModel()
    build = Build(model, Variables(model, problem), problem)
    for rule in RULES:
        rule.build(build)
    return time.monotonic() - began


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def corpus(pattern: str | None, every: int) -> list[Path]:
    """Official-mode example files (not the pinned or solved copies), smallest first."""
    paths = [
        p
        for p in EXAMPLES.glob("FET-[56]-official/**/*.fet")
        if "locked" not in p.name and "data_and_timetable" not in p.name
    ]
    if pattern:
        paths = [p for p in paths if fnmatch.fnmatch(str(p.relative_to(EXAMPLES)), pattern)]
    return sorted(paths, key=lambda p: (p.stat().st_size, str(p)))[::every]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fet_corpus", description=__doc__)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds per run (default 60)")
    parser.add_argument("--seeds", type=int, default=3, help="runs per solver and file")
    parser.add_argument(
        "--files", default=None, metavar="GLOB", help="e.g. 'FET-5-official/Brazil/*'"
    )
    parser.add_argument("--every", type=int, default=1, help="take every K-th file by size")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT workers (default 2)")
    parser.add_argument("--quick", action="store_true", help="10 s, 1 seed, every 15th file")
    args = parser.parse_args(argv)
    if args.quick:
        args.limit, args.seeds, args.every = 10.0, 1, max(args.every, 15)
    if shutil.which("fet-cl") is None:
        print("fet-cl is not installed (apt-get install fet fet-data)", file=sys.stderr)
        return 2
    files = corpus(args.files, args.every)
    load_before = os.getloadavg()[0]
    print(
        f"FET corpus: {len(files)} official file(s), limit {args.limit:g} s, {args.seeds} seed(s), "
        f"Flexday with {args.workers} worker(s) on {os.cpu_count()} cores, "
        f"load {load_before:.2f} at the start"
    )
    head = (
        f"{'file':34} {'acts':>5} {'build':>6} | {'FET ok':>6} {'time':>7} {'pen':>8} {'MB':>5} | "
        f"{'Flex ok':>7} {'time':>7} {'pen':>8} {'MB':>5} {'via':>9} {'constr':>6}"
    )
    print(head)
    print("-" * len(head))
    rows, skipped = [], 0
    with tempfile.TemporaryDirectory(prefix="fet-bench-") as tmp:
        for src in files:
            row = _one(src, Path(tmp), args)
            if row is None:
                skipped += 1
                continue
            rows.append(row)
            print(_line(row), flush=True)
    summary = _summary(rows, skipped, args)
    summary["load_at_start"] = round(load_before, 2)
    summary["load_at_end"] = round(os.getloadavg()[0], 2)
    for key, value in summary.items():
        print(f"{key}: {value}")
    print(json.dumps(summary))
    return 0


def _one(src: Path, tmp: Path, args) -> dict | None:
    imported = import_fet(src)
    if not imported.report.complete or imported.report.problems:
        return None
    data = imported.project.scenario().data
    work = tmp / src.stem
    work.mkdir(parents=True, exist_ok=True)
    project = work / "school.flexday"
    save_project(imported.project, project)
    fet, flex = [], []
    for seed in range(args.seeds):
        fet.append(run_fet(src, data, args.limit, seed, work))
        flex.append(run_flexday(project, args.limit, seed, work, args.workers))
    return {
        "file": str(src.relative_to(EXAMPLES)),
        "activities": len(data.activities),
        "build_s": round(build_seconds(data), 2),
        "fet": fet,
        "flexday": flex,
    }


def _solved(runs: list[Run]) -> bool:
    """Solved when most seeds found a complete timetable."""
    return 2 * sum(r.solved for r in runs) > len(runs)


def _line(row: dict) -> str:
    def part(runs: list[Run]) -> str:
        ok = f"{sum(r.solved for r in runs)}/{len(runs)}"
        t = median(r.time_s for r in runs)
        p = median(r.penalty for r in runs)
        mb = max((r.peak_mb for r in runs if r.peak_mb), default=None)
        return f"{ok:>6} {_fmt(t, 's'):>7} {_fmt(p, ''):>8} {_fmt(mb, '', 0):>5}"

    name = row["file"].split("/")[-1][:34]
    fet, flex = part(row["fet"]), part(row["flexday"])
    via = _via(row["flexday"]) or "—"
    constr = median((r.profile or {}).get("construct_s") for r in row["flexday"])
    return (
        f"{name:34} {row['activities']:5d} {row['build_s']:6.2f} | {fet} | {flex} "
        f"{via:>9} {_fmt(constr, 's'):>6}"
    )


def _via(runs: list[Run]) -> str | None:
    """The step that found Flexday's first timetable in most solved seeds."""
    found = [r.first_by for r in runs if r.solved and r.first_by]
    return max(set(found), key=found.count) if found else None


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def _fmt(x, unit: str, digits: int = 1) -> str:
    if x is None:
        return "—"
    return f"{x:.{digits}f}{unit}" if unit or not digits else f"{x:g}"


def _summary(rows: list[dict], skipped: int, args) -> dict:
    both = [r for r in rows if _solved(r["fet"]) and _solved(r["flexday"])]
    ratios = [
        median(x.time_s for x in r["flexday"]) / max(0.01, median(x.time_s for x in r["fet"]))
        for r in both
    ]
    le = [
        median(x.penalty for x in r["flexday"]) <= median(x.penalty for x in r["fet"]) for r in both
    ]
    shares = [
        r["build_s"] / median(x.time_s for x in r["flexday"]) for r in rows if _solved(r["flexday"])
    ]
    fet_ok = {r["file"] for r in rows if _solved(r["fet"])}
    flex_ok = {r["file"] for r in rows if _solved(r["flexday"])}
    return {
        "files": len(rows),
        "skipped_not_fully_imported": skipped,
        "limit_s": args.limit,
        "seeds": args.seeds,
        "fet_solved": len(fet_ok),
        "flexday_solved": len(flex_ok),
        "both_solved": len(both),
        "flexday_only": sorted(f.split("/")[-1] for f in flex_ok - fet_ok),
        "fet_only": sorted(f.split("/")[-1] for f in fet_ok - flex_ok),
        "median_time_ratio": round(median(ratios), 3) if ratios else None,
        "penalty_le_fet_share": round(sum(le) / len(le), 3) if le else None,
        "median_build_share_of_first_timetable": round(median(shares), 3) if shares else None,
        "flexday_median_startup_s": _round(median(x.startup_s for r in rows for x in r["flexday"])),
        "flexday_first_by": {
            k: sum(x.first_by == k for r in rows for x in r["flexday"] if x.solved)
            for k in ("construct", "repair", "probe", "cp-sat")
        },
        "flexday_median_construct_s": _round(
            median((x.profile or {}).get("construct_s") for r in rows for x in r["flexday"])
        ),
        "fet_peak_mb_median": _round(median(x.peak_mb for r in rows for x in r["fet"])),
        "fet_peak_mb_max": _round(max((x.peak_mb or 0 for r in rows for x in r["fet"]), default=0)),
        "flexday_peak_mb_median": _round(median(x.peak_mb for r in rows for x in r["flexday"])),
        "flexday_peak_mb_max": _round(
            max((x.peak_mb or 0 for r in rows for x in r["flexday"]), default=0)
        ),
    }


if __name__ == "__main__":
    raise SystemExit(main())
