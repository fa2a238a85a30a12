"""FET time constraints about a teacher's or a students set's day and week. The "all teachers" /
"all students" variants become one rule per teacher / per subgroup, as FET applies them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from xml.etree.ElementTree import Element

from scheduler.io.fet.context import Context, Weighted
from scheduler.io.fet.map_times import DONE, EMPTY
from scheduler.io.fet.xml import text
from scheduler.model import (
    IntervalMaxDays,
    MaxContinuous,
    MaxDaysPerWeek,
    MaxGapsPerDay,
    MaxGapsPerWeek,
    MaxPerDay,
    MinDaysPerWeek,
    MinPerDay,
    StartsEarly,
)

Fields = Callable[[Context, Element], dict | None]


def _people(kind: str, tag: str | None, rule: type, fields: Fields):
    """A handler for one FET person rule; ``tag`` names the person, None means everyone."""

    def handle(ctx: Context, el: Element, w: Weighted) -> str:
        values = fields(ctx, el)
        if values is None:
            return EMPTY
        targets = [ctx.target(el, kind, tag)] if tag else ctx.everyone(kind)
        for k, target in enumerate(targets):
            one = w if tag else replace(w, id=f"{w.id}.{k + 1}")
            ctx.add(rule, {"target": target, **values}, one)
        return DONE

    return handle


def _tagged(ctx: Context, el: Element) -> tuple[str, ...] | None:
    """Activities with the rule's activity tag (None: the tag marks no active activity)."""
    tag = text(el, "Activity_Tag_Name") or text(el, "Activity_Tag")
    chosen = tuple(a.id for a in ctx.activities.values() if tag in a.tags)
    return chosen or None


def _gaps(ctx: Context, el: Element) -> dict:
    return {"max_gaps": ctx.int_of(el, "Max_Gaps")}


def _max_daily(ctx: Context, el: Element) -> dict:
    return {"max_slots": ctx.int_of(el, "Maximum_Hours_Daily")}


def _tag_daily(ctx: Context, el: Element) -> dict | None:
    chosen = _tagged(ctx, el)
    return None if chosen is None else {**_max_daily(ctx, el), "activities": chosen}


def _min_daily(ctx: Context, el: Element) -> dict | None:
    least = ctx.int_of(el, "Minimum_Hours_Daily")
    if least < 1:
        return None
    empty = text(el, "Allow_Empty_Days", "true").lower() != "false"
    return {"min_slots": least, "allow_empty_days": empty}


def _continuous(ctx: Context, el: Element) -> dict:
    return {"max_slots": max(1, ctx.int_of(el, "Maximum_Hours_Continuously"))}


def _tag_continuous(ctx: Context, el: Element) -> dict | None:
    chosen = _tagged(ctx, el)
    return None if chosen is None else {**_continuous(ctx, el), "activities": chosen}


def _max_days(ctx: Context, el: Element) -> dict:
    return {"max_days": ctx.int_of(el, "Max_Days_Per_Week")}


def _min_days(ctx: Context, el: Element) -> dict | None:
    least = ctx.int_of(el, "Minimum_Days_Per_Week")
    return {"min_days": least} if least >= 1 else None


def _interval(ctx: Context, el: Element) -> dict:
    first = ctx.hour_index(el, "Interval_Start_Hour") or 0
    end = ctx.hour_index(el, "Interval_End_Hour")
    return {"first_slot": first, "end_slot": end, "max_days": ctx.int_of(el, "Max_Days_Per_Week")}


def _early(ctx: Context, el: Element) -> dict:
    return {"max_late_days": ctx.int_of(el, "Max_Beginnings_At_Second_Hour")}


_T, _S = "teacher", "group"
_TABLE: list[tuple[str, str, str | None, type, Fields]] = [
    ("ConstraintTeacherMaxGapsPerWeek", _T, "Teacher_Name", MaxGapsPerWeek, _gaps),
    ("ConstraintTeachersMaxGapsPerWeek", _T, None, MaxGapsPerWeek, _gaps),
    ("ConstraintStudentsSetMaxGapsPerWeek", _S, "Students", MaxGapsPerWeek, _gaps),
    ("ConstraintStudentsMaxGapsPerWeek", _S, None, MaxGapsPerWeek, _gaps),
    ("ConstraintTeacherMaxGapsPerDay", _T, "Teacher_Name", MaxGapsPerDay, _gaps),
    ("ConstraintTeachersMaxGapsPerDay", _T, None, MaxGapsPerDay, _gaps),
    ("ConstraintStudentsSetMaxGapsPerDay", _S, "Students", MaxGapsPerDay, _gaps),
    ("ConstraintStudentsMaxGapsPerDay", _S, None, MaxGapsPerDay, _gaps),
    ("ConstraintTeacherMaxHoursDaily", _T, "Teacher_Name", MaxPerDay, _max_daily),
    ("ConstraintTeachersMaxHoursDaily", _T, None, MaxPerDay, _max_daily),
    ("ConstraintStudentsSetMaxHoursDaily", _S, "Students", MaxPerDay, _max_daily),
    ("ConstraintStudentsMaxHoursDaily", _S, None, MaxPerDay, _max_daily),
    ("ConstraintTeacherActivityTagMaxHoursDaily", _T, "Teacher_Name", MaxPerDay, _tag_daily),
    ("ConstraintTeachersActivityTagMaxHoursDaily", _T, None, MaxPerDay, _tag_daily),
    ("ConstraintStudentsSetActivityTagMaxHoursDaily", _S, "Students", MaxPerDay, _tag_daily),
    ("ConstraintStudentsActivityTagMaxHoursDaily", _S, None, MaxPerDay, _tag_daily),
    ("ConstraintTeacherMinHoursDaily", _T, "Teacher_Name", MinPerDay, _min_daily),
    ("ConstraintTeachersMinHoursDaily", _T, None, MinPerDay, _min_daily),
    ("ConstraintStudentsSetMinHoursDaily", _S, "Students", MinPerDay, _min_daily),
    ("ConstraintStudentsMinHoursDaily", _S, None, MinPerDay, _min_daily),
    ("ConstraintTeacherMaxHoursContinuously", _T, "Teacher_Name", MaxContinuous, _continuous),
    ("ConstraintTeachersMaxHoursContinuously", _T, None, MaxContinuous, _continuous),
    ("ConstraintStudentsSetMaxHoursContinuously", _S, "Students", MaxContinuous, _continuous),
    ("ConstraintStudentsMaxHoursContinuously", _S, None, MaxContinuous, _continuous),
    (
        "ConstraintTeacherActivityTagMaxHoursContinuously",
        _T,
        "Teacher_Name",
        MaxContinuous,
        _tag_continuous,
    ),
    ("ConstraintTeachersActivityTagMaxHoursContinuously", _T, None, MaxContinuous, _tag_continuous),
    (
        "ConstraintStudentsSetActivityTagMaxHoursContinuously",
        _S,
        "Students",
        MaxContinuous,
        _tag_continuous,
    ),
    ("ConstraintStudentsActivityTagMaxHoursContinuously", _S, None, MaxContinuous, _tag_continuous),
    ("ConstraintTeacherMaxDaysPerWeek", _T, "Teacher_Name", MaxDaysPerWeek, _max_days),
    ("ConstraintTeachersMaxDaysPerWeek", _T, None, MaxDaysPerWeek, _max_days),
    ("ConstraintStudentsSetMaxDaysPerWeek", _S, "Students", MaxDaysPerWeek, _max_days),
    ("ConstraintStudentsMaxDaysPerWeek", _S, None, MaxDaysPerWeek, _max_days),
    ("ConstraintTeacherMinDaysPerWeek", _T, "Teacher_Name", MinDaysPerWeek, _min_days),
    ("ConstraintTeachersMinDaysPerWeek", _T, None, MinDaysPerWeek, _min_days),
    ("ConstraintTeacherIntervalMaxDaysPerWeek", _T, "Teacher_Name", IntervalMaxDays, _interval),
    ("ConstraintTeachersIntervalMaxDaysPerWeek", _T, None, IntervalMaxDays, _interval),
    ("ConstraintStudentsSetIntervalMaxDaysPerWeek", _S, "Students", IntervalMaxDays, _interval),
    ("ConstraintStudentsIntervalMaxDaysPerWeek", _S, None, IntervalMaxDays, _interval),
    ("ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour", _S, "Students", StartsEarly, _early),
    ("ConstraintStudentsEarlyMaxBeginningsAtSecondHour", _S, None, StartsEarly, _early),
]

HANDLERS = {name: _people(kind, tag, rule, fields) for name, kind, tag, rule, fields in _TABLE}
