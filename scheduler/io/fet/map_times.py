"""FET time constraints about when activities may run: breaks, not-available times, preferred
starting times and time slots."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from scheduler.io.fet.context import Context, Weighted
from scheduler.io.fet.xml import text
from scheduler.model import Availability, PreferredTimes, Target

DONE, UNSUPPORTED, EMPTY = "done", "unsupported", "empty"


def breaks(ctx: Context, el: Element, w: Weighted) -> str:
    """A break is a slot no lesson may use or span, and not a gap: a Flexday break slot."""
    if not (w.active and w.hard):
        return UNSUPPORTED
    for ref in ctx.slots(el, "Break_Time", "Day", "Hour"):
        ctx.breaks.add((ref.day, ref.slot))
    return DONE


def _not_available(kind: str, tag: str):
    def handle(ctx: Context, el: Element, w: Weighted) -> str:
        name = text(el, tag)
        if kind == "room":
            target = Target(kind="room", id=ctx.known(el, "room", name))
        else:
            target = ctx.target(el, kind, tag)
        slots = ctx.slots(el, "Not_Available_Time", "Day", "Hour")
        ctx.add(Availability, {"target": target, "slots": slots}, w)
        return DONE

    return handle


def _preferred(item: str, day: str, hour: str, *, starts_only: bool, select: str):
    def handle(ctx: Context, el: Element, w: Weighted) -> str:
        if select == "one":
            activities = ctx.activity_ids(el)
        elif select == "component":
            activities = ctx.select(el, component=ctx.int_of(el, "Component_Number"))
        else:
            activities = ctx.select(el)
        slots = ctx.slots(el, item, day, hour)
        if not activities:
            return EMPTY
        fields = {"activities": activities, "slots": slots, "starts_only": starts_only}
        ctx.add(PreferredTimes, fields, w)
        return DONE

    return handle


def _starting_time(ctx: Context, el: Element, w: Weighted) -> str:
    activities = ctx.activity_ids(el)
    slot = ctx.slot(el, "Preferred_Day", "Preferred_Hour")
    if not activities:
        return EMPTY
    ctx.add(PreferredTimes, {"activities": activities, "slots": (slot,), "starts_only": True}, w)
    return DONE


_START = ("Preferred_Starting_Time", "Preferred_Starting_Day", "Preferred_Starting_Hour")
_SLOT = ("Preferred_Time_Slot", "Preferred_Day", "Preferred_Hour")

HANDLERS = {
    "ConstraintBreakTimes": breaks,
    "ConstraintTeacherNotAvailableTimes": _not_available("teacher", "Teacher"),
    "ConstraintStudentsSetNotAvailableTimes": _not_available("group", "Students"),
    "ConstraintRoomNotAvailableTimes": _not_available("room", "Room"),
    "ConstraintActivityPreferredStartingTime": _starting_time,
    "ConstraintActivityPreferredStartingTimes": _preferred(*_START, starts_only=True, select="one"),
    "ConstraintActivitiesPreferredStartingTimes": _preferred(
        *_START, starts_only=True, select="filter"
    ),
    "ConstraintSubactivitiesPreferredStartingTimes": _preferred(
        *_START, starts_only=True, select="component"
    ),
    "ConstraintActivityPreferredTimeSlots": _preferred(*_SLOT, starts_only=False, select="one"),
    "ConstraintActivitiesPreferredTimeSlots": _preferred(
        *_SLOT, starts_only=False, select="filter"
    ),
    "ConstraintSubactivitiesPreferredTimeSlots": _preferred(
        *_SLOT, starts_only=False, select="component"
    ),
}
