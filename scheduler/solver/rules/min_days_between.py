"""Meetings of a course are spread over the week: at least N days between any two of them.

Hard from an activity's ``min_days_between`` and from hard rules: every window of N consecutive
days holds at most one of the meetings. Soft rules cost ``weight`` points per pair of meetings
that fall fewer than N days apart; with ``consecutive_if_same_day`` (FET's default when splitting
a lesson), two of them that do share a day must then be back to back.
"""

from __future__ import annotations

from itertools import combinations

from scheduler.solver.rules.base import Build

NAME = "min_days_between"


def build(b: Build) -> None:
    p = b.problem
    for activity in p.activities:
        meetings = p.activity_meetings[activity.id]
        if activity.min_days_between and len(meetings) > 1:
            _hard(b, meetings, activity.min_days_between)
    for c in b.active(NAME):
        meetings = tuple(m for a in c.activities for m in p.activity_meetings[a])
        if len(meetings) < 2:
            continue
        if c.hard:
            _hard(b, meetings, c.min_days)
        else:
            _soft(b, c, meetings)
            if c.consecutive_if_same_day:
                _adjacent_if_same_day(b, meetings)


def _hard(b: Build, meetings: tuple[int, ...], min_days: int) -> None:
    days = b.problem.grid.days
    for first in range(days):
        window = range(first, min(days, first + min_days))
        lits = [lit for m in meetings for d in window for lit in b.vars.on_day(m, d)]
        if len(lits) > 1:
            b.model.add_at_most_one(lits)
        if first + min_days >= days:
            break


def _soft(b: Build, c, meetings: tuple[int, ...]) -> None:
    """One indicator per pair, bounded below once per day of the first meeting: on day d, it is
    1 when the other meeting falls within ``min_days - 1`` days of d (at most one day is true)."""
    days = b.problem.grid.days
    used = {m: [bool(lits) for lits in b.vars.by_day(m)] for m in meetings}
    for i, j in combinations(meetings, 2):
        close = b.model.new_bool_var(f"{NAME}:{c.id}:{i}-{j}")
        for d in range(days):
            if not used[i][d]:
                continue
            near = range(max(0, d - c.min_days + 1), min(days, d + c.min_days))
            other = [b.vars.day_sum(j, e) for e in near if used[j][e]]
            if other:
                b.model.add(close >= b.vars.day_sum(i, d) + sum(other) - 1)
        b.penalize(NAME, c.id, c.weight, close)


def _adjacent_if_same_day(b: Build, meetings: tuple[int, ...]) -> None:
    """Two of the meetings on one day start where the other ends. Small domains: a start of one
    rules out the other's starts that day that do not touch it. Large ones (a pair with hundreds
    of start combinations): a same-day indicator and, when it is set, the two start indices one
    duration apart, in one order or the other; far fewer constraints for the same rule."""
    grid = b.problem.grid
    days = grid.days
    for i, j in combinations(meetings, 2):
        di, dj = b.problem.meetings[i].duration, b.problem.meetings[j].duration
        mine, other = b.vars.starts(i), b.vars.starts(j)
        if len(mine) * len(other) > COMPACT_ABOVE:
            _adjacent_compact(b, i, j, di, dj, days)
            continue
        for t, x in mine.items():
            apart = [
                y
                for s, y in other.items()
                if grid.day_of[s] == grid.day_of[t] and s not in (t + di, t - dj)
            ]
            if apart:
                b.model.add(x + sum(apart) <= 1)


COMPACT_ABOVE = 256


def _adjacent_compact(b: Build, i: int, j: int, di: int, dj: int, days: int) -> None:
    same = b.model.new_bool_var(f"same_day:{i}-{j}")
    for d in range(days):
        if b.vars.on_day(i, d) and b.vars.on_day(j, d):
            b.model.add(same >= b.vars.day_sum(i, d) + b.vars.day_sum(j, d) - 1)
    j_after = b.model.new_bool_var(f"after:{i}-{j}")
    start_i, start_j = b.vars.start_var(i), b.vars.start_var(j)
    b.model.add(start_j == start_i + di).only_enforce_if(same, j_after)
    b.model.add(start_i == start_j + dj).only_enforce_if(same, ~j_after)
