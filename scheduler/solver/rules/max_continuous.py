"""No long stretch without a pause: at most N lesson slots in a row (FET's "max hours
continuously"); a free slot or a break ends a stretch.

Optionally only some activities count (FET's activity-tag variants). Hard: every window of N+1
consecutive slots of a day holds at most N busy ones. Soft: ``weight`` points per such window
that is fully busy (a stretch of N+k costs k).
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.days import only

NAME = "max_continuous"


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        width = c.max_slots + 1
        for resource in p.resources_for(c.target):
            busy = b.vars.busy(only(b, resource, c.activities))
            for d, day in enumerate(p.grid.day_ranges):
                for first in range(day.start, day.stop - width + 1):
                    window = range(first, first + width)
                    if not all(t in busy for t in window):
                        continue
                    amount = sum(busy[t] for t in window)
                    if c.hard:
                        b.model.add(amount <= c.max_slots)
                    else:
                        name = f"{NAME}:{c.id}:{resource.id}:{d}:{first}"
                        b.penalize(NAME, c.id, c.weight, b.excess(amount, c.max_slots, name, width))
