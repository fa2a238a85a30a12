"""Idle periods between the first and last lesson of a day (breaks and a person's own unavailable
slots are not idle), limited per day or per week."""

from __future__ import annotations

from collections.abc import Iterator

from scheduler.model import SchoolData
from scheduler.solver.checks.base import active, violation
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.violation import Violation


def day_gaps(occ: Occupancy, kind: str, rid: str, seats) -> dict[int, int]:
    """Gaps of one person on each day with lessons."""
    away = occ.away(kind, rid)
    out = {}
    for d, busy in occ.busy_by_day(seats).items():
        teaching = [t for t in occ.teaching_slots(d) if t not in away]
        used = [i for i, t in enumerate(teaching) if t in busy]
        out[d] = 0 if len(used) < 2 else used[-1] - used[0] + 1 - len(used)
    return out


def gaps(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c in active(data, "max_gaps_per_week"):
        for rid, seats in occ.resource_seats(c.target):
            over = max(0, sum(day_gaps(occ, c.target.kind, rid, seats).values()) - c.max_gaps)
            if over:
                yield violation(
                    "max_gaps_per_week",
                    c.id,
                    c.hard,
                    over,
                    c.weight,
                    f'{c.target.kind} "{rid}" has {over} gap(s) over the {c.max_gaps} '
                    "allowed per week",
                )
    for c in active(data, "max_gaps_per_day"):
        for rid, seats in occ.resource_seats(c.target):
            per_day = day_gaps(occ, c.target.kind, rid, seats).values()
            over = sum(max(0, n - c.max_gaps) for n in per_day)
            if over:
                yield violation(
                    "max_gaps_per_day",
                    c.id,
                    c.hard,
                    over,
                    c.weight,
                    f'{c.target.kind} "{rid}" has {over} gap(s) over the {c.max_gaps} '
                    "allowed per day",
                )
