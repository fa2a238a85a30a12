"""One lesson before another: the first ends before the second starts (e.g. lecture before lab),
in the order of the cycle, or, with ``if_same_day``, only when they share a day.

Uses the first meeting of each activity. Across the cycle: a linear inequality on the start
indexes. Same day: a start of the first excludes the second's starts on that day before its end.
Soft: one boolean excuses it, costing ``weight`` points.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build

NAME = "ordered"


def build(b: Build) -> None:
    p = b.problem
    grid = p.grid
    for c in b.active(NAME):
        first, second = (p.activity_meetings[a][0] for a in c.activities)
        duration = p.meetings[first].duration
        slack = 0 if c.hard else b.model.new_bool_var(f"{NAME}:{c.id}")
        if c.if_same_day:
            later = b.vars.starts(second)
            for t, x in b.vars.starts(first).items():
                early = [
                    y
                    for s, y in later.items()
                    if grid.day_of[s] == grid.day_of[t] and s < t + duration
                ]
                if early:
                    b.model.add(x + sum(early) <= 1 + slack)
        else:
            gap = b.vars.start_index(second) - b.vars.start_index(first) - duration
            b.model.add(gap >= -grid.size * slack)
        if not c.hard:
            b.penalize(NAME, c.id, c.weight, slack)
