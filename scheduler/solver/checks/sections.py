"""Students seated in sections: real students in real sections, once per course, within capacity.

Clashes with a student's other lessons and personal time are judged by the conflict and
availability checks, which see enrollments through ``Occupancy.attended``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from scheduler.model import SchoolData
from scheduler.solver.checks.base import violation
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.violation import Violation


def enrollments(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for sid, sections in sorted(occ.enrolled.items()):
        if sid not in data.student_by_id:
            yield violation(
                "enrollment",
                f"student {sid}",
                True,
                len(sections),
                1,
                f'unknown student "{sid}" is seated in {len(sections)} section(s)',
            )
            continue
        courses: Counter[str] = Counter()
        for aid in sections:
            a = data.activity_by_id.get(aid)
            if a is None or a.course is None or a.groups:
                yield violation(
                    "enrollment",
                    f"student {sid}",
                    True,
                    1,
                    1,
                    f'student "{sid}" is seated in "{aid}", which is not a section',
                )
                continue
            courses[a.course] += 1
        for course, n in sorted(courses.items()):
            if n > 1:
                yield violation(
                    "enrollment",
                    f"student {sid}",
                    True,
                    n - 1,
                    1,
                    f'student "{sid}" is seated in {n} sections of "{course}"',
                )


def capacity(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for aid, students in sorted(occ.solution_sections.items()):
        a = data.activity_by_id.get(aid)
        course = data.course_by_id.get(a.course) if a is not None and a.course else None
        cap = course.section_capacity if course is not None else None
        if cap is not None and len(students) > cap:
            yield violation(
                "section_capacity",
                f"activity {aid}",
                True,
                len(students) - cap,
                1,
                f'section "{aid}" seats {len(students)} students; its capacity is {cap}',
            )
