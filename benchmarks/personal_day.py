"""The personalized day at scale: request-driven schools with internships, three lunch waves and
late starts, solved within the sectioning time budget.

    python -m benchmarks.personal_day [--students N ...] [--seeds 1] [--limit S] [--quick]

Each run is a fresh process: generate the school with ``samples/requests.py``'s personalized day
(``request_school(personal=True)``: nine periods, lunch waves A/B/C with seats for half of the
students each, about 15% of students on internships Tue/Thu from 13:00, late starters), solve,
and score the result with the independent checker. Prints a table of medians per size and ends
with one JSON line of the figures of the largest size.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter

from benchmarks.common import median, peak_mb, run_seeds, table

MODULE = "benchmarks.personal_day"


def child(students: int, seed: int, limit: float) -> dict:
    from samples.requests import request_school
    from scheduler.solver.check import check
    from scheduler.solver.solve import SolveOptions, solve

    data = request_school(students=students, seed=2026, personal=True)
    interns = {s for b in data.personal_blocks for s in b.students}
    began = time.monotonic()
    result = solve(data, SolveOptions(time_limit_s=limit, seed=seed))
    wall = time.monotonic() - began
    stats = result.requests
    solution = result.solution
    report = check(result.data or data, solution) if solution else None
    waves = Counter(a.wave for a in solution.lunches) if solution else Counter()
    unmet_interns = sum(1 for u in stats.unmet if u.student in interns) if stats else None
    return {
        "students": students,
        "seed": seed,
        "status": result.status,
        "interns": len(interns),
        "interns_pct": round(100 * len(interns) / students, 1),
        "waves": len(data.lunch_waves),
        "wave_capacity": data.lunch_waves[0].capacity if data.lunch_waves else None,
        "wave_sizes": [waves[w.id] for w in data.lunch_waves],
        "requests": stats.requests if stats else 0,
        "requests_met_pct": stats.met_pct if stats else None,
        "required_met_pct": stats.required_met_pct if stats else None,
        "interns_unmet_requests": unmet_interns,
        "hard_violations": report.hard_violations if report else None,
        "hard_by_rule": {k: c for k, (c, _) in report.by_rule(hard=True).items()} if report else {},
        "first_full_schedule_s": round(result.first_full_schedule_s, 2)
        if result.first_full_schedule_s is not None
        else None,
        "wall_s": round(wall, 2),
        "peak_mb": peak_mb(),
    }


COLUMNS = (
    ("students", "students"),
    ("interns", "interns"),
    ("waves", "waves"),
    ("wave seats", "wave_capacity"),
    ("requests", "requests"),
    ("limit s", "time_limit_s"),
    ("first full s", "first_full_schedule_s"),
    ("met %", "requests_met_pct"),
    ("required %", "required_met_pct"),
    ("hard", "hard_violations"),
    ("wall s", "wall_s"),
    ("peak MB", "peak_mb"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {MODULE}", description=__doc__)
    parser.add_argument("--students", type=int, nargs="*", default=None)
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--limit", type=float, default=None, help="time limit per solve (s)")
    parser.add_argument("--quick", action="store_true", help="600 students, one seed, 30 s")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.students[0], args.seed, args.limit)))
        return 0
    sizes = args.students or ([600] if args.quick else [2500])
    seeds = 1 if args.quick else args.seeds
    rows, summary = [], {}
    for n in sizes:
        limit = args.limit or (30.0 if n <= 1000 else 120.0)
        runs = run_seeds(MODULE, n, seeds, limit)
        figures = {
            "students": n,
            "time_limit_s": limit,
            "runs": len(runs),
            "interns": runs[0]["interns"],
            "interns_pct": runs[0]["interns_pct"],
            "waves": runs[0]["waves"],
            "wave_capacity": runs[0]["wave_capacity"],
            "wave_sizes": runs[0]["wave_sizes"],
            "requests": runs[0]["requests"],
            "first_full_schedule_s": median(r["first_full_schedule_s"] for r in runs),
            "requests_met_pct": median(r["requests_met_pct"] for r in runs),
            "required_met_pct": median(r["required_met_pct"] for r in runs),
            "hard_violations": max(r["hard_violations"] or 0 for r in runs),
            "wall_s": median(r["wall_s"] for r in runs),
            "peak_mb": median(r["peak_mb"] for r in runs),
        }
        rows.append([figures[key] for _, key in COLUMNS])
        for r in runs:
            print(
                f"  seed {r['seed']}: {r['status']}, waves {r['wave_sizes']}, "
                f"hard {r['hard_by_rule'] or 0}, "
                f"interns' unmet requests {r['interns_unmet_requests']}",
                file=sys.stderr,
            )
        summary = figures
    print(table([title for title, _ in COLUMNS], rows))
    print(f"(medians over {seeds} seed(s) per size; wave sizes of the first seed)")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
