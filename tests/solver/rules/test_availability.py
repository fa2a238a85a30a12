from scheduler.model import Availability, SlotRef, Target, Teacher
from tests.solver.school import lesson, school, solved


def _mon(*periods):
    return tuple(SlotRef(day="Mon", slot=f"P{p}") for p in periods)


def test_an_unavailable_teacher_gets_no_lessons_then():
    away = (Teacher(id="T1", unavailable=_mon(1, 2)),)
    result, _ = solved(school(lesson("A"), slots=3, teachers=away))
    assert result.solution.placements[0].slot == "P3"
    result, _ = solved(school(lesson("A", meetings=(1, 1)), slots=3, teachers=away))
    assert result.status == "infeasible"
    assert result.reasons


def test_a_hard_availability_rule_for_a_group():
    rule = Availability(id="g", target=Target(kind="group", id="G1"), slots=_mon(1, 3))
    result, _ = solved(school(lesson("A"), slots=3, constraints=[rule]))
    assert result.solution.placements[0].slot == "P2"


def test_soft_availability_costs_weight_per_occupied_slot():
    rule = Availability(
        id="pref", target=Target(kind="teacher", id="T1"), slots=_mon(1, 2, 3), hard=False, weight=3
    )
    result, report = solved(school(lesson("A", meetings=(2, 1)), slots=3, constraints=[rule]))
    assert result.objective == 9
    assert report.by_rule(hard=False) == {"availability": (3, 9)}
    partial = rule.model_copy(update={"slots": _mon(1)})
    result, _ = solved(school(lesson("A", meetings=(2,)), slots=3, constraints=[partial]))
    assert result.objective == 0
    assert result.solution.placements[0].slot == "P2"
