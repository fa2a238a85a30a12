"""Lessons stay out of slots that people, groups and rooms are unavailable in (hard or soft)."""

from __future__ import annotations

from collections.abc import Iterator

from scheduler.model import SchoolData, SlotRef, Target
from scheduler.solver.checks.base import active, violation
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.violation import Violation


def availability(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    rules: list[tuple[str, Target, tuple[SlotRef, ...], bool, int]] = []
    for kind, items in (
        ("teacher", data.teachers),
        ("group", data.groups),
        ("student", data.students),
        ("room", data.rooms),
    ):
        for item in items:
            if item.unavailable:
                rules.append(
                    (f"{kind} {item.id}", Target(kind=kind, id=item.id), item.unavailable, True, 1)
                )
    for c in active(data, "availability"):
        rules.append((c.id, c.target, c.slots, c.hard, c.weight))
    for source, target, refs, hard, weight in rules:
        slots = occ.slots_of(refs)
        count = sum(len(slots.intersection(s.span)) for s in occ.target_seats(target))
        if count:
            yield violation(
                "availability",
                source,
                hard,
                count,
                weight,
                f"{target} has {count} lesson slot(s) at times marked unavailable",
            )
