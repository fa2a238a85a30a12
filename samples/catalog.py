"""What the generated high schools teach and when: the week, subjects, courses, class programs.

Loads are chosen for generous margins (see ``program``): a class meets 26 of the week's 32 teaching
slots, and no room type is asked for more than about two thirds of its room-slots.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from scheduler.model import Calendar, Course, Day, Slot, SlotRef, Subject

GRADES: tuple[int, ...] = (9, 10, 11, 12)


def _t(clock: str) -> time:
    hours, minutes = clock.split(":")
    return time(int(hours), int(minutes))


def slot(slot_id: str, name: str, start: str, end: str, kind: str = "teaching") -> Slot:
    return Slot(id=slot_id, name=name, start=_t(start), end=_t(end), kind=kind)


_PERIOD_DAY: tuple[Slot, ...] = (
    slot("P1", "Period 1", "08:00", "08:50"),
    slot("P2", "Period 2", "08:55", "09:45"),
    slot("BRK", "Break", "09:45", "10:00", "break"),
    slot("P3", "Period 3", "10:00", "10:50"),
    slot("P4", "Period 4", "10:55", "11:45"),
    slot("LUN", "Lunch", "11:45", "12:25", "lunch"),
    slot("P5", "Period 5", "12:25", "13:15"),
    slot("P6", "Period 6", "13:20", "14:10"),
    slot("P7", "Period 7", "14:15", "15:05"),
)

_BLOCK_DAY: tuple[Slot, ...] = (
    slot("B1", "Block 1", "08:00", "09:30"),
    slot("B2", "Block 2", "09:40", "11:10"),
    slot("LUN", "Lunch", "11:10", "11:50", "lunch"),
    slot("FLEX", "Flex", "11:50", "12:20"),
    slot("B3", "Block 3", "12:25", "13:55"),
)


def high_school_week() -> Calendar:
    """Seven 50-minute periods Monday, Tuesday, Thursday and Friday; Wednesday is a block day."""
    days = (
        ("MON", "Monday"),
        ("TUE", "Tuesday"),
        ("WED", "Wednesday"),
        ("THU", "Thursday"),
        ("FRI", "Friday"),
    )
    return Calendar(
        days=tuple(
            Day(id=d, name=name, slots=_BLOCK_DAY if d == "WED" else _PERIOD_DAY)
            for d, name in days
        )
    )


PERIOD_DAYS: tuple[str, ...] = ("MON", "TUE", "THU", "FRI")
"""The days of seven periods; Wednesday is the block day."""

FIRST_SLOTS: tuple[SlotRef, ...] = tuple(
    SlotRef(day=d, slot="B1" if d == "WED" else "P1") for d in ("MON", "TUE", "WED", "THU", "FRI")
)


def afternoon(day: str) -> tuple[SlotRef, ...]:
    return tuple(SlotRef(day=day, slot=s) for s in ("P5", "P6", "P7"))


def mornings(day: str) -> tuple[SlotRef, ...]:
    slots = ("B1", "B2") if day == "WED" else ("P1", "P2", "P3", "P4")
    return tuple(SlotRef(day=day, slot=s) for s in slots)


def whole_day(calendar: Calendar, day: str) -> tuple[SlotRef, ...]:
    found = calendar.day(day)
    assert found is not None
    return tuple(SlotRef(day=day, slot=s.id) for s in found.slots if s.teaching)


def teaching_capacity(
    calendar: Calendar, *, unavailable: tuple[SlotRef, ...] = (), per_day: int | None = None
) -> int:
    """Teaching slots left in the week after ``unavailable`` and a daily cap."""
    away = {(r.day, r.slot) for r in unavailable}
    total = 0
    for day in calendar.days:
        free = sum(1 for s in day.slots if s.teaching and (day.id, s.id) not in away)
        total += free if per_day is None else min(free, per_day)
    return total


SUBJECTS: tuple[Subject, ...] = (
    Subject(id="MATH", name="Mathematics", color="#3B82F6"),
    Subject(id="ENG", name="English", color="#EF4444"),
    Subject(id="SCI", name="Science", color="#10B981"),
    Subject(id="HIST", name="History & Social Studies", color="#F59E0B"),
    Subject(id="WL", name="World Languages", color="#8B5CF6"),
    Subject(id="PE", name="Physical Education", color="#F97316"),
    Subject(id="ART", name="Art", color="#EC4899"),
    Subject(id="MUS", name="Music", color="#14B8A6"),
    Subject(id="CS", name="Computer Science", color="#64748B"),
)

SECOND_SUBJECT: dict[str, str] = {
    "MATH": "CS",
    "ENG": "HIST",
    "SCI": "MATH",
    "HIST": "ENG",
    "WL": "ENG",
    "PE": "SCI",
    "ART": "MUS",
    "MUS": "ART",
    "CS": "MATH",
}
"""A plausible second qualification, given to some teachers of each subject."""


@dataclass(frozen=True, slots=True)
class Part:
    """One subject's share of a class's week."""

    subject: str
    meetings: tuple[int, ...]
    room_type: str
    courses: dict[int, tuple[str, str]]
    """Grade -> (course id, course name)."""


def _by_grade(*courses: tuple[str, str]) -> dict[int, tuple[str, str]]:
    return dict(zip(GRADES, courses, strict=True))


MATH = Part(
    "MATH",
    (2, 1, 1, 1),
    "classroom",
    _by_grade(
        ("ALG1", "Algebra I"), ("GEOM", "Geometry"), ("ALG2", "Algebra II"), ("PREC", "Precalculus")
    ),
)
ENGLISH = Part(
    "ENG",
    (2, 1, 1, 1),
    "classroom",
    _by_grade(
        ("ENG9", "English 9"),
        ("ENG10", "English 10"),
        ("ENG11", "American Literature"),
        ("ENG12", "British Literature"),
    ),
)
SCIENCE = Part(
    "SCI",
    (2, 1),
    "lab",
    _by_grade(
        ("BIO", "Biology"),
        ("CHEM", "Chemistry"),
        ("PHYS", "Physics"),
        ("ENVS", "Environmental Science"),
    ),
)
HISTORY = Part(
    "HIST",
    (1, 1, 1, 1),
    "classroom",
    _by_grade(
        ("WGEO", "World Geography"),
        ("WHIS", "World History"),
        ("USHIS", "U.S. History"),
        ("GOVEC", "Government & Economics"),
    ),
)
SPANISH = Part(
    "WL",
    (1, 1, 1, 1),
    "classroom",
    _by_grade(
        ("SPAN1", "Spanish I"),
        ("SPAN2", "Spanish II"),
        ("SPAN3", "Spanish III"),
        ("SPAN4", "Spanish IV"),
    ),
)
FRENCH = Part(
    "WL",
    (1, 1, 1, 1),
    "classroom",
    _by_grade(
        ("FREN1", "French I"),
        ("FREN2", "French II"),
        ("FREN3", "French III"),
        ("FREN4", "French IV"),
    ),
)
PE = Part(
    "PE",
    (1, 1),
    "gym",
    _by_grade(
        ("PE9", "Physical Education 9"),
        ("PE10", "Physical Education 10"),
        ("FIT11", "Fitness & Wellness 11"),
        ("FIT12", "Fitness & Wellness 12"),
    ),
)
ART = Part(
    "ART",
    (2,),
    "art",
    _by_grade(
        ("ART1", "Art I"),
        ("ART2", "Art II"),
        ("DRAW", "Drawing & Painting"),
        ("STUDIO", "Studio Art"),
    ),
)
MUSIC = Part(
    "MUS",
    (1, 1),
    "music",
    _by_grade(
        ("MUS1", "Music I"),
        ("CHOIR", "Concert Choir"),
        ("BAND", "Concert Band"),
        ("MTHRY", "Music Theory"),
    ),
)
COMPUTING = Part(
    "CS",
    (1,),
    "computer",
    _by_grade(
        ("DLIT", "Digital Literacy"),
        ("CSP", "Computer Science Principles"),
        ("PROG", "Programming I"),
        ("DATA", "Data Science"),
    ),
)


def program(class_number: int) -> tuple[Part, ...]:
    """The week of the ``class_number``-th class of the school (counting across grades).

    26 teaching slots: every activity has at most four meetings on different days, so none is
    forced onto Wednesday, which has only four teaching slots. Classes alternate Spanish/French and
    Art/Music so the one-room subjects stay around half full.
    """
    language = SPANISH if class_number % 2 == 0 else FRENCH
    arts = ART if (class_number // 2) % 2 == 0 else MUSIC
    return (MATH, ENGLISH, SCIENCE, HISTORY, language, PE, arts, COMPUTING)


ALL_PARTS: tuple[Part, ...] = (
    MATH,
    ENGLISH,
    SCIENCE,
    HISTORY,
    SPANISH,
    FRENCH,
    PE,
    ART,
    MUSIC,
    COMPUTING,
)

ELECTIVES: tuple[Course, ...] = tuple(
    Course(id=cid, name=name, subject=subject, meetings=(1, 1), section_capacity=24)
    for cid, name, subject in (
        ("PHOTO", "Photography", "ART"),
        ("CERAM", "Ceramics", "ART"),
        ("JAZZ", "Jazz Band", "MUS"),
        ("CWRI", "Creative Writing", "ENG"),
        ("JOUR", "Journalism", "ENG"),
        ("ROBO", "Robotics", "CS"),
        ("WEBD", "Web Design", "CS"),
        ("PSYC", "Psychology", "HIST"),
        ("ASTR", "Astronomy", "SCI"),
        ("STAT", "Statistics", "MATH"),
    )
)
"""Courses students ask for one by one; no sections yet (student sectioning comes later)."""


def courses() -> tuple[Course, ...]:
    """Every grade course (one per part and grade) followed by the electives."""
    graded = tuple(
        Course(
            id=part.courses[grade][0],
            name=part.courses[grade][1],
            subject=part.subject,
            grade=grade,
            meetings=part.meetings,
            section_capacity=30,
        )
        for part in ALL_PARTS
        for grade in GRADES
    )
    return graded + ELECTIVES
