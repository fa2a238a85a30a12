"""Sheets of the school's people, places and week: School, Calendar, Subjects, Teachers, Rooms,
Groups and Students (see ``schema`` for how to add a column or a sheet)."""

from __future__ import annotations

from typing import get_args

from scheduler.io.sheets.spec import Column, Sheet, id_column, name_column
from scheduler.io.sheets.values import CLOCK, COLOUR, TEXT_LIST, Choice, Int
from scheduler.model.calendar import SlotKind

SLOT_KINDS: tuple[str, ...] = get_args(SlotKind)

SCHOOL = Sheet(
    "School",
    "school",
    "The school itself: one row.",
    (Column("Name", "name", "Name of the school, printed on every export.", width=30),),
    single_row=True,
    id_column=None,
)

CALENDAR = Sheet(
    "Calendar",
    "day",
    "One row per period of each day of the cycle, in order. Breaks and lunch are periods too.",
    (
        Column(
            "Day",
            "day",
            "Short code of the day (e.g. Mon, or D1 in a rotation). Rows of one "
            "day belong together, in time order.",
            required=True,
            synonyms=("day id",),
        ),
        Column(
            "Day name", "day_name", "Full name of the day (e.g. Monday); once per day is enough."
        ),
        Column(
            "Slot",
            "slot",
            "Code of the period, unique within its day (e.g. P1, LUNCH).",
            synonyms=("period", "slot id", "period id"),
        ),
        Column(
            "Slot name",
            "slot_name",
            "Label shown in timetables (e.g. Period 1).",
            synonyms=("period name",),
        ),
        Column("Start", "start", "Start time, e.g. 08:30.", CLOCK, synonyms=("from", "start time")),
        Column("End", "end", "End time, e.g. 09:20.", CLOCK, synonyms=("to", "end time", "until")),
        Column(
            "Kind",
            "kind",
            f"{', '.join(SLOT_KINDS)}: only teaching periods hold lessons (flex periods hold "
            "flex offerings). Blank: teaching.",
            Choice(SLOT_KINDS),
            synonyms=("type",),
        ),
    ),
    synonyms=("days", "periods", "bell schedule", "bells", "slots", "time slots"),
    required=True,
    id_column=None,
)

SUBJECTS = Sheet(
    "Subjects",
    "subject",
    "What is taught: one row per subject.",
    (
        id_column("subject", "MATH"),
        name_column("subject"),
        Column(
            "Colour",
            "color",
            "Colour of its lessons in timetables, e.g. #AEC7E8. Blank: automatic.",
            COLOUR,
            synonyms=("color",),
        ),
    ),
    required=True,
)

TEACHERS = Sheet(
    "Teachers",
    "teacher",
    "One row per teacher. Times a teacher is not at school go on the Availability sheet.",
    (
        id_column("teacher", "T01 or ASANTOS"),
        name_column("teacher"),
        Column(
            "Subjects",
            "subjects",
            "Subjects the teacher is qualified to teach (codes from Subjects, comma separated).",
            TEXT_LIST,
            ref="subject",
            synonyms=("qualifications", "qualified subjects"),
        ),
        Column(
            "Max slots per day",
            "max_slots_per_day",
            "Most teaching periods in one day. Blank: no limit.",
            Int(0),
            synonyms=("max per day", "max periods per day"),
        ),
        Column(
            "Max slots per week",
            "max_slots_per_week",
            "Most teaching periods over the whole cycle. Blank: no limit.",
            Int(0),
            synonyms=("max per week", "max periods per week"),
        ),
    ),
    synonyms=("staff", "faculty"),
    required=True,
)

ROOMS = Sheet(
    "Rooms",
    "room",
    "One row per room a lesson can take place in.",
    (
        id_column("room", "R101"),
        name_column("room"),
        Column(
            "Capacity",
            "capacity",
            "Seats. Blank: size does not matter.",
            Int(0),
            synonyms=("seats", "size"),
        ),
        Column(
            "Type",
            "type",
            "Room type that courses and activities can ask for (e.g. classroom, lab, gym).",
            synonyms=("room type", "kind"),
        ),
        Column(
            "Features", "features", "Equipment, comma separated (e.g. projector, sinks).", TEXT_LIST
        ),
        Column(
            "Building",
            "building",
            "Building or site. Blank: none given.",
            synonyms=("site", "block"),
        ),
    ),
    synonyms=("classrooms", "spaces"),
)

GROUPS = Sheet(
    "Groups",
    "group",
    "Years, classes and subgroups. A lesson for a group involves every group below it.",
    (
        id_column("group", "9A"),
        name_column("group"),
        Column(
            "Parents",
            "parents",
            "Groups this one sits in (e.g. class 9A in year Y9), comma "
            "separated. Blank: a top-level group.",
            TEXT_LIST,
            ref="group",
            synonyms=("parent", "parent groups", "part of"),
        ),
        Column(
            "Size",
            "size",
            "Number of students, for room capacity. Blank: 0.",
            Int(0),
            synonyms=("students", "number of students", "headcount"),
        ),
    ),
    synonyms=("student groups", "classes", "forms", "years"),
)

STUDENTS = Sheet(
    "Students",
    "student",
    "One row per student. Course choices go on Requests, time away on Personal blocks or "
    "Availability.",
    (
        id_column("student", "S0001"),
        name_column("student"),
        Column(
            "Grade",
            "grade",
            "Grade or year level as a number. Blank: none.",
            Int(),
            synonyms=("year", "year level", "grade level"),
        ),
        Column(
            "Groups",
            "groups",
            "Groups the student belongs to (codes from Groups, comma separated).",
            TEXT_LIST,
            ref="group",
            synonyms=("group", "class", "classes"),
        ),
    ),
    synonyms=("pupils", "learners"),
)
