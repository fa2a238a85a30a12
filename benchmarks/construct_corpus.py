"""Construct alone on FET's official example files: how often the first placement is already a
timetable the checker accepts, how fast, and how many hard violations are left when it is not.

For each file and seed: ``construct`` (the share of time a 20 s solve gives it), then rooms
(``assign_rooms``, 2 s) and the checker, as ``stages/quick.py`` does. Prints one line per file
and ends with one line of JSON.

    python -m benchmarks.construct_corpus [--files 'Brazil*,FGPS*'] [--seeds 3] [--limit 8.5]
    python -m benchmarks.construct_corpus --quick
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

from scheduler.io.fet import import_fet
from scheduler.model import Solution
from scheduler.solver import rooms as room_step
from scheduler.solver.check import check
from scheduler.solver.compile import compile_problem
from scheduler.solver.construct import construct
from scheduler.solver.stages.timetable import placements

EXAMPLES = Path("/usr/share/doc/fet-data/examples")
FILES = [
    "dgspro200809",
    "Brazil-more-difficult",
    "2007-2008_sem1-d",
    "shc-2013",
    "shc-prelim-08",
    "FGPS",
    "timetable_July_Nov_09_9",
    "Khoi-sang",
    "highschool-Ancona",
    "small-school",
    "HashiyanaPSY16T2a",
    "EGS2016T2d",
    "Highlands_Christian_School",
    "PBS",
    "IBDP-School-2016",
    "EEBLJ-Diurno",
]
QUICK = ("small-school", "timetable_July_Nov_09_9", "HashiyanaPSY16T2a")


def _path(name: str) -> Path | None:
    found = sorted(p for p in EXAMPLES.rglob(f"{name}.fet") if "official" in str(p))
    return found[0] if found else None


def run(data, limit: float, seed: int) -> dict:
    problem = compile_problem(data)
    began = time.monotonic()
    made = construct(problem, time_limit_s=limit, seed=seed)
    rooms: dict[int, int] = {}
    if made.complete:
        assigned = room_step.assign_rooms(problem, made.starts, time_limit_s=2.0, seed=seed)
        rooms = assigned.rooms or {}
    report = check(data, Solution(placements=placements(problem, made.starts, rooms)))
    seconds = time.monotonic() - began
    ok = made.complete and report.hard_violations == 0 and report.placed == report.meetings
    return {
        "ok": ok,
        "s": round(seconds, 2),
        "unplaced": made.meetings - made.placed,
        "hard": report.hard_violations,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", help="comma-separated name patterns (default: the 16 files)")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--limit", type=float, default=8.5, help="construct seconds (default 8.5)")
    parser.add_argument("--quick", action="store_true", help="three small files, one seed")
    args = parser.parse_args(argv)
    names = list(QUICK) if args.quick else FILES
    if args.files:
        pats = args.files.split(",")
        names = [n for n in FILES if any(fnmatch.fnmatch(n, p) for p in pats)]
    seeds = 1 if args.quick else args.seeds
    rows = []
    print(f"construct + rooms + checker, limit {args.limit} s, {seeds} seed(s)")
    print(f"{'file':28s} {'ok':>5s} {'median s':>9s}  per seed (s / unplaced / hard)")
    for name in names:
        path = _path(name)
        if path is None:
            print(f"{name:28s} not found under {EXAMPLES}", file=sys.stderr)
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = import_fet(path).project.scenario().data
        runs = [run(data, args.limit, seed) for seed in range(seeds)]
        solved = [r["s"] for r in runs if r["ok"]]
        med = statistics.median(solved) if solved else None
        cells = "  ".join(f"{r['s']:.1f}/{r['unplaced']}/{r['hard']}" for r in runs)
        shown = f"{med:9.2f}" if med is not None else f"{'—':>9s}"
        print(f"{name:28s} {len(solved):>2d}/{seeds:<2d} {shown}  {cells}", flush=True)
        rows.append({"file": name, "solved": len(solved), "median_s": med, "runs": runs})
    print(json.dumps({"limit_s": args.limit, "seeds": seeds, "files": rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
