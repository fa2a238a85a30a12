"""How fast Flexday explains why there is no timetable, and whether its fixes hold.

    python -m benchmarks.explain [--repeats 3] [--limit S] [--large] [--quick]

Tiny schools: each deliberately infeasible school of ``samples.infeasible`` is explained
``--repeats`` times (one CP-SAT worker, 10 s limit; median wall time); every verified fix is
applied and the school solved again by the normal solver and judged by the checker ("fix ok").
Larger: Riverside High (and with ``--large`` the 2,500-student sample) with its busiest teacher
away on every day but the first, explained once in a fresh process (peak memory) with ``--limit``
(default 60 s; 30 s with ``--quick``), from the sample's stored timetable as ``flexday explain``
does. Ends with one JSON line of every figure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from benchmarks.common import median, peak_mb, run_child, table

MODULE = "benchmarks.explain"
SAMPLES = {"riverside": "samples/riverside-high.flexday", "large": "samples/large.flexday"}


def _summary(e) -> dict:
    core = [f for f in e.findings if f.source == "core" and f.rule != "relaxation"]
    return {
        "status": e.status,
        "prechecks": sum(1 for f in e.findings if f.source == "precheck"),
        "core": len(core),
        "minimal": "smaller set may exist" not in e.summary,
        "verified_fixes": sum(1 for f in e.findings if f.verified),
        "solves": int(e.timings.get("solves", 0)),
    }


def tiny(repeats: int) -> list[dict]:
    from samples.infeasible import TINY
    from scheduler.solver.check import check
    from scheduler.solver.explain import explain, relax_all
    from scheduler.solver.solve import SolveOptions, solve

    out = []
    for name, make in TINY.items():
        data = make()
        walls, e = [], None
        for _ in range(repeats):
            began = time.monotonic()
            e = explain(data, time_limit_s=10, workers=1)
            walls.append(time.monotonic() - began)
        fixes_ok = True
        for f in e.findings:
            if f.verified:
                fixed = relax_all(data, f.relaxations)
                r = solve(fixed, SolveOptions(time_limit_s=10, workers=1))
                ok = r.solution is not None and check(fixed, r.solution).hard_violations == 0
                fixes_ok = fixes_ok and ok
        out.append({"school": name, **_summary(e), "fix_ok": fixes_ok, "wall_s": median(walls)})
    return out


def child(sample: str, limit: float) -> dict:
    from samples.infeasible import away_most_of_the_week
    from scheduler.io.project_file import load_project
    from scheduler.solver.explain import explain

    scenario = load_project(Path(SAMPLES[sample])).scenario()
    data, teacher = away_most_of_the_week(scenario.data)
    began = time.monotonic()
    e = explain(data, time_limit_s=limit, hint=scenario.solution)  # as `flexday explain` does
    wall = time.monotonic() - began
    t = e.timings
    return {
        "school": f"{sample}, {teacher} away all but day 1",
        **_summary(e),
        "fix_ok": None,
        "wall_s": round(wall, 2),
        "prechecks_s": round(t.get("prechecks", 0), 2),
        "build_s": round(t.get("build", 0), 2),
        "rule_groups": e.groups,
        "peak_mb": peak_mb(),
        "summary": e.summary,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {MODULE}", description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=float, default=None, help="time limit, larger schools")
    parser.add_argument("--large", action="store_true", help="also the 2,500-student sample")
    parser.add_argument("--quick", action="store_true", help="one repeat, 30 s limit")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    limit = args.limit or (30.0 if args.quick else 60.0)
    if args.child:
        print(json.dumps(child(args.child, limit)))
        return 0
    print("… tiny schools", file=sys.stderr, flush=True)
    rows = tiny(1 if args.quick else args.repeats)
    for sample in ["riverside", *(["large"] if args.large else [])]:
        print(f"… {sample}, limit {limit:g} s", file=sys.stderr, flush=True)
        args_ = [sample, "--limit", str(limit)]  # run_child puts --child first
        rows.append(run_child(MODULE, args_, timeout=limit * 4 + 120))
    keys = ["school", "status", "prechecks", "core", "minimal", "verified_fixes", "fix_ok"]
    keys += ["solves", "wall_s"]
    print(table(keys, [[r.get(k) for k in keys] for r in rows]))
    for r in rows:
        if "summary" in r:
            print(
                f"\n{r['school']}: build {r['build_s']} s, {r['rule_groups']} rule groups, "
                f"peak {r['peak_mb']} MB\n  {r['summary']}"
            )
    print(json.dumps({"limit_s": limit, "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
