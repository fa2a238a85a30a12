"""Nobody is in two lessons at once: teachers, subgroups, students taught one by one."""

from __future__ import annotations

from collections.abc import Iterator

from scheduler.model import SchoolData
from scheduler.solver.checks.base import names, violation
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.violation import Violation


def conflicts(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for rule, kind, table in (
        ("teacher_conflict", "teacher", occ.by_teacher),
        ("group_conflict", "group", occ.by_leaf),
    ):
        for rid, seats in sorted(table.items()):
            for t, here in sorted(occ.per_slot(seats).items()):
                if len(here) > 1:
                    yield violation(
                        rule,
                        f"{kind} {rid}",
                        True,
                        len(here) - 1,
                        1,
                        f'{kind} "{rid}" has {len(here)} lessons at {occ.where(t)}: {names(here)}',
                        occ.where(t),
                    )
    for sid, seats in sorted(occ.students_alone().items()):
        for t, here in sorted(occ.per_slot(seats).items()):
            if len(here) > 1 and not occ.share_group(here):
                yield violation(
                    "student_conflict",
                    f"student {sid}",
                    True,
                    len(here) - 1,
                    1,
                    f'student "{sid}" has {len(here)} lessons at {occ.where(t)}: {names(here)}',
                    occ.where(t),
                )
