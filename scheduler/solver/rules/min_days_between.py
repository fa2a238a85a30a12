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
    days = b.problem.grid.days
    for i, j in combinations(meetings, 2):
        close = b.model.new_bool_var(f"{NAME}:{c.id}:{i}-{j}")
        day_i = [b.vars.on_day(i, d) for d in range(days)]
        day_j = [b.vars.on_day(j, d) for d in range(days)]
        for d in range(days):
            if not day_i[d]:
                continue
            for e in range(max(0, d - c.min_days + 1), min(days, d + c.min_days)):
                if day_j[e]:
                    b.model.add(close >= sum(day_i[d]) + sum(day_j[e]) - 1)
        b.penalize(NAME, c.id, c.weight, close)


def _adjacent_if_same_day(b: Build, meetings: tuple[int, ...]) -> None:
    """A start of one meeting rules out the other's starts on that day that do not touch it."""
    grid = b.problem.grid
    for i, j in combinations(meetings, 2):
        di, dj = b.problem.meetings[i].duration, b.problem.meetings[j].duration
        other = b.vars.starts(j)
        for t, x in b.vars.starts(i).items():
            apart = [
                y
                for s, y in other.items()
                if grid.day_of[s] == grid.day_of[t] and s not in (t + di, t - dj)
            ]
            if apart:
                b.model.add(x + sum(apart) <= 1)
