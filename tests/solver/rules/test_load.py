from scheduler.model import MaxPerDay, MaxPerWeek, Target, Teacher
from tests.solver.school import lesson, school, solved


def test_a_teachers_daily_maximum_is_hard():
    capped = (Teacher(id="T1", max_slots_per_day=1),)
    two = [lesson("A", group="G1"), lesson("B", group="G2")]
    result, _ = solved(school(*two, days=1, slots=3, teachers=capped))
    assert result.status == "infeasible"
    result, _ = solved(school(*two, days=2, slots=3, teachers=capped))
    assert {p.day for p in result.solution.placements} == {"Mon", "Tue"}


def test_soft_max_per_day_costs_each_slot_over():
    rule = MaxPerDay(
        id="mpd", target=Target(kind="group", id="G1"), max_slots=1, hard=False, weight=5
    )
    result, report = solved(school(lesson("A", meetings=(1, 1, 1)), slots=3, constraints=[rule]))
    assert result.objective == 10 and report.soft_penalty == 10
    result, _ = solved(school(lesson("A", meetings=(1, 1, 1)), days=3, slots=3, constraints=[rule]))
    assert result.objective == 0


def test_weekly_maximum_hard_and_soft():
    capped = (Teacher(id="T1", max_slots_per_week=2),)
    result, _ = solved(school(lesson("A", meetings=(1, 2)), days=2, teachers=capped))
    assert result.status == "infeasible"
    rule = MaxPerWeek(
        id="w", target=Target(kind="teacher", id="T1"), max_slots=2, hard=False, weight=4
    )
    result, report = solved(school(lesson("A", meetings=(1, 2)), days=2, constraints=[rule]))
    assert result.objective == 4
    assert report.by_rule(hard=False)["max_per_week"] == (1, 4)
