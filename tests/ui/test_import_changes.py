"""File → Import Timetable Changes: the dialog shows the differences and the checker's verdict,
and a new scenario appears only when the user saves; refused changes cannot be saved."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl
import pytest

from scheduler.io.xlsx import export_timetable
from scheduler.io.xlsx.meetings import HEADINGS
from scheduler.model import Project
from scheduler.solver.import_changes import review_changes
from tests.ui.conftest import Answers

_spec = importlib.util.spec_from_file_location(
    "xlsx_export_school", Path(__file__).parents[1] / "io" / "test_xlsx_export.py"
)
_school = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_school)


def project() -> Project:
    base = Project.of(_school.school(), scenario="Draft")
    return base.replace_scenario(base.scenario().model_copy(update={"solution": _school.SOLUTION}))


def edited(tmp_path: Path, day: str, slot: str) -> Path:
    """The export with Science 9B (a2) moved to ``day`` ``slot`` in the Meetings sheet."""
    path = export_timetable(_school.school(), _school.SOLUTION, tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(path)
    ws = book["Meetings"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "a2")
    ws.cell(row, HEADINGS.index("Day") + 1).value = day
    ws.cell(row, HEADINGS.index("Start slot") + 1).value = slot
    book.save(path)
    return path


@pytest.fixture
def window(qtbot):
    from scheduler.ui.document import Document
    from scheduler.ui.main_window import MainWindow

    win = MainWindow(Document(project()))
    qtbot.addWidget(win)
    win.files.dialogs = Answers()
    return win


def test_clean_changes_become_a_new_scenario_on_save(window, tmp_path):
    answers = window.files.dialogs
    answers.path = edited(tmp_path, "Tuesday", "P2")
    shown = []

    def review_changes(review, name, taken):
        shown.append((review, name, taken))
        return name

    answers.review_changes = review_changes
    original = window.doc.project.scenario("Draft")
    assert window.files.import_changes()
    review, name, taken = shown[0]
    assert name == "Draft (from Excel)" and taken == {"Draft"}
    assert [c.what for c in review.changes] == ["moved"] and review.accepted
    assert [s.name for s in window.doc.project.scenarios] == ["Draft", "Draft (from Excel)"]
    assert window.doc.scenario_name == "Draft (from Excel)"
    assert window.doc.solution.placement("a2", 0).day == "tue"
    assert window.doc.project.scenario("Draft") == original
    window.doc.undo_stack.undo()
    assert [s.name for s in window.doc.project.scenarios] == ["Draft"]


def test_cancel_changes_nothing(window, tmp_path):
    answers = window.files.dialogs
    answers.path = edited(tmp_path, "Tuesday", "P2")
    answers.review_changes = lambda review, name, taken: None
    assert not window.files.import_changes()
    assert [s.name for s in window.doc.project.scenarios] == ["Draft"]


def test_bad_sheet_is_an_error_naming_the_cell(window, tmp_path):
    answers = window.files.dialogs
    answers.path = edited(tmp_path, "Someday", "P2")
    assert not window.files.import_changes()
    assert "Meetings!G4: unknown day 'Someday'" in answers.errors[0]
    assert "Nothing was changed" in answers.errors[0]


def test_dialog_lists_changes_and_blocks_a_conflict(qtbot, tmp_path):
    from scheduler.ui.views.changes import ChangesDialog

    conflict = review_changes(project(), "Draft", edited(tmp_path, "Monday", "P3"))
    dialog = ChangesDialog(conflict, "Draft (from Excel)", {"Draft"})
    qtbot.addWidget(dialog)
    assert dialog.changes_list.count() == 1
    assert "Science 9B meeting 1: moved from Wednesday B1" in dialog.changes_list.item(0).text()
    assert "Refused" in dialog.verdict_label.text()
    rules = [dialog.violations_list.item(i).text() for i in range(dialog.violations_list.count())]
    assert any(
        r.startswith('a teacher in two lessons at once (teacher_conflict): teacher "T2"')
        for r in rules
    )
    assert not dialog.save_button.isEnabled()

    clean = review_changes(project(), "Draft", edited(tmp_path, "Tuesday", "P2"))
    dialog = ChangesDialog(clean, "Draft (from Excel)", {"Draft"})
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled() and "accepts" in dialog.verdict_label.text()
    dialog.name_edit.setText("Draft")  # taken
    assert not dialog.save_button.isEnabled()
