"""The solved 2,500-student school the export benchmark writes, cached so it is solved only once.

The school is the large request-driven sample (``samples.requests.lakeview_regional``), solved as
``benchmarks.sectioning`` solves it; the solved project is kept under ``out/benchmarks/`` (not in
git) and reused while the generator's output is unchanged.

    python -m benchmarks.export_school [--students N] [--limit S]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "out" / "benchmarks"


def cache_path(students: int) -> Path:
    return CACHE / f"requests-{students}-solved.flexday"


def solved_school(students: int, *, limit: float = 120.0, log=print):
    """(data, solution) of the request-driven school of ``students``, solving it on first use."""
    from samples.requests import DEFAULT_SEED, request_school
    from scheduler.io.project_file import load_project, save_project
    from scheduler.model import Project

    path = cache_path(students)
    data = request_school(students=students, seed=DEFAULT_SEED)
    if path.exists():
        scenario = load_project(path).scenario()
        if scenario.solution is not None and _same_school(scenario.data, data):
            return scenario.data, scenario.solution
    from scheduler.solver.solve import SolveOptions, solve

    log(f"solving the {students}-student school once (limit {limit:g} s) to cache it in {path}")
    began = time.monotonic()
    result = solve(data, SolveOptions(time_limit_s=limit, seed=0))
    if result.solution is None:
        raise RuntimeError(f"no timetable for {students} students in {limit:g} s")
    solved = result.data or data
    log(f"solved in {time.monotonic() - began:.0f} s ({result.status})")
    path.parent.mkdir(parents=True, exist_ok=True)
    project = Project.of(solved, scenario="Main")
    scenario = project.scenario().model_copy(update={"solution": result.solution})
    save_project(project.replace_scenario(scenario), path)
    return solved, result.solution


def _same_school(cached, fresh) -> bool:
    """The cache was made from the same generated students (sections planned since may differ)."""
    return cached.students == fresh.students and cached.name == fresh.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.export_school", description=__doc__)
    parser.add_argument("--students", type=int, default=2500)
    parser.add_argument("--limit", type=float, default=120.0)
    args = parser.parse_args(argv)
    data, solution = solved_school(args.students, limit=args.limit)
    print(
        f"{len(data.students)} students, {len(solution.placements)} placements, "
        f"{len(solution.enrollments)} enrollments in {cache_path(args.students)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
