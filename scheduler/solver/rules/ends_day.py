"""A lesson that closes the day for its students (FET's "activity ends students day").

For each subgroup of the activity: once the lesson has started at t, that subgroup is free in every
later slot of the day. Stated per later slot as "started by then" + "busy then" <= 1. Soft: one
boolean per meeting and subgroup excuses it, costing ``weight`` points.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build

NAME = "ends_day"


def build(b: Build) -> None:
    p = b.problem
    grid = p.grid
    for c in b.active(NAME):
        for a in dict.fromkeys(c.activities):
            activity = p.data.activity_by_id[a]
            leaves = set(p.data.leaf_groups(activity.groups))
            resources = [r for r in p.leaves if r.id in leaves]
            for m in p.activity_meetings[a]:
                starts = b.vars.starts(m)
                duration = p.meetings[m].duration
                for r in resources:
                    busy = b.vars.busy(r)
                    slack = 0 if c.hard else b.model.new_bool_var(f"{NAME}:{c.id}:{m}:{r.id}")
                    for day in grid.day_ranges:
                        for s in day:
                            if s not in busy:
                                continue
                            done = [x for t, x in starts.items() if t in day and t + duration <= s]
                            if done:
                                b.model.add(sum(done) + busy[s] <= 1 + slack)
                    if not c.hard:
                        b.penalize(NAME, c.id, c.weight, slack)
