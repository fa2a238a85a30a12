"""Sheets of flex time and personalized time: Flex blocks, Flex offerings, Flex requests,
Personal blocks, Day rules, Cycle days, Lunch windows, Minutes caps and Lunch waves (see
``schema`` for how to add a column or a sheet). Each is one row per entity; times are clock
times, days are Calendar day codes, comma separated."""

from __future__ import annotations

from typing import get_args

from scheduler.io.sheets.spec import Column, Sheet, id_column, name_column
from scheduler.io.sheets.values import CLOCK, TEXT, TEXT_LIST, Choice, Int
from scheduler.model.flex import FlexKind, FlexTier
from scheduler.model.personal import PersonalKind

FLEX_KINDS: tuple[str, ...] = get_args(FlexKind)
FLEX_TIERS: tuple[str, ...] = get_args(FlexTier)
PERSONAL_KINDS: tuple[str, ...] = get_args(PersonalKind)
DAY_RULE_KINDS = ("late_start", "early_release")


def _students(what: str) -> Column:
    return Column(
        "Students",
        "students",
        f"Student codes {what}, comma separated.",
        TEXT_LIST,
        ref="student",
        synonyms=("student",),
    )


def _groups(what: str) -> Column:
    return Column(
        "Groups",
        "groups",
        f"Groups {what} (their subgroups too), comma separated.",
        TEXT_LIST,
        ref="group",
        synonyms=("group",),
    )


def _days(blank: str, required: bool = False) -> Column:
    return Column(
        "Days",
        "days",
        f"Day codes (from Calendar), comma separated.{blank}",
        TEXT_LIST,
        required=required,
        ref="day",
        synonyms=("day", "on"),
    )


def _start(what: str) -> Column:
    return Column("Start", "start", f"{what}, e.g. 13:00.", CLOCK, True, synonyms=("from",))


def _end(what: str) -> Column:
    return Column("End", "end", f"{what}, e.g. 15:30.", CLOCK, True, synonyms=("to", "until"))


FLEX_BLOCKS = Sheet(
    "Flex blocks",
    "flex block",
    "Recurring flex windows: each student goes to one flex offering for all of a block's periods.",
    (
        id_column("flex block", "FLEX"),
        name_column("flex block"),
        Column(
            "Slots",
            "slots",
            "Periods of the window as 'Day Slot', comma separated (e.g. Tue FLEX, Thu FLEX).",
            TEXT_LIST,
            required=True,
            ref="dayslot",
            synonyms=("periods", "times"),
        ),
        _groups("whose students take part. Blank: everyone"),
    ),
    synonyms=("flex", "flex time", "flex windows"),
)

FLEX_OFFERINGS = Sheet(
    "Flex offerings",
    "flex offering",
    "What each teacher runs in a flex block, where, and for how many.",
    (
        id_column("flex offering", "FX-MATH"),
        name_column("flex offering"),
        Column(
            "Block",
            "block",
            "Flex block code (from Flex blocks).",
            required=True,
            ref="flex_block",
            synonyms=("flex block",),
        ),
        Column(
            "Kind",
            "kind",
            f"{', '.join(FLEX_KINDS)}. Blank: study_hall.",
            Choice(FLEX_KINDS),
            synonyms=("type",),
        ),
        Column("Teacher", "teacher", "Teacher code who runs it.", ref="teacher"),
        Column("Room", "room", "Room code where it meets.", ref="room"),
        Column(
            "Capacity",
            "capacity",
            "Seats. Blank: the room's capacity (no limit without a room).",
            Int(0),
            synonyms=("seats",),
        ),
        Column(
            "Advisees",
            "advisees",
            "Students for whom it is the default (their advisory), comma separated.",
            TEXT_LIST,
            ref="student",
            synonyms=("advisory students", "default students"),
            width=30,
        ),
    ),
    synonyms=("flex activities",),
)

FLEX_REQUESTS = Sheet(
    "Flex requests",
    "flex request",
    "Who should go to which flex offering: one row per student and offering.",
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
            "Offering",
            "offering",
            "Flex offering code (from Flex offerings).",
            required=True,
            ref="flex_offering",
            synonyms=("flex offering",),
        ),
        Column(
            "Tier",
            "tier",
            "mandatory (must attend), teacher (a teacher asks, see By) or choice (the "
            "student's own, see Rank). Blank: choice.",
            Choice(FLEX_TIERS),
            synonyms=("level",),
        ),
        Column(
            "Rank",
            "rank",
            "For choices: 1 is the most wanted. Blank: 1.",
            Int(1),
            synonyms=("priority", "choice"),
        ),
        Column("By", "by", "For teacher requests: the teacher who asked.", ref="teacher"),
        Column("Note", "note", "Why: for people, not the solver.", TEXT, width=24),
    ),
    synonyms=("flex choices",),
    id_column=None,
)

PERSONAL_BLOCKS = Sheet(
    "Personal blocks",
    "personal block",
    "Named time away for some students (internship, work-based learning, dual enrolment, "
    "appointment): no class touches it.",
    (
        id_column("personal block", "AWAY-1"),
        name_column("personal block"),
        Column(
            "Kind",
            "kind",
            f"{', '.join(PERSONAL_KINDS)}. Blank: internship.",
            Choice(PERSONAL_KINDS),
            synonyms=("type",),
        ),
        Column("Place", "place", "Where, e.g. the employer or the college.", width=24),
        _students("away"),
        _groups("away"),
        _days("", required=True),
        _start("Leaves at"),
        _end("Back at (or the end of the day)"),
    ),
    synonyms=("internships", "time away"),
)

DAY_RULES = Sheet(
    "Day rules",
    "day rule",
    "Late starts (no class before Time) and early releases (no class from Time on).",
    (
        id_column("day rule", "late-start"),
        name_column("day rule"),
        Column(
            "Kind",
            "kind",
            "late_start or early_release. Blank: late_start.",
            Choice(DAY_RULE_KINDS),
            synonyms=("type",),
        ),
        _students("it applies to"),
        _groups("it applies to"),
        _days(" Blank: every day."),
        Column("Time", "time", "The clock time, e.g. 08:50.", CLOCK, True, synonyms=("at",)),
    ),
    synonyms=("late starts", "early release", "late start"),
)

CYCLE_DAYS = Sheet(
    "Cycle days",
    "cycle days rule",
    "Activities that meet only on some days of the cycle (A-week only, days 1, 3 and 5).",
    (
        id_column("cycle days rule", "A-week"),
        Column(
            "Activities",
            "activities",
            "Activity codes, comma separated.",
            TEXT_LIST,
            required=True,
            ref="activity",
            synonyms=("activity",),
        ),
        _days(" The only days they may meet on.", required=True),
    ),
    synonyms=("day rotation", "rotation days"),
)

LUNCH_WINDOWS = Sheet(
    "Lunch windows",
    "lunch window",
    "A guaranteed free lunch: at least Minutes in a row without class between Start and End.",
    (
        id_column("lunch window", "lunch"),
        _students("it applies to (blank with Groups blank: everyone)"),
        _groups("it applies to"),
        _days(" Blank: every day."),
        _start("Window opens"),
        _end("Window closes"),
        Column(
            "Minutes",
            "minutes",
            "Free minutes in a row. Blank: 30.",
            Int(1),
            synonyms=("free minutes",),
        ),
    ),
    synonyms=("lunch", "lunch breaks"),
)

MINUTES_CAPS = Sheet(
    "Minutes caps",
    "minutes cap",
    "At most Max minutes of class a day (a 90-minute block counts 90).",
    (
        id_column("minutes cap", "cap-9"),
        _students("it applies to (blank with Groups blank: everyone)"),
        _groups("it applies to"),
        _days(" Blank: every day."),
        Column(
            "Max minutes",
            "max_minutes",
            "Most class minutes a day.",
            Int(0),
            required=True,
            synonyms=("minutes", "max minutes per day"),
        ),
    ),
    synonyms=("max minutes", "minutes per day", "daily minutes"),
)

LUNCH_WAVES = Sheet(
    "Lunch waves",
    "lunch wave",
    "Cafeteria periods: every student gets one wave, with no class during it.",
    (
        id_column("lunch wave", "A"),
        name_column("lunch wave"),
        _days(" Blank: every day."),
        _start("Wave starts"),
        _end("Wave ends"),
        Column(
            "Capacity",
            "capacity",
            "Cafeteria seats. Blank: no limit.",
            Int(0),
            synonyms=("seats",),
        ),
        _groups("who eat in this wave whatever their classes"),
    ),
    synonyms=("waves", "lunch periods"),
)
