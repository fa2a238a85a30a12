"""Deliberately infeasible tiny schools (``samples.infeasible``), one of each kind: the
explanation must name the right entities, and the relaxation it proposes must really make a
timetable possible (solved again by the normal solver, and judged by the checker)."""

from __future__ import annotations

from samples import infeasible
from scheduler.solver.explain import Explanation, explain, precheck, relax_all
from tests.solver.school import lesson, school, solved


def _explain(data) -> Explanation:
    return explain(data, time_limit_s=10, workers=1)


def _ids(findings, kind: str) -> set[str]:
    return {e.id for f in findings for e in f.entities if e.kind == kind}


def _core(e: Explanation):
    return [f for f in e.findings if f.source == "core"]


def _fixes(e: Explanation):
    return [f for f in e.findings if f.verified]


def _assert_fixes_solve(data, e: Explanation) -> None:
    assert _fixes(e), e.summary
    for f in _fixes(e):
        result, report = solved(relax_all(data, f.relaxations), time_limit_s=10)
        assert result.solved, f.fix
        assert report.hard_violations == 0


def test_teacher_overload_names_the_teacher_and_freeing_her_time_fixes_it():
    data = infeasible.teacher_overload()
    e = _explain(data)
    assert e.status == "infeasible"
    load = [f for f in e.findings if f.rule == "teacher_load"]
    assert load and "Ms Ortiz (T1) teaches 5 lesson slot(s)" in load[0].message
    assert _ids(_core(e), "teacher") == {"T1"}
    assert [f.fix for f in _fixes(e)] == [
        "Allowing Ms Ortiz (T1) to teach on Tue P1–P2 (08:00–09:45) makes a timetable possible."
    ]
    assert "Ms Ortiz" in e.summary
    _assert_fixes_solve(data, e)


def test_group_overload_names_the_group():
    data = infeasible.group_overload()
    e = _explain(data)
    assert e.status == "infeasible"
    assert any(f.rule == "group_load" and "Class 10A (10A)" in f.message for f in e.findings)
    assert _ids(_core(e), "group") == {"10A"}
    _assert_fixes_solve(data, e)


def test_more_lessons_than_the_week_is_found_before_any_search():
    data = infeasible.more_lessons_than_the_week()
    findings = precheck(data)
    assert [f.rule for f in findings] == ["group_load"]
    assert "G1 has 4 lesson slot(s)" in findings[0].message
    e = _explain(data)
    assert e.status == "infeasible"
    assert not _fixes(e)  # no rule to lift: the lessons themselves do not fit


def test_too_few_labs_in_a_slot_names_the_labs_and_unpinning_fixes_it():
    data = infeasible.too_few_labs()
    e = _explain(data)
    assert e.status == "infeasible"
    shortage = [f for f in e.findings if f.rule == "room_shortage"]
    assert shortage and _ids(shortage, "room") == {"L1", "L2"}
    assert "type lab" in shortage[0].message and "Mon P1" in shortage[0].message
    assert _ids(_core(e), "activity") == {"Chem0", "Chem1", "Chem2"}
    assert all(f.fix.startswith("Unpinning meeting 1 of Chem") for f in _fixes(e))
    _assert_fixes_solve(data, e)


def test_students_required_courses_against_her_internship():
    data = infeasible.internship()
    e = _explain(data)
    assert e.status == "infeasible"
    assert any(f.rule == "student_load" and "Ana Diaz (S1)" in f.message for f in e.findings)
    assert _ids(_core(e), "student") == {"S1"}
    assert any("Ana Diaz" in f.fix for f in _fixes(e))
    _assert_fixes_solve(data, e)


def test_hard_rule_against_availability_names_both_and_either_fix_works():
    data = infeasible.rule_against_availability()
    assert precheck(data) == []  # counting alone cannot see it
    e = _explain(data)
    assert e.status == "infeasible"
    assert _ids(_core(e), "constraint") == {"one-a-day"}
    assert _ids(_core(e), "teacher") == {"T1"}
    assert {f.relaxations[0][0] for f in _fixes(e)} == {"rule", "time"}
    _assert_fixes_solve(data, e)


def test_clashing_pins_name_the_teacher_and_both_lessons():
    data = infeasible.clashing_pins()
    clash = [f for f in precheck(data) if f.rule == "pin_clash"]
    assert clash and _ids(clash, "teacher") == {"T1"}
    assert _ids(clash, "activity") == {"Math", "Physics"}
    e = _explain(data)
    assert {f.relaxations[0] for f in _fixes(e)} == {("pin", "Math", "0"), ("pin", "Physics", "0")}
    assert _ids(_core(e), "activity") == {"Math", "Physics"}
    _assert_fixes_solve(data, e)


def test_teacher_daily_cap_is_named_and_lifting_it_fixes_it():
    data = infeasible.teacher_daily_cap()
    assert any("a limit of 1 a day" in f.message for f in precheck(data))
    e = _explain(data)
    assert [f.relaxations for f in _fixes(e)] == [(("cap", "T1"),)]
    _assert_fixes_solve(data, e)


def test_a_feasible_school_says_so():
    e = _explain(school(lesson("A"), lesson("B"), slots=3))
    assert e.status == "feasible"
    assert e.findings == ()


def test_normal_compile_is_unchanged_by_the_open_times_option():
    from scheduler.solver.compile import compile_problem

    data = infeasible.teacher_overload()
    closed, opened = compile_problem(data), compile_problem(data, open_times=True)
    assert [len(m.starts) for m in closed.meetings] == [4] * 5
    assert [len(m.starts) for m in opened.meetings] == [6] * 5
    assert closed.teachers == opened.teachers  # unavailable slots kept for the rules


def test_a_rule_about_activities_against_a_pin_and_a_teachers_time():
    from scheduler.model import Pin, SameStart, SlotRef, Teacher

    together = SameStart(id="together", activities=("A", "B"))
    pin = Pin(meeting=0, start=SlotRef(day="Mon", slot="P1"))
    away = Teacher(id="T1", name="Ms Ortiz", unavailable=(SlotRef(day="Mon", slot="P1"),))
    data = school(
        lesson("A", teacher="T1", group="G1"),
        lesson("B", teacher="T2", group="G2", pins=(pin,)),
        slots=3,
        constraints=(together,),
        teachers=(away, Teacher(id="T2")),
    )
    e = _explain(data)
    assert e.status == "infeasible"
    assert {f.relaxations[0] for f in _fixes(e)} == {
        ("rule", "together"),
        ("pin", "B", "0"),
        ("time", "teacher", "T1", "0", "0"),
    }
    assert any('hard rule "together" (same start' in f.message for f in _core(e))
    _assert_fixes_solve(data, e)


def test_a_timetable_of_the_school_before_the_change_is_a_starting_point():
    data = infeasible.teacher_overload()
    before, _ = solved(relax_all(data, [("time", "teacher", "T1", "3", "4")]))
    e = explain(data, time_limit_s=10, workers=1, hint=before.solution)
    assert [f.relaxations for f in _fixes(e)] == [(("time", "teacher", "T1", "3", "4"),)]


def test_required_courses_that_cannot_fit_a_students_time_are_named_but_do_not_block():
    data = infeasible.requests_vs_internship()
    findings = precheck(data)
    assert [f.rule for f in findings] == ["required_courses"]
    assert "Ana Diaz (S1) needs 3 slot(s) a week for required courses (Biology, Art)" in (
        findings[0].message
    )
    e = _explain(data)
    assert e.status == "feasible"
    assert "1 student(s) cannot get every required course" in e.summary


def test_a_lesson_with_no_possible_time_names_the_teacher_who_rules_it_out():
    from scheduler.model import SlotRef, Teacher

    every_slot = tuple(SlotRef(day="Mon", slot=s) for s in ("P1", "P2", "P3"))
    data = school(
        lesson("Choir", teacher="T1", group="G1"),
        slots=3,
        teachers=(Teacher(id="T1", name="Mr Vance", unavailable=every_slot),),
    )
    no_start = [f for f in precheck(data) if f.rule == "no_start"]
    assert no_start and "Choir meeting 1 (1 slot(s)) has no possible time" in no_start[0].message
    assert "Mr Vance (T1) is away Mon P1–P3" in no_start[0].message
    e = _explain(data)
    assert e.status == "infeasible" and _ids(_core(e), "teacher") == {"T1"}
    _assert_fixes_solve(data, e)


def test_no_room_big_enough_is_reported_from_validation_with_names():
    from scheduler.model import Room, StudentGroup

    data = school(
        lesson("Assembly", group="Y10"),
        groups=(StudentGroup(id="Y10", name="Year 10", size=90),),
        rooms=(Room(id="R1", name="Room 1", capacity=30),),
    )
    e = _explain(data)
    assert e.status == "infeasible"
    assert [f.rule for f in e.findings] == ["invalid_data"]
    assert e.findings[0].message == (
        "activity Assembly: 90 students but the largest allowed room seats 30"
    )
    assert e.findings[0].entities[0].id == "Assembly"


def test_a_check_that_timed_out_while_shrinking_is_confirmed_with_the_time_left(monkeypatch):
    from scheduler.solver.explain import core

    real = core.CoreSearch.check
    calls = []

    def flaky(self, on, limit, *, core):
        calls.append(len(on))
        if len(calls) == 2:  # the first one-rule check of the shrink "times out"
            return "unknown", []
        return real(self, on, limit, core=core)

    monkeypatch.setattr(core.CoreSearch, "check", flaky)
    e = _explain(infeasible.clashing_pins())
    assert "smaller set may exist" not in e.summary
    assert len(_core(e)) == 2 and len(_fixes(e)) == 2
    assert calls[-2:] == [1, 1]  # both rules confirmed necessary at the end
