"""Lessons that start together: same slot (parallel option blocks), same day, or same period of
the day (FET's "activities same starting time / day / hour").

Meeting k of every listed activity is matched with meeting k of the first one. Hard: for each
slot (day, period) the "starts there" sums are equal. Soft: ``weight`` points per activity whose
start does not match the first one's.
"""

from __future__ import annotations

from collections import defaultdict

from scheduler.solver.rules.base import Build

NAME = "same_start"


def _key(b: Build, part: str):
    grid = b.problem.grid
    if part == "day":
        return grid.day_of
    if part == "period":
        return grid.index_in_day
    return range(grid.size)


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        key = _key(b, c.part)
        lists = [p.activity_meetings[a] for a in c.activities]
        for k in range(min(len(ms) for ms in lists)):
            first, *others = (ms[k] for ms in lists)
            anchor = _by_key(b, first, key)
            for m in others:
                mine = _by_key(b, m, key)
                keys = anchor.keys() | mine.keys()
                if c.hard:
                    for v in keys:
                        b.model.add(sum(anchor.get(v, [])) == sum(mine.get(v, [])))
                    continue
                apart = b.model.new_bool_var(f"{NAME}:{c.id}:{m}")
                for v in keys:
                    b.model.add(apart >= sum(anchor.get(v, [])) - sum(mine.get(v, [])))
                b.penalize(NAME, c.id, c.weight, apart)


def _by_key(b: Build, m: int, key) -> dict[int, list]:
    out: dict[int, list] = defaultdict(list)
    for t, var in b.vars.starts(m).items():
        out[key[t]].append(var)
    return out
