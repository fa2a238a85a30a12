"""The workbook layout: one ``Sheet`` per kind of row, in the order the template shows them.

To add a field: add a ``Column`` to its sheet (``field`` is the model field; ``ref`` names what it
refers to). A plain entity sheet (``ENTITY_SHEETS``) then reads and writes it with no other change.
A new entity gets a new ``Sheet`` here plus an entry in ``ENTITY_SHEETS`` (one row per entity) or
a pair of functions in ``build``/``rows`` for sheets that spread one entity over many rows.
"""

from __future__ import annotations

from scheduler.io.sheets.spec import Column, Sheet
from scheduler.io.sheets.values import (
    BOOL,
    CLOCK,
    COLOUR,
    INT_LIST,
    TEXT,
    TEXT_LIST,
    Choice,
    Int,
)
from scheduler.model import RULE_KINDS

TARGET_KINDS = ("teacher", "group", "room", "student")
SLOT_KINDS = ("teaching", "break", "lunch")


def _id(what: str, example: str) -> Column:
    return Column(
        "ID",
        "id",
        f"Unique short code of the {what}, used on the other sheets to refer to it "
        f"(e.g. {example}).",
        required=True,
        synonyms=("code", "short name", "abbreviation", what),
    )


def _name(what: str) -> Column:
    return Column(
        "Name",
        "name",
        f"Full name of the {what}, shown in timetables.",
        synonyms=("full name", "long name", "title"),
        width=24,
    )


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
            "teaching, break or lunch: only teaching periods hold lessons. Blank: teaching.",
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
        _id("subject", "MATH"),
        _name("subject"),
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
        _id("teacher", "T01 or ASANTOS"),
        _name("teacher"),
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
        _id("room", "R101"),
        _name("room"),
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
        _id("group", "9A"),
        _name("group"),
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
    "One row per student. Course choices go on Requests, personal time on Availability.",
    (
        _id("student", "S0001"),
        _name("student"),
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

COURSES = Sheet(
    "Courses",
    "course",
    "Courses students request; their sections are the activities that name them.",
    (
        _id("course", "ALG1"),
        _name("course"),
        Column("Subject", "subject", "Subject code (from Subjects).", required=True, ref="subject"),
        Column("Grade", "grade", "Grade level it is meant for. Blank: any.", Int()),
        Column(
            "Meetings",
            "meetings",
            "Length in periods of each weekly meeting, comma separated "
            "(e.g. 1, 1, 2 for two single periods and a double).",
            INT_LIST,
            synonyms=("durations", "periods", "lessons"),
        ),
        Column(
            "Section capacity",
            "section_capacity",
            "Most students in one section. Blank: no limit.",
            Int(1),
            synonyms=("capacity", "max students", "class size"),
        ),
        Column(
            "Sections",
            "sections",
            "Fixed number of sections. Blank: as many as needed.",
            Int(0),
            synonyms=("number of sections",),
        ),
        Column(
            "Teachers",
            "teachers",
            "Who may teach its sections, comma separated. Blank: every "
            "teacher qualified in the subject.",
            TEXT_LIST,
            ref="teacher",
        ),
        Column(
            "Room types",
            "room_types",
            "Acceptable room types, comma separated. Blank: any.",
            TEXT_LIST,
        ),
        Column(
            "Min days between",
            "min_days_between",
            "Meetings at least this many days apart. Blank: 0.",
            Int(0),
        ),
        Column(
            "Same slot",
            "same_slot",
            "yes: its sections meet in the same period every day.",
            BOOL,
            synonyms=("same period",),
        ),
    ),
    synonyms=("course catalog", "course catalogue", "catalog"),
)

ACTIVITIES = Sheet(
    "Activities",
    "activity",
    "Weekly offerings (lessons or sections): who teaches whom, how many meetings, where.",
    (
        _id("activity", "MATH-9A"),
        _name("activity"),
        Column("Subject", "subject", "Subject code (from Subjects).", required=True, ref="subject"),
        Column(
            "Course",
            "course",
            "Course it is a section of (from Courses). Blank: none.",
            ref="course",
        ),
        Column(
            "Teachers",
            "teachers",
            "Teacher codes, comma separated.",
            TEXT_LIST,
            ref="teacher",
            synonyms=("teacher",),
        ),
        Column(
            "Groups",
            "groups",
            "Groups taught together, comma separated. Students enrolled "
            "one by one go on Enrollments.",
            TEXT_LIST,
            ref="group",
            synonyms=("group", "class", "classes"),
        ),
        Column(
            "Meetings",
            "meetings",
            "Length in periods of each meeting, comma separated (e.g. "
            "1, 1, 2). Blank: one single period.",
            INT_LIST,
            synonyms=("durations", "lessons"),
        ),
        Column(
            "Min days between",
            "min_days_between",
            "Meetings at least this many days apart. Blank: 0.",
            Int(0),
        ),
        Column(
            "Room types",
            "room_types",
            "Acceptable room types, comma separated. Blank: any.",
            TEXT_LIST,
            synonyms=("room type",),
        ),
        Column(
            "Rooms",
            "rooms",
            "Acceptable rooms, comma separated. Blank: any room of the types.",
            TEXT_LIST,
            ref="room",
            synonyms=("room",),
        ),
        Column(
            "Needs room",
            "needs_room",
            "no: the activity takes no room (e.g. off-site). Blank: yes.",
            BOOL,
        ),
        Column(
            "Size",
            "size",
            "Expected attendance. Blank: worked out from groups and enrollments.",
            Int(0),
            synonyms=("attendance",),
        ),
        Column(
            "Same slot",
            "same_slot",
            "yes: every meeting starts in the same period of its day.",
            BOOL,
            synonyms=("same period",),
        ),
    ),
    synonyms=("sections", "lessons", "classes taught"),
    required=True,
)

ENROLLMENTS = Sheet(
    "Enrollments",
    "enrollment",
    "Students enrolled one by one in an activity (a section roster): one row per student.",
    (
        Column(
            "Activity",
            "activity",
            "Activity code (from Activities).",
            required=True,
            ref="activity",
            synonyms=("section",),
        ),
        Column(
            "Student",
            "student",
            "Student code (from Students).",
            required=True,
            ref="student",
            synonyms=("student id",),
        ),
    ),
    synonyms=("rosters", "roster", "section students", "enrolments"),
    id_column=None,
)

REQUESTS = Sheet(
    "Requests",
    "request",
    "Course requests: one row per student and course, the student's first choice first.",
    (
        Column(
            "Student",
            "student",
            "Student code (from Students).",
            required=True,
            ref="student",
            synonyms=("student id",),
        ),
        Column(
            "Course",
            "course",
            "Course code (from Courses).",
            required=True,
            ref="course",
            synonyms=("course id", "course code"),
        ),
        Column(
            "Required",
            "required",
            "yes: the student must get it; no: an elective. Blank: yes.",
            BOOL,
            synonyms=("mandatory", "compulsory"),
        ),
        Column(
            "Priority",
            "priority",
            "For electives: 1 is the most wanted. Blank: 1.",
            Int(1),
            synonyms=("rank", "choice"),
        ),
        Column(
            "Alternates",
            "alternates",
            "Courses to take instead, in order, comma separated.",
            TEXT_LIST,
            ref="course",
            synonyms=("alternatives", "alternate"),
        ),
    ),
    synonyms=("course requests", "choices", "course choices"),
    id_column=None,
)

AVAILABILITY = Sheet(
    "Availability",
    "availability",
    "Times a teacher, room, group or student is not available (personal time included).",
    (
        Column(
            "Applies to",
            "target_kind",
            "teacher, room, group or student.",
            Choice(TARGET_KINDS),
            required=True,
            synonyms=("who kind", "for"),
        ),
        Column(
            "Who",
            "target",
            "Code of that teacher, room, group or student.",
            required=True,
            ref="target",
            synonyms=("code",),
        ),
        Column("Day", "day", "Day code (from Calendar).", required=True, ref="day"),
        Column(
            "Slots",
            "slots",
            "Periods of that day, comma separated. Blank: the whole day.",
            TEXT_LIST,
            ref="slot",
            synonyms=("periods", "slot"),
        ),
    ),
    synonyms=("unavailable", "unavailability", "not available", "personal time"),
    id_column=None,
)

PINS = Sheet(
    "Pins",
    "pin",
    "Meetings fixed in advance to a time, a room, or both; the solver keeps them.",
    (
        Column(
            "Activity",
            "activity",
            "Activity code (from Activities).",
            required=True,
            ref="activity",
        ),
        Column(
            "Meeting",
            "meeting",
            "Which meeting of the activity: 1 for the first.",
            Int(1),
            required=True,
            synonyms=("meeting number",),
        ),
        Column("Day", "day", "Day it starts on. Blank: any time.", ref="day"),
        Column("Slot", "slot", "Period it starts in.", ref="slot", synonyms=("period",)),
        Column("Room", "room", "Room. Blank: any allowed room.", ref="room"),
    ),
    synonyms=("fixed", "locked", "fixed meetings"),
    id_column=None,
)

RULES = Sheet(
    "Rules",
    "rule",
    "Scheduling rules on top of the data: hard ones must hold, soft ones cost their weight.",
    (
        Column("ID", "id", "Unique code of the rule.", required=True, synonyms=("rule id",)),
        Column(
            "Rule",
            "kind",
            "Which rule (see Instructions for each kind).",
            Choice(RULE_KINDS),
            required=True,
            synonyms=("kind", "type", "rule kind", "constraint"),
            width=22,
        ),
        Column(
            "Hard",
            "hard",
            "yes: must hold; no: a preference costing Weight per violation. Blank: yes.",
            BOOL,
        ),
        Column(
            "Weight",
            "weight",
            "Penalty per violation of a soft rule. Blank: 1.",
            Int(1),
            synonyms=("penalty",),
        ),
        Column(
            "Active",
            "active",
            "no: kept but switched off. Blank: yes.",
            BOOL,
            synonyms=("enabled", "on"),
        ),
        Column(
            "Applies to",
            "target_kind",
            "For rules about one person, group or room: teacher, group, room or student.",
            Choice(TARGET_KINDS),
        ),
        Column("Who", "target", "Code of that teacher, group, room or student.", ref="target"),
        Column(
            "Activities",
            "activities",
            "Activity codes the rule is about, comma separated.",
            TEXT_LIST,
            ref="activity",
        ),
        Column(
            "Slots",
            "slots",
            "Periods as 'Day Slot', comma separated (e.g. Mon P1, Mon P2).",
            TEXT_LIST,
            ref="dayslot",
            synonyms=("times", "periods"),
        ),
        Column(
            "Rooms",
            "rooms",
            "Room codes, comma separated (preferred_rooms).",
            TEXT_LIST,
            ref="room",
        ),
        Column(
            "Limit",
            "limit",
            "The rule's number: most periods, gaps or days, fewest days "
            "between, ... (see Instructions).",
            Int(0),
            synonyms=("value", "max", "min", "number"),
        ),
        Column(
            "Options",
            "options",
            "Other settings as name=value; name=value (e.g. part=day, first_slot=4).",
            width=24,
        ),
        Column(
            "Note",
            "note",
            "Why the rule exists: for people, not the solver.",
            TEXT,
            synonyms=("comment", "notes", "description"),
            width=30,
        ),
    ),
    synonyms=("constraints", "conditions"),
)

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
)

ENTITY_SHEETS: dict[str, str] = {
    "Subjects": "subjects",
    "Teachers": "teachers",
    "Rooms": "rooms",
    "Groups": "groups",
    "Students": "students",
    "Courses": "courses",
    "Activities": "activities",
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
