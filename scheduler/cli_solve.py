"""``flexday solve``: run the solver with a live progress line, then check, report and export."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from scheduler.cli_personal import lunch_report, print_lunches
from scheduler.cli_requests import print_plan, print_requests
from scheduler.cli_requests import report as sectioning_report
from scheduler.model import Project
from scheduler.solver.check import check
from scheduler.solver.progress import Progress
from scheduler.solver.solve import SolveOptions, SolveResult, solve


class ProgressLine:
    """One line on the terminal, redrawn in place; silent when output is not a terminal."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.shown = False

    def __call__(self, p: Progress) -> None:
        if not self.live:
            return
        penalty = "—" if p.objective is None else f"{p.objective:g}"
        bound = "—" if p.best_bound is None else f"{p.best_bound:g}"
        gap = "" if p.gap is None else f"  gap {p.gap:.0%}"
        stage = "" if p.stage == "timetable" else f"  [{p.stage}]"
        stage = "" if p.stage == "timetable" else f"  [{p.stage}]"
        line = (
            f"  solving {p.elapsed_s:6.1f} s  timetables {p.solutions:3d}  "
            f"penalty {penalty}  bound {bound}{gap}{stage}"
        )
        self.stream.write("\r" + line.ljust(78))
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def run_solve(
    project: Project,
    name: str,
    *,
    path: Path,
    time_limit: float,
    seed: int,
    workers: int | None,
    save: bool,
    xlsx: Path | None,
    report: Path | None,
) -> int:
    scenario = project.scenario(name)
    data = scenario.data
    line = ProgressLine()
    print(
        f"Solving {data.name!r}, scenario {name!r}: {len(data.activities)} activities, "
        f"{sum(len(a.meetings) for a in data.activities)} meetings, limit {time_limit:g} s"
    )
    options = SolveOptions(time_limit_s=time_limit, seed=seed, workers=workers)
    started = time.time()
    try:
        result = solve(data, options, progress=line)
    finally:
        line.done()
    data = result.data or data  # the solve may have planned sections: judge what was solved
    checked = check(data, result.solution) if result.solution is not None else None
    print_plan(result.plan)
    _print_summary(result, checked)
    print_requests(result.requests)
    print_lunches(data, result.solution)
    if report is not None:
        _write_report(report, name, result, checked, options, data, started)
    if result.solution is None:
        if result.status == "infeasible":
            from scheduler.cli_explain import print_prechecks

            print("why there is no timetable (pre-checks):")
            print_prechecks(scenario.data)
        return 1
    if save:
        from scheduler.io.project_file import save_project

        update = {"solution": result.solution, "data": data}
        save_project(project.replace_scenario(scenario.model_copy(update=update)), path)
        planned = " and the sections it planned" if result.data is not None else ""
        print(f"saved the timetable{planned} into {path}")
    if xlsx is not None:
        from scheduler.solver.export import export_checked

        export_checked(data, result.solution, xlsx, scenario=name, report=checked)
        print(f"wrote {xlsx}")
    return 0 if checked is not None and checked.hard_violations == 0 else 1


def _print_summary(result: SolveResult, checked) -> None:
    print(f"status: {result.status}  ({result.wall_s:.1f} s)")
    if result.ignored:
        total = sum(result.ignored.values())
        print(f"ignored {total} imported rule(s) Flexday cannot state yet:")
        for kind, count in result.ignored.items():
            print(f"  {count:>4} × {kind}")
    for reason in result.reasons:
        print(f"  {reason}")
    if checked is None:
        return
    print(
        f"placed {checked.placed}/{checked.meetings} meetings; hard violations "
        f"{checked.hard_violations}; soft penalty {checked.soft_penalty}"
        + (f" (solver bound {result.best_bound:g})" if result.best_bound is not None else "")
    )
    for rule, (count, penalty) in checked.by_rule(hard=False).items():
        print(f"  {rule:<18} {count:>4} violation(s)  penalty {penalty}")
    for rule, (count, _) in checked.by_rule(hard=True).items():
        print(f"  HARD {rule:<13} {count:>4}")


def _write_report(
    path: Path, name: str, result: SolveResult, checked, options, data, started: float
) -> None:
    from scheduler.io.atomic import write_bytes

    doc = {
        "scenario": name,
        "status": result.status,
        "hard_violations": checked.hard_violations if checked else None,
        "soft_penalty": checked.soft_penalty if checked else None,
        "solver_objective": result.objective,
        "best_bound": result.best_bound,
        "time_to_first_solution_s": _round(result.time_to_first_solution_s),
        "wall_s": _round(result.wall_s),
        "solve_started_unix": round(started, 3),
        "activities": result.activities,
        "meetings": result.meetings,
        "meetings_placed": result.placed,
        "activities_placed": len({p.activity for p in result.solution.placements})
        if result.solution
        else 0,
        "reasons": list(result.reasons),
        "ignored_rules": result.ignored,
        "soft_by_rule": checked.to_dict()["soft_by_rule"] if checked else {},
        "hard_by_rule": checked.to_dict()["hard_by_rule"] if checked else {},
        "model": result.model_size,
        "profile": {k: _round(v) for k, v in result.profile.items()},
        "first_by": result.first_by,
        "options": {
            "time_limit_s": options.time_limit_s,
            "seed": options.seed,
            "workers": options.workers,
        },
        **sectioning_report(
            data, result.solution, result.plan, result.requests, result.first_full_schedule_s
        ),
        **lunch_report(data, result.solution),
    }
    write_bytes(path, (json.dumps(doc, indent=2) + "\n").encode())


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)
