"""The repair stage: the timetable model as a solve builds it, plus a cost for every meeting that
leaves the time it had in an earlier timetable, so CP-SAT finds the nearest timetable the edited
rules allow.

Meetings of one activity with the same length are interchangeable (the model orders them), so
what is kept is counted per activity: for each earlier start, whether some meeting of that
activity and length still starts there. Pinned meetings need nothing here: the compiled problem
already gives them only their pinned start.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from scheduler.model import Solution
from scheduler.solver.compile import Problem
from scheduler.solver.rules.base import Build

RULE = "repair_changes"
"""Objective term name; not a school rule, so it never reaches the checker or reports."""


def earlier_starts(problem: Problem, previous: Solution) -> dict[tuple[str, int], list[int]]:
    """(activity, duration) -> the slots its meetings of that length started at before."""
    out: dict[tuple[str, int], list[int]] = defaultdict(list)
    for meeting in problem.meetings:
        activity = problem.activities[meeting.activity]
        placement = previous.placement(activity.id, meeting.number)
        if placement is None:
            continue
        t = problem.grid.slot((placement.day, placement.slot))
        if t is not None:
            out[(activity.id, meeting.duration)].append(t)
    return dict(out)


def groups(problem: Problem) -> dict[tuple[str, int], list[int]]:
    """(activity, duration) -> its meetings of that length."""
    out: dict[tuple[str, int], list[int]] = defaultdict(list)
    for m, meeting in enumerate(problem.meetings):
        out[(problem.activities[meeting.activity].id, meeting.duration)].append(m)
    return dict(out)


def change_costs(problem: Problem, previous: Solution, weight: int) -> Callable[[Build], None]:
    """Terms that cost ``weight`` for each meeting not at one of its activity's earlier starts."""
    before = earlier_starts(problem, previous)
    meetings = groups(problem)

    def add(build: Build) -> None:
        for key, starts in sorted(before.items()):
            group = meetings[key]
            kept = []
            for t in sorted(set(starts)):
                kept += [build.vars.starts(m)[t] for m in group if t in build.vars.starts(m)]
            if not kept:
                continue  # nothing can stay: a constant, left out of the objective
            build.penalize(RULE, key[0], weight, min(len(group), len(set(starts))) - sum(kept))

    return add


def earlier_rooms(problem: Problem, previous: Solution, starts: dict[int, int]) -> dict[int, int]:
    """Meeting -> its earlier room, matched by activity, length and start (not by number)."""
    index = {r: k for k, r in enumerate(problem.room_ids)}
    where: dict[tuple[str, int], int] = {}
    for placement in previous.placements:
        t = problem.grid.slot((placement.day, placement.slot))
        if t is not None and placement.room in index:
            where[(placement.activity, t)] = index[placement.room]
    out = {}
    for m, t in starts.items():
        key = (problem.activities[problem.meetings[m].activity].id, t)
        if key in where:
            out[m] = where[key]
    return out


def neighbours(problem: Problem, meetings: set[int]) -> set[int]:
    """Meetings that share a teacher, an indivisible group or a student with any of these."""
    out: set[int] = set()
    for resource in (*problem.teachers, *problem.leaves, *problem.students):
        if not meetings.isdisjoint(resource.meetings):
            out.update(resource.meetings)
    return out
