"""Students away at some times (internships, late starts, personal time) can still take the
courses they asked for: a master-schedule guidance term, reported with ``course_conflicts``.

Students with the same time away are counted together: for each course they asked for with at
most six sections, when every section meets in some slot they are away, each of them loses the
course (``weight`` = those students, three times for a required request). Like the course pairs,
this only steers the timetable; the checker scores the seats, not these terms.
"""

from __future__ import annotations

from collections import Counter

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.course_conflicts import NAME, sections_by_course

MAX_SECTIONS = 6


def build(b: Build) -> None:
    p = b.problem
    offered = sections_by_course(b)
    if not offered or not p.student_away:
        return
    wanting: Counter[tuple[str, frozenset[int]]] = Counter()
    for student in b.data.students:
        away = p.student_away.get(student.id)
        if not away:
            continue
        for r in student.requests:
            if r.course in offered and len(offered[r.course]) <= MAX_SECTIONS:
                wanting[(r.course, away)] += 3 if r.required else 1
    clash_of: dict[tuple[str, frozenset[int]], object] = {}
    for n, ((course, away), weight) in enumerate(sorted(wanting.items(), key=_order)):
        clashes = []
        for aid in offered[course]:
            key = (aid, away)
            if key not in clash_of:
                lits = [
                    lit
                    for m in p.activity_meetings[aid]
                    for s in away
                    for lit in b.vars.covering(m, s)
                ]
                if not lits:
                    clash_of[key] = None
                else:
                    clash = b.model.new_bool_var(f"{NAME}:{aid}~away{n}")
                    for lit in lits:
                        b.model.add_implication(lit, clash)
                    clash_of[key] = clash
            clashes.append(clash_of[key])
        if any(c is None for c in clashes):
            continue  # some section can never meet while they are away
        lost = b.model.new_bool_var(f"{NAME}:{course}~away{n}")
        b.model.add(lost >= sum(clashes) - (len(clashes) - 1))
        b.penalize(NAME, f"{course}/away", weight, lost)


def _order(item):
    (course, away), _ = item
    return course, sorted(away)
