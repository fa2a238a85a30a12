"""Click-and-drag over the week marks a teacher, room, group or student, as one undoable step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from scheduler.model import Availability, SlotRef, Target
from scheduler.ui.models import availability
from scheduler.ui.views.availability import AvailabilityEditor


@pytest.fixture
def editor(doc, qtbot):
    view = AvailabilityEditor(doc)
    qtbot.addWidget(view)
    view.resize(700, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def centre(editor, day: str, slot: str) -> QPoint:
    cell = editor.grid.cell(SlotRef(day=day, slot=slot))
    return cell.rect.center().toPoint()


def drag(qtbot, editor, start: QPoint, end: QPoint) -> None:
    grid = editor.grid
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid, end)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)


def test_drag_marks_a_block_of_slots_unavailable_and_undo(doc, qtbot, editor):
    editor.set_target(Target(kind="teacher", id="T1"))
    drag(qtbot, editor, centre(editor, "Mon", "P1"), centre(editor, "Tue", "P1"))
    marked = {(r.day, r.slot) for r in doc.data.teachers[0].unavailable}
    # Monday 08:00-09:30 covers P1 and P2; Tuesday's P1 is a 90-minute block at the same time.
    assert marked == {("Mon", "P1"), ("Mon", "P2"), ("Tue", "P1")}
    assert doc.undo_stack.undoText() == "Mark Ada unavailable 3 slots"
    doc.undo_stack.undo()
    assert doc.data.teachers[0].unavailable == ()


def test_dragging_from_a_marked_slot_clears(doc, qtbot, editor):
    editor.set_target(Target(kind="teacher", id="T2"))
    assert ("Wed", "P1") in editor.state.unavailable
    drag(qtbot, editor, centre(editor, "Wed", "P1"), centre(editor, "Wed", "P1"))
    assert doc.data.teachers[1].unavailable == ()
    assert doc.undo_stack.undoText() == "Mark Zoë available Wed P1"


def test_rather_not_writes_one_soft_rule(doc, qtbot, editor):
    editor.set_target(Target(kind="room", id="R1"))
    editor.tools.button(1).click()
    editor.weight.setValue(5)
    drag(qtbot, editor, centre(editor, "Mon", "P3"), centre(editor, "Mon", "P4"))
    rule = next(c for c in doc.data.constraints if c.id == "avoid-room-R1")
    assert isinstance(rule, Availability) and not rule.hard and rule.weight == 5
    assert [(r.day, r.slot) for r in rule.slots] == [("Mon", "P3"), ("Mon", "P4")]
    # Breaks and lunch between them are never marked.
    assert ("Mon", "L") not in {(r.day, r.slot) for r in rule.slots}
    drag(qtbot, editor, centre(editor, "Mon", "P3"), centre(editor, "Mon", "P4"))
    assert all(c.id != "avoid-room-R1" for c in doc.data.constraints)


def test_group_and_student_targets(doc, school):
    for kind, ident in (("group", "7A"), ("student", "S1")):
        target = Target(kind=kind, id=ident)
        new = availability.mark(school, target, [SlotRef(day="Tue", slot="P2")], "unavailable")
        assert availability.read(new, target).unavailable == {("Tue", "P2")}


def test_no_target_means_no_marks(doc, qtbot, editor):
    editor.set_target(None)
    drag(qtbot, editor, centre(editor, "Mon", "P1"), centre(editor, "Mon", "P2"))
    assert doc.undo_stack.count() == 0
    assert editor.title.text() == "Availability"
