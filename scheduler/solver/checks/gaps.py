"""Idle periods between the first and last lesson of a day."""

from __future__ import annotations

from collections.abc import Iterator

from scheduler.model import SchoolData
from scheduler.solver.checks.base import active, violation
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.violation import Violation


def gaps(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c in active(data, "max_gaps_per_day"):
        for rid, seats in occ.resource_seats(c.target):
            over = 0
            for d, busy in occ.busy_by_day(seats).items():
                teaching = occ.teaching_slots(d)
                used = [i for i, t in enumerate(teaching) if t in busy]
                if len(used) < 2:
                    continue
                gaps = sum(1 for t in teaching[used[0] : used[-1] + 1] if t not in busy)
                over += max(0, gaps - c.max_gaps)
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
