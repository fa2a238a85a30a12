"""Availability of one teacher, room, group or student, read from and written to the domain.

Unavailable slots are the entity's own ``unavailable`` field (a hard rule); slots the person would
rather not have are one soft ``Availability`` rule about them. Plain Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from scheduler.model import Availability, SchoolData, SlotRef, Target
from scheduler.ui.models.columns import unique_id

Mark = Literal["unavailable", "avoid", "available"]
_LOOKUP = {
    "teacher": ("teachers", "teacher_by_id"),
    "room": ("rooms", "room_by_id"),
    "group": ("groups", "group_by_id"),
    "student": ("students", "student_by_id"),
}


@dataclass(frozen=True)
class AvailabilityState:
    unavailable: frozenset[tuple[str, str]]
    avoid: frozenset[tuple[str, str]]
    fixed: frozenset[tuple[str, str]]
    """Slots blocked by other hard availability rules: shown, but painted over by editing them."""
    weight: int


def entity(data: SchoolData, target: Target):
    return getattr(data, _LOOKUP[target.kind][1]).get(target.id)


def _soft_rule(data: SchoolData, target: Target) -> Availability | None:
    return next(
        (
            c
            for c in data.constraints
            if isinstance(c, Availability) and c.target == target and not c.hard and c.active
        ),
        None,
    )


def read(data: SchoolData, target: Target) -> AvailabilityState:
    item = entity(data, target)
    unavailable = frozenset((r.day, r.slot) for r in getattr(item, "unavailable", ()))
    soft = _soft_rule(data, target)
    fixed = frozenset(
        (r.day, r.slot)
        for c in data.constraints
        if isinstance(c, Availability) and c.target == target and c.hard and c.active
        for r in c.slots
    )
    avoid = frozenset((r.day, r.slot) for r in soft.slots) if soft else frozenset()
    return AvailabilityState(unavailable, avoid, fixed, soft.weight if soft else 1)


def mark(
    data: SchoolData, target: Target, slots: list[SlotRef], how: Mark, *, weight: int = 1
) -> SchoolData:
    """The data with these slots marked; unknown targets leave it unchanged."""
    item = entity(data, target)
    if item is None:
        return data
    keys = {(r.day, r.slot) for r in slots}
    state = read(data, target)
    unavailable, avoid = set(state.unavailable), set(state.avoid)
    unavailable -= keys
    avoid -= keys
    if how == "unavailable":
        unavailable |= keys
    elif how == "avoid":
        avoid |= keys

    def ordered(keys: set[tuple[str, str]]) -> tuple[SlotRef, ...]:
        refs = [SlotRef(day=d, slot=s) for d, s in keys]
        return tuple(sorted(refs, key=lambda r: data.calendar.position(r) or (999, 999)))

    collection = _LOOKUP[target.kind][0]
    new_item = item.model_copy(update={"unavailable": ordered(unavailable)})
    update = {collection: tuple(new_item if x is item else x for x in getattr(data, collection))}

    soft = _soft_rule(data, target)
    rules = list(data.constraints)
    if soft is not None:
        i = rules.index(soft)
        if avoid:
            rules[i] = soft.model_copy(update={"slots": ordered(avoid), "weight": weight})
        else:
            del rules[i]
    elif avoid:
        taken = {c.id for c in rules}
        rule_id = f"avoid-{target.kind}-{target.id}"
        if rule_id in taken:
            rule_id = unique_id(rule_id + "-", taken)
        rules.append(
            Availability(id=rule_id, target=target, slots=ordered(avoid), hard=False, weight=weight)
        )
    update["constraints"] = tuple(rules)
    return data.model_copy(update=update)


def describe(data: SchoolData, slots: list[SlotRef]) -> str:
    """'Mon P1–P3' for a run on one day, else '7 slots'."""
    if not slots:
        return "no slots"
    days = {r.day for r in slots}
    if len(days) == 1:
        day = data.calendar.day(slots[0].day)
        name = (day.label if day else slots[0].day)[:3]
        ordered = sorted(slots, key=lambda r: data.calendar.position(r) or (0, 0))
        first, last = ordered[0].slot, ordered[-1].slot
        return f"{name} {first}" if first == last else f"{name} {first}–{last}"
    return f"{len(slots)} slots"
