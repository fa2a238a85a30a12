"""No more than N lesson slots a day for a teacher, each subgroup of a group, or a student.

Hard from a teacher's ``max_slots_per_day``; hard or soft from ``max_per_day`` rules, where each
slot over the limit on a day costs ``weight`` points. A rule may count only some activities (FET's
activity-tag variants).
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.days import only
from scheduler.solver.rules.load import limit_load

NAME = "max_per_day"


def build(b: Build) -> None:
    p = b.problem
    limits = [
        (f"teacher {t.id}", (r,), t.max_slots_per_day, True, 1)
        for t, r in zip(b.data.teachers, p.teachers, strict=True)
        if t.max_slots_per_day is not None
    ]
    for c in b.active(NAME):
        resources = tuple(only(b, r, c.activities) for r in p.resources_for(c.target))
        limits.append((c.id, resources, c.max_slots, c.hard, c.weight))
    for source, resources, limit, hard, weight in limits:
        for resource in resources:
            for d in range(p.grid.days):
                limit_load(b, NAME, source, resource, range(d, d + 1), limit, hard, weight)
