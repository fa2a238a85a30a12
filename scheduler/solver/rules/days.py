"""Shared auxiliaries of the per-person rules: a person's busy slots and lesson days.

Not a rule itself. Variables are made once per person and reused by every rule that asks, so a
teacher under three day-based rules gets one set of day booleans.
"""

from __future__ import annotations

from scheduler.solver.compile import Resource
from scheduler.solver.rules.base import Build


def only(b: Build, resource: Resource, activities: tuple[str, ...]) -> Resource:
    """The resource as if it attended only the meetings of ``activities`` (all when empty)."""
    if not activities:
        return resource
    keep = {m for a in activities for m in b.problem.activity_meetings.get(a, ())}
    meetings = tuple(m for m in resource.meetings if m in keep)
    name = f"{resource.id}|{','.join(activities)}"
    return Resource(resource.kind, name, meetings, resource.unavailable)


def day_used(b: Build, resource: Resource, d: int):
    """A boolean that is true exactly when the resource has a lesson on day ``d`` (None when it
    never can)."""
    key = ("day_used", resource.kind, resource.id, d)
    if key not in b.cache:
        lits = [lit for m in resource.meetings for lit in b.vars.on_day(m, d)]
        if not lits:
            b.cache[key] = None
        else:
            used = b.model.new_bool_var(f"used:{resource.kind}:{resource.id}@{d}")
            for lit in lits:
                b.model.add_implication(lit, used)
            b.model.add(used <= sum(lits))
            b.cache[key] = used
    return b.cache[key]


def used_days(b: Build, resource: Resource) -> list:
    out = (day_used(b, resource, d) for d in range(b.problem.grid.days))
    return [u for u in out if u is not None]


def any_of(b: Build, lits: list, name: str):
    """A boolean equal to the OR of ``lits`` (None when there are none)."""
    if not lits:
        return None
    if len(lits) == 1:
        return lits[0]
    var = b.model.new_bool_var(name)
    b.model.add_max_equality(var, lits)
    return var
