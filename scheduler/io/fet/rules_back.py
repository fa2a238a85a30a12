"""One Flexday rule -> FET constraint element(s); False when FET has no equivalent."""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement

from scheduler.io.fet.rules_out import Writer, percent
from scheduler.model import SlotRef

_PEOPLE = {
    # kind -> (teacher element, students-set element, value tag, value field)
    "max_gaps_per_week": (
        "TeacherMaxGapsPerWeek",
        "StudentsSetMaxGapsPerWeek",
        "Max_Gaps",
        "max_gaps",
    ),
    "max_gaps_per_day": (
        "TeacherMaxGapsPerDay",
        "StudentsSetMaxGapsPerDay",
        "Max_Gaps",
        "max_gaps",
    ),
    "max_per_day": (
        "TeacherMaxHoursDaily",
        "StudentsSetMaxHoursDaily",
        "Maximum_Hours_Daily",
        "max_slots",
    ),
    "max_continuous": (
        "TeacherMaxHoursContinuously",
        "StudentsSetMaxHoursContinuously",
        "Maximum_Hours_Continuously",
        "max_slots",
    ),
    "max_days_per_week": ("TeacherMaxDaysPerWeek", None, "Max_Days_Per_Week", "max_days"),
    "min_days_per_week": ("TeacherMinDaysPerWeek", None, "Minimum_Days_Per_Week", "min_days"),
    "starts_early": (
        None,
        "StudentsSetEarlyMaxBeginningsAtSecondHour",
        "Max_Beginnings_At_Second_Hour",
        "max_late_days",
    ),
}


_HARD_ONLY = {
    "max_gaps_per_week",
    "max_gaps_per_day",
    "starts_early",
    "max_days_per_week",
    "min_days_per_week",
    "min_per_day",
    "interval_max_days",
}
"""Kinds whose FET constraints FET's generator accepts only at 100 % (it refuses the file else)."""


def write_rule(w: Writer, c) -> bool:
    p = percent(c)
    if c.kind == "unsupported":
        return c.origin == "fet" and _verbatim(w, c)
    if c.kind in _PEOPLE or c.kind in ("min_per_day", "interval_max_days"):
        return _person(w, c, p)
    if c.kind == "availability":
        kind = {"teacher": "Teacher", "group": "StudentsSet", "room": "Room"}.get(c.target.kind)
        if kind is None or (kind != "Room" and not c.hard and c.active):
            return False  # FET allows only 100 % not-available times for people
        tag = {"Teacher": "Teacher", "StudentsSet": "Students", "Room": "Room"}[kind]
        w.unavailable(kind, tag, c.target.id, c.slots, p, c.active)
        return True
    subs = w.sub_ids(getattr(c, "activities", ()))
    if c.kind == "preferred_times":
        return _preferred_times(w, c, p, subs)
    if c.kind == "forbidden_times":
        banned = {(r.day, r.slot) for r in c.slots}
        allowed = [ref for ref in w.grid.cell if ref not in banned]
        return _preferred_times(w, c, p, subs, allowed=allowed)
    if c.kind == "preferred_rooms":
        for i in subs:
            w.rooms(i, c.rooms, p, c.active)
        return True
    if c.kind == "min_days_between":
        w.min_days(subs, c.min_days, p, c.consecutive_if_same_day, c.active)
        return True
    return _between(w, c, p, subs)


def _person(w: Writer, c, p: str) -> bool:
    if c.kind in _HARD_ONLY and not c.hard and c.active:
        return False
    if c.kind == "min_per_day":
        names = ("TeacherMinHoursDaily", "StudentsSetMinHoursDaily")
        values = [
            ("Minimum_Hours_Daily", c.min_slots),
            ("Allow_Empty_Days", str(c.allow_empty_days).lower()),
        ]
    elif c.kind == "interval_max_days":
        names = ("TeacherIntervalMaxDaysPerWeek", "StudentsSetIntervalMaxDaysPerWeek")
        end = (
            w.grid.hours[c.end_slot]
            if c.end_slot is not None and c.end_slot < len(w.grid.hours)
            else ""
        )
        values = [
            ("Interval_Start_Hour", w.grid.hours[min(c.first_slot, len(w.grid.hours) - 1)]),
            ("Interval_End_Hour", end),
            ("Max_Days_Per_Week", c.max_days),
        ]
    else:
        teacher, students, tag, field = _PEOPLE[c.kind]
        names = (teacher, students)
        values = [(tag, getattr(c, field))]
    if getattr(c, "activities", ()):
        return False  # only some activities count: FET says that with activity tags
    teacher, students = names
    if c.target.kind == "teacher" and teacher:
        who = "Teacher_Name"
        element = teacher
    elif c.target.kind == "group" and students:
        who = "Students"
        element = students
    else:
        return False
    w.add(w.time, element, p, [(who, c.target.id), *values], active=c.active)
    return True


def _preferred_times(w: Writer, c, p: str, subs, *, allowed=None) -> bool:
    refs = allowed if allowed is not None else [(r.day, r.slot) for r in c.slots]
    slots = [SlotRef(day=d, slot=s) for d, s in refs]
    if c.kind == "preferred_times" and c.starts_only:
        item = ("Preferred_Starting_Time", "Preferred_Starting_Day", "Preferred_Starting_Hour")
        element, count = "ActivityPreferredStartingTimes", "Number_of_Preferred_Starting_Times"
    else:
        item = ("Preferred_Time_Slot", "Preferred_Day", "Preferred_Hour")
        element, count = "ActivityPreferredTimeSlots", "Number_of_Preferred_Time_Slots"
    items = w.slots(slots, *item)
    for i in subs:
        w.add(
            w.time, element, p, [("Activity_Id", i), (count, len(items)), *items], active=c.active
        )
    return True


def _between(w: Writer, c, p: str, subs) -> bool:
    ids = [("Activity_Id", i) for i in subs]
    numbered = [("Number_of_Activities", len(subs)), *ids]
    if c.kind == "same_start":
        part = {"time": "Time", "day": "Day", "period": "Hour"}[c.part]
        w.add(w.time, f"ActivitiesSameStarting{part}", p, numbered, active=c.active)
    elif c.kind == "not_overlapping":
        w.add(w.time, "ActivitiesNotOverlapping", p, numbered, active=c.active)
    elif c.kind == "min_gaps_between":
        w.add(
            w.time,
            "MinGapsBetweenActivities",
            p,
            [*numbered, ("MinGaps", c.min_gaps)],
            active=c.active,
        )
    elif c.kind == "max_days_between":
        w.add(
            w.time,
            "MaxDaysBetweenActivities",
            p,
            [*numbered, ("MaxDays", c.max_days)],
            active=c.active,
        )
    elif c.kind == "ends_day":
        for i in subs:
            w.add(w.time, "ActivityEndsStudentsDay", p, [("Activity_Id", i)], active=c.active)
    elif c.kind in ("consecutive", "ordered"):
        firsts = [w.ids[(a, 0)] for a in c.activities]
        tags = ("First_Activity_Id", "Second_Activity_Id", "Third_Activity_Id")
        if c.kind == "ordered":
            element = "TwoActivitiesOrderedIfSameDay" if c.if_same_day else "TwoActivitiesOrdered"
        elif c.ordered:
            element = "TwoActivitiesConsecutive" if len(firsts) == 2 else None
        else:
            element = "TwoActivitiesGrouped" if len(firsts) == 2 else "ThreeActivitiesGrouped"
        if element is None:
            return False
        w.add(w.time, element, p, list(zip(tags, firsts, strict=False)), active=c.active)
    elif c.kind in ("max_simultaneous", "max_slots_in_selection"):
        items = w.slots(c.slots, "Selected_Time_Slot", "Selected_Day", "Selected_Hour")
        if c.kind == "max_simultaneous":
            element, limit = (
                "ActivitiesMaxSimultaneousInSelectedTimeSlots",
                (
                    "Max_Number_of_Simultaneous_Activities",
                    c.max_count,
                ),
            )
        else:
            element, limit = (
                "ActivitiesOccupyMaxTimeSlotsFromSelection",
                (
                    "Max_Number_of_Occupied_Time_Slots",
                    c.max_slots,
                ),
            )
        fields = [*numbered, ("Number_of_Selected_Time_Slots", len(items)), *items, limit]
        w.add(w.time, element, p, fields, active=c.active)
    else:
        return False
    return True


def _verbatim(w: Writer, c) -> bool:
    """An imported rule Flexday kept but could not state goes back as FET wrote it."""
    space = c.type.startswith("Constraint") and any(
        k in c.type for k in ("Room", "Building", "Space")
    )
    el = SubElement(w.space if space else w.time, c.type)
    _fill(el, c.fields)
    w.report.constraints += 1
    return True


def _fill(el: Element, value) -> None:
    if not isinstance(value, dict):
        el.text = "" if value is None else str(value)
        return
    for tag, v in value.items():
        for one in v if isinstance(v, list) else [v]:
            _fill(SubElement(el, tag), one)
