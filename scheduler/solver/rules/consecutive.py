"""Lessons back to back on one day: in order (FET's "two activities consecutive") or in any
order (FET's "two/three activities grouped"). A break between them does not separate them, as in
FET: "back to back" skips break and lunch slots.

Uses the first meeting of each activity. In order: when one starts at t, the next starts where it
ends. Any order: each one starts where another ends or ends where another starts, and no two
overlap. Soft: one boolean excuses all of these, costing ``weight`` points.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from scheduler.solver.rules.base import Build

NAME = "consecutive"


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        meetings = [p.activity_meetings[a][0] for a in c.activities if p.activity_meetings[a]]
        if len(meetings) < 2:
            continue
        slack = 0 if c.hard else b.model.new_bool_var(f"{NAME}:{c.id}")
        if c.ordered:
            for m, n in itertools.pairwise(meetings):
                for t, x in b.vars.starts(m).items():
                    _implies(b, x, [_start(b, n, _after(b, m, t))], slack)
        else:
            for m in meetings:
                others = [n for n in meetings if n != m]
                for t, x in b.vars.starts(m).items():
                    nxt = [_start(b, n, _after(b, m, t)) for n in others]
                    prev = [_start(b, n, _before(b, n, t)) for n in others]
                    _implies(b, x, nxt + prev, slack)
            _no_overlap(b, meetings, slack)
        if not c.hard:
            b.penalize(NAME, c.id, c.weight, slack)


def _after(b: Build, m: int, t: int) -> int | None:
    """The first teaching slot after meeting ``m`` started at ``t``, when the same day."""
    grid = b.problem.grid
    end = t + b.problem.meetings[m].duration
    while end < grid.size and grid.day_of[end] == grid.day_of[t] and not grid.teaching[end]:
        end += 1
    return end if end < grid.size and grid.day_of[end] == grid.day_of[t] else None


def _before(b: Build, n: int, t: int) -> int | None:
    """Where meeting ``n`` must start to end right before ``t`` (breaks between allowed), when
    the same day."""
    grid = b.problem.grid
    end = t
    while end > 0 and grid.day_of[end - 1] == grid.day_of[t] and not grid.teaching[end - 1]:
        end -= 1
    start = end - b.problem.meetings[n].duration
    return start if start >= 0 and grid.day_of[start] == grid.day_of[t] else None


def _start(b: Build, m: int, t: int | None):
    return None if t is None else b.vars.starts(m).get(t)


def _implies(b: Build, x, options: list, slack) -> None:
    options = [o for o in options if o is not None]
    b.model.add(x <= sum(options) + slack)


def _no_overlap(b: Build, meetings: list[int], slack) -> None:
    by_slot: dict[int, list] = defaultdict(list)
    for m in meetings:
        for s in b.vars.occupied_slots(m):
            by_slot[s].extend(b.vars.covering(m, s))
    for lits in by_slot.values():
        if len(lits) > 1:
            b.model.add(sum(lits) <= 1 + slack)
