from scheduler.model import MaxGapsPerDay, Pin, SlotRef, Target
from tests.solver.school import lesson, school, solved


def _pin(meeting, period):
    return Pin(meeting=meeting, start=SlotRef(day="Mon", slot=f"P{period}"))


def test_the_solver_closes_gaps_it_can_close():
    rule = MaxGapsPerDay(
        id="g", target=Target(kind="teacher", id="T1"), max_gaps=0, hard=False, weight=3
    )
    a = lesson("A", meetings=(1, 1), pins=(_pin(0, 1),))
    result, _ = solved(school(a, slots=4, constraints=[rule]))
    assert result.objective == 0


def test_gaps_cost_weight_each_and_a_hard_limit_can_fail():
    rule = MaxGapsPerDay(
        id="g", target=Target(kind="teacher", id="T1"), max_gaps=0, hard=False, weight=3
    )
    pinned = lesson("A", meetings=(1, 1), pins=(_pin(0, 1), _pin(1, 4)))
    result, report = solved(school(pinned, slots=4, constraints=[rule]))
    assert result.objective == 6
    assert report.by_rule(hard=False) == {"max_gaps_per_day": (2, 6)}
    hard = rule.model_copy(update={"hard": True, "max_gaps": 1})
    result, _ = solved(school(pinned, slots=4, constraints=[hard]))
    assert result.status == "infeasible"


def test_breaks_are_not_gaps_and_group_rules_hold_per_subgroup():
    rule = MaxGapsPerDay(id="g", target=Target(kind="group", id="G1"), max_gaps=0, hard=True)
    pinned = lesson("A", meetings=(1, 1), pins=(_pin(0, 2), _pin(1, 3)))
    result, _ = solved(school(pinned, slots=4, break_after=2, constraints=[rule]))
    assert result.status == "optimal"
