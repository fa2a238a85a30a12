"""Period-based sections meet in the same period (slot id) every day they meet."""

from __future__ import annotations

from collections.abc import Iterator

from scheduler.model import SchoolData
from scheduler.solver.checks.base import violation
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.violation import Violation


def same_slot(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for a in data.activities:
        if not a.same_slot:
            continue
        periods = {occ.slot_id(seat.start) for seat in occ.by_activity.get(a.id, ())}
        if len(periods) > 1:
            yield violation(
                "same_slot",
                f"activity {a.id}",
                True,
                len(periods) - 1,
                1,
                f'activity "{a.id}" meets in different periods: {", ".join(sorted(periods))}',
            )
