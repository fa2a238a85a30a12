"""Lessons kept close together in the week: any two of these activities at most N days apart
(FET's "max days between activities").

Each meeting's day is a linear expression of its start literals; every pair is bounded both ways.
Soft: ``weight`` points per pair further apart (one boolean per pair relaxes its bounds).
"""

from __future__ import annotations

from itertools import combinations

from ortools.sat.python import cp_model

from scheduler.solver.rules.base import Build

NAME = "max_days_between"


def build(b: Build) -> None:
    p = b.problem
    grid = p.grid
    for c in b.active(NAME):
        meetings = sorted({m for a in c.activities for m in p.activity_meetings[a]})
        day = {
            m: cp_model.LinearExpr.weighted_sum(
                list(b.vars.starts(m).values()), [grid.day_of[t] for t in b.vars.starts(m)]
            )
            for m in meetings
        }
        for m, n in combinations(meetings, 2):
            slack = 0 if c.hard else b.model.new_bool_var(f"{NAME}:{c.id}:{m}-{n}")
            room = c.max_days + grid.days * slack
            b.model.add(day[m] - day[n] <= room)
            b.model.add(day[n] - day[m] <= room)
            if not c.hard:
                b.penalize(NAME, c.id, c.weight, slack)
