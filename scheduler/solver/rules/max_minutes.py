"""At most N minutes of class a day for some students or groups (``max_minutes_per_day``).

Minutes, not periods: on a block day a 90-minute slot counts 90, on a regular day a 50-minute slot
counts 50. Always hard. Seated students (sections) are held to it in the seating step.
"""

from __future__ import annotations

from scheduler.model.personal import MAX_MINUTES
from scheduler.solver.rules.base import Build
from scheduler.solver.rules.personal_targets import day_indexes, resources, slot_minutes

NAME = MAX_MINUTES


def build(b: Build) -> None:
    grid = b.problem.grid
    minutes = slot_minutes(b)
    for rule in b.data.max_minutes:
        days = day_indexes(b, rule.days)
        for resource in resources(b, rule):
            for d in days:
                lits, coeffs, most = [], [], 0
                for m in resource.meetings:
                    meeting = b.problem.meetings[m]
                    best = 0
                    for t, var in b.vars.starts(m).items():
                        if grid.day_of[t] == d:
                            length = sum(minutes[s] for s in meeting.covers(t))
                            lits.append(var)
                            coeffs.append(length)
                            best = max(best, length)
                    most += best
                if most > rule.max_minutes:
                    b.model.add(
                        sum(k * v for k, v in zip(coeffs, lits, strict=True)) <= rule.max_minutes
                    )
