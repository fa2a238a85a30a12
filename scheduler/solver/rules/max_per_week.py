"""No more than N lesson slots over the whole cycle for a teacher, subgroup or student.

Hard from a teacher's ``max_slots_per_week``; hard or soft from ``max_per_week`` rules, where each
slot over the limit costs ``weight`` points.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.load import limit_load

NAME = "max_per_week"


def build(b: Build) -> None:
    p = b.problem
    limits = [
        (f"teacher {t.id}", (r,), t.max_slots_per_week, True, 1)
        for t, r in zip(b.data.teachers, p.teachers, strict=True)
        if t.max_slots_per_week is not None
    ]
    for c in b.active(NAME):
        limits.append((c.id, p.resources_for(c.target), c.max_slots, c.hard, c.weight))
    week = range(p.grid.days)
    for source, resources, limit, hard, weight in limits:
        for resource in resources:
            limit_load(b, NAME, source, resource, week, limit, hard, weight)
