"""Daily and weekly caps on lesson slots."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from scheduler.model import SchoolData, Target
from scheduler.solver.checks.base import active, violation
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.violation import Violation


def load(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for rule, field in (
        ("max_per_day", "max_slots_per_day"),
        ("max_per_week", "max_slots_per_week"),
    ):
        limits = [
            (f"teacher {t.id}", Target(kind="teacher", id=t.id), getattr(t, field), True, 1)
            for t in data.teachers
            if getattr(t, field) is not None
        ]
        limits = [(*x, ()) for x in limits]
        limits += [
            (c.id, c.target, c.max_slots, c.hard, c.weight, getattr(c, "activities", ()))
            for c in active(data, rule)
        ]
        for source, target, limit, hard, weight, only in limits:
            for rid, every in occ.resource_seats(target):
                seats = [s for s in every if s.activity.id in only] if only else every
                per_day = Counter()
                for s in seats:
                    per_day[s.day] += len(s.span)
                loads = per_day.values() if rule == "max_per_day" else [sum(per_day.values())]
                over = sum(max(0, n - limit) for n in loads)
                if over:
                    span = "a day" if rule == "max_per_day" else "in the cycle"
                    yield violation(
                        rule,
                        source,
                        hard,
                        over,
                        weight,
                        f'{target.kind} "{rid}" exceeds {limit} slots {span} by {over}',
                    )
