"""Every table model passes Qt's model tester; edits are validated, undoable and flagged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from scheduler.ui.models.constraints import ConstraintModel
from scheduler.ui.models.entities import (
    ActivityModel,
    CourseModel,
    GroupModel,
    RoomModel,
    StudentModel,
    SubjectModel,
    TeacherModel,
)
from scheduler.ui.models.requests import RequestModel
from scheduler.ui.models.table import ERROR

MODELS = [
    TeacherModel,
    RoomModel,
    SubjectModel,
    CourseModel,
    GroupModel,
    StudentModel,
    ActivityModel,
    RequestModel,
    ConstraintModel,
]


@pytest.mark.parametrize("model_class", MODELS, ids=lambda m: m.__name__)
def test_model_passes_the_qt_model_tester(doc, qtmodeltester, model_class):
    model = model_class(doc)
    qtmodeltester.check(model, force_py=True)
    model.add(0)
    model.duplicate([0])
    doc.undo_stack.undo()
    model.remove([0])
    doc.undo_stack.undo()
    qtmodeltester.check(model, force_py=True)


def column(model, title: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.title == title)


def test_a_valid_edit_is_undoable(doc):
    model = TeacherModel(doc)
    cell = model.index(0, column(model, "Max/day"))
    assert model.setData(cell, "5")
    assert doc.data.teachers[0].max_slots_per_day == 5
    assert doc.undo_stack.undoText() == 'Edit teacher "Ada": max/day'
    doc.undo_stack.undo()
    assert doc.data.teachers[0].max_slots_per_day == 4


def test_a_rejected_edit_changes_nothing_and_says_why(doc, qtbot):
    model = TeacherModel(doc)
    cell = model.index(0, column(model, "Max/day"))
    with qtbot.waitSignal(doc.message) as said:
        assert not model.setData(cell, "-2")
    assert "greater than or equal to 0" in said.args[0]
    assert doc.data.teachers[0].max_slots_per_day == 4
    assert doc.undo_stack.count() == 0
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) == ERROR
    assert "Not changed" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert not model.setData(cell, "many")


def test_an_unknown_reference_is_kept_and_flagged_on_its_cell(doc, qtbot):
    model = ActivityModel(doc)
    cell = model.index(0, column(model, "Teachers"))
    with qtbot.waitSignal(doc.message) as said:
        assert model.setData(cell, "T1, T9")
    assert 'unknown teacher "T9"' in said.args[0]
    assert doc.data.activities[0].teachers == ("T1", "T9")
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) == ERROR
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None


def test_renaming_an_id_updates_every_reference(doc):
    model = TeacherModel(doc)
    assert model.setData(model.index(0, 0), "ADA")
    assert doc.data.activities[0].teachers == ("ADA",)
    assert doc.data.constraints[0].target.id == "ADA"
    assert not model.setData(model.index(0, 0), "T2")  # taken
    doc.undo_stack.undo()
    assert doc.data.activities[0].teachers == ("T1",)


def test_delete_names_dependents_and_removes_references(doc):
    model = TeacherModel(doc)
    dependents = model.dependents([0])
    assert dependents[0] == 'activity "Math 7A"' and 'rule "K1"' in dependents
    model.remove([0])
    assert [t.id for t in doc.data.teachers] == ["T2"]
    assert doc.data.activities[0].teachers == ()
    assert "K1" not in {c.id for c in doc.data.constraints}
    doc.undo_stack.undo()
    assert len(doc.data.teachers) == 2


def test_checkbox_and_durations_columns(doc):
    model = ActivityModel(doc)
    room = model.index(0, column(model, "Room"))
    assert model.data(room, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(room, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert doc.data.activities[0].needs_room is False
    meetings = model.index(0, column(model, "Meetings"))
    assert model.data(meetings) == "1+2"
    assert model.setData(meetings, "2+2")
    assert doc.data.activities[0].meetings == (2, 2)


def test_requests_are_edited_inside_their_student(doc):
    model = RequestModel(doc)
    assert model.rowCount() == 2
    assert model.setData(model.index(1, column(model, "Priority")), "3")
    assert doc.data.students[0].requests[1].priority == 3
    row = model.add(0)
    assert row == 2
    assert model.rowCount() == 3
    model.remove([0])
    assert [r.course for r in doc.data.students[0].requests] == ["C-FR7", "C-MA7"]


def test_constraint_limit_and_target_edits(doc):
    model = ConstraintModel(doc)
    row = next(i for i in range(model.rowCount()) if model.item(i).id == "K2")
    assert model.setData(model.index(row, column(model, "Limit")), "5")
    assert doc.data.constraints[row].max_slots == 5
    assert model.setData(model.index(row, column(model, "Applies to")), "group FR")
    assert doc.data.constraints[row].target.id == "FR"
    assert not model.setData(model.index(row, column(model, "Applies to")), "FR")
    model.next_kind = "preferred_times"
    new = model.add()
    assert doc.data.constraints[new].kind == "preferred_times"


def test_large_school_models_count_every_row(qapp):
    from scheduler.io.project_file import load_project
    from scheduler.ui.document import Document

    doc = Document(load_project("samples/large.flexday"))
    models = [m(doc) for m in MODELS]
    assert sum(m.rowCount() for m in models) > 20_000
