"""Students away at some times (internships, late starts, personal time) can still take the
courses they asked for: a master-schedule guidance term, reported with ``course_conflicts``.

Students with the same time away are counted together: for each course they asked for with at
most six sections, when every section meets in some slot they are away, each of them loses the
course (``weight`` = those students, three times for a required request). Like the course pairs,
this only steers the timetable; the checker scores the seats, not these terms. In a school with a
personalized day, each such course also keeps enough sections outside that time away to seat
those students (a hard cap, any number of sections).
"""

from __future__ import annotations

import math
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
    asking: Counter[tuple[str, frozenset[int]]] = Counter()
    for student in b.data.students:
        away = p.student_away.get(student.id)
        if not away:
            continue
        for r in student.requests:
            if r.course in offered:
                wanting[(r.course, away)] += 3 if r.required else 1
                asking[(r.course, away)] += 1
    clash_of: dict[tuple[str, frozenset[int]], object] = {}
    for n, ((course, away), weight) in enumerate(sorted(wanting.items(), key=_order)):
        if len(offered[course]) > MAX_SECTIONS and not _seats_rule(
            b, course, asking[(course, away)]
        ):
            continue
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
        need = _seats_rule(b, course, asking[(course, away)])
        if need:
            # Enough sections outside their time away to seat them all (hard, when possible).
            b.model.add(sum(1 - c for c in clashes) >= min(need, len(clashes)))
        if len(clashes) > MAX_SECTIONS:
            continue
        lost = b.model.new_bool_var(f"{NAME}:{course}~away{n}")
        b.model.add(lost >= sum(clashes) - (len(clashes) - 1))
        b.penalize(NAME, f"{course}/away", weight, lost)


def _seats_rule(b: Build, course: str, students: int) -> int:
    """Sections needed outside a time away to seat ``students`` who are away then: only for
    schools with a personalized day (named time away, day rules or lunch waves)."""
    data = b.data
    if not (data.personal_blocks or data.day_rules or data.lunch_waves):
        return 0
    cap = data.course_by_id[course].section_capacity if course in data.course_by_id else None
    return math.ceil(students / cap) if cap else 0


def _order(item):
    (course, away), _ = item
    return course, sorted(away)
