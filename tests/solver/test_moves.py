"""The move checker says what the checker would say about the moved timetable, only faster."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest

from scheduler.io.project_file import load_project
from scheduler.model import (
    Activity,
    Availability,
    Course,
    CourseRequest,
    ForbiddenTimes,
    MaxGapsPerDay,
    MaxPerDay,
    MinDaysBetween,
    Pin,
    PreferredTimes,
    SchoolData,
    SlotRef,
    Solution,
    Student,
    Subject,
    Target,
    Teacher,
)
from scheduler.solver.check import check
from scheduler.solver.moves import MoveChecker, move_conflicts
from scheduler.solver.solve import SolveOptions, solve

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
RIVERSIDE_TIMETABLE = ROOT / "tests" / "data" / "riverside-timetable.json"


def ref(day: str, slot: str) -> SlotRef:
    return SlotRef(day=day, slot=slot)


def every_hard_rule() -> SchoolData:
    """The tiny sample with one hard rule of every family, and students taught one by one."""
    data = load_project(SAMPLES / "tiny.flexday").scenario().data
    acts = {a.id: a for a in data.activities}
    activities = (
        acts["7A-MATH"].model_copy(
            update={"pins": (Pin(meeting=0, start=ref("MON", "P2"), room="R1"),)}
        ),
        *(a for a in data.activities if a.id != "7A-MATH"),
        Activity(
            id="CLUB",
            name="Chess club",
            subject="MATH",
            teachers=("T3",),
            students=("S1", "S2"),
            needs_room=False,
        ),
    )
    groups = tuple(
        g.model_copy(update={"unavailable": (ref("MON", "P4"),)}) if g.id == "7B" else g
        for g in data.groups
    )
    return data.model_copy(
        update={
            "activities": activities,
            "groups": groups,
            "students": (
                Student(id="S1", name="Ana", groups=("7A",), unavailable=(ref("WED", "P4"),)),
                Student(id="S2", name="Ben", groups=("7B",)),
            ),
            "constraints": (
                *data.constraints,
                MaxPerDay(id="cap-7A", target=Target(kind="group", id="7A"), max_slots=3),
                MaxPerDay(id="cap-S2", target=Target(kind="student", id="S2"), max_slots=3),
                MaxGapsPerDay(id="gaps-T1", target=Target(kind="teacher", id="T1"), max_gaps=1),
                MaxGapsPerDay(id="gaps-S1", target=Target(kind="student", id="S1"), max_gaps=1),
                Availability(
                    id="lab-closed", target=Target(kind="room", id="LAB"), slots=(ref("TUE", "P3"),)
                ),
                PreferredTimes(
                    id="hist-early",
                    activities=("Y7-HIST",),
                    slots=tuple(ref(d, s) for d in ("MON", "TUE", "WED") for s in ("P1", "P2")),
                    starts_only=True,
                ),
                ForbiddenTimes(id="eng-wed", activities=("7B-ENG",), slots=(ref("WED", "P1"),)),
                MinDaysBetween(id="sci-hist", activities=("7A-SCI", "Y7-HIST"), min_days=1),
            ),
        }
    )


def sectioned() -> SchoolData:
    """Students request courses; the solve plans sections (one meets in the same period every
    day) and seats every student, so clashes come from enrollments."""
    calendar = load_project(SAMPLES / "tiny.flexday").scenario().data.calendar
    courses = (
        Course(id="ALG", subject="MATH", meetings=(1, 1), section_capacity=4, same_slot=True),
        Course(id="BIO", subject="SCI", meetings=(1, 1), section_capacity=5),
        Course(id="ART", subject="ART", meetings=(2,), section_capacity=6),
    )
    wants = [("ALG", "BIO", "ART"), ("ALG", "BIO"), ("ALG", "ART"), ("BIO", "ART")]
    students = tuple(
        Student(
            id=f"S{i}",
            name=f"Student {i}",
            requests=tuple(CourseRequest(course=c) for c in wants[i % len(wants)]),
            unavailable=(ref("TUE", "P4"),) if i == 0 else (),
        )
        for i in range(10)
    )
    return SchoolData(
        name="Sectioned",
        calendar=calendar,
        subjects=tuple(Subject(id=s) for s in ("MATH", "SCI", "ART")),
        courses=courses,
        teachers=tuple(
            Teacher(id=f"T-{s}-{i}", subjects=(s,))
            for s in ("MATH", "SCI", "ART")
            for i in range(2)
        ),
        students=students,
    )


@cache
def solved(name: str) -> tuple[SchoolData, Solution]:
    """A clean timetable: solved for the small schools, stored for Riverside (a solve takes
    too long for a test)."""
    if name == "riverside-high":
        data = load_project(SAMPLES / "riverside-high.flexday").scenario().data
        solution = Solution.model_validate_json(RIVERSIDE_TIMETABLE.read_text(encoding="utf-8"))
    else:
        data = {"every-rule": every_hard_rule, "sectioned": sectioned}.get(name, lambda: None)()
        data = data or _sample(name)
        result = solve(data, SolveOptions(time_limit_s=20, workers=1))
        assert result.solution is not None, result.reasons
        data = result.data or data  # the school with the sections the solve planned
        solution = result.solution
    assert check(data, solution).hard_violations == 0, "the stored timetable is out of date"
    return data, solution


def _sample(name: str) -> SchoolData:
    return load_project(SAMPLES / f"{name}.flexday").scenario().data


def moved(solution: Solution, activity, meeting, day, slot, room) -> Solution:
    placements = tuple(
        p.model_copy(update={"day": day, "slot": slot, "room": room or p.room})
        if (p.activity, p.meeting) == (activity, meeting)
        else p
        for p in solution.placements
    )
    return solution.model_copy(update={"placements": placements})


def checker_rules(data, solution) -> set[str]:
    rules = {v.rule for v in check(data, solution).violations if v.hard}
    if "placement" in rules:
        rules.discard("unplaced")  # the misplaced meeting is dropped, hence "not placed"
        rules &= {"placement"}
    return rules


def agree(data, solution, moves) -> int:
    mc = MoveChecker(data, solution)
    compared = 0
    for activity, meeting, day, slot, room in moves:
        ours = mc.conflicts(activity=activity, meeting=meeting, day=day, slot=slot, room=room)
        judge = checker_rules(data, moved(solution, activity, meeting, day, slot, room))
        assert {c.rule for c in ours} == judge, (activity, meeting, day, slot, room, ours)
        compared += 1
    return compared


def test_every_move_on_a_school_with_every_hard_rule_agrees_with_the_checker():
    data, solution = solved("every-rule")
    refs = [(d.id, s.id) for d in data.calendar.days for s in d.slots]
    rooms = [None, *(r.id for r in data.rooms)]
    moves = [
        (p.activity, p.meeting, day, slot, room)
        for p in solution.placements
        for day, slot in refs
        for room in rooms
    ]
    assert agree(data, solution, moves) > 500
    # Every family was met at least once, so the comparison is not vacuous.
    mc = MoveChecker(data, solution)
    seen = {
        c.rule
        for a, m, d, s, r in moves
        for c in mc.conflicts(activity=a, meeting=m, day=d, slot=s, room=r)
    }
    assert seen >= {
        "placement",
        "pinned",
        "teacher_conflict",
        "group_conflict",
        "student_conflict",
        "room_conflict",
        "room_suitability",
        "availability",
        "max_per_day",
        "max_gaps_per_day",
        "preferred_times",
        "forbidden_times",
        "min_days_between",
    }


def test_every_move_of_a_sectioned_school_agrees_with_the_checker():
    data, solution = solved("sectioned")
    assert solution.enrollments and any(a.same_slot for a in data.activities)
    refs = [(d.id, s.id) for d in data.calendar.days for s in d.slots]
    moves = [
        (p.activity, p.meeting, day, slot, None) for p in solution.placements for day, slot in refs
    ]
    assert agree(data, solution, moves) == len(moves)
    mc = MoveChecker(data, solution)
    seen = {
        c.rule
        for a, m, d, s, r in moves
        for c in mc.conflicts(activity=a, meeting=m, day=d, slot=s, room=r)
    }
    assert {"student_conflict", "same_slot", "teacher_conflict"} <= seen


def test_random_moves_on_riverside_agree_with_the_checker():
    data, solution = solved("riverside-high")
    rng = random.Random(5)
    refs = [(d.id, s.id) for d in data.calendar.days for s in d.slots]
    moves = []
    for _ in range(120):
        p = rng.choice(solution.placements)
        room = rng.choice([None, None, rng.choice(data.rooms).id])
        moves.append((p.activity, p.meeting, *rng.choice(refs), room))
    assert agree(data, solution, moves) == 120


def test_conflicts_name_the_rule_and_the_other_party():
    data, solution = solved("tiny")
    mc = MoveChecker(data, solution)
    a = solution.placement("7A-MATH", 0)
    other = next(
        p
        for p in solution.placements
        if p.activity in ("7B-MATH",) and (p.day, p.slot) != (a.day, a.slot)
    )
    found = mc.conflicts(activity="7A-MATH", meeting=0, day=other.day, slot=other.slot)
    clash = next(c for c in found if c.rule == "teacher_conflict")
    assert clash.others == (("7B-MATH", other.meeting),)
    assert "Ada Brooks is already teaching" in clash.message and "7B-MATH" in clash.message
    away = mc.conflicts(activity="7A-MATH", meeting=0, day="TUE", slot="P1")
    assert any(c.rule == "availability" and "Ada Brooks" in c.message for c in away)
    assert move_conflicts(data, solution, activity="7A-MATH", meeting=0, day="MON", slot="BRK")[
        0
    ].message.endswith("is not a teaching slot.")


def test_staying_put_is_always_allowed():
    data, solution = solved("riverside-high")
    mc = MoveChecker(data, solution)
    for p in solution.placements:
        assert mc.conflicts(activity=p.activity, meeting=p.meeting, day=p.day, slot=p.slot) == []


@pytest.mark.parametrize("room", ["LAB", "R2"])
def test_a_room_change_alone_is_judged(room):
    data, solution = solved("tiny")
    mc = MoveChecker(data, solution)
    p = solution.placement("7A-SCI", 0)
    found = mc.conflicts(activity=p.activity, meeting=0, day=p.day, slot=p.slot, room=room)
    judge = checker_rules(data, moved(solution, p.activity, 0, p.day, p.slot, room))
    assert {c.rule for c in found} == judge
    assert (room == "R2") == any(c.rule == "room_suitability" for c in found)
