"""The Import Timetable Changes dialog, refusing an edit and accepting another.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_changes.py docs/screenshots

Exports the solved 300-student school (cached by ``benchmarks.export_school``), changes the
Meetings sheet as staff would (openpyxl), reads it back and grabs the dialog for each verdict.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import openpyxl

from scheduler.io.xlsx.meetings import HEADINGS
from scheduler.model import Project


def main(out: Path) -> None:
    from benchmarks.export_school import solved_school
    from scheduler.solver.export import export_checked
    from scheduler.solver.import_changes import new_scenario_name, review_changes
    from scheduler.ui.app import application
    from scheduler.ui.views.changes import ChangesDialog

    app = application()
    data, solution = solved_school(300)
    project = Project.of(data, scenario="Main")
    project = project.replace_scenario(project.scenario().model_copy(update={"solution": solution}))
    folder = Path(tempfile.mkdtemp(prefix="flexday-changes-shot-"))
    book_path = export_checked(data, solution, folder / "t.xlsx", scenario="Main")
    first = data.activities[0]
    other = next(a for a in data.activities if a.teachers == first.teachers and a is not first)
    mine = solution.placement(first.id, 0)
    theirs = solution.placement(other.id, 0)
    edits = {
        "clean": {(first.id, 1): {"Pinned": "yes"}},
        "refused": {(first.id, 1): {"Pinned": "yes"},
                    (other.id, 1): {"Day": data.calendar.day(mine.day).label,
                                    "Start slot": _slot(data, mine)}},
    }  # fmt: skip
    assert theirs is not None
    for name, changes in edits.items():
        book = openpyxl.load_workbook(book_path)
        ws = book["Meetings"]
        col = {h: i + 1 for i, h in enumerate(HEADINGS)}
        rows = {(ws.cell(r, 1).value, ws.cell(r, 2).value): r for r in range(2, ws.max_row + 1)}
        for key, values in changes.items():
            for heading, value in values.items():
                ws.cell(rows[key], col[heading]).value = value
        edited = folder / f"{name}.xlsx"
        book.save(edited)
        review = review_changes(project, "Main", edited)
        dialog = ChangesDialog(review, new_scenario_name(project, "Main"), {"Main"})
        dialog.resize(760, 460)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(out / f"import-changes-{name}.png"))
        print(f"import-changes-{name}.png: {review.verdict()}")


def _slot(data, placement) -> str:
    day = data.calendar.day(placement.day)
    return day.slots[day.slot_index(placement.slot)].label


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
