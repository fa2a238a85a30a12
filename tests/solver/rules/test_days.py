"""A person's day and week: gaps per week, min per day, days per week, interval days, long
stretches, early starts."""

from __future__ import annotations

from scheduler.model import (
    Availability,
    IntervalMaxDays,
    MaxContinuous,
    MaxDaysPerWeek,
    MaxGapsPerWeek,
    MinDaysPerWeek,
    MinPerDay,
    SlotRef,
    StartsEarly,
    Target,
)
from tests.solver.rules.pins import at
from tests.solver.school import lesson, school, solved

T1 = Target(kind="teacher", id="T1")
G1 = Target(kind="group", id="G1")


def test_gaps_per_week_add_up_over_days_and_skip_unavailable_slots():
    rule = MaxGapsPerWeek(id="w", target=T1, max_gaps=1, hard=False, weight=5)
    a = lesson("A", meetings=(1, 1), pins=(at("Mon", 1), at("Mon", 4, 1)))
    b = lesson("B", meetings=(1, 1), pins=(at("Tue", 1), at("Tue", 3, 1)))
    result, report = solved(school(a, b, days=2, slots=4, constraints=[rule]))
    assert result.objective == 10  # 2 + 1 gaps, 2 over the limit
    assert report.by_rule(hard=False) == {"max_gaps_per_week": (2, 10)}
    hard = rule.model_copy(update={"hard": True, "max_gaps": 2})
    assert solved(school(a, b, days=2, slots=4, constraints=[hard]))[0].status == "infeasible"
    away = Availability(id="x", target=T1, slots=(SlotRef(day="Mon", slot="P2"),))
    result, _ = solved(school(a, b, days=2, slots=4, constraints=[hard, away]))
    assert result.status == "optimal"  # an unavailable slot is not a gap


def test_min_per_day_on_days_with_lessons_or_every_day():
    rule = MinPerDay(id="m", target=T1, min_slots=2, hard=False, weight=3)
    pinned = lesson("A", meetings=(1, 1, 1), pins=(at("Mon", 1), at("Tue", 1, 1), at("Tue", 2, 2)))
    result, report = solved(school(pinned, days=2, slots=3, constraints=[rule]))
    assert result.objective == 3 and report.by_rule(hard=False) == {"min_per_day": (1, 3)}
    free = lesson("A", meetings=(1, 1, 1))
    result, _ = solved(
        school(free, days=2, slots=3, constraints=[rule.model_copy(update={"hard": True})])
    )
    assert result.objective == 0
    every = MinPerDay(id="m", target=T1, min_slots=1, allow_empty_days=False)
    two = lesson("A", meetings=(1, 1))
    assert solved(school(two, days=3, slots=2, constraints=[every]))[0].status == "infeasible"


def test_days_per_week_bounds():
    spread = lesson("A", meetings=(1, 1, 1), min_days_between=1)
    most = MaxDaysPerWeek(id="d", target=T1, max_days=2)
    assert solved(school(spread, days=3, slots=2, constraints=[most]))[0].status == "infeasible"
    soft = most.model_copy(update={"hard": False, "weight": 4})
    result, report = solved(school(spread, days=3, slots=2, constraints=[soft]))
    assert result.objective == 4 and report.by_rule(hard=False) == {"max_days_per_week": (1, 4)}
    least = MinDaysPerWeek(id="l", target=T1, min_days=2)
    result, _ = solved(school(lesson("A", meetings=(1, 1)), days=2, slots=2, constraints=[least]))
    assert {p.day for p in result.solution.placements} == {"Mon", "Tue"}
    one = lesson("A")
    assert solved(school(one, days=2, slots=2, constraints=[least]))[0].status == "infeasible"


def test_interval_days_count_days_with_lessons_in_the_interval():
    rule = IntervalMaxDays(id="i", target=G1, first_slot=2, max_days=1, hard=False, weight=6)
    late = lesson("A", meetings=(1, 1), pins=(at("Mon", 3), at("Tue", 4, 1)))
    result, report = solved(school(late, days=2, slots=4, constraints=[rule]))
    assert result.objective == 6 and report.by_rule(hard=False) == {"interval_max_days": (1, 6)}
    hard = rule.model_copy(update={"hard": True, "max_days": 0})
    result, _ = solved(school(lesson("A", meetings=(1, 1)), days=2, slots=4, constraints=[hard]))
    assert all(p.slot in ("P1", "P2") for p in result.solution.placements)


def test_max_continuous_counts_stretches_and_breaks_end_them():
    rule = MaxContinuous(id="c", target=T1, max_slots=2, hard=False, weight=3)
    row = lesson("A", meetings=(1, 1, 1), pins=(at("Mon", 1), at("Mon", 2, 1), at("Mon", 3, 2)))
    result, report = solved(school(row, slots=4, constraints=[rule]))
    assert result.objective == 3 and report.by_rule(hard=False) == {"max_continuous": (1, 3)}
    result, _ = solved(school(row, slots=3, break_after=2, constraints=[rule]))
    assert result.objective == 0
    only_b = rule.model_copy(update={"activities": ("B",)})
    result, _ = solved(school(row, lesson("B", group="G2"), slots=4, constraints=[only_b]))
    assert result.objective == 0
    hard = rule.model_copy(update={"hard": True})
    result, _ = solved(school(lesson("A", meetings=(1, 1, 1)), slots=4, constraints=[hard]))
    assert result.status == "optimal"


def test_early_starts_allow_n_second_period_days_and_never_later():
    rule = StartsEarly(id="e", target=G1, max_late_days=1)
    second, third = lesson("A", pins=(at("Mon", 2),)), lesson("A", pins=(at("Mon", 3),))
    assert solved(school(second, slots=4, constraints=[rule]))[0].status == "optimal"
    assert solved(school(third, slots=4, constraints=[rule]))[0].status == "infeasible"
    strict = rule.model_copy(update={"max_late_days": 0})
    assert solved(school(second, slots=4, constraints=[strict]))[0].status == "infeasible"
    soft = strict.model_copy(update={"hard": False, "weight": 2})
    result, report = solved(school(third, slots=4, constraints=[soft]))
    assert result.objective == 4 and report.by_rule(hard=False) == {"starts_early": (2, 4)}
    away = Availability(id="x", target=G1, slots=(SlotRef(day="Mon", slot="P1"),))
    assert solved(school(second, slots=4, constraints=[strict, away]))[0].status == "optimal"
