"""A teacher, a student group or a student is in at most one lesson at a time.

Hard. Stated as one at-most-one per resource and slot over the start literals that cover the slot.
Subgroups (or students) that attend exactly the same meetings share one set of constraints.

A resource whose lessons fill every slot it could be in (a FET class with a full week) is busy in
each of them: there the at-most-one is an exactly-one. That follows from the counting (as many
lesson slots as slots) and lets the solver fill the last free option of a slot at once.
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
        by_slot = b.vars.slot_literals(resource)
        full = sum(p.meetings[m].duration for m in key) == len(by_slot)
        for lits in by_slot.values():
            if full:
                b.model.add_exactly_one(lits)
            elif len(lits) > 1:
                b.model.add_at_most_one(lits)
