"""How many course requests a timetable meets: a student's request is met when the student
attends a lesson of that course (or of one of its alternates), by group or one by one.

Until sectioning enrols students one by one, attendance follows the group hierarchy, as the
checker's does.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from scheduler.model import SchoolData, Solution


@dataclass(frozen=True)
class RequestCoverage:
    requests: int
    met: int
    required: int
    required_met: int
    students: int
    """Students with at least one request."""

    @property
    def share(self) -> float:
        return self.met / self.requests if self.requests else 1.0


def requests_met(data: SchoolData, solution: Solution) -> RequestCoverage | None:
    """None when no student asks for anything: there is nothing to report."""
    asking = [s for s in data.students if s.requests]
    if not asking:
        return None
    placed = {p.activity for p in solution.placements}
    by_group: dict[str, set[str]] = defaultdict(set)
    by_student: dict[str, set[str]] = defaultdict(set)
    for a in data.activities:
        if a.course is None or a.id not in placed:
            continue
        for g in a.groups:
            by_group[g].add(a.course)
        for s in a.students:
            by_student[s].add(a.course)
    total = met = required = required_met = 0
    for student in asking:
        groups = frozenset().union(*(data.ancestors(g) for g in student.groups))
        courses = set(by_student.get(student.id, ()))
        for g in groups:
            courses |= by_group.get(g, set())
        for request in student.requests:
            ok = request.course in courses or any(c in courses for c in request.alternates)
            total += 1
            met += ok
            if request.required:
                required += 1
                required_met += ok
    return RequestCoverage(total, met, required, required_met, len(asking))
