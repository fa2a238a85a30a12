"""Few idle periods in a person's week: FET's "max gaps per week".

Gaps are counted as in ``max_gaps_per_day`` (teaching slots between the first and last lesson of a
day, not breaks or the person's unavailable slots) and summed over the cycle. For groups the rule
holds for each subgroup. Hard: at most N a week. Soft: ``weight`` points per gap over N.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.max_gaps_per_day import day_gaps

NAME = "max_gaps_per_week"


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        for resource in p.resources_for(c.target):
            busy = b.vars.busy(resource)
            gaps = [
                g
                for d in range(p.grid.days)
                for g in day_gaps(b, f"{c.id}:{resource.id}:{d}", resource, busy, d)
            ]
            if len(gaps) <= c.max_gaps:
                continue
            if c.hard:
                b.model.add(sum(gaps) <= c.max_gaps)
            else:
                over = b.excess(sum(gaps), c.max_gaps, f"wgaps:{c.id}:{resource.id}", len(gaps))
                b.penalize(NAME, c.id, c.weight, over)
