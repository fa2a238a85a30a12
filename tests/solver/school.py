"""Tiny schools for solver tests: say only what the test is about, the rest is filled in."""

from __future__ import annotations

from scheduler.model import (
    Activity,
    Calendar,
    Day,
    Room,
    SchoolData,
    Slot,
    Student,
    StudentGroup,
    Subject,
    Teacher,
)
from scheduler.solver.check import CheckReport, check
from scheduler.solver.solve import SolveOptions, SolveResult, solve

DAY_IDS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat")


def calendar(days: int = 1, slots: int = 3, break_after: int | None = None) -> Calendar:
    """``slots`` teaching periods a day named P1.., with a break after period ``break_after``."""
    out = []
    for d in range(days):
        day_slots = []
        minute = 8 * 60
        for p in range(1, slots + 1):
            day_slots.append(_slot(f"P{p}", minute, 50))
            minute += 55
            if break_after == p:
                day_slots.append(_slot("BR", minute, 15, kind="break"))
                minute += 20
        out.append(Day(id=DAY_IDS[d], slots=tuple(day_slots)))
    return Calendar(days=tuple(out))


def _slot(sid: str, start: int, length: int, kind: str = "teaching") -> Slot:
    end = start + length
    return Slot(
        id=sid,
        start=f"{start // 60:02d}:{start % 60:02d}",
        end=f"{end // 60:02d}:{end % 60:02d}",
        kind=kind,
    )


def lesson(aid: str, *, teacher: str = "T1", group: str | None = "G1", meetings=(1,), **kw):
    return Activity(
        id=aid,
        subject="S",
        teachers=(teacher,) if teacher else (),
        groups=(group,) if group else (),
        meetings=tuple(meetings),
        **kw,
    )


def school(
    *activities: Activity,
    days: int = 1,
    slots: int = 3,
    break_after: int | None = None,
    constraints=(),
    rooms: tuple[Room, ...] | None = None,
    groups: tuple[StudentGroup, ...] | None = None,
    teachers: tuple[Teacher, ...] | None = None,
    students: tuple[Student, ...] = (),
) -> SchoolData:
    """A school with the given activities; teachers and flat groups are made up from their ids."""
    teacher_ids = sorted({t for a in activities for t in a.teachers})
    group_ids = sorted({g for a in activities for g in a.groups})
    return SchoolData(
        name="Test school",
        calendar=calendar(days, slots, break_after),
        subjects=(Subject(id="S", name="Subject"),),
        teachers=teachers if teachers is not None else tuple(Teacher(id=t) for t in teacher_ids),
        groups=groups
        if groups is not None
        else tuple(StudentGroup(id=g, size=20) for g in group_ids),
        rooms=rooms if rooms is not None else (),
        students=students,
        activities=activities,
        constraints=tuple(constraints),
    )


def solved(data: SchoolData, **options) -> tuple[SolveResult, CheckReport | None]:
    """Solve with one worker and a fixed seed; when there is a timetable, the independent checker
    must find no hard violation and exactly the penalty the solver reports."""
    options.setdefault("time_limit_s", 20)
    options.setdefault("workers", 1)
    result = solve(data, SolveOptions(**options))
    if result.solution is None:
        return result, None
    report = check(data, result.solution)
    assert report.hard_violations == 0, [v.message for v in report.violations if v.hard]
    assert report.soft_penalty == result.objective
    assert report.placed == report.meetings
    return result, report


def starts(result: SolveResult) -> dict[tuple[str, int], tuple[str, str]]:
    return {(p.activity, p.meeting): (p.day, p.slot) for p in result.solution.placements}
