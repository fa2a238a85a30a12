"""``flexday compare``: scenarios side by side in the terminal, and as a workbook or JSON."""

from __future__ import annotations

import json
from pathlib import Path

from scheduler.model import Project
from scheduler.solver.compare import Comparison, compare, export_xlsx

SHOWN = 25
"""Change lines printed per scenario; the workbook and JSON hold them all."""


def run_compare(
    project: Project, names: list[str], *, xlsx: Path | None, report: Path | None
) -> int:
    comparison = compare(project, names)
    school = project.scenario(names[0]).data.name
    print(f"{school}: {', '.join(names)} compared (changes counted from {names[0]!r})")
    print_table(comparison)
    print_changes(comparison)
    if xlsx is not None:
        export_xlsx(comparison, xlsx, school=school)
        print(f"wrote {xlsx}")
    if report is not None:
        from scheduler.io.atomic import write_bytes

        doc = json.dumps(comparison.to_dict(), indent=2, ensure_ascii=False) + "\n"
        write_bytes(report, doc.encode())
        print(f"wrote {report}")
    return 0


def print_table(comparison: Comparison) -> None:
    names = comparison.names
    width = max(12, *(len(n) + 2 for n in names))
    print()
    print(f"{'':<34}" + "".join(f"{n:>{width}}" for n in names))
    section = None
    for row in comparison.rows():
        if row.section != section:
            section = row.section
            print(section)
        cells = []
        for k, verdict in enumerate(row.verdicts()):
            mark = {"better": "+", "worse": "-"}.get(verdict, " ")
            cells.append(f"{row.text(k) + mark:>{width}}")
        print(f"  {row.label:<32}" + "".join(cells))
    print("(+ better, - worse than the first scenario)")


def print_changes(comparison: Comparison) -> None:
    for f in comparison.scenarios[1:]:
        if f.changes is None:
            print(f"\n{f.name}: no change list (a scenario has no timetable)")
            continue
        meetings = f.changes.meetings
        print(f"\n{f.name}: {len(meetings)} meeting change(s)")
        for c in meetings[:SHOWN]:
            print(f"  {c.text}")
        if len(meetings) > SHOWN:
            print(f"  … and {len(meetings) - SHOWN} more (see --xlsx or --json)")
        students = f.changes.students
        print(f"{f.name}: {len(students)} student timetable(s) changed")
        for c in students[:SHOWN]:
            print(f"  {c.text}")
        if len(students) > SHOWN:
            print(f"  … and {len(students) - SHOWN} more (see --xlsx or --json)")
