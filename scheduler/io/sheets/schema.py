"""The workbook layout: one ``Sheet`` per kind of row, in the order the template shows them.

To add a field: add a ``Column`` to its sheet (``field`` is the model field; ``ref`` names what it
refers to). A plain entity sheet (``ENTITY_SHEETS``) then reads and writes it with no other change.
Sheets are defined in ``schema_school`` (people, places, the week), ``schema_teaching`` (what
is taught, requests, availability, pins, rules) and ``schema_time`` (flex and personal time). A
new entity gets a new ``Sheet`` there, a place in ``SHEETS`` below, and an entry in
``ENTITY_SHEETS`` (one row per entity: nothing else to do) or a pair of functions in
``build``/``rows`` for a sheet that spreads one entity over many rows. A column whose ``ref`` is
``dayslot`` ('Day Slot' cells) is resolved to slots of the calendar on import.
"""

from __future__ import annotations

from scheduler.io.sheets.schema_school import (
    CALENDAR,
    GROUPS,
    ROOMS,
    SCHOOL,
    STUDENTS,
    SUBJECTS,
    TEACHERS,
)
from scheduler.io.sheets.schema_teaching import (
    ACTIVITIES,
    AVAILABILITY,
    COURSES,
    ENROLLMENTS,
    PINS,
    REQUESTS,
    RULES,
    TARGET_KINDS,
)
from scheduler.io.sheets.schema_time import (
    CYCLE_DAYS,
    DAY_RULES,
    FLEX_BLOCKS,
    FLEX_OFFERINGS,
    FLEX_REQUESTS,
    LUNCH_WAVES,
    LUNCH_WINDOWS,
    MINUTES_CAPS,
    PERSONAL_BLOCKS,
)
from scheduler.io.sheets.spec import Sheet

__all__ = ["SHEETS", "TARGET_KINDS", "Sheet"]

SHEETS: tuple[Sheet, ...] = (
    SCHOOL,
    CALENDAR,
    SUBJECTS,
    TEACHERS,
    ROOMS,
    GROUPS,
    STUDENTS,
    COURSES,
    ACTIVITIES,
    ENROLLMENTS,
    REQUESTS,
    AVAILABILITY,
    PINS,
    RULES,
    FLEX_BLOCKS,
    FLEX_OFFERINGS,
    FLEX_REQUESTS,
    PERSONAL_BLOCKS,
    DAY_RULES,
    CYCLE_DAYS,
    LUNCH_WINDOWS,
    MINUTES_CAPS,
    LUNCH_WAVES,
)

ENTITY_SHEETS: dict[str, str] = {
    "Subjects": "subjects",
    "Teachers": "teachers",
    "Rooms": "rooms",
    "Groups": "groups",
    "Students": "students",
    "Courses": "courses",
    "Activities": "activities",
    "Flex blocks": "flex_blocks",
    "Flex offerings": "flex_offerings",
    "Flex requests": "flex_requests",
    "Personal blocks": "personal_blocks",
    "Day rules": "day_rules",
    "Cycle days": "cycle_days",
    "Lunch windows": "lunch_windows",
    "Minutes caps": "max_minutes",
    "Lunch waves": "lunch_waves",
}
"""Sheets with one row per entity: sheet name -> ``SchoolData`` collection."""

REF_SHEETS: dict[str, str] = {
    "subject": "Subjects",
    "teacher": "Teachers",
    "room": "Rooms",
    "group": "Groups",
    "student": "Students",
    "course": "Courses",
    "activity": "Activities",
    "rule": "Rules",
    "flex_block": "Flex blocks",
    "flex_offering": "Flex offerings",
}
"""Which sheet holds the ids a ``ref`` names."""

NOT_DATA = ("Instructions", "Lists")
"""Sheets of the template that hold help and drop-down lists, not school data."""

LIMITS: dict[str, str] = {
    "max_per_day": "max_slots",
    "max_per_week": "max_slots",
    "min_days_between": "min_days",
    "max_gaps_per_day": "max_gaps",
    "max_gaps_per_week": "max_gaps",
    "min_per_day": "min_slots",
    "max_days_per_week": "max_days",
    "min_days_per_week": "min_days",
    "interval_max_days": "max_days",
    "max_continuous": "max_slots",
    "starts_early": "max_late_days",
    "min_gaps_between": "min_gaps",
    "max_days_between": "max_days",
    "max_simultaneous": "max_count",
    "max_slots_in_selection": "max_slots",
}
"""The field the Rules sheet's Limit column fills, for each rule kind that has one number."""

SHEET_BY_NAME = {s.name: s for s in SHEETS}
