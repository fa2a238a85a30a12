"""Preferred rooms: hard ones narrow the choice, soft ones are scored in the room step."""

from __future__ import annotations

from scheduler.model import PreferredRooms, Room
from tests.solver.rules.pins import at
from tests.solver.school import lesson, school, solved

ROOMS = (Room(id="R1", capacity=30), Room(id="R2", capacity=30))


def rooms_of(result) -> dict[str, str | None]:
    return {p.activity: p.room for p in result.solution.placements}


def test_soft_preference_is_met_when_it_can_be_and_costs_weight_when_not():
    rule = PreferredRooms(id="p", activities=("A", "B"), rooms=("R2",), hard=False, weight=5)
    a = lesson("A", pins=(at("Mon", 1),))
    alone = rule.model_copy(update={"activities": ("A",)})
    result, _ = solved(school(a, rooms=ROOMS, constraints=[alone]))
    assert rooms_of(result) == {"A": "R2"} and result.objective == 0
    b = lesson("B", teacher="T2", group="G2", pins=(at("Mon", 1),))
    result, report = solved(school(a, b, rooms=ROOMS, constraints=[rule]))
    assert result.objective == 5 and report.by_rule(hard=False) == {"preferred_rooms": (1, 5)}


def test_a_lesson_needing_no_room_takes_a_preferred_one_and_hard_rules_narrow():
    rule = PreferredRooms(id="p", activities=("A",), rooms=("R2",), hard=False, weight=5)
    free = lesson("A", needs_room=False)
    result, _ = solved(school(free, rooms=ROOMS, constraints=[rule]))
    assert rooms_of(result) == {"A": "R2"} and result.objective == 0
    hard = PreferredRooms(id="h", activities=("A",), rooms=("R1",))
    result, _ = solved(school(lesson("A"), rooms=ROOMS, constraints=[hard]))
    assert rooms_of(result) == {"A": "R1"}
