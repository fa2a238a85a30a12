"""Few idle periods between a person's first and last lesson of the day.

A gap is a teaching slot with no lesson that has a lesson earlier and later the same day (breaks,
lunch and the person's own unavailable slots are not gaps, as in FET). For groups the rule holds
for each subgroup. Hard: at most N gaps a day. Soft: ``weight`` points per gap over N on each day.

Encoding: ``before[i]`` >= busy in any slot up to i, ``after[i]`` likewise from i on, and
``gap[i]`` >= before[i-1] + after[i+1] - busy[i] - 1. Only lower bounds are needed: the solver
minimises (soft) or bounds (hard) the gaps, so it never wants these variables higher.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build

NAME = "max_gaps_per_day"


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        for resource in p.resources_for(c.target):
            busy = b.vars.busy(resource)
            for d in range(p.grid.days):
                gaps = day_gaps(b, f"{c.id}:{resource.id}:{d}", resource, busy, d)
                if len(gaps) <= c.max_gaps:
                    continue
                if c.hard:
                    b.model.add(sum(gaps) <= c.max_gaps)
                else:
                    over = b.excess(
                        sum(gaps), c.max_gaps, f"gaps:{c.id}:{resource.id}:{d}", len(gaps)
                    )
                    b.penalize(NAME, c.id, c.weight, over)


def day_gaps(b: Build, name: str, resource, busy: dict, d: int) -> list:
    """Gap indicators of one person's day; slots the person is away in are skipped."""
    slots = b.problem.grid.teaching_slots_of_day(d)
    return _gaps(b, name, [busy.get(s) for s in slots if s not in resource.unavailable])


def _gaps(b: Build, name: str, busy: list) -> list:
    """Gap indicator variables for interior slots that could be idle between two lessons."""
    m = b.model
    n = len(busy)
    used = [i for i, x in enumerate(busy) if x is not None]
    if len(used) < 2:
        return []
    first, last = used[0], used[-1]
    before: dict[int, object] = {}
    prev = None
    for i in range(first, last):
        if busy[i] is None:
            before[i] = prev
            continue
        var = m.new_bool_var(f"before:{name}:{i}")
        m.add(var >= busy[i])
        if prev is not None:
            m.add(var >= prev)
        before[i] = prev = var
    after: dict[int, object] = {}
    nxt = None
    for i in range(last, first, -1):
        if busy[i] is None:
            after[i] = nxt
            continue
        var = m.new_bool_var(f"after:{name}:{i}")
        m.add(var >= busy[i])
        if nxt is not None:
            m.add(var >= nxt)
        after[i] = nxt = var
    gaps = []
    for i in range(first + 1, last):
        left, right = before.get(i - 1), after.get(i + 1)
        if left is None or right is None or n == 0:
            continue
        gap = m.new_bool_var(f"gap:{name}:{i}")
        own = busy[i] if busy[i] is not None else 0
        m.add(gap >= left + right - own - 1)
        gaps.append(gap)
    return gaps
