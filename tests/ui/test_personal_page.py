"""The Personal time page: each table passes Qt's model tester, adds and edits rows as undoable
steps, and a renamed or deleted student carries over into the rules about them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from scheduler.ui.models import personal
from scheduler.ui.views.editors import EntityEditor

MODELS = [
    personal.PersonalBlockModel,
    personal.DayRuleModel,
    personal.LunchWaveModel,
    personal.LunchWindowModel,
    personal.MaxMinutesModel,
    personal.CycleDaysModel,
]


@pytest.mark.parametrize("model_class", MODELS, ids=lambda m: m.__name__)
def test_model_passes_the_qt_model_tester(doc, qtmodeltester, model_class):
    model = model_class(doc)
    qtmodeltester.check(model, force_py=True)
    assert model.add() == 0
    model.duplicate([0])
    assert len(getattr(doc.data, model.collection)) == 2
    doc.undo_stack.undo()
    model.remove([0])
    assert getattr(doc.data, model.collection) == ()
    doc.undo_stack.undo()
    qtmodeltester.check(model, force_py=True)


def _col(model, title: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.title == title)


def test_an_internship_is_entered_by_days_and_clock_time(doc, qtbot):
    editor = EntityEditor(personal.PersonalBlockModel(doc), plural="blocks")
    qtbot.addWidget(editor)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    model = editor.model
    student = doc.data.students[0].id
    assert model.setData(model.index(0, _col(model, "Days")), "Tue, Thu")
    assert model.setData(model.index(0, _col(model, "From")), "12:00")
    assert model.setData(model.index(0, _col(model, "Kind")), "dual_enrolment")
    block = doc.data.personal_blocks[0]
    assert block.days == ("Tue", "Thu") and f"{block.start:%H:%M}" == "12:00"
    assert block.kind == "dual_enrolment" and block.students == (student,)
    assert not model.setData(model.index(0, _col(model, "To")), "11:00")  # before its start
    assert f"{doc.data.personal_blocks[0].end:%H:%M}" == "15:00"
    assert doc.undo_stack.undoText() == f'Edit personal block "{block.label}": kind'


def test_an_unknown_day_is_flagged_on_its_cell(doc):
    model = personal.LunchWaveModel(doc)
    model.add()
    cell = model.index(0, _col(model, "Days"))
    assert model.setData(cell, "Sunday")
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is not None
    assert "unknown day" in model.data(cell, Qt.ItemDataRole.ToolTipRole)


def test_deleting_a_student_updates_the_rules_about_them(doc):
    from scheduler.ui.models.entities import StudentModel

    students = StudentModel(doc)
    blocks = personal.PersonalBlockModel(doc)
    blocks.add()
    sid = doc.data.students[0].id
    assert 'personal block "New internship"' in students.dependents([0])
    students.remove([0])
    assert doc.data.personal_blocks == ()  # it was only about that student
    doc.undo_stack.undo()
    assert doc.data.personal_blocks[0].students == (sid,)


def test_a_students_week_shows_their_lunch_and_internship(qtbot):
    from scheduler.model import Solution, Student
    from scheduler.model.personal import LunchAssignment, LunchWave, PersonalBlock
    from scheduler.ui.views.timetable import TimetableView
    from scheduler.ui.views.timetable_personal import Band, personal_bands
    from tests.conftest import small_school

    block = PersonalBlock(
        id="b", name="Clinic", students=("ANA",), days=("Mon",), start="09:00", end="10:30"
    )
    wave = LunchWave(id="A", name="Lunch A", days=("Mon",), start="12:40", end="13:25")
    data = small_school(
        students=(Student(id="ANA"),), personal_blocks=(block,), lunch_waves=(wave,)
    )
    solution = Solution(lunches=(LunchAssignment(student="ANA", wave="A"),))
    bands = personal_bands(data, solution, "ANA")
    # Monday: P1 08:00, P2 08:45, break 09:30, P3 09:50-10:35, lunch slot, P4 12:40
    assert bands == [
        Band(0, 5, 5, "Lunch A", True),
        Band(0, 1, 3, "Clinic", False),
    ]
    assert personal_bands(data, None, "ANA") == [Band(0, 1, 3, "Clinic", False)]

    view = TimetableView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.set_content(data, solution)
    view.show_week_of("student", "ANA")
    assert len(view.grid.bands) == 2
    view.grid.resize(800, 600)
    view.grid.repaint()
    view.show_week_of("teacher", data.teachers[0].id)
    assert view.grid.bands == []
