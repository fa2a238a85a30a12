"""Students request courses; the solve plans sections, times them and seats every student."""

from __future__ import annotations

import random

from scheduler.model import (
    Course,
    CourseRequest,
    Enrollment,
    Placement,
    SchoolData,
    Solution,
    Student,
    Subject,
    Teacher,
)
from scheduler.solver.check import check
from scheduler.solver.plan import plan_sections
from scheduler.solver.requests import request_stats
from scheduler.solver.solve import SolveOptions, solve
from tests.solver.school import calendar


def _school(courses, students, *, teachers=None, slots=3, days=1) -> SchoolData:
    subjects = sorted({c.subject for c in courses})
    return SchoolData(
        name="Sectioning test",
        calendar=calendar(days, slots),
        subjects=tuple(Subject(id=s) for s in subjects),
        courses=tuple(courses),
        teachers=teachers
        or tuple(Teacher(id=f"T-{s}-{i}", subjects=(s,)) for s in subjects for i in range(3)),
        students=tuple(students),
    )


def _course(cid, *, cap=30, sections=None, subject=None):
    return Course(
        id=cid, subject=subject or cid, meetings=(1,), section_capacity=cap, sections=sections
    )


def _student(sid, *courses, required=True, alternates=None):
    alternates = alternates or {}
    return Student(
        id=sid,
        requests=tuple(
            CourseRequest(
                course=c, required=required, priority=i + 1, alternates=tuple(alternates.get(c, ()))
            )
            for i, c in enumerate(courses)
        ),
    )


def _solve(data, **kw):
    result = solve(data, SolveOptions(time_limit_s=kw.pop("limit", 20), workers=1, **kw))
    assert result.solution is not None, result.reasons
    used = result.data or data
    report = check(used, result.solution)
    assert report.hard_violations == 0, [v.message for v in report.violations if v.hard]
    return result, used


def test_sections_are_planned_from_demand_and_staffed_by_qualified_teachers():
    data = _school(
        [_course("MATH", cap=2), _course("ART", sections=1)],
        [_student(f"S{i}", "MATH") for i in range(5)],
    )
    plan = plan_sections(data)
    assert plan.created == {"MATH": 3, "ART": 1}
    sections = [a for a in plan.data.activities if a.course == "MATH"]
    assert all(a.teachers and a.teachers[0].startswith("T-MATH") for a in sections)
    assert len({a.teachers[0] for a in sections}) == 3  # spread over the pool


def test_a_student_whose_requests_all_fit_gets_all_of_them():
    data = _school([_course("A"), _course("B"), _course("C")], [_student("S1", "A", "B", "C")])
    result, _ = _solve(data)
    assert result.requests.met == 3 and result.requests.fully_scheduled == 1


def test_the_master_schedule_keeps_requested_singletons_apart():
    courses = [_course(c, sections=1) for c in ("ORCH", "APPHYS", "APCS")]
    students = [_student(f"S{i}", "ORCH", "APPHYS", "APCS") for i in range(4)]
    result, _used = _solve(_school(courses, students))
    slots = {p.activity: p.slot for p in result.solution.placements}
    assert len(set(slots.values())) == 3
    assert result.requests.met_pct == 100.0


def test_alternates_only_when_the_first_choice_is_impossible():
    courses = [_course("SPAN2", sections=1), _course("FREN2", sections=1), _course("X", sections=1)]
    fine = _student("S1", "SPAN2", required=False, alternates={"SPAN2": ("FREN2",)})
    result, _used = _solve(_school(courses, [fine]))
    assert [e.activity.split("-")[0] for e in result.solution.enrollments] == ["SPAN2"]
    assert result.requests.alternates_used == 0
    # one slot only: X (required) takes it, so Spanish is impossible and French is too
    tight = [_student("S2", "X", "SPAN2", alternates={"SPAN2": ("FREN2",)})]
    result, _ = _solve(_school(courses, tight, slots=2))
    got = sorted(e.activity.split("-")[0] for e in result.solution.enrollments)
    assert "X" in got and len(got) == 2


def test_capacities_are_never_exceeded_and_balanced():
    data = _school([_course("A", cap=3, sections=2)], [_student(f"S{i}", "A") for i in range(8)])
    result, _used = _solve(data)
    sizes = sorted(s.enrolled for s in result.requests.sections)
    assert sizes == [3, 3]
    assert result.requests.met == 6
    reasons = {u.reason for u in result.requests.unmet}
    assert reasons == {"every section of A that fits their timetable is full"}


def test_an_impossible_request_is_reported_with_its_reason():
    away = Student(
        id="S1",
        unavailable=tuple({"day": "Mon", "slot": f"P{p}"} for p in (1, 2, 3)),
        requests=(CourseRequest(course="A"),),
    )
    data = _school(
        [_course("A", sections=1), _course("B", sections=0)], [away, _student("S2", "A", "B")]
    )
    result, _ = _solve(data)
    unmet = {(u.student, u.course): u.reason for u in result.requests.unmet}
    assert "unavailable" in unmet[("S1", "A")]
    assert unmet[("S2", "B")] == "no section of B is offered"


def test_fairness_and_order_independence():
    # two singletons that must share the only slot: each of two students can lose one course,
    # rather than one student losing two
    courses = [_course(c, sections=1, cap=1) for c in ("A", "B")]
    students = [_student("S1", "A", "B", required=False), _student("S2", "A", "B", required=False)]
    result, _ = _solve(_school(courses, students, slots=1))
    losses = {u.student for u in result.requests.unmet}
    assert losses == {"S1", "S2"}

    courses = [_course(c, cap=4) for c in ("A", "B", "C", "D")]
    students = [_student(f"S{i:02d}", *random.Random(i).sample("ABCD", 3)) for i in range(12)]
    first, _ = _solve(_school(courses, students, slots=3))
    shuffled = students[:]
    random.Random(7).shuffle(shuffled)
    second, _ = _solve(_school(courses, shuffled, slots=3))
    assert first.requests.met == second.requests.met
    assert first.requests.fully_scheduled == second.requests.fully_scheduled


def test_the_checker_scores_sectioning_on_its_own():
    data = plan_sections(
        _school([_course("A", cap=1, sections=2)], [_student("S1", "A"), _student("S2", "A")])
    ).data
    placed = tuple(
        Placement(activity=a.id, meeting=0, day="Mon", slot="P1") for a in data.activities
    )
    bad = Solution(
        placements=placed,
        enrollments=(
            Enrollment(student="S1", activity="A-1"),
            Enrollment(student="S2", activity="A-1"),
            Enrollment(student="S2", activity="A-2"),
            Enrollment(student="NOBODY", activity="A-2"),
        ),
    )
    report = check(data, bad)
    rules = report.by_rule(hard=True)
    assert rules["section_capacity"][0] == 2  # one over in each section
    assert rules["enrollment"][0] == 2  # S2 twice in A, an unknown student
    assert rules["student_conflict"][0] == 1  # S2 in both sections at Mon P1
    stats = request_stats(data, bad)
    assert stats.met == 2
