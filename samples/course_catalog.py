"""What a request-driven high school offers: an eight-period day and a US course catalogue.

Students here are not taught in fixed classes. Each asks for courses at their own level (a strong
9th grader in Algebra II beside 11th graders), and the sections of every course are planned from
that demand. The tables below say who asks for what, by grade, as weights for ``random.choices``.
"""

from __future__ import annotations

from dataclasses import dataclass

from samples.catalog import GRADES, SUBJECTS, slot
from scheduler.model import Calendar, Course, Day, Slot

__all__ = ["GRADES", "SUBJECTS"]

DAYS: tuple[tuple[str, str], ...] = (
    ("MON", "Monday"),
    ("TUE", "Tuesday"),
    ("WED", "Wednesday"),
    ("THU", "Thursday"),
    ("FRI", "Friday"),
)

_DAY_SLOTS: tuple[Slot, ...] = (
    slot("P1", "Period 1", "08:00", "08:50"),
    slot("P2", "Period 2", "08:55", "09:45"),
    slot("BRK", "Break", "09:45", "09:55", "break"),
    slot("P3", "Period 3", "09:55", "10:45"),
    slot("P4", "Period 4", "10:50", "11:40"),
    slot("LUN", "Lunch", "11:40", "12:15", "lunch"),
    slot("P5", "Period 5", "12:15", "13:05"),
    slot("P6", "Period 6", "13:10", "14:00"),
    slot("P7", "Period 7", "14:05", "14:55"),
    slot("P8", "Period 8", "15:00", "15:50"),
)

PERIODS: tuple[str, ...] = tuple(s.id for s in _DAY_SLOTS if s.teaching)
"""P1..P8: a section meets in one of these every day."""


def period_week() -> Calendar:
    """Five equal days of eight 50-minute periods, a short break after P2 and lunch after P4."""
    return Calendar(days=tuple(Day(id=d, name=name, slots=_DAY_SLOTS) for d, name in DAYS))


@dataclass(frozen=True, slots=True)
class Offer:
    """One course of the catalogue and what its sections need."""

    id: str
    name: str
    subject: str
    room_type: str = "classroom"
    capacity: int = 30
    sections: int | None = None
    """Fixed number of sections (singletons); None: planned from demand."""
    grade: int | None = None
    """The one grade it is written for, if any."""


LAB, GYM, MUSIC, ART, COMPUTER = "lab", "gym", "music", "art", "computer"

OFFERS: tuple[Offer, ...] = (
    Offer("ENG9", "English 9", "ENG", grade=9),
    Offer("ENG10", "English 10", "ENG", grade=10),
    Offer("ENG11", "English 11", "ENG", grade=11),
    Offer("ENG12", "English 12", "ENG", grade=12),
    Offer("APLIT", "AP English Literature", "ENG"),
    Offer("JOUR", "Journalism", "ENG", capacity=24),
    Offer("ALG1", "Algebra I", "MATH"),
    Offer("GEOM", "Geometry", "MATH"),
    Offer("ALG2", "Algebra II", "MATH"),
    Offer("PREC", "Precalculus", "MATH"),
    Offer("APCALC", "AP Calculus AB", "MATH"),
    Offer("APSTAT", "AP Statistics", "MATH"),
    Offer("BIO", "Biology", "SCI", LAB, 24),
    Offer("CHEM", "Chemistry", "SCI", LAB, 24),
    Offer("PHYS", "Physics", "SCI", LAB, 24),
    Offer("ENVS", "Environmental Science", "SCI", LAB, 24),
    Offer("APBIO", "AP Biology", "SCI", LAB, 24),
    Offer("APPHYS", "AP Physics 1", "SCI", LAB, 24, sections=1),
    Offer("WGEO", "World Geography", "HIST", grade=9),
    Offer("WHIS", "World History", "HIST", grade=10),
    Offer("USHIS", "U.S. History", "HIST"),
    Offer("APUSH", "AP U.S. History", "HIST"),
    Offer("GOVEC", "Government & Economics", "HIST", grade=12),
    Offer("SPAN1", "Spanish I", "WL"),
    Offer("SPAN2", "Spanish II", "WL"),
    Offer("SPAN3", "Spanish III", "WL"),
    Offer("SPAN4", "Spanish IV", "WL"),
    Offer("FREN1", "French I", "WL"),
    Offer("FREN2", "French II", "WL"),
    Offer("FREN3", "French III", "WL"),
    Offer("MAND1", "Mandarin I", "WL", sections=1),
    Offer("ART1", "Art I", "ART", ART, 28),
    Offer("ART2", "Art II", "ART", ART, 28),
    Offer("CERAM", "Ceramics", "ART", ART, 24),
    Offer("ORCH", "Orchestra", "MUS", MUSIC, 60, sections=1),
    Offer("BAND", "Concert Band", "MUS", MUSIC, 60),
    Offer("CHOIR", "Concert Choir", "MUS", MUSIC, 60),
    Offer("CSP", "Computer Science Principles", "CS", COMPUTER),
    Offer("APCSA", "AP Computer Science A", "CS", COMPUTER, sections=1),
    Offer("ROBO", "Robotics", "CS", COMPUTER, 24),
    Offer("HLTH", "Health", "PE"),
    Offer("PE", "Physical Education", "PE", GYM, 35),
)
OFFER_BY_ID: dict[str, Offer] = {o.id: o for o in OFFERS}

SINGLETON_FILL = 0.9
"""A singleton takes first requests up to this share of its seats; later students get its
fallback instead, as a school caps an oversubscribed singleton at course selection."""

FALLBACK: dict[str, str] = {
    "APPHYS": "PHYS",
    "MAND1": "SPAN1",
    "ORCH": "BAND",
    "APCSA": "CSP",
}
"""What a student asks for when a singleton is full; also the alternate of a singleton request."""


def courses() -> tuple[Course, ...]:
    """Every section meets once a day, in the same period all week."""
    return tuple(
        Course(
            id=o.id,
            name=o.name,
            subject=o.subject,
            grade=o.grade,
            meetings=(1,) * len(DAYS),
            section_capacity=o.capacity,
            sections=o.sections,
            room_types=(o.room_type,),
            same_slot=True,
        )
        for o in OFFERS
    )


Weights = tuple[tuple[str, int], ...]

MATH: dict[int, Weights] = {
    9: (("ALG1", 62), ("GEOM", 30), ("ALG2", 8)),
    10: (("ALG1", 8), ("GEOM", 55), ("ALG2", 29), ("PREC", 8)),
    11: (("GEOM", 8), ("ALG2", 52), ("PREC", 30), ("APSTAT", 10)),
    12: (("ALG2", 15), ("PREC", 35), ("APCALC", 28), ("APSTAT", 22)),
}
"""Placement by grade: the ladder is Algebra I, Geometry, Algebra II, Precalculus, then AP."""

ENGLISH: dict[int, Weights] = {
    9: (("ENG9", 1),),
    10: (("ENG10", 1),),
    11: (("ENG11", 90), ("APLIT", 10)),
    12: (("ENG12", 70), ("APLIT", 30)),
}
SCIENCE: dict[int, Weights] = {
    9: (("BIO", 85), ("ENVS", 15)),
    10: (("CHEM", 70), ("BIO", 15), ("ENVS", 10), ("APBIO", 5)),
    11: (("PHYS", 40), ("ENVS", 25), ("APBIO", 20), ("CHEM", 15)),
    12: (("ENVS", 30), ("PHYS", 20), ("APBIO", 20), ("CHEM", 15), ("APPHYS", 15)),
}
SOCIAL: dict[int, Weights] = {
    9: (("WGEO", 1),),
    10: (("WHIS", 1),),
    11: (("USHIS", 75), ("APUSH", 25)),
    12: (("GOVEC", 1),),
}

LANGUAGE_SHARE: dict[int, float] = {9: 0.85, 10: 0.8, 11: 0.7, 12: 0.6}
"""Share of each grade taking a world language as a required course."""
LANGUAGES: Weights = (("SPAN", 65), ("FREN", 27), ("MAND", 8))
LANGUAGE_LEVEL: dict[int, Weights] = {
    9: (("1", 80), ("2", 20)),
    10: (("1", 15), ("2", 70), ("3", 15)),
    11: (("1", 10), ("2", 20), ("3", 55), ("4", 15)),
    12: (("1", 10), ("2", 15), ("3", 35), ("4", 40)),
}
TOP_LEVEL: dict[str, int] = {"SPAN": 4, "FREN": 3, "MAND": 1}

ELECTIVES: dict[str, tuple[int, int, int, int]] = {
    # weight in grades 9, 10, 11, 12
    "PE": (30, 20, 12, 10),
    "HLTH": (12, 10, 3, 3),
    "ART1": (10, 10, 8, 8),
    "ART2": (0, 6, 6, 6),
    "CERAM": (4, 6, 6, 6),
    "ORCH": (4, 4, 4, 4),
    "BAND": (6, 6, 6, 6),
    "CHOIR": (6, 6, 6, 6),
    "CSP": (8, 8, 8, 6),
    "APCSA": (0, 3, 4, 4),
    "JOUR": (3, 4, 5, 5),
    "ROBO": (6, 6, 5, 5),
}
"""Who picks which elective: PE and Health early, AP Computer Science and Art II from grade 10."""

ALTERNATES: dict[str, tuple[str, ...]] = {
    "PE": ("HLTH",),
    "HLTH": ("PE",),
    "ART1": ("CERAM", "ART2"),
    "ART2": ("CERAM", "ART1"),
    "CERAM": ("ART1", "ART2"),
    "BAND": ("CHOIR",),
    "CHOIR": ("BAND",),
    "CSP": ("ROBO",),
    "ROBO": ("CSP",),
    "JOUR": ("ART1", "CSP"),
}
"""The course a student names in case the elective they want cannot be had, in order of liking."""
