"""Meetings of a course are spread over days."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from scheduler.model import SchoolData
from scheduler.solver.checks.base import active, violation
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.violation import Violation


def min_days(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    rules = [
        (f"activity {a.id}", (a.id,), a.min_days_between, True, 1)
        for a in data.activities
        if a.min_days_between
    ]
    rules += [
        (c.id, c.activities, c.min_days, c.hard, c.weight) for c in active(data, "min_days_between")
    ]
    for c in active(data, "min_days_between"):
        if c.hard or not c.consecutive_if_same_day:
            continue
        seats = [s for a in c.activities for s in occ.by_activity.get(a, ())]
        apart = sum(
            1
            for x, y in combinations(seats, 2)
            if x.day == y.day and x.span.stop != y.start and y.span.stop != x.start
        )
        if apart:
            yield violation(
                "min_days_between",
                c.id,
                True,
                apart,
                1,
                f"{apart} pair(s) of meetings of {', '.join(c.activities)} share a day without "
                "being back to back",
            )
    for source, activities, min_days, hard, weight in rules:
        seats = [s for a in activities for s in occ.by_activity.get(a, ())]
        close = sum(1 for x, y in combinations(seats, 2) if abs(x.day - y.day) < min_days)
        if close:
            yield violation(
                "min_days_between",
                source,
                hard,
                close,
                weight,
                f"{close} pair(s) of meetings of {', '.join(activities)} are fewer than "
                f"{min_days} day(s) apart",
            )
