"""Lessons on the same day kept apart: any two of these activities on one day have at least N
slots between them (FET's "min gaps between activities").

Hard: a start of one excludes the starts of another that come too close on its day. Soft: one
boolean per pair excuses that pair, costing ``weight`` points.
"""

from __future__ import annotations

from itertools import combinations

from scheduler.solver.rules.base import Build

NAME = "min_gaps_between"


def build(b: Build) -> None:
    p = b.problem
    grid = p.grid
    for c in b.active(NAME):
        meetings = sorted({m for a in c.activities for m in p.activity_meetings[a]})
        for m, n in combinations(meetings, 2):
            dm, dn = p.meetings[m].duration, p.meetings[n].duration
            other = b.vars.starts(n)
            slack = 0 if c.hard else b.model.new_bool_var(f"{NAME}:{c.id}:{m}-{n}")
            for t, x in b.vars.starts(m).items():
                close = [
                    y
                    for s, y in other.items()
                    if grid.day_of[s] == grid.day_of[t]
                    and t - dn - c.min_gaps < s < t + dm + c.min_gaps
                ]
                if close:
                    b.model.add(x + sum(close) <= 1 + slack)
            if not c.hard:
                b.penalize(NAME, c.id, c.weight, slack)
