"""A part of the day (e.g. afternoons) used on few days: FET's "interval max days per week".

A day counts when the person (for groups: each subgroup) has a lesson in any slot from position
``first_slot`` up to ``end_slot`` of the day. Hard: at most N such days. Soft: ``weight`` points
per day over N.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.days import any_of

NAME = "interval_max_days"


def build(b: Build) -> None:
    p = b.problem
    grid = p.grid
    for c in b.active(NAME):
        for resource in p.resources_for(c.target):
            busy = b.vars.busy(resource)
            days = []
            for d, day in enumerate(grid.day_ranges):
                inside = [
                    busy[t]
                    for t in day
                    if t in busy
                    and grid.index_in_day[t] >= c.first_slot
                    and (c.end_slot is None or grid.index_in_day[t] < c.end_slot)
                ]
                used = any_of(b, inside, f"{NAME}:{c.id}:{resource.id}@{d}")
                if used is not None:
                    days.append(used)
            if len(days) <= c.max_days:
                continue
            if c.hard:
                b.model.add(sum(days) <= c.max_days)
            else:
                over = b.excess(sum(days), c.max_days, f"{NAME}:{c.id}:{resource.id}", len(days))
                b.penalize(NAME, c.id, c.weight, over)
