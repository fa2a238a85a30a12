"""The hard rules ``construct`` keeps while placing, beyond double-booking: the shape of people's
days (gaps, early starts, lessons a day, days a week, slots in a row) and rooms."""

import numpy as np
import pytest

from scheduler.model import (
    Consecutive,
    EndsDay,
    MaxContinuous,
    MaxDaysPerWeek,
    MaxGapsPerWeek,
    MinDaysBetween,
    MinPerDay,
    Room,
    SameStart,
    SlotRef,
    Solution,
    StartsEarly,
    Target,
)
from scheduler.solver.check import check
from scheduler.solver.compile import compile_problem
from scheduler.solver.construct import construct
from scheduler.solver.construct_shape import Shapes
from scheduler.solver.stages.timetable import placements
from tests.solver.school import lesson, school

G1 = Target(kind="group", id="G1")
T1 = Target(kind="teacher", id="T1")


def _hard(data, seed: int) -> dict[str, tuple[int, int]]:
    problem = compile_problem(data)
    made = construct(problem, time_limit_s=5, seed=seed)
    assert made.complete
    rooms = {}
    for m, meeting in enumerate(problem.meetings):
        if len(meeting.rooms) == 1:
            rooms[m] = meeting.rooms[0]
    report = check(data, Solution(placements=placements(problem, made.starts, rooms)))
    return report.by_rule(hard=True)


@pytest.mark.parametrize("seed", range(4))
def test_a_group_without_gaps_that_starts_early_gets_each_day_as_a_prefix(seed):
    """Two lessons on one day of five periods: only P1-P2 keeps both rules."""
    data = school(
        lesson("A"),
        lesson("B", teacher="T2"),
        slots=5,
        constraints=(
            MaxGapsPerWeek(id="g", target=G1, max_gaps=0),
            StartsEarly(id="e", target=G1, max_late_days=0),
        ),
    )
    assert _hard(data, seed) == {}


@pytest.mark.parametrize("seed", range(4))
def test_lessons_a_day_days_a_week_and_slots_in_a_row_hold(seed):
    """T1 teaches four single lessons on at most two of three days, at least two on a day it
    teaches, never three in a row."""
    acts = [lesson(f"A{k}", group=f"G{k}") for k in range(4)]
    data = school(
        *acts,
        days=3,
        slots=4,
        constraints=(
            MaxDaysPerWeek(id="d", target=T1, max_days=2),
            MinPerDay(id="m", target=T1, min_slots=2),
            MaxContinuous(id="c", target=T1, max_slots=1),
        ),
    )
    assert _hard(data, seed) == {}


@pytest.mark.parametrize("seed", range(4))
def test_meetings_with_one_room_never_share_it(seed):
    rooms = (Room(id="R1"), Room(id="R2"))
    data = school(
        lesson("A", group="G1", rooms=("R1",)),
        lesson("B", teacher="T2", group="G2", rooms=("R1",)),
        slots=2,
        rooms=rooms,
    )
    problem = compile_problem(data)
    made = construct(problem, time_limit_s=5, seed=seed)
    assert made.complete and made.starts[0] != made.starts[1]


@pytest.mark.parametrize("seed", range(4))
def test_a_set_of_rooms_holds_no_more_meetings_than_its_free_rooms(seed):
    """Three lessons can use R1 or R2, but R2 is closed at P1: only one fits there."""
    rooms = (Room(id="R1"), Room(id="R2", unavailable=(SlotRef(day="Mon", slot="P1"),)))
    data = school(
        *(lesson(f"A{k}", teacher=f"T{k}", group=f"G{k}", rooms=("R1", "R2")) for k in range(3)),
        slots=2,
        rooms=rooms,
    )
    problem = compile_problem(data)
    made = construct(problem, time_limit_s=5, seed=seed)
    assert made.complete
    assert sorted(made.starts.values()) == [0, 1, 1]


def test_the_excess_counts_what_a_partial_week_still_needs():
    """A group with 0 gaps that starts early and has two lessons: one lesson at P4 needs P1-P3
    filled, two more lessons than it has."""
    data = school(
        lesson("A"),
        lesson("B", teacher="T2"),
        slots=5,
        constraints=(
            MaxGapsPerWeek(id="g", target=G1, max_gaps=0),
            StartsEarly(id="e", target=G1, max_late_days=0),
        ),
    )
    problem = compile_problem(data)
    row_of = {frozenset(r.meetings): k for k, r in enumerate(problem.leaves)}
    shapes = Shapes(problem, row_of, len(row_of), problem.grid.size + 1, [0, 1])
    ids = np.full((3, problem.grid.size + 1), -1)
    ids[1, 3] = 0
    ids[2, 0] = ids[2, 1] = 0
    assert list(shapes.excess(np.asarray([0]), ids[None])[0]) == [0, 2, 0]


@pytest.mark.parametrize("seed", range(4))
def test_consecutive_and_same_day_pairs_hold(seed):
    """B directly after A (a break between them is fine); C on the same day as A."""
    data = school(
        lesson("A"),
        lesson("B", teacher="T2", group="G2"),
        lesson("C", teacher="T3", group="G3"),
        days=3,
        slots=4,
        break_after=2,
        constraints=(
            Consecutive(id="c", activities=("A", "B")),
            SameStart(id="s", activities=("A", "C"), part="day"),
        ),
    )
    assert _hard(data, seed) == {}


@pytest.mark.parametrize("seed", range(4))
def test_a_lesson_that_ends_the_day_comes_after_the_groups_other_lessons(seed):
    data = school(
        lesson("A"),
        lesson("B", teacher="T2"),
        lesson("C", teacher="T3"),
        slots=4,
        constraints=(EndsDay(id="e", activities=("A",)),),
    )
    assert _hard(data, seed) == {}


def _soft_penalty(data, seed: int) -> int:
    problem = compile_problem(data)
    made = construct(problem, time_limit_s=5, seed=seed)
    assert made.complete
    report = check(data, Solution(placements=placements(problem, made.starts, {})))
    assert report.hard_violations == 0
    return report.soft_penalty


def _full_week_of_split_lessons():
    """One class, three days of three periods, three subjects of three lessons each: the week is
    full, so each subject on three different days needs lessons moved out of the way."""
    acts = [lesson(a, teacher=f"T{a}", meetings=(1, 1, 1)) for a in "ABC"]
    rules = tuple(
        MinDaysBetween(id=f"spread-{a}", activities=(a,), min_days=1, hard=False, weight=95)
        for a in "ABC"
    )
    return school(*acts, days=3, slots=3, constraints=rules)


@pytest.mark.parametrize("seed", range(4))
def test_soft_min_days_rules_spread_a_full_week(seed):
    assert _soft_penalty(_full_week_of_split_lessons(), seed) == 0


def test_without_their_cost_soft_min_days_rules_are_broken(monkeypatch):
    """The test above can fail: placed without the soft cost, lessons pile up on days."""
    monkeypatch.setattr("scheduler.solver.construct.SOFT_CLOSE", 0.0)
    data = _full_week_of_split_lessons()
    assert any(_soft_penalty(data, seed) > 0 for seed in range(4))
