from scheduler.model import ForbiddenTimes, PreferredTimes, SlotRef
from tests.solver.school import lesson, school, solved


def _mon(*periods):
    return tuple(SlotRef(day="Mon", slot=f"P{p}") for p in periods)


def test_hard_preferred_times_confine_a_lesson():
    rule = PreferredTimes(id="p", activities=("A",), slots=_mon(2, 3))
    result, _ = solved(school(lesson("A", meetings=(2,)), slots=3, constraints=[rule]))
    assert result.solution.placements[0].slot == "P2"
    starts = rule.model_copy(update={"slots": _mon(3), "starts_only": True})
    result, _ = solved(school(lesson("A", meetings=(1,)), slots=3, constraints=[starts]))
    assert result.solution.placements[0].slot == "P3"


def test_soft_preferred_times_cost_each_meeting_outside():
    rule = PreferredTimes(id="p", activities=("A",), slots=_mon(1), hard=False, weight=6)
    result, report = solved(school(lesson("A", meetings=(1, 1, 1)), slots=3, constraints=[rule]))
    assert result.objective == 12 and report.soft_penalty == 12


def test_forbidden_times_hard_and_soft():
    rule = ForbiddenTimes(id="f", activities=("A",), slots=_mon(1, 2, 3))
    result, _ = solved(school(lesson("A"), slots=3, constraints=[rule]))
    assert result.status == "infeasible"
    assert any('activity "A"' in r for r in result.reasons)
    soft = rule.model_copy(update={"hard": False, "weight": 2, "slots": _mon(1, 2)})
    result, _ = solved(school(lesson("A", meetings=(1, 1)), slots=3, constraints=[soft]))
    assert result.objective == 2
