"""Few idle periods between a person's first and last lesson of the day.

A gap is a teaching slot with no lesson that has a lesson earlier and later the same day (breaks,
lunch and the person's own unavailable slots are not gaps, as in FET). For groups the rule holds
for each subgroup. Hard: at most N gaps a day. Soft: ``weight`` points per gap over N on each day.

Encoding (``day_shape``): no gaps at all is "the day's lessons form one block"; otherwise a gap
count per day, order-encoded through the first and last lesson of the day.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.day_shape import gap_count, no_gaps

NAME = "max_gaps_per_day"


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        for resource in p.resources_for(c.target):
            for d in range(p.grid.days):
                if c.hard and c.max_gaps == 0:
                    no_gaps(b, resource, d)
                    continue
                counted = gap_count(b, resource, d)
                if counted is None or counted[1] <= c.max_gaps:
                    continue
                gaps, most = counted
                if c.hard:
                    b.model.add(gaps <= c.max_gaps)
                else:
                    over = b.excess(gaps, c.max_gaps, f"gaps:{c.id}:{resource.id}:{d}", most)
                    b.penalize(NAME, c.id, c.weight, over)
