"""``flexday repair``: re-solve a scenario after an edit, changing as little as the rules allow."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from scheduler.cli_solve import ProgressLine, _print_summary
from scheduler.model import Project
from scheduler.solver.check import check
from scheduler.solver.repair import RepairOptions, repair

SHOWN = 25


def run_repair(
    project: Project,
    name: str,
    *,
    path: Path,
    time_limit: float,
    seed: int,
    workers: int | None,
    save: bool,
    report: Path | None,
) -> int:
    scenario = project.scenario(name)
    if scenario.solution is None:
        print(
            f"scenario {name!r} has no timetable to repair: run `flexday solve --save` first",
            file=sys.stderr,
        )
        return 1
    data = scenario.data
    print(f"Repairing scenario {name!r} of {data.name!r} (limit {time_limit:g} s)")
    line = ProgressLine()
    options = RepairOptions(time_limit_s=time_limit, seed=seed, workers=workers)
    try:
        result = repair(data, scenario.solution, options, progress=line)
    finally:
        line.done()
    data = result.data or data
    checked = check(data, result.solution) if result.solution is not None else None
    _print_summary(result, checked)
    diff = result.changes
    if diff is not None:
        s = diff.summary()
        print(
            f"changed: {s['meetings_moved']} meeting(s) moved, {s['rooms_changed']} room(s) "
            f"changed, {s['meetings_changed']} meeting change(s) in all; "
            f"{s['students_changed']} student timetable(s) changed"
        )
        for c in diff.meetings[:SHOWN]:
            print(f"  {c.text}")
        if len(diff.meetings) > SHOWN:
            print(f"  … and {len(diff.meetings) - SHOWN} more (see --report)")
    if report is not None:
        from scheduler.io.atomic import write_bytes

        doc = {
            "scenario": name,
            "status": result.status,
            "hard_violations": checked.hard_violations if checked else None,
            "soft_penalty": checked.soft_penalty if checked else None,
            "wall_s": round(result.wall_s, 3),
            "reasons": list(result.reasons),
            **(diff.summary() if diff is not None else {}),
            "meeting_changes": [c.text for c in diff.meetings] if diff else [],
            "student_changes": [c.text for c in diff.students] if diff else [],
        }
        write_bytes(report, (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode())
    if result.solution is None:
        return 1
    if save:
        from scheduler.io.project_file import save_project

        update = {"solution": result.solution, "data": data}
        save_project(project.replace_scenario(scenario.model_copy(update=update)), path)
        print(f"saved the repaired timetable into {path}")
    return 0 if checked is not None and checked.hard_violations == 0 else 1
