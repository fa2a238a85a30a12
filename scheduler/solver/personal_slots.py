"""Personalized time as slot numbers for the compiler: the hard parts of personal blocks, day
rules and cycle days only forbid times, so they are applied by removing starts (like
unavailability) and the CP-SAT model never sees them. Rule names: ``personal_block``,
``day_rule`` and ``cycle_days`` (checked in ``scheduler.solver.checks.personal``)."""

from __future__ import annotations

from collections import defaultdict

from scheduler.model import SchoolData
from scheduler.model.personal import cycle_day_slots, group_away, personal_away
from scheduler.solver.timegrid import TimeGrid


def personal_off(
    data: SchoolData, grid: TimeGrid
) -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
    """(group -> slots, student -> slots) that personal blocks and day rules take."""
    groups = {g: grid.slots_of(refs) for g, refs in group_away(data).items()}
    students = {s: grid.slots_of(refs) for s, refs in personal_away(data).items()}
    return groups, students


def cycle_forbidden(data: SchoolData, grid: TimeGrid) -> dict[str, set[int]]:
    """Activity -> slots of the cycle days it does not meet on."""
    out: dict[str, set[int]] = defaultdict(set)
    for rule in data.cycle_days:
        slots = grid.slots_of(cycle_day_slots(data.calendar, rule))
        for a in rule.activities:
            out[a] |= slots
    return out
