"""Regrouping by mastery: only the students who must move do, with no clash and within seats."""

from __future__ import annotations

from scheduler.model import (
    Activity,
    Calendar,
    Course,
    Day,
    Enrollment,
    Placement,
    SchoolData,
    Slot,
    Solution,
    Student,
    Subject,
    Teacher,
)
from scheduler.solver.check import check
from scheduler.solver.stages.regroup import regroup

PERIODS = tuple(Slot(id=f"P{i}", start=f"{8 + i:02d}:00", end=f"{8 + i:02d}:50") for i in (1, 2))


def section(aid: str, course: str, teacher: str) -> Activity:
    return Activity(id=aid, subject="M", course=course, teachers=(teacher,), needs_room=False)


def school(seated: dict[str, list[str]], *, cap: int = 3) -> tuple[SchoolData, Solution]:
    """Math sections A (P1, level given 1) and B (P2, level 3); Art D meets in P2."""
    data = SchoolData(
        calendar=Calendar(days=(Day(id="MON", slots=PERIODS),)),
        subjects=(Subject(id="M"),),
        courses=(
            Course(id="MATH", subject="M", meetings=(1,), section_capacity=cap),
            Course(id="ART", subject="M", meetings=(1,), section_capacity=30),
        ),
        teachers=tuple(Teacher(id=t) for t in ("T1", "T2", "T3")),
        students=tuple(Student(id=s) for s in seated),
        activities=(
            section("A", "MATH", "T1"),
            section("B", "MATH", "T2"),
            section("D", "ART", "T3"),
        ),
    )
    solution = Solution(
        placements=(
            Placement(activity="A", meeting=0, day="MON", slot="P1"),
            Placement(activity="B", meeting=0, day="MON", slot="P2"),
            Placement(activity="D", meeting=0, day="MON", slot="P2"),
        ),
        enrollments=tuple(
            Enrollment(student=s, activity=a) for s, secs in seated.items() for a in secs
        ),
    )
    return data, solution


LEVELS = {"A": 1, "B": 3}


def seats(result) -> dict[str, str]:
    return {e.student: e.activity for e in result.enrollments if e.activity in ("A", "B")}


def test_only_mismatched_students_move_and_the_checker_agrees() -> None:
    data, solution = school({"S1": ["A"], "S2": ["A"], "S3": ["B"], "S4": ["B"]})
    levels = {("S1", "MATH"): 3, ("S2", "MATH"): 1, ("S3", "MATH"): 1, ("S4", "MATH"): 3}
    result = regroup(data, solution, levels, section_levels=LEVELS, time_limit_s=5)
    assert seats(result) == {"S1": "B", "S2": "A", "S3": "A", "S4": "B"}
    assert result.moved == ["S1", "S3"] and (result.mismatch_before, result.mismatch_after) == (
        4,
        0,
    )
    after = solution.model_copy(update={"enrollments": result.enrollments})
    assert check(data, after).hard_violations == check(data, solution).hard_violations


def test_no_move_into_a_clash() -> None:
    data, solution = school({"S1": ["A", "D"], "S2": ["B"]})
    levels = {("S1", "MATH"): 3, ("S2", "MATH"): 3}
    result = regroup(data, solution, levels, section_levels=LEVELS, time_limit_s=5)
    assert seats(result) == {"S1": "A", "S2": "B"} and result.moved == []
    assert result.mismatch_after == 2


def test_seats_limit_the_moves_and_tolerance_keeps_near_misses() -> None:
    data, solution = school({"S1": ["A"], "S2": ["A"], "S3": ["B"]}, cap=2)
    levels = {("S1", "MATH"): 3, ("S2", "MATH"): 3, ("S3", "MATH"): 3}
    result = regroup(data, solution, levels, section_levels=LEVELS, time_limit_s=5)
    assert len(result.moved) == 1 and sum(1 for a in seats(result).values() if a == "B") == 2
    near = {("S1", "MATH"): 2, ("S2", "MATH"): 1, ("S3", "MATH"): 3}
    kept = regroup(data, solution, near, section_levels=LEVELS, tolerance=1, time_limit_s=5)
    assert kept.moved == []


def test_section_levels_are_derived_from_the_students_when_not_given() -> None:
    data, solution = school({"S1": ["A"], "S2": ["A"], "S3": ["B"], "S4": ["B"]})
    levels = {("S1", "MATH"): 4, ("S2", "MATH"): 1, ("S3", "MATH"): 1, ("S4", "MATH"): 4}
    result = regroup(data, solution, levels, time_limit_s=5)
    assert sorted(result.section_levels.values()) == [1, 4]
    assert len(result.moved) == 2 and result.mismatch_after == 0


def test_a_move_never_takes_a_students_lunch_wave_or_internship() -> None:
    """S1 (level 3) belongs in B, but B meets in P2: S1's lunch wave; S2 (level 3) has an
    internship in P2. Both stay in A; the checker finds no clash with lunch or time away."""
    from scheduler.model.personal import LunchAssignment, LunchWave, PersonalBlock

    data, solution = school({"S1": ["A"], "S2": ["A"], "S3": ["B"]})
    data = data.model_copy(
        update={
            "lunch_waves": (
                LunchWave(id="W1", start="09:00", end="09:50"),
                LunchWave(id="W2", start="10:00", end="10:50"),
            ),
            "personal_blocks": (
                PersonalBlock(
                    id="JOB", students=("S2",), days=("MON",), start="10:00", end="11:00"
                ),
            ),
        }
    )
    lunches = (
        LunchAssignment(student="S1", wave="W2"),
        LunchAssignment(student="S2", wave="W2"),
        LunchAssignment(student="S3", wave="W1"),
    )
    solution = solution.model_copy(update={"lunches": lunches})
    levels = {("S1", "MATH"): 3, ("S2", "MATH"): 3, ("S3", "MATH"): 3}
    result = regroup(data, solution, levels, section_levels=LEVELS, time_limit_s=5)
    assert seats(result) == {"S1": "A", "S2": "A", "S3": "B"}
