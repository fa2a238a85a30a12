"""A teacher, a student group or a student is in at most one lesson at a time.

Hard. Stated as one at-most-one per resource and slot over the start literals that cover the slot.
Subgroups (or students) that attend exactly the same meetings share one set of constraints.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build

NAMES = {"teacher": "teacher_conflict", "group": "group_conflict", "student": "student_conflict"}


def build(b: Build) -> None:
    seen: set[frozenset[int]] = set()
    p = b.problem
    for resource in (*p.teachers, *p.leaves, *p.students):
        key = frozenset(resource.meetings)
        if len(key) < 2 or key in seen:
            continue
        seen.add(key)
        for lits in b.vars.slot_literals(resource).values():
            if len(lits) > 1:
                b.model.add_at_most_one(lits)
