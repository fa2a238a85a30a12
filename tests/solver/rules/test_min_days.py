from scheduler.model import MinDaysBetween, SlotRef, Teacher
from tests.solver.school import lesson, school, solved

DAY_INDEX = {"Mon": 0, "Tue": 1, "Wed": 2, "Thu": 3, "Fri": 4}


def test_meetings_of_an_activity_spread_over_days():
    result, _ = solved(school(lesson("A", meetings=(1, 1), min_days_between=2), days=3))
    days = sorted(DAY_INDEX[p.day] for p in result.solution.placements)
    assert days == [0, 2]


def test_hard_rule_across_two_activities_is_infeasible_when_days_run_out():
    rule = MinDaysBetween(id="md", activities=("A", "B"), min_days=1)
    a, b = lesson("A", meetings=(1, 1)), lesson("B", group="G2")
    result, _ = solved(school(a, b, days=3, constraints=[rule]))
    assert result.status == "optimal"
    wed = tuple(SlotRef(day="Wed", slot=f"P{p}") for p in (1, 2, 3))
    away = (Teacher(id="T1", unavailable=wed),)
    result, _ = solved(school(a, b, days=3, constraints=[rule], teachers=away))
    assert result.status == "infeasible"


def test_soft_rule_costs_each_pair_too_close():
    rule = MinDaysBetween(id="md", activities=("A",), min_days=1, hard=False, weight=4)
    result, report = solved(school(lesson("A", meetings=(1, 1, 1)), days=2, constraints=[rule]))
    assert result.objective == 4
    assert report.by_rule(hard=False) == {"min_days_between": (1, 4)}
