"""Few idle periods in a person's week: FET's "max gaps per week".

Gaps are counted as in ``max_gaps_per_day`` (teaching slots between the first and last lesson of a
day, not breaks or the person's unavailable slots) and summed over the cycle. For groups the rule
holds for each subgroup. Hard: at most N a week. Soft: ``weight`` points per gap over N.

Encoding (``day_shape``): none at all is "each day's lessons form one block"; otherwise the
per-day gap counts summed, each also at most N.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.day_shape import gap_count, no_gaps

NAME = "max_gaps_per_week"


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        for resource in p.resources_for(c.target):
            if c.hard and c.max_gaps == 0:
                for d in range(p.grid.days):
                    no_gaps(b, resource, d)
                continue
            counted = [gap_count(b, resource, d) for d in range(p.grid.days)]
            counted = [x for x in counted if x is not None]
            most = sum(top for _, top in counted)
            if most <= c.max_gaps:
                continue
            total = sum(gaps for gaps, _ in counted)
            if c.hard:
                b.model.add(total <= c.max_gaps)
            else:
                over = b.excess(total, c.max_gaps, f"wgaps:{c.id}:{resource.id}", most)
                b.penalize(NAME, c.id, c.weight, over)
