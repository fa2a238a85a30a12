"""Each editor page: add, edit, delete through the real widgets, and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from scheduler.ui.models import entities
from scheduler.ui.models.constraints import ConstraintModel
from scheduler.ui.models.requests import RequestModel
from scheduler.ui.views.calendar_editor import CalendarEditor
from scheduler.ui.views.editors import EntityEditor
from scheduler.ui.views.scenarios import ScenariosView

CASES = [
    (entities.TeacherModel, "teachers", "name", "Grace"),
    (entities.RoomModel, "rooms", "name", "Gym"),
    (entities.SubjectModel, "subjects", "name", "Art"),
    (entities.CourseModel, "courses", "name", "Art 7"),
    (entities.GroupModel, "groups", "name", "Year 8"),
    (entities.StudentModel, "students", "name", "Noor"),
    (entities.ActivityModel, "activities", "name", "Art 7A"),
    (ConstraintModel, "constraints", "note", "from the head"),
]


@pytest.mark.parametrize(("model_class", "field", "attr", "text"), CASES, ids=lambda c: str(c))
def test_add_edit_delete_and_undo(doc, qtbot, model_class, field, attr, text):
    editor = EntityEditor(model_class(doc), plural=field)
    qtbot.addWidget(editor)
    editor.ask = lambda *_: True
    before = getattr(doc.data, field)

    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    if editor.table.state() == editor.table.State.EditingState:
        editor.table.closePersistentEditor(editor.table.currentIndex())
    items = getattr(doc.data, field)
    assert len(items) == len(before) + 1
    new = editor.current_item()
    assert new is not None and new.id not in {x.id for x in before}

    col = next(i for i, c in enumerate(editor.model.columns) if c.field == attr)
    row = [x.id for x in getattr(doc.data, field)].index(new.id)
    assert editor.model.setData(editor.model.index(row, col), text)
    assert getattr(getattr(doc.data, field)[row], attr) == text

    editor.select_row(row)
    qtbot.mouseClick(editor.duplicate_button, Qt.MouseButton.LeftButton)
    assert len(getattr(doc.data, field)) == len(before) + 2
    editor.select_row(row)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert new.id not in {x.id for x in getattr(doc.data, field)}

    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert getattr(doc.data, field) == before


def test_delete_of_a_referenced_teacher_asks_and_can_be_cancelled(doc, qtbot):
    editor = EntityEditor(entities.TeacherModel(doc), plural="teachers")
    qtbot.addWidget(editor)
    asked = []
    editor.ask = lambda _parent, question, detail: asked.append((question, detail)) or False
    editor.select_row(0)
    editor.delete()
    assert asked[0][0] == 'Delete teacher "Ada"?'
    assert 'activity "Math 7A"' in asked[0][1]
    assert len(doc.data.teachers) == 2  # cancelled
    editor.ask = lambda *_: True
    editor.delete()
    assert [t.id for t in doc.data.teachers] == ["T2"]


def test_search_filters_rows_and_typing_edits_a_cell(doc, qtbot):
    editor = EntityEditor(entities.TeacherModel(doc), plural="teachers")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.search, "zo")
    assert editor.proxy.rowCount() == 1
    assert editor.count.text() == "1 of 2 teachers"
    editor.search.clear()
    index = editor.proxy.index(0, 1)
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    line = editor.table.viewport().findChild(QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, "Ada Lovelace")
    qtbot.keyClick(line, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: doc.data.teachers[0].name == "Ada Lovelace", timeout=2000)


def test_requests_editor_adds_to_the_selected_student(doc, qtbot):
    editor = EntityEditor(RequestModel(doc), plural="requests")
    qtbot.addWidget(editor)
    editor.select_row(0)
    editor.add()
    assert len(doc.data.students[0].requests) == 3
    doc.undo_stack.undo()
    assert len(doc.data.students[0].requests) == 2


def test_calendar_editor_edits_slots_and_refuses_overlaps(doc, qtbot):
    view = CalendarEditor(doc)
    qtbot.addWidget(view)
    assert view.slot_model.day_id == "Mon"
    slots = view.slot_model
    start = next(i for i, c in enumerate(slots.columns) if c.field == "start")
    assert not slots.setData(slots.index(1, start), "08:10")  # would overlap P1
    assert doc.undo_stack.count() == 0
    end = next(i for i, c in enumerate(slots.columns) if c.field == "end")
    assert slots.setData(slots.index(5, end), "13:30")
    assert doc.data.calendar.days[0].slots[5].end.hour == 13
    view.slots.select_row(5)
    view.slots.add()
    assert len(doc.data.calendar.days[0].slots) == 7
    kind = next(i for i, c in enumerate(slots.columns) if c.field == "kind")
    assert slots.setData(slots.index(6, kind), "lunch")
    assert not slots.setData(slots.index(6, kind), "recess")


def test_renaming_a_day_carries_its_slot_references(doc, qtbot):
    view = CalendarEditor(doc)
    qtbot.addWidget(view)
    days = view.days.model
    assert days.setData(days.index(2, 0), "WED")
    assert doc.data.teachers[1].unavailable[0].day == "WED"
    assert view.slot_model.day_id == "Mon"
    view.days.select_row(2)
    view.days.ask = lambda *_: True
    view.days.delete()
    assert [d.id for d in doc.data.calendar.days] == ["Mon", "Tue"]
    assert doc.data.teachers[1].unavailable == ()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.data.teachers[1].unavailable[0].day == "Wed"


def test_scenarios_clone_rename_switch_delete(doc, qtbot):
    view = ScenariosView(doc)
    qtbot.addWidget(view)
    view.confirm = lambda *_: True
    view.clone()
    assert doc.scenario_name == "Main (copy)"
    assert view.model.rowCount() == 2
    assert view.model.setData(view.model.index(1, 0), "Four days")
    assert doc.scenario_name == "Four days"
    view.show_row(0)
    assert doc.scenario_name == "Main"
    view.table.selectRow(1)
    view.delete()
    assert [s.name for s in doc.project.scenarios] == ["Main"]
    doc.undo_stack.undo()
    assert doc.scenario_name == "Main"
    assert [s.name for s in doc.project.scenarios] == ["Main", "Four days"]


def test_opening_a_project_shows_its_first_days_slots(qtbot):
    from scheduler.model import Project
    from scheduler.ui.document import Document
    from tests.conftest import small_school

    doc = Document()  # as the window starts: the new, empty project
    view = CalendarEditor(doc)
    qtbot.addWidget(view)
    doc.load(Project.of(small_school(name="Other")), None)
    assert view.slot_model.day_id == "Mon"
    assert view.slots_title.text() == "Slots of Monday"
    assert view.slot_model.rowCount() > 0 and view.slots.isEnabled()
