"""Deliberately infeasible tiny schools, one of each kind: the explanation must name the right
entities, and the relaxation it proposes must really make a timetable possible (solved again,
by the normal solver, and judged by the checker)."""

from __future__ import annotations

from scheduler.model import (
    Availability,
    MaxPerDay,
    Pin,
    Room,
    SlotRef,
    Student,
    StudentGroup,
    Target,
    Teacher,
)
from scheduler.solver.explain import Explanation, explain, precheck, relax_all
from tests.solver.school import lesson, school, solved


def _explain(data) -> Explanation:
    return explain(data, time_limit_s=10, workers=1)


def _ids(findings, kind: str) -> set[str]:
    return {e.id for f in findings for e in f.entities if e.kind == kind}


def _fixes(e: Explanation):
    return [f for f in e.findings if f.verified]


def _assert_fix_solves(data, e: Explanation) -> None:
    fixes = _fixes(e)
    assert fixes, e.summary
    for f in fixes:
        result, report = solved(relax_all(data, f.relaxations), time_limit_s=10)
        assert result.solved, f.fix
        assert report.hard_violations == 0


def _away(day: str, *slots: str) -> tuple[SlotRef, ...]:
    return tuple(SlotRef(day=day, slot=s) for s in slots)


def test_teacher_overload_names_the_teacher_and_freeing_her_time_fixes_it():
    ortiz = Teacher(id="T1", name="Ms Ortiz", unavailable=_away("Tue", "P1", "P2"))
    data = school(
        *(lesson(f"A{i}", group=f"G{i}") for i in range(5)), days=2, slots=3, teachers=(ortiz,)
    )
    e = _explain(data)
    assert e.status == "infeasible"
    load = [f for f in e.findings if f.rule == "teacher_load"]
    assert load and "Ms Ortiz" in load[0].message and "5 lesson slot(s)" in load[0].message
    core = [f for f in e.findings if f.source == "core"]
    assert _ids(core, "teacher") == {"T1"}
    assert any("Ms Ortiz" in (f.fix or "") and "Tue" in f.fix for f in _fixes(e))
    assert "Ms Ortiz" in e.summary
    _assert_fix_solves(data, e)


def test_group_overload_names_the_group():
    tenth = StudentGroup(id="10A", name="Class 10A", size=20, unavailable=_away("Mon", "P3"))
    data = school(
        *(lesson(f"A{i}", teacher=f"T{i}", group="10A") for i in range(6)),
        days=2,
        slots=3,
        groups=(tenth,),
    )
    e = _explain(data)
    assert e.status == "infeasible"
    assert any(f.rule == "group_load" and "Class 10A" in f.message for f in e.findings)
    assert _ids([f for f in e.findings if f.source == "core"], "group") == {"10A"}
    _assert_fix_solves(data, e)


def test_more_lessons_than_the_week_is_found_before_any_search():
    data = school(*(lesson(f"A{i}", teacher=f"T{i}") for i in range(4)), slots=3)
    findings = precheck(data)
    assert [f.rule for f in findings] == ["group_load"]
    assert "G1" in findings[0].message and "4 lesson slot(s)" in findings[0].message
    e = _explain(data)
    assert e.status == "infeasible"
    assert not _fixes(e)  # no rule to lift: the lessons themselves do not fit


def test_too_few_labs_in_a_slot_names_the_labs_and_unpinning_fixes_it():
    labs = tuple(Room(id=f"L{i}", name=f"Lab {i}", type="lab") for i in (1, 2))
    mon1 = Pin(meeting=0, start=SlotRef(day="Mon", slot="P1"))
    data = school(
        *(
            lesson(f"Chem{i}", teacher=f"T{i}", group=f"G{i}", room_types=("lab",), pins=(mon1,))
            for i in range(3)
        ),
        slots=3,
        rooms=labs,
    )
    e = _explain(data)
    assert e.status == "infeasible"
    shortage = [f for f in e.findings if f.rule == "room_shortage"]
    assert shortage and _ids(shortage, "room") == {"L1", "L2"}
    assert "lab" in shortage[0].message and "Mon" in shortage[0].message
    assert _ids([f for f in e.findings if f.source == "core"], "activity") == {
        "Chem0",
        "Chem1",
        "Chem2",
    }
    assert all(f.fix.startswith("Unpinning") for f in _fixes(e))
    _assert_fix_solves(data, e)


def test_students_required_courses_against_her_internship():
    ana = Student(id="S1", name="Ana Diaz", unavailable=_away("Mon", "P1", "P2", "P3"))
    data = school(
        lesson("Bio", teacher="T1", group=None, students=("S1",), meetings=(1, 1)),
        lesson("Art", teacher="T2", group=None, students=("S1",), meetings=(1, 1)),
        days=2,
        slots=3,
        students=(ana,),
    )
    e = _explain(data)
    assert e.status == "infeasible"
    assert any(f.rule == "student_load" and "Ana Diaz" in f.message for f in e.findings)
    core = [f for f in e.findings if f.source == "core"]
    assert _ids(core, "student") == {"S1"}
    assert any("Ana Diaz" in f.fix for f in _fixes(e))
    _assert_fix_solves(data, e)


def test_hard_rule_against_availability_names_both_and_either_fix_works():
    rule = MaxPerDay(id="one-a-day", target=Target(kind="teacher", id="T1"), max_slots=1)
    away = Availability(
        id="T1-tue", target=Target(kind="teacher", id="T1"), slots=_away("Tue", "P1", "P2", "P3")
    )
    data = school(
        lesson("A", group="G1"),
        lesson("B", group="G2"),
        days=2,
        slots=3,
        constraints=(rule, away),
    )
    assert precheck(data) == []  # counting alone cannot see it
    e = _explain(data)
    assert e.status == "infeasible"
    core = [f for f in e.findings if f.source == "core"]
    assert _ids(core, "constraint") == {"one-a-day"}
    assert _ids(core, "teacher") == {"T1"}
    assert len(_fixes(e)) == 2
    _assert_fix_solves(data, e)


def test_clashing_pins_name_the_teacher_and_both_lessons():
    mon1 = Pin(meeting=0, start=SlotRef(day="Mon", slot="P1"))
    data = school(
        lesson("Math", teacher="T1", group="G1", pins=(mon1,)),
        lesson("Physics", teacher="T1", group="G2", pins=(mon1,)),
        slots=3,
    )
    clash = [f for f in precheck(data) if f.rule == "pin_clash"]
    assert clash and _ids(clash, "teacher") == {"T1"}
    assert _ids(clash, "activity") == {"Math", "Physics"}
    e = _explain(data)
    core = [f for f in e.findings if f.source == "core"]
    assert {f.relaxations[0] for f in _fixes(e)} == {("pin", "Math", "0"), ("pin", "Physics", "0")}
    assert _ids(core, "activity") == {"Math", "Physics"}
    _assert_fix_solves(data, e)


def test_a_feasible_school_says_so():
    data = school(lesson("A"), lesson("B"), slots=3)
    e = _explain(data)
    assert e.status == "feasible"
    assert e.findings == ()


def test_teacher_daily_cap_is_named_and_lifting_it_fixes_it():
    capped = Teacher(id="T1", name="Mr Lee", max_slots_per_day=1)
    data = school(lesson("A", group="G1"), lesson("B", group="G2"), slots=3, teachers=(capped,))
    assert any("at most 1 a day" in f.message for f in precheck(data))
    e = _explain(data)
    assert [f.relaxations for f in _fixes(e)] == [(("cap", "T1"),)]
    _assert_fix_solves(data, e)
