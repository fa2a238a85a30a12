"""Course demand from requests: what schedulers tally before building a master schedule."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from scheduler.model.school import SchoolData


def course_pairs(data: SchoolData) -> dict[tuple[str, str], int]:
    """Students requesting each pair of courses together (first choices): the course-pair
    conflict matrix schedulers use to decide which single-section courses must not share a
    period."""
    out: Counter[tuple[str, str]] = Counter()
    for s in data.students:
        for pair in combinations(sorted({r.course for r in s.requests}), 2):
            out[pair] += 1
    return dict(out)


def course_demand(data: SchoolData) -> dict[str, int]:
    """First-choice requests per course."""
    return dict(Counter(r.course for s in data.students for r in s.requests))
