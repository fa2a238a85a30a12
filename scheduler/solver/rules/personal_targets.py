"""Who a personalized-time rule constrains in the timetable model: the subgroups under its groups
and the students it lists (students are modelled one by one when a rule names them); a rule that
lists nobody is about every subgroup and every student modelled alone. Not a rule itself."""

from __future__ import annotations

from scheduler.model import Target
from scheduler.solver.compile import Resource
from scheduler.solver.rules.base import Build


def resources(b: Build, rule) -> list[Resource]:
    p = b.problem
    if not rule.students and not rule.groups:
        return [*p.leaves, *p.students]
    out: dict[tuple[str, str], Resource] = {}
    for kind, ids in (("group", rule.groups), ("student", rule.students)):
        for rid in ids:
            for r in p.resources_for(Target(kind=kind, id=rid)):
                out[(r.kind, r.id)] = r
    return list(out.values())


def day_indexes(b: Build, days: tuple[str, ...]) -> list[int]:
    wanted = set(days)
    return [d for d, day in enumerate(b.data.calendar.days) if not wanted or day.id in wanted]


def slot_minutes(b: Build) -> list[int]:
    """Minutes of every slot of the cycle, in grid order."""
    return [s.minutes for day in b.data.calendar.days for s in day.slots]
