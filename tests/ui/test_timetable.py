"""The timetable view: whose week, the master grid, dragging with conflict feedback, keys, pins,
and a move made undoable through the document."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from scheduler.io.project_file import load_project
from scheduler.model import Pin, Placement, Project, SlotRef, Solution
from scheduler.ui.views.timetable import TimetableView
from scheduler.ui.views.timetable_layout import NO_ROOM

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def riverside():
    data = load_project(ROOT / "samples" / "riverside-high.flexday").scenario().data
    solution = Solution.model_validate_json(
        (ROOT / "tests" / "data" / "riverside-timetable.json").read_text(encoding="utf-8")
    )
    return data, solution


@pytest.fixture
def view(qtbot, riverside):
    widget = TimetableView()
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    widget.set_content(*riverside)
    return widget


def teacher_meetings(data, solution, teacher):
    acts = {a.id for a in data.activities if teacher in a.teachers}
    return {(p.activity, p.meeting) for p in solution.placements if p.activity in acts}


def cards(view):
    return {card.key for card, _ in view.grid._placed}


def drag(grid, card_key, cell, *, shift=False):
    rect = grid.rect_of(card_key)
    start = rect.topLeft().toPoint() + QPoint(12, 6)
    QTest.mousePress(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(grid, start + QPoint(8, 8))
    target = grid.layout_.cells[cell].topLeft().toPoint() + QPoint(12, 6)
    QTest.mouseMove(grid, target)
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    QTest.mouseRelease(grid, Qt.MouseButton.LeftButton, modifier, target)


def find_move(grid, want_allowed):
    """(card key, cell): a card and a start it could (or, by a clash, could not) move to."""
    for card, _ in sorted(grid._placed, key=lambda cr: cr[0].key):
        grid.pick_up(card)
        try:
            for cell in grid.layout_.cells:
                found = grid.verdict(cell)
                here = (cell[1], cell[2]) == (card.day, card.first)
                if want_allowed and not found and not here and cell[1:] in grid._time_verdicts:
                    return card.key, cell
                if not want_allowed and any(c.rule == "teacher_conflict" for c in found):
                    return card.key, cell
        finally:
            grid.cancel_carry()
    raise AssertionError("no such move")


def test_a_teachers_week_shows_exactly_their_lessons(view, riverside):
    data, solution = riverside
    view.show_week_of("teacher", "T03")
    assert view.entity.currentText() == data.teacher_by_id["T03"].label
    assert cards(view) == teacher_meetings(data, solution, "T03")
    # Cards sit in their slot's rows: a 90-minute Wednesday block is taller than a period.
    heights = {
        card.day: rect.height() for card, rect in view.grid._placed if card.first == card.last
    }
    if 2 in heights and 0 in heights:
        assert heights[2] > heights[0]


def test_a_group_week_includes_lessons_of_the_groups_above_and_below(qtbot):
    data = load_project(ROOT / "samples" / "tiny.flexday").scenario().data
    placements = (
        Placement(activity="Y7-HIST", meeting=0, day="MON", slot="P1", room="R2"),
        Placement(activity="7A-MATH", meeting=0, day="MON", slot="P2", room="R1"),
        Placement(activity="7B-MATH", meeting=0, day="MON", slot="P3", room="R1"),
    )
    view = TimetableView()
    qtbot.addWidget(view)
    view.set_content(data, Solution(placements=placements))
    view.show_week_of("group", "7A")
    assert cards(view) == {("Y7-HIST", 0), ("7A-MATH", 0)}
    view.show_week_of("group", "Y7")
    assert len(cards(view)) == 3
    assert "7 not placed" in view.summary.text()


def test_the_master_view_has_a_row_per_room_and_every_lesson(view, riverside):
    data, solution = riverside
    view.show_master()
    assert view.day.isVisible() and not view.entity.isVisible()
    assert len(cards(view)) == len(solution.placements)
    assert [lane for lane, *_ in view.grid.layout_.lanes] == [r.id for r in data.rooms]
    view.show_master(2)  # Wednesday only
    assert {card.day for card, _ in view.grid._placed} == {2}


def test_dragging_onto_a_clash_shows_it_in_red_and_does_not_move(view, qtbot):
    view.show_week_of("teacher", "T03")
    grid = view.grid
    key, bad = find_move(grid, want_allowed=False)
    with qtbot.assertNotEmitted(view.moveRequested):
        drag(grid, key, bad)
    assert "Teacher double-booked" in view.status.text()
    assert "is already teaching" in view.status.text()


def test_dragging_onto_an_allowed_slot_asks_for_the_move(view, qtbot):
    view.show_week_of("teacher", "T03")
    grid = view.grid
    key, good = find_move(grid, want_allowed=True)
    with qtbot.waitSignal(view.moveRequested) as moved:
        drag(grid, key, good)
    day = view._data.calendar.days[good[1]]
    assert moved.args == [key[0], key[1], day.id, day.slots[good[2]].id, None]


def test_shift_places_a_lesson_even_where_it_breaks_a_rule(view, qtbot):
    view.show_week_of("teacher", "T03")
    grid = view.grid
    key, bad = find_move(grid, want_allowed=False)
    with qtbot.waitSignal(view.moveRequested):
        drag(grid, key, bad, shift=True)


def test_in_the_master_view_a_drag_can_change_the_room(view, qtbot, riverside):
    data = riverside[0]
    view.show_master(0)
    grid = view.grid
    card = next(c for c, _ in grid._placed if c.room == "R101")
    grid.pick_up(card)
    free = next(
        (lane, d, s)
        for (lane, d, s) in grid.layout_.cells
        if lane not in ("R101", NO_ROOM)
        and (d, s) == (card.day, card.first)
        and not grid.verdict((lane, d, s))
    )
    grid.cancel_carry()
    with qtbot.waitSignal(view.moveRequested) as moved:
        drag(grid, card.key, free)
    day = data.calendar.days[card.day]
    assert moved.args == [*card.key, day.id, day.slots[card.first].id, free[0]]


def test_the_keyboard_selects_carries_and_drops(view, qtbot):
    view.show_week_of("teacher", "T03")
    grid = view.grid
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_Home)
    assert grid.selected is not None
    QTest.keyClick(grid, Qt.Key.Key_Space)
    assert grid.carry is not None and grid.carry.by_keys
    QTest.keyClick(grid, Qt.Key.Key_Escape)
    assert grid.carry is None
    QTest.keyClick(grid, Qt.Key.Key_Space)
    for _ in range(8):  # look for an allowed slot below, step by step
        QTest.keyClick(grid, Qt.Key.Key_Down)
        if not grid.verdict(grid.carry.target):
            break
    else:
        pytest.skip("no free slot below this lesson")
    with qtbot.waitSignal(view.moveRequested):
        QTest.keyClick(grid, Qt.Key.Key_Return)
    with qtbot.waitSignal(view.pinToggled) as pinned:
        QTest.keyClick(grid, Qt.Key.Key_P)
    assert tuple(pinned.args) == grid.selected


def test_pinned_cards_wear_a_badge_and_say_so(qtbot, riverside):
    data, solution = riverside
    p = solution.placements[0]
    act = data.activity_by_id[p.activity]
    pin = Pin(meeting=p.meeting, start=SlotRef(day=p.day, slot=p.slot))
    pinned = data.model_copy(
        update={
            "activities": tuple(
                a.model_copy(update={"pins": (pin,)}) if a is act else a for a in data.activities
            )
        }
    )
    view = TimetableView()
    qtbot.addWidget(view)
    view.set_content(pinned, solution)
    view.show_week_of("teacher", act.teachers[0])
    card = next(c for c, _ in view.grid._placed if c.key == (p.activity, p.meeting))
    assert card.pinned
    assert "Pinned" in view.grid.card_text(card)
    assert data.teacher_by_id[act.teachers[0]].label in view.grid.card_text(card)


def test_a_move_goes_through_the_document_and_undoes(qtbot, riverside):
    from scheduler.ui import operations
    from scheduler.ui.document import Document

    data, solution = riverside
    doc = Document(Project.of(data))
    doc.apply_solution(solution, "Solve")
    doc.undo_stack.clear()
    view = TimetableView()
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    view.moveRequested.connect(
        lambda a, m, d, s, r: operations.move_meeting(
            doc=doc, activity=a, meeting=m, day=d, slot=s, room=r
        )
    )
    doc.changed.connect(lambda: view.set_content(doc.data, doc.solution))
    view.set_content(doc.data, doc.solution)
    view.show_week_of("teacher", "T03")
    grid = view.grid
    key, good = find_move(grid, want_allowed=True)
    drag(grid, key, good)
    moved = next(c for c, _ in view.grid._placed if c.key == key)
    assert (moved.day, moved.first) == (good[1], good[2])
    assert doc.undo_stack.undoText().startswith("Move ")
    doc.undo_stack.undo()
    back = next(c for c, _ in view.grid._placed if c.key == key)
    assert (back.day, back.first) != (good[1], good[2])


def test_the_large_school_opens_paints_and_judges_a_carried_card(qtbot):
    # How fast this is, is measured by benchmarks.ui_stall, not here.
    data = load_project(ROOT / "samples" / "large.flexday").scenario().data
    slots = [(d.id, s.id) for d in data.calendar.days for s in d.slots if s.teaching]
    placements = tuple(
        Placement(
            activity=a.id,
            meeting=m,
            day=slots[(i * 7 + m) % len(slots)][0],
            slot=slots[(i * 7 + m) % len(slots)][1],
            room=data.rooms[i % len(data.rooms)].id,
        )
        for i, a in enumerate(data.activities)
        for m in range(len(a.meetings))
    )
    view = TimetableView()
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    view.set_content(data, Solution(placements=placements))
    view.show_master()
    view.grid.repaint()
    grid = view.grid
    assert len(grid._placed) == len(placements)
    card = grid._placed[0][0]
    grid.pick_up(card)
    grid.repaint()
    assert grid._time_verdicts, "a carried card has a verdict for every slot"


def test_a_students_week_shows_the_sections_they_are_seated_in(qtbot):
    from scheduler.model import Activity, Enrollment, Student

    data = load_project(ROOT / "samples" / "tiny.flexday").scenario().data
    section = Activity(id="ALG-1", subject="MATH", course=None, teachers=("T1",), meetings=(1,))
    data = data.model_copy(
        update={
            "activities": (*data.activities, section),
            "students": (Student(id="S1", name="Ana", groups=("7A",)),),
        }
    )
    solution = Solution(
        placements=(
            Placement(activity="ALG-1", meeting=0, day="WED", slot="P4", room="R1"),
            Placement(activity="7A-MATH", meeting=0, day="MON", slot="P1", room="R1"),
            Placement(activity="7B-MATH", meeting=0, day="MON", slot="P2", room="R1"),
        ),
        enrollments=(Enrollment(student="S1", activity="ALG-1"),),
    )
    view = TimetableView()
    qtbot.addWidget(view)
    view.set_content(data, solution)
    view.show_week_of("student", "S1")
    assert cards(view) == {("ALG-1", 0), ("7A-MATH", 0)}
