"""Scenarios compared: exact figures and change lists for two timetables with a known difference."""

from __future__ import annotations

from scheduler.model import (
    Activity,
    CourseRequest,
    Placement,
    Project,
    Room,
    Scenario,
    Solution,
    Student,
    Teacher,
)
from scheduler.solver.changes import changes
from scheduler.solver.compare import compare
from tests.solver.school import lesson, school


def _school():
    acts = (
        lesson("MA", teacher="T1", meetings=(1, 1)),
        lesson("EN", teacher="T2"),
        lesson("SC", teacher="T1"),
    )
    return school(
        *acts,
        days=2,
        slots=3,
        rooms=(Room(id="R1", capacity=30), Room(id="R2", capacity=30)),
        teachers=(Teacher(id="T1", name="Ms Ortiz"), Teacher(id="T2", name="Mr Lee")),
    )


def _timetable(*rows) -> Solution:
    return Solution(
        placements=tuple(
            Placement(activity=a, meeting=m, day=d, slot=s, room=r) for a, m, d, s, r in rows
        )
    )


BASE = _timetable(
    ("MA", 0, "Mon", "P1", "R1"),
    ("MA", 1, "Tue", "P1", "R1"),
    ("EN", 0, "Mon", "P2", "R2"),
    ("SC", 0, "Mon", "P3", "R1"),
)
# The two Maths meetings listed the other way round (alike: no change), English moved to
# Tuesday P3, Science kept its time but moved to R2.
OTHER = _timetable(
    ("MA", 0, "Tue", "P1", "R1"),
    ("MA", 1, "Mon", "P1", "R1"),
    ("EN", 0, "Tue", "P3", "R2"),
    ("SC", 0, "Mon", "P3", "R2"),
)


def _project(other: Solution = OTHER) -> Project:
    data = _school()
    return Project(
        scenarios=(
            Scenario(name="Main", data=data, solution=BASE),
            Scenario(name="Try", data=data, solution=other),
        )
    )


def test_change_list_names_what_moved_where_in_words():
    diff = changes(_school(), BASE, _school(), OTHER)
    assert [c.text for c in diff.meetings] == [
        "EN (G1; Mr Lee): Mon P2 (08:55) → Tue P3 (09:50)",
        "SC (G1; Ms Ortiz): Mon P3 (09:50), room R1 → R2",
    ]
    assert diff.summary() == {
        "meetings_changed": 2,
        "meetings_moved": 1,
        "rooms_changed": 1,
        "students_changed": 0,
    }
    assert list(diff.by_teacher) == ["T1", "T2"]
    assert [c.activity for c in diff.by_room["R1"]] == ["SC"]
    assert [c.activity for c in diff.by_room["R2"]] == ["EN", "SC"]


def test_figures_side_by_side_with_better_and_worse_marked():
    comparison = compare(_project(), ["Main", "Try"])
    rows = {r.label: r for r in comparison.rows()}
    assert rows["Hard violations"].values == (0, 0)
    assert rows["Meetings placed"].values == (4, 4)
    # Main: Ms Ortiz teaches Mon P1 and P3 (one gap), Tuesday P1; Mr Lee Mon P2.
    assert rows["Gaps (all teachers)"].values == (1, 1)
    assert rows["Heaviest load"].values == (3, 3)
    assert rows["Room use"].values == (33.3, 33.3)  # 4 of 2 rooms × 6 periods
    assert rows["Rooms used"].values == (2, 2)
    assert rows["Meetings moved"].values == (0, 1)
    assert rows["Rooms changed"].values == (0, 1)
    assert rows["Meetings moved"].verdicts() == ("", "worse")
    teachers = [(r.section, r.label, r.values) for r in comparison.teacher_rows()]
    assert teachers == [
        ("Gaps a week", "Mr Lee", (0, 0)),
        ("Gaps a week", "Ms Ortiz", (1, 1)),
        ("Teaching periods a week", "Mr Lee", (1, 1)),
        ("Teaching periods a week", "Ms Ortiz", (3, 3)),
    ]
    entries = [(e.kind, e.who, e.what) for e in comparison.scenarios[1].entries]
    assert entries == [
        ("teacher", "Ms Ortiz", "SC (G1; Ms Ortiz): Mon P3 (09:50), room R1 → R2"),
        ("teacher", "Mr Lee", "EN (G1; Mr Lee): Mon P2 (08:55) → Tue P3 (09:50)"),
        ("room", "R1", "SC (G1; Ms Ortiz): Mon P3 (09:50), room R1 → R2"),
        ("room", "R2", "EN (G1; Mr Lee): Mon P2 (08:55) → Tue P3 (09:50)"),
        ("room", "R2", "SC (G1; Ms Ortiz): Mon P3 (09:50), room R1 → R2"),
    ]


def test_a_hard_violation_and_a_gap_show_as_worse():
    clash = _timetable(
        ("MA", 0, "Mon", "P1", "R1"),
        ("MA", 1, "Tue", "P1", "R1"),
        ("EN", 0, "Mon", "P1", "R2"),  # the class has Maths then: a group clash
        ("SC", 0, "Tue", "P3", "R1"),
    )
    rows = {r.label: r for r in compare(_project(clash), ["Main", "Try"]).rows()}
    assert rows["Hard violations"].values[0] == 0
    assert rows["Hard violations"].values[1] > 0
    assert rows["Hard violations"].verdicts() == ("", "worse")
    assert rows["Gaps (all teachers)"].values == (1, 1)  # Tue P1 and P3 now: the gap moved
    assert rows["Meetings moved"].values == (0, 2)


def test_unsolved_scenario_has_no_figures_and_no_change_list():
    project = _project()
    project = project.replace_scenario(
        project.scenario("Try").model_copy(update={"solution": None})
    )
    comparison = compare(project, ["Main", "Try"])
    rows = {r.label: r for r in comparison.rows()}
    assert rows["Soft penalty"].values == (0, None)
    assert rows["Soft penalty"].text(1) == "—"
    assert comparison.scenarios[1].changes is None


def test_requests_by_priority_and_students_whose_week_changed():
    data = _school()
    sections = (
        Activity(id="ART-1", subject="S", course="ART", teachers=("T2",), meetings=(1,)),
        Activity(id="ART-2", subject="S", course="ART", teachers=("T2",), meetings=(1,)),
    )
    from scheduler.model import Course

    students = (
        Student(id="s1", name="Ana", requests=(CourseRequest(course="ART", required=True),)),
        Student(
            id="s2",
            name="Ben",
            requests=(CourseRequest(course="ART", required=False, priority=2),),
        ),
    )
    data = data.model_copy(
        update={
            "activities": (*data.activities, *sections),
            "students": students,
            "courses": (Course(id="ART", subject="S"),),
        }
    )
    art = (("ART-1", 0, "Tue", "P2", "R2"), ("ART-2", 0, "Tue", "P3", "R1"))
    rows = [*(tuple(r) for r in _rows(BASE)), *art]
    base = _timetable(*rows).model_copy(
        update={"enrollments": _seats(("s1", "ART-1"), ("s2", "ART-1"))}
    )
    other = _timetable(*rows).model_copy(update={"enrollments": _seats(("s1", "ART-2"))})
    project = Project(
        scenarios=(
            Scenario(name="Main", data=data, solution=base),
            Scenario(name="Try", data=data, solution=other),
        )
    )
    comparison = compare(project, ["Main", "Try"])
    rows_by = {r.label: r for r in comparison.rows()}
    assert rows_by["Required met"].values == (100.0, 100.0)
    assert rows_by["Electives met, priority 2"].values == (100.0, 0.0)
    assert rows_by["Electives met, priority 2"].verdicts() == ("", "worse")
    assert rows_by["Students fully scheduled"].values == (2, 1)
    assert rows_by["Largest size difference"].values == (2, 1)
    students = [(e.who, e.what) for e in comparison.scenarios[1].entries if e.kind == "student"]
    assert students == [
        ("Ana", "sections +ART-2, −ART-1; 1 lesson(s) at another time or room"),
        ("Ben", "sections −ART-1"),
    ]


def _rows(solution: Solution):
    return [(p.activity, p.meeting, p.day, p.slot, p.room) for p in solution.placements]


def _seats(*pairs):
    from scheduler.model import Enrollment

    return tuple(Enrollment(student=s, activity=a) for s, a in pairs)
