"""Rules that tie activities together: same start, not overlapping, consecutive, ordered, min gaps,
max days between, ends the day, limits within selected slots, consecutive if same day."""

from __future__ import annotations

from scheduler.model import (
    Consecutive,
    EndsDay,
    MaxDaysBetween,
    MaxPerDay,
    MaxSimultaneous,
    MaxSlotsInSelection,
    MinDaysBetween,
    MinGapsBetween,
    NotOverlapping,
    Ordered,
    SameStart,
    SlotRef,
    Target,
)
from tests.solver.rules.pins import at
from tests.solver.school import lesson, school, solved, starts


def pair(**a_kw):
    return lesson("A", **a_kw), lesson("B", teacher="T2", group="G2")


def test_same_start_by_slot_day_or_period():
    rule = SameStart(id="s", activities=("A", "B"))
    result, _ = solved(school(*pair(pins=(at("Mon", 2),)), slots=3, constraints=[rule]))
    assert starts(result)[("B", 0)] == ("Mon", "P2")
    day = rule.model_copy(update={"part": "day"})
    result, _ = solved(school(*pair(pins=(at("Tue", 1),)), days=2, constraints=[day]))
    assert starts(result)[("B", 0)][0] == "Tue"
    a, b = pair(pins=(at("Mon", 1),))
    b = b.model_copy(update={"pins": (at("Mon", 2),)})
    soft = rule.model_copy(update={"hard": False, "weight": 7})
    result, report = solved(school(a, b, slots=3, constraints=[soft]))
    assert result.objective == 7 and report.by_rule(hard=False) == {"same_start": (1, 7)}


def test_not_overlapping():
    rule = NotOverlapping(id="n", activities=("A", "B"))
    assert solved(school(*pair(), slots=1, constraints=[rule]))[0].status == "infeasible"
    assert solved(school(*pair(), slots=2, constraints=[rule]))[0].status == "optimal"
    soft = rule.model_copy(update={"hard": False, "weight": 2})
    result, report = solved(school(*pair(), slots=1, constraints=[soft]))
    assert result.objective == 2 and report.by_rule(hard=False) == {"not_overlapping": (1, 2)}


def test_consecutive_in_order_or_any_order():
    rule = Consecutive(id="c", activities=("A", "B"))
    result, _ = solved(school(*pair(pins=(at("Mon", 2),)), slots=3, constraints=[rule]))
    assert starts(result)[("B", 0)] == ("Mon", "P3")
    last = pair(pins=(at("Mon", 3),))
    assert solved(school(*last, slots=3, constraints=[rule]))[0].status == "infeasible"
    grouped = rule.model_copy(update={"ordered": False})
    result, _ = solved(school(*last, slots=3, constraints=[grouped]))
    assert starts(result)[("B", 0)] == ("Mon", "P2")
    three = Consecutive(id="c3", activities=("A", "B", "C"), ordered=False)
    c = lesson("C", teacher="T3", group="G3")
    result, _ = solved(school(*pair(pins=(at("Mon", 2),)), c, slots=4, constraints=[three]))
    assert sorted(s for _, s in starts(result).values()) in (["P1", "P2", "P3"], ["P2", "P3", "P4"])
    across = pair(pins=(at("Mon", 1),))
    result, _ = solved(school(*across, slots=3, break_after=1, constraints=[rule]))
    assert starts(result)[("B", 0)] == ("Mon", "P2")  # a break between keeps them back to back
    a, b = pair(pins=(at("Mon", 1),))
    b = b.model_copy(update={"pins": (at("Mon", 3),)})
    soft = rule.model_copy(update={"hard": False, "weight": 9})
    result, report = solved(school(a, b, slots=3, constraints=[soft]))
    assert result.objective == 9 and report.by_rule(hard=False) == {"consecutive": (1, 9)}


def test_ordered_across_the_week_or_within_a_day():
    rule = Ordered(id="o", activities=("A", "B"))
    result, _ = solved(school(*pair(pins=(at("Mon", 2),)), slots=3, constraints=[rule]))
    assert starts(result)[("B", 0)] == ("Mon", "P3")
    a, b = pair(pins=(at("Mon", 2),))
    b = b.model_copy(update={"pins": (at("Mon", 1),)})
    assert solved(school(a, b, days=2, slots=3, constraints=[rule]))[0].status == "infeasible"
    other_day = a.model_copy(update={"pins": (at("Tue", 2),)})
    same_day = rule.model_copy(update={"if_same_day": True})
    assert solved(school(a, b, days=2, slots=3, constraints=[same_day]))[0].status == "infeasible"
    result, _ = solved(school(other_day, b, days=2, slots=3, constraints=[same_day]))
    assert result.status == "optimal"
    soft = rule.model_copy(update={"hard": False, "weight": 3})
    result, report = solved(school(a, b, slots=3, constraints=[soft]))
    assert result.objective == 3 and report.by_rule(hard=False) == {"ordered": (1, 3)}


def test_min_gaps_between_on_the_same_day():
    rule = MinGapsBetween(id="g", activities=("A", "B"), min_gaps=1)
    result, _ = solved(school(*pair(), slots=3, constraints=[rule]))
    assert sorted(s for _, s in starts(result).values()) == ["P1", "P3"]
    assert solved(school(*pair(), slots=2, constraints=[rule]))[0].status == "infeasible"
    soft = rule.model_copy(update={"hard": False, "weight": 4})
    result, report = solved(school(*pair(), slots=2, constraints=[soft]))
    assert result.objective == 4 and report.by_rule(hard=False) == {"min_gaps_between": (1, 4)}


def test_max_days_between():
    rule = MaxDaysBetween(id="m", activities=("A", "B"), max_days=1)
    a, b = pair(pins=(at("Mon", 1),))
    result, _ = solved(school(a, b, days=3, slots=1, constraints=[rule]))
    assert starts(result)[("B", 0)][0] in ("Mon", "Tue")
    far = b.model_copy(update={"pins": (at("Wed", 1),)})
    assert solved(school(a, far, days=3, slots=1, constraints=[rule]))[0].status == "infeasible"
    soft = rule.model_copy(update={"hard": False, "weight": 5})
    result, report = solved(school(a, far, days=3, slots=1, constraints=[soft]))
    assert result.objective == 5 and report.by_rule(hard=False) == {"max_days_between": (1, 5)}


def test_ends_day_for_every_subgroup_of_the_lesson():
    rule = EndsDay(id="e", activities=("A",))
    a, b = lesson("A"), lesson("B", teacher="T2")
    result, _ = solved(school(a, b, slots=2, constraints=[rule]))
    assert starts(result)[("A", 0)] == ("Mon", "P2")
    first = a.model_copy(update={"pins": (at("Mon", 1),)})
    assert solved(school(first, b, slots=2, constraints=[rule]))[0].status == "infeasible"
    soft = rule.model_copy(update={"hard": False, "weight": 6})
    result, report = solved(school(first, b, slots=2, constraints=[soft]))
    assert result.objective == 6 and report.by_rule(hard=False) == {"ends_day": (1, 6)}


def test_limits_within_selected_slots():
    both = tuple(SlotRef(day="Mon", slot=p) for p in ("P1", "P2"))
    c = lesson("C", teacher="T3", group="G3")
    rule = MaxSimultaneous(id="s", activities=("A", "B", "C"), slots=both, max_count=1)
    assert solved(school(*pair(), c, slots=2, constraints=[rule]))[0].status == "infeasible"
    assert solved(school(*pair(), c, slots=3, constraints=[rule]))[0].status == "optimal"
    used = MaxSlotsInSelection(id="u", activities=("A", "B"), slots=both, max_slots=1)
    result, _ = solved(school(*pair(), slots=2, constraints=[used]))
    assert len(set(starts(result).values())) == 1
    a, b = pair(pins=(at("Mon", 1),))
    b = b.model_copy(update={"pins": (at("Mon", 2),)})
    soft = used.model_copy(update={"hard": False, "weight": 8})
    result, report = solved(school(a, b, slots=2, constraints=[soft]))
    assert result.objective == 8
    assert report.by_rule(hard=False) == {"max_slots_in_selection": (1, 8)}


def test_consecutive_if_same_day_and_daily_caps_on_some_activities():
    rule = MinDaysBetween(
        id="m", activities=("A",), hard=False, weight=95, consecutive_if_same_day=True
    )
    split = lesson("A", meetings=(1, 1), pins=(at("Mon", 1),))
    result, report = solved(school(split, slots=3, constraints=[rule]))
    assert starts(result)[("A", 1)] == ("Mon", "P2")
    assert result.objective == 95 and report.by_rule(hard=False) == {"min_days_between": (1, 95)}
    apart = lesson("A", meetings=(1, 1), pins=(at("Mon", 1), at("Mon", 3, 1)))
    assert solved(school(apart, slots=3, constraints=[rule]))[0].status == "infeasible"
    cap = MaxPerDay(id="d", target=Target(kind="teacher", id="T1"), max_slots=1, activities=("A",))
    a, b = lesson("A", meetings=(1, 1)), lesson("B", group="G2")
    assert solved(school(a, b, slots=3, constraints=[cap]))[0].status == "infeasible"
    assert solved(school(lesson("A"), b, slots=3, constraints=[cap]))[0].status == "optimal"
