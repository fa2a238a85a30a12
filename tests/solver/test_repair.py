"""Minimal-change repair: after an edit, the nearest timetable the new rules allow."""

from __future__ import annotations

from collections import Counter

import pytest

from scheduler.model import Pin, Room, SlotRef, Teacher
from scheduler.solver.changes import changes
from scheduler.solver.check import check
from scheduler.solver.repair import RepairOptions, repair
from scheduler.solver.requests import request_stats
from scheduler.solver.solve import SolveOptions, solve
from tests.solver.school import lesson, school

DAYS, SLOTS = 5, 5


def _school(pins=()):
    """Three classes and three teachers, each teaching each class three times a week: room to
    move (45 meetings in 25 periods a class), so a repair need move only what the edit forbids."""
    acts = [
        lesson(
            f"{g}-{t}",
            teacher=t,
            group=g,
            meetings=(1, 1, 1),
            pins=pins if (g, t) == ("G1", "T1") else (),
        )
        for g in ("G1", "G2", "G3")
        for t in ("T1", "T2", "T3")
    ]
    rooms = tuple(Room(id=f"R{k}", capacity=30) for k in range(1, 4))
    return school(*acts, days=DAYS, slots=SLOTS, rooms=rooms)


def _away_fridays(data, teacher: str):
    fri = data.calendar.days[-1]
    away = tuple(SlotRef(day=fri.id, slot=s.id) for s in fri.slots)
    teachers = tuple(
        Teacher(id=t.id, unavailable=away) if t.id == teacher else t for t in data.teachers
    )
    return data.model_copy(update={"teachers": teachers})


def _friday_meetings(solution, teacher: str, data) -> int:
    return sum(
        1
        for p in solution.placements
        if p.day == "Fri" and teacher in data.activity_by_id[p.activity].teachers
    )


@pytest.fixture(scope="module")
def base():
    """A stored timetable with the first teacher on Friday (seed chosen for that)."""
    data = _school(pins=(Pin(meeting=0, start=SlotRef(day="Wed", slot="P2")),))
    result = solve(data, SolveOptions(time_limit_s=10, workers=1, seed=5))
    assert result.solution is not None
    assert _friday_meetings(result.solution, "T1", data) > 0
    return data, result.solution


def test_teacher_away_on_fridays_moves_only_their_friday_lessons(base):
    data, before = base
    edited = _away_fridays(data, "T1")
    must = _friday_meetings(before, "T1", data)
    result = repair(edited, before, RepairOptions(time_limit_s=10, workers=1))
    assert result.solution is not None
    report = check(edited, result.solution)
    assert report.hard_violations == 0
    assert report.placed == report.meetings
    assert _friday_meetings(result.solution, "T1", edited) == 0
    assert result.changes.moved == must  # nothing else had to move, so nothing else did
    assert result.changes.rooms_changed == 0
    assert result.changes.summary() == changes(data, before, edited, result.solution).summary()

    fresh = solve(edited, SolveOptions(time_limit_s=10, workers=1))
    moved_fresh = changes(data, before, edited, fresh.solution).moved
    assert result.changes.moved < moved_fresh


def test_pinned_meetings_stay(base):
    data, before = base
    result = repair(_away_fridays(data, "T2"), before, RepairOptions(time_limit_s=10, workers=1))
    pinned = result.solution.placement("G1-T1", 0)
    assert (pinned.day, pinned.slot) == ("Wed", "P2")


def test_nothing_to_repair_changes_nothing(base):
    data, before = base
    result = repair(data, before, RepairOptions(time_limit_s=10, workers=1))
    assert result.changes.summary() == {
        "meetings_changed": 0,
        "meetings_moved": 0,
        "rooms_changed": 0,
        "students_changed": 0,
    }


def test_a_closed_room_changes_rooms_not_times(base):
    data, before = base
    closed = "R1"
    used = [p for p in before.placements if p.room == closed]
    assert used
    rooms = tuple(
        r.model_copy(
            update={
                "unavailable": tuple(
                    SlotRef(day=d.id, slot=s.id) for d in data.calendar.days for s in d.slots
                )
            }
        )
        if r.id == closed
        else r
        for r in data.rooms
    )
    edited = data.model_copy(update={"rooms": rooms})
    result = repair(edited, before, RepairOptions(time_limit_s=10, workers=1))
    assert check(edited, result.solution).hard_violations == 0
    assert all(p.room != closed for p in result.solution.placements)
    # Two rooms left for three classes: each period where all three rooms were in use needs one
    # meeting moved (which one is a tie); every other meeting keeps its time, and a meeting that
    # was not in the closed room keeps its room too.
    full = Counter((p.day, p.slot) for p in before.placements)
    assert result.changes.moved == sum(n == 3 for n in full.values())
    for c in result.changes.meetings:
        assert c.kind in ("moved", "room")
        if c.kind == "room":
            assert c.before.room == closed


def test_a_student_changing_requests_changes_only_their_own_timetable():
    from tests.solver.test_sectioning import _course, _school, _student

    courses = [_course(c, cap=10, sections=2) for c in ("ART", "BIO", "CHEM")]
    pairs = [("ART", "BIO"), ("BIO", "CHEM"), ("ART", "CHEM")]
    students = [_student(f"s{k:02d}", *pairs[k % 3]) for k in range(15)]
    data = _school(courses, students, slots=3)
    first = solve(data, SolveOptions(time_limit_s=10, workers=1))
    planned = first.data or data
    assert request_stats(planned, first.solution).met == 30
    changed = _student("s00", "BIO", "CHEM")  # was ART and BIO
    edited = planned.model_copy(
        update={"students": (changed, *(s for s in planned.students if s.id != "s00"))}
    )
    result = repair(edited, first.solution, RepairOptions(time_limit_s=10, workers=1))
    assert check(result.data or edited, result.solution).hard_violations == 0
    assert request_stats(result.data or edited, result.solution).met == 30
    assert result.changes.meetings_changed == 0
    assert [c.student for c in result.changes.students] == ["s00"]


def test_a_section_added_is_placed_around_the_others(base):
    data, before = base
    extra = lesson("G2-T3-extra", teacher="T3", group="G2", meetings=(1, 1))
    edited = data.model_copy(update={"activities": (*data.activities, extra)})
    result = repair(edited, before, RepairOptions(time_limit_s=10, workers=1))
    assert check(edited, result.solution).hard_violations == 0
    kinds = sorted(c.kind for c in result.changes.meetings)
    assert kinds == ["added", "added"]


def test_a_repair_keeps_every_student_a_lunch_wave():
    """Lunch waves are pseudo-requests of the seating step: a repair seats them with the kept
    sections, so nobody loses lunch and nobody else's timetable changes."""
    from scheduler.model.personal import LunchWave
    from tests.solver.test_sectioning import _course, _school, _student

    courses = [_course(c, cap=10, sections=2) for c in ("ART", "BIO", "CHEM")]
    pairs = [("ART", "BIO"), ("BIO", "CHEM"), ("ART", "CHEM")]
    students = [_student(f"s{k:02d}", *pairs[k % 3]) for k in range(15)]
    waves = (  # periods 3 and 4 of the four-period day
        LunchWave(id="A", start="09:50", end="10:40", capacity=10),
        LunchWave(id="B", start="10:45", end="11:35", capacity=10),
    )
    data = _school(courses, students, slots=4).model_copy(update={"lunch_waves": waves})
    first = solve(data, SolveOptions(time_limit_s=10, workers=1))
    planned = first.data or data
    assert len(first.solution.lunches) == 15
    changed = _student("s00", "BIO", "CHEM")  # was ART and BIO
    edited = planned.model_copy(
        update={"students": (changed, *(s for s in planned.students if s.id != "s00"))}
    )
    result = repair(edited, first.solution, RepairOptions(time_limit_s=10, workers=1))
    report = check(result.data or edited, result.solution)
    assert report.hard_violations == 0, [v.message for v in report.violations if v.hard]
    assert sorted(result.solution.wave_by_student) == sorted(s.id for s in students)
    assert request_stats(result.data or edited, result.solution).met == 30
    assert [c.student for c in result.changes.students] == ["s00"]
