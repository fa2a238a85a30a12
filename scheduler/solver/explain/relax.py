"""Apply one relaxation (a rule group's key) to school data: the change a fix proposes."""

from __future__ import annotations

from scheduler.model import Availability, SchoolData
from scheduler.solver.timegrid import TimeGrid


def relax_all(data: SchoolData, keys) -> SchoolData:
    """Every relaxation of a fix (a finding's ``relaxations``), one after the other."""
    for key in keys:
        data = relax(data, key)
    return data


def relax(data: SchoolData, key: tuple[str, ...]) -> SchoolData:
    """The school with that one group of hard rules lifted (see ``guards.RuleGroup.key``)."""
    what = key[0]
    if what == "rule":
        return _constraints(data, lambda c: c.model_copy(update={"active": False}), key[1])
    if what == "cap":
        teachers = tuple(
            t.model_copy(update={"max_slots_per_day": None, "max_slots_per_week": None})
            if t.id == key[1]
            else t
            for t in data.teachers
        )
        return data.model_copy(update={"teachers": teachers})
    if what == "pin":
        aid, number = key[1], int(key[2])
        activities = tuple(
            a.model_copy(
                update={
                    "pins": tuple(
                        p.model_copy(update={"start": None}) if p.meeting == number else p
                        for p in a.pins
                        if not (p.meeting == number and p.room is None)
                    )
                }
            )
            if a.id == aid
            else a
            for a in data.activities
        )
        return data.model_copy(update={"activities": activities})
    if what == "time":
        return _free_time(data, key[1], key[2], int(key[3]), int(key[4]))
    raise ValueError(f"unknown relaxation {key!r}")


def _constraints(data: SchoolData, change, cid: str) -> SchoolData:
    constraints = tuple(change(c) if c.id == cid else c for c in data.constraints)
    return data.model_copy(update={"constraints": constraints})


def _free_time(data: SchoolData, kind: str, eid: str, first: int, last: int) -> SchoolData:
    grid = TimeGrid.of(data.calendar)
    freed = {grid.refs[t] for t in range(first, last + 1)}

    def keep(refs):
        return tuple(r for r in refs if (r.day, r.slot) not in freed)

    field = {"teacher": "teachers", "group": "groups", "student": "students", "room": "rooms"}
    items = tuple(
        x.model_copy(update={"unavailable": keep(x.unavailable)}) if x.id == eid else x
        for x in getattr(data, field[kind])
    )
    constraints = []
    for c in data.constraints:
        if isinstance(c, Availability) and c.hard and c.target.kind == kind and c.target.id == eid:
            slots = keep(c.slots)
            c = c.model_copy(update={"slots": slots} if slots else {"active": False})
        constraints.append(c)
    return data.model_copy(update={field[kind]: items, "constraints": tuple(constraints)})
