"""The full CP-SAT timetable model alone on FET example files: does it find a timetable, and when.

    python -m benchmarks.model_only [--limit S] [--seeds N] [--quick] [NAME ...]

For each file (a name like ``Brazil`` finds ``FET-5-official/**/Brazil.fet``): compile, build every
rule, the symmetry breaking and the objective as ``stages/timetable.py`` does, then CP-SAT with 2
workers for each seed. No construction heuristic, probe or repair: this measures the encoding.
Each timetable found is checked (rooms left out) and must have no hard violation. Prints one row
per file and one last line of JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from ortools.sat.python import cp_model

from scheduler.io.fet import import_fet
from scheduler.model import Placement, Solution
from scheduler.solver.check import check
from scheduler.solver.compile import compile_problem
from scheduler.solver.rules import RULES, Build
from scheduler.solver.stages.timetable import _break_symmetry
from scheduler.solver.variables import Variables

EXAMPLES = Path("/usr/share/doc/fet-data/examples")
DEFAULT = ("Brazil", "Brazil-more-difficult", "dgspro200809", "2007-2008_sem1-d")


class _First(cp_model.CpSolverSolutionCallback):
    def __init__(self) -> None:
        super().__init__()
        self.began = time.monotonic()
        self.first: float | None = None

    def on_solution_callback(self) -> None:
        if self.first is None:
            self.first = time.monotonic() - self.began


def run(data, seed: int, limit: float) -> dict:
    began = time.monotonic()
    problem = compile_problem(data)
    model = cp_model.CpModel()
    variables = Variables(model, problem)
    build = Build(model, variables, problem)
    for rule in RULES:
        rule.build(build)
    _break_symmetry(build)
    if build.penalties:
        model.minimize(sum(p.weight * p.amount for p in build.penalties))
    built = time.monotonic() - began
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = 2
    found = _First()
    status = solver.solve(model, found)
    hard = None
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        placements = []
        for m, t in variables.extract(solver).items():
            meeting = problem.meetings[m]
            day, slot = problem.grid.refs[t]
            activity = problem.activities[meeting.activity].id
            placements.append(
                Placement(activity=activity, meeting=meeting.number, day=day, slot=slot)
            )
        report = check(data, Solution(placements=tuple(placements)))
        hard = sum(1 for v in report.violations if v.hard and "room" not in v.rule)
    return {
        "seed": seed,
        "build_s": round(built, 2),
        "first_s": None if found.first is None else round(built + found.first, 2),
        "hard": hard,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.model_only", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"FET file names (default {' '.join(DEFAULT)})")
    parser.add_argument("--limit", type=float, default=20.0, help="seconds per run (default 20)")
    parser.add_argument("--seeds", type=int, default=3, help="runs per file (default 3)")
    parser.add_argument("--quick", action="store_true", help="Brazil only, 1 seed, 10 s")
    args = parser.parse_args(argv)
    names = args.names or DEFAULT
    if args.quick:
        names, args.seeds, args.limit = ("Brazil",), 1, 10.0
    rows = []
    print(f"{'file':28} {'build':>6} {'solved':>7} {'median first':>13}  hard")
    for name in names:
        found = sorted(EXAMPLES.glob(f"FET-[56]-official/**/{name}.fet"))
        if not found:
            print(f"{name:28} not found under {EXAMPLES}")
            continue
        data = import_fet(found[0]).project.scenario().data
        runs = [run(data, seed, args.limit) for seed in range(args.seeds)]
        firsts = [r["first_s"] for r in runs if r["first_s"] is not None]
        median = round(statistics.median(firsts), 2) if firsts else None
        hard = sum(r["hard"] or 0 for r in runs)
        build = statistics.median(r["build_s"] for r in runs)
        shown = f"{median:.2f}s" if median is not None else "—"
        print(f"{name:28} {build:5.2f}s {len(firsts):>3}/{len(runs):<3} {shown:>13}  {hard}")
        rows.append({"file": name, "runs": runs, "solved": len(firsts), "median_first_s": median})
    print(json.dumps({"limit_s": args.limit, "seeds": args.seeds, "files": rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
