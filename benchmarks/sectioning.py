"""How well and how fast Flexday builds a master schedule and seats students who request courses.

    python -m benchmarks.sectioning [--students N ...] [--seeds 3] [--limit S] [--quick]

Each run is a fresh process (for an honest peak-memory figure): generate the request-driven
school (samples/requests.py, fixed seed), solve with the given time limit and seed, and score
the result with the independent checker. Prints a table of medians over the seeds per size and
ends with one JSON line of the figures of the largest size.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from benchmarks.common import median, peak_mb, run_seeds, table

MODULE = "benchmarks.sectioning"


def child(students: int, seed: int, limit: float) -> dict:
    from samples.requests import request_school
    from scheduler.solver.check import check
    from scheduler.solver.solve import SolveOptions, solve

    data = request_school(students=students, seed=2026)
    began = time.monotonic()
    result = solve(data, SolveOptions(time_limit_s=limit, seed=seed))
    wall = time.monotonic() - began
    stats = result.requests
    report = check(result.data or data, result.solution) if result.solution else None
    return {
        "students": students,
        "seed": seed,
        "status": result.status,
        "requests": stats.requests if stats else 0,
        "requests_met_pct": stats.met_pct if stats else None,
        "required_met_pct": stats.required_met_pct if stats else None,
        "fully_scheduled_pct": stats.fully_scheduled_pct if stats else None,
        "sections": len(stats.sections) if stats else 0,
        "hard_violations": report.hard_violations if report else None,
        "first_full_schedule_s": round(result.first_full_schedule_s, 2)
        if result.first_full_schedule_s is not None
        else None,
        "wall_s": round(wall, 2),
        "peak_mb": peak_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {MODULE}", description=__doc__)
    parser.add_argument("--students", type=int, nargs="*", default=None)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--limit", type=float, default=None, help="time limit per solve (s)")
    parser.add_argument("--quick", action="store_true", help="600 students, one seed, 20 s")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.students[0], args.seed, args.limit)))
        return 0
    sizes = args.students or ([600] if args.quick else [600, 2500])
    seeds = 1 if args.quick else args.seeds
    rows, summary = [], {}
    for n in sizes:
        limit = args.limit or (20.0 if args.quick else (30.0 if n <= 1000 else 120.0))
        runs = run_seeds(MODULE, n, seeds, limit)
        figures = {
            "students": n,
            "time_limit_s": limit,
            "runs": len(runs),
            "requests": runs[0]["requests"],
            "sections": runs[0]["sections"],
            "first_full_schedule_s": median(r["first_full_schedule_s"] for r in runs),
            "requests_met_pct": median(r["requests_met_pct"] for r in runs),
            "required_met_pct": median(r["required_met_pct"] for r in runs),
            "fully_scheduled_pct": median(r["fully_scheduled_pct"] for r in runs),
            "hard_violations": max(r["hard_violations"] or 0 for r in runs),
            "wall_s": median(r["wall_s"] for r in runs),
            "peak_mb": median(r["peak_mb"] for r in runs),
        }
        rows.append(
            [
                figures[k]
                for k in (
                    "students",
                    "requests",
                    "sections",
                    "time_limit_s",
                    "first_full_schedule_s",
                    "requests_met_pct",
                    "required_met_pct",
                    "fully_scheduled_pct",
                    "hard_violations",
                    "wall_s",
                    "peak_mb",
                )
            ]
        )
        summary = figures
    print(
        table(
            [
                "students",
                "requests",
                "sections",
                "limit s",
                "first full s",
                "met %",
                "required %",
                "fully sched %",
                "hard",
                "wall s",
                "peak MB",
            ],
            rows,
        )
    )
    print(f"(medians over {seeds} seed(s) per size)")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
