"""Preferred and forbidden times of activities."""

from __future__ import annotations

from collections.abc import Iterator

from scheduler.model import SchoolData
from scheduler.solver.checks.base import active, names, violation
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.violation import Violation


def times(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c in active(data, "preferred_times"):
        slots = occ.slots_of(c.slots)
        bad = [
            s
            for a in c.activities
            for s in occ.by_activity.get(a, ())
            if not ((s.start in slots) if c.starts_only else slots.issuperset(s.span))
        ]
        if bad:
            yield violation(
                "preferred_times",
                c.id,
                c.hard,
                len(bad),
                c.weight,
                f"{len(bad)} meeting(s) of {names(bad)} outside their preferred times",
            )
    for c in active(data, "forbidden_times"):
        slots = occ.slots_of(c.slots)
        bad = [
            s
            for a in c.activities
            for s in occ.by_activity.get(a, ())
            if slots.intersection(s.span)
        ]
        if bad:
            yield violation(
                "forbidden_times",
                c.id,
                c.hard,
                len(bad),
                c.weight,
                f"{len(bad)} meeting(s) of {names(bad)} in forbidden times",
            )
