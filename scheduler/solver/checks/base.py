"""Small helpers every check module shares."""

from __future__ import annotations

from scheduler.model import SchoolData
from scheduler.solver.occupancy import Seat
from scheduler.solver.violation import Violation


def violation(rule, source, hard, count, weight, message, slot: str = "") -> Violation:
    """A violation; soft ones cost ``weight`` per count, hard ones are counted, not priced."""
    return Violation(rule, source, hard, count, 0 if hard else count * weight, message, slot)


def names(seats: list[Seat]) -> str:
    return " and ".join(f'"{s.activity.id}"' for s in seats)


def active(data: SchoolData, kind: str):
    return [c for c in data.constraints if c.kind == kind and c.active]
