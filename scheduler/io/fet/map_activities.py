"""FET time constraints that tie activities to each other: min days between, same start, not
overlapping, consecutive and grouped, min gaps between, ends the students' day."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from scheduler.io.fet.context import Context, Weighted
from scheduler.io.fet.map_times import DONE, EMPTY
from scheduler.io.fet.xml import text
from scheduler.model import (
    Consecutive,
    EndsDay,
    MaxDaysBetween,
    MaxSimultaneous,
    MaxSlotsInSelection,
    MinDaysBetween,
    MinGapsBetween,
    NotOverlapping,
    Ordered,
    SameStart,
)


def _min_days(ctx: Context, el: Element, w: Weighted) -> str:
    activities = ctx.activity_ids(el)
    days = ctx.int_of(el, "MinDays")
    if len(activities) < 2 or days < 1:
        return EMPTY
    same_day = text(el, "Consecutive_If_Same_Day").lower() == "true"
    fields = {"activities": activities, "min_days": days, "consecutive_if_same_day": same_day}
    ctx.add(MinDaysBetween, fields, w)
    return DONE


def _same(part: str):
    def handle(ctx: Context, el: Element, w: Weighted) -> str:
        activities = ctx.activity_ids(el)
        if len(activities) < 2:
            return EMPTY
        ctx.add(SameStart, {"activities": activities, "part": part}, w)
        return DONE

    return handle


def _not_overlapping(ctx: Context, el: Element, w: Weighted) -> str:
    activities = ctx.activity_ids(el)
    if len(activities) < 2:
        return EMPTY
    ctx.add(NotOverlapping, {"activities": activities}, w)
    return DONE


def _chain(tags: tuple[str, ...], *, ordered: bool):
    def handle(ctx: Context, el: Element, w: Weighted) -> str:
        activities = tuple(a for tag in tags for a in ctx.activity_ids(el, tag))
        if len(activities) != len(tags) or len(set(activities)) != len(activities):
            return EMPTY
        ctx.add(Consecutive, {"activities": activities, "ordered": ordered}, w)
        return DONE

    return handle


def _min_gaps(ctx: Context, el: Element, w: Weighted) -> str:
    activities = ctx.activity_ids(el)
    gaps = ctx.int_of(el, "MinGaps")
    if len(activities) < 2 or gaps < 1:
        return EMPTY
    ctx.add(MinGapsBetween, {"activities": activities, "min_gaps": gaps}, w)
    return DONE


def _ends_day(select: str):
    def handle(ctx: Context, el: Element, w: Weighted) -> str:
        activities = ctx.activity_ids(el) if select == "one" else ctx.select(el)
        if not activities:
            return EMPTY
        ctx.add(EndsDay, {"activities": activities}, w)
        return DONE

    return handle


def _ordered(*, if_same_day: bool):
    def handle(ctx: Context, el: Element, w: Weighted) -> str:
        activities = tuple(a for tag in _TWO for a in ctx.activity_ids(el, tag))
        if len(activities) != 2 or activities[0] == activities[1]:
            return EMPTY
        ctx.add(Ordered, {"activities": activities, "if_same_day": if_same_day}, w)
        return DONE

    return handle


def _max_days(ctx: Context, el: Element, w: Weighted) -> str:
    activities = ctx.activity_ids(el)
    if len(activities) < 2:
        return EMPTY
    ctx.add(MaxDaysBetween, {"activities": activities, "max_days": ctx.int_of(el, "MaxDays")}, w)
    return DONE


def _selected(rule: type, limit_tag: str, field: str):
    def handle(ctx: Context, el: Element, w: Weighted) -> str:
        activities = ctx.activity_ids(el)
        slots = ctx.slots(el, "Selected_Time_Slot", "Selected_Day", "Selected_Hour")
        if not activities:
            return EMPTY
        fields = {"activities": activities, "slots": slots, field: ctx.int_of(el, limit_tag)}
        ctx.add(rule, fields, w)
        return DONE

    return handle


_TWO = ("First_Activity_Id", "Second_Activity_Id")

HANDLERS = {
    "ConstraintMinDaysBetweenActivities": _min_days,
    "ConstraintActivitiesSameStartingTime": _same("time"),
    "ConstraintActivitiesSameStartingDay": _same("day"),
    "ConstraintActivitiesSameStartingHour": _same("period"),
    "ConstraintActivitiesNotOverlapping": _not_overlapping,
    "ConstraintTwoActivitiesConsecutive": _chain(_TWO, ordered=True),
    "ConstraintTwoActivitiesGrouped": _chain(_TWO, ordered=False),
    "ConstraintThreeActivitiesGrouped": _chain((*_TWO, "Third_Activity_Id"), ordered=False),
    "ConstraintMinGapsBetweenActivities": _min_gaps,
    "ConstraintTwoActivitiesOrdered": _ordered(if_same_day=False),
    "ConstraintTwoActivitiesOrderedIfSameDay": _ordered(if_same_day=True),
    "ConstraintMaxDaysBetweenActivities": _max_days,
    "ConstraintActivitiesMaxSimultaneousInSelectedTimeSlots": _selected(
        MaxSimultaneous, "Max_Number_of_Simultaneous_Activities", "max_count"
    ),
    "ConstraintActivitiesOccupyMaxTimeSlotsFromSelection": _selected(
        MaxSlotsInSelection, "Max_Number_of_Occupied_Time_Slots", "max_slots"
    ),
    "ConstraintActivityEndsStudentsDay": _ends_day("one"),
    "ConstraintActivitiesEndStudentsDay": _ends_day("filter"),
}
