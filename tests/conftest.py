"""Shared test set-up: Qt without a display, and a small hand-built school to vary per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Logs of the tests' own runs stay out of the user's log folder.
os.environ.setdefault("FLEXDAY_LOG_DIR", __import__("tempfile").mkdtemp(prefix="flexday-logs-"))

from collections.abc import Callable
from datetime import time
from typing import Any

import pytest
from hypothesis import settings

from scheduler.model import (
    Activity,
    Availability,
    Calendar,
    Consecutive,
    Course,
    CourseRequest,
    Day,
    EndsDay,
    ForbiddenTimes,
    IntervalMaxDays,
    MaxContinuous,
    MaxDaysBetween,
    MaxDaysPerWeek,
    MaxGapsPerDay,
    MaxGapsPerWeek,
    MaxPerDay,
    MaxPerWeek,
    MaxSimultaneous,
    MaxSlotsInSelection,
    MinDaysBetween,
    MinDaysPerWeek,
    MinGapsBetween,
    MinPerDay,
    NotOverlapping,
    Ordered,
    Pin,
    PreferredRooms,
    PreferredTimes,
    Room,
    SameStart,
    SchoolData,
    Slot,
    SlotRef,
    StartsEarly,
    Student,
    StudentGroup,
    Subject,
    Target,
    Teacher,
    Unsupported,
)

# The suite tries the same generated examples on every run, so a red run always means a change
# broke something; new examples are searched for on purpose, with FLEXDAY_HYPOTHESIS=explore (and
# by the long fuzz run, tests/robustness/fuzz.py).
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("FLEXDAY_HYPOTHESIS", "ci"))


def slot(slot_id: str, start: str, end: str, kind: str = "teaching") -> Slot:
    h1, m1 = map(int, start.split(":"))
    h2, m2 = map(int, end.split(":"))
    return Slot(id=slot_id, start=time(h1, m1), end=time(h2, m2), kind=kind)


def ref(day: str, slot_id: str) -> SlotRef:
    return SlotRef(day=day, slot=slot_id)


def small_calendar() -> Calendar:
    """Three days of different shapes: a long Monday with break and lunch, a short Tuesday with a
    double period, and a Wednesday of two periods."""
    return Calendar(
        days=(
            Day(
                id="Mon",
                name="Monday",
                slots=(
                    slot("P1", "08:00", "08:45"),
                    slot("P2", "08:45", "09:30"),
                    slot("B", "09:30", "09:50", "break"),
                    slot("P3", "09:50", "10:35"),
                    slot("L", "12:00", "12:40", "lunch"),
                    slot("P4", "12:40", "13:25"),
                ),
            ),
            Day(
                id="Tue",
                name="Tuesday",
                slots=(slot("P1", "08:00", "09:30"), slot("P2", "09:40", "10:25")),
            ),
            Day(
                id="Wed",
                name="Wednesday",
                slots=(slot("P1", "08:00", "08:45"), slot("P2", "08:45", "09:30")),
            ),
        )
    )


def small_school(**changes: Any) -> SchoolData:
    """A valid school with one of everything; keyword arguments replace whole collections."""
    school = SchoolData(
        name="Riverside Test",
        calendar=small_calendar(),
        subjects=(Subject(id="MA", name="Math"), Subject(id="FR", name="Français")),
        courses=(
            Course(id="C-MA7", subject="MA", grade=7, meetings=(1, 2)),
            Course(id="C-FR7", subject="FR", grade=7, meetings=(1,)),
        ),
        teachers=(
            Teacher(id="T1", name="Ada", subjects=("MA",), max_slots_per_day=4),
            Teacher(id="T2", name="Zoë", subjects=("FR",), unavailable=(ref("Wed", "P1"),)),
        ),
        rooms=(
            Room(id="R1", capacity=30, type="class"),
            Room(id="LAB", capacity=24, type="lab", unavailable=(ref("Tue", "P2"),)),
        ),
        groups=(
            StudentGroup(id="Y7", name="Year 7"),
            StudentGroup(id="7A", parents=("Y7",)),
            StudentGroup(id="FR", name="French set", parents=("Y7",)),
            # Overlapping divisions: one subgroup under a class and a language set.
            StudentGroup(id="7A-FR", parents=("7A", "FR"), size=12),
            StudentGroup(id="7A-X", parents=("7A",), size=13),
        ),
        students=(
            Student(
                id="S1",
                name="Émile",
                grade=7,
                groups=("7A-FR",),
                requests=(
                    CourseRequest(course="C-MA7"),
                    CourseRequest(
                        course="C-FR7", required=False, priority=2, alternates=("C-MA7",)
                    ),
                ),
            ),
        ),
        activities=(
            Activity(
                id="MA-7A",
                name="Math 7A",
                subject="MA",
                course="C-MA7",
                teachers=("T1",),
                groups=("7A",),
                meetings=(1, 2),
                min_days_between=1,
                room_types=("class",),
                pins=(Pin(meeting=0, start=ref("Mon", "P1"), room="R1"),),
            ),
            Activity(
                id="FR-7",
                subject="FR",
                course="C-FR7",
                teachers=("T2",),
                groups=("FR",),
                students=("S1",),
                meetings=(1,),
                rooms=("R1", "LAB"),
            ),
        ),
        constraints=(
            Availability(
                id="K1", target=Target(kind="teacher", id="T1"), slots=(ref("Mon", "P4"),)
            ),
            MaxPerDay(id="K2", target=Target(kind="group", id="7A"), max_slots=3, hard=False),
            MaxPerWeek(id="K3", target=Target(kind="teacher", id="T2"), max_slots=5),
            MinDaysBetween(id="K4", activities=("MA-7A",), min_days=1, hard=False, weight=5),
            PreferredTimes(
                id="K5", activities=("FR-7",), slots=(ref("Tue", "P1"),), starts_only=True
            ),
            ForbiddenTimes(id="K6", activities=("MA-7A",), slots=(ref("Wed", "P2"),)),
            MaxGapsPerDay(id="K7", target=Target(kind="student", id="S1"), max_gaps=1, hard=False),
            Unsupported(
                id="K8",
                origin="fet",
                type="ConstraintTeacherMaxHoursContinuously",
                fields={"Teacher_Name": "T1", "Maximum_Hours_Continuously": 3},
            ),
            *_imported_kinds(),
        ),
    )
    return school.model_copy(update=changes) if changes else school


def _imported_kinds() -> tuple:
    """One (inactive) rule of each kind FET files brought in, so round trips cover them."""
    teacher, group = Target(kind="teacher", id="T1"), Target(kind="group", id="7A")
    both = ("MA-7A", "FR-7")
    return tuple(
        rule.model_copy(update={"active": False})
        for rule in (
            MaxGapsPerWeek(id="K9", target=teacher, max_gaps=2),
            MinPerDay(id="K10", target=group, min_slots=2, allow_empty_days=False),
            MaxDaysPerWeek(id="K11", target=teacher, max_days=2, hard=False, weight=3),
            MinDaysPerWeek(id="K12", target=teacher, min_days=2),
            IntervalMaxDays(id="K13", target=group, first_slot=2, end_slot=None, max_days=1),
            MaxContinuous(id="K14", target=teacher, max_slots=2, activities=("MA-7A",)),
            StartsEarly(id="K15", target=group, max_late_days=1),
            SameStart(id="K16", activities=both, part="period"),
            NotOverlapping(id="K17", activities=both),
            Consecutive(id="K18", activities=both, ordered=False),
            MinGapsBetween(id="K19", activities=both, min_gaps=1, hard=False, weight=2),
            EndsDay(id="K20", activities=("FR-7",)),
            PreferredRooms(id="K21", activities=("FR-7",), rooms=("LAB",), hard=False, weight=4),
            Ordered(id="K22", activities=both, if_same_day=True),
            MaxDaysBetween(id="K23", activities=both, max_days=1),
            MaxSimultaneous(id="K24", activities=both, slots=(ref("Mon", "P1"),), max_count=1),
            MaxSlotsInSelection(id="K25", activities=both, slots=(ref("Tue", "P1"),), max_slots=0),
        )
    )


@pytest.fixture
def make_school() -> Callable[..., SchoolData]:
    """``make_school(teachers=(...))``: the small school with some collections replaced."""
    return small_school


@pytest.fixture
def school() -> SchoolData:
    return small_school()
