"""Sheets of what is taught and the rules: Courses, Activities, Enrollments, Requests,
Availability, Pins and Rules (see ``schema`` for how to add a column or a sheet)."""

from __future__ import annotations

from scheduler.io.sheets.spec import Column, Sheet, id_column, name_column
from scheduler.io.sheets.values import BOOL, INT_LIST, TEXT, TEXT_LIST, Choice, Int
from scheduler.model import RULE_KINDS

TARGET_KINDS = ("teacher", "group", "room", "student")

COURSES = Sheet(
    "Courses",
    "course",
    "Courses students request; their sections are the activities that name them.",
    (
        id_column("course", "ALG1"),
        name_column("course"),
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
        id_column("activity", "MATH-9A"),
        name_column("activity"),
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
