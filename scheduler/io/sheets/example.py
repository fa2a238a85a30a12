"""The template's example rows: a two-of-everything school that is itself valid and importable."""

from __future__ import annotations

from datetime import time

from scheduler.model import (
    Activity,
    Calendar,
    Course,
    CourseRequest,
    Day,
    MaxGapsPerDay,
    Pin,
    PreferredRooms,
    Room,
    SchoolData,
    Slot,
    SlotRef,
    Student,
    StudentGroup,
    Subject,
    Teacher,
)
from scheduler.model.flex import FlexBlock, FlexOffering, FlexRequest
from scheduler.model.personal import (
    CycleDays,
    DayRule,
    LunchWave,
    LunchWindow,
    MaxMinutes,
    PersonalBlock,
)


def example_school() -> SchoolData:
    mon = Day(
        id="Mon",
        name="Monday",
        slots=(
            Slot(id="P1", name="Period 1", start=time(8, 30), end=time(9, 20)),
            Slot(id="P2", name="Period 2", start=time(9, 25), end=time(10, 15)),
        ),
    )
    return SchoolData(
        name="Example School",
        calendar=Calendar(days=(mon,)),
        subjects=(
            Subject(id="MATH", name="Mathematics", color="#AEC7E8"),
            Subject(id="SCI", name="Science", color="#98DF8A"),
        ),
        teachers=(
            Teacher(id="T01", name="Ana Santos", subjects=("MATH",), max_slots_per_day=6),
            Teacher(
                id="T02",
                name="Ben Okafor",
                subjects=("SCI", "MATH"),
                max_slots_per_week=25,
                unavailable=(SlotRef(day="Mon", slot="P1"),),
            ),
        ),
        rooms=(
            Room(
                id="R101",
                name="Room 101",
                capacity=30,
                type="classroom",
                features=("projector",),
                building="Main",
                unavailable=(SlotRef(day="Mon", slot="P2"),),
            ),
            Room(
                id="LAB1",
                name="Science lab",
                capacity=24,
                type="lab",
                features=("sinks", "gas"),
                building="Main",
            ),
        ),
        groups=(
            StudentGroup(id="Y9", name="Year 9", size=50),
            StudentGroup(id="9A", name="Class 9A", parents=("Y9",), size=25),
        ),
        students=(
            Student(
                id="S0001",
                name="Maya Lee",
                grade=9,
                groups=("9A",),
                requests=(CourseRequest(course="ALG1"),),
            ),
            Student(
                id="S0002",
                name="Omar Haddad",
                grade=9,
                groups=("9A",),
                requests=(
                    CourseRequest(course="BIO1", required=False, priority=1, alternates=("ALG1",)),
                ),
            ),
        ),
        courses=(
            Course(
                id="ALG1",
                name="Algebra I",
                subject="MATH",
                grade=9,
                meetings=(1,),
                section_capacity=30,
                teachers=("T01",),
            ),
            Course(
                id="BIO1",
                name="Biology",
                subject="SCI",
                grade=9,
                meetings=(1,),
                section_capacity=24,
                sections=1,
                room_types=("lab",),
            ),
        ),
        activities=(
            Activity(
                id="MATH-9A",
                name="Maths 9A",
                subject="MATH",
                course="ALG1",
                teachers=("T01",),
                groups=("9A",),
                meetings=(1,),
                pins=(Pin(meeting=0, start=SlotRef(day="Mon", slot="P1"), room="R101"),),
            ),
            Activity(
                id="BIO1-1",
                name="Biology section 1",
                subject="SCI",
                course="BIO1",
                teachers=("T02",),
                students=("S0001", "S0002"),
                room_types=("lab",),
                pins=(Pin(meeting=0, room="LAB1"),),
            ),
        ),
        constraints=(
            MaxGapsPerDay(
                id="gaps-T01",
                hard=False,
                weight=10,
                target={"kind": "teacher", "id": "T01"},
                max_gaps=1,
                note="Ana prefers compact days",
            ),
            PreferredRooms(
                id="maths-room", hard=False, weight=5, activities=("MATH-9A",), rooms=("R101",)
            ),
        ),
        **_flex(),
        **_personal(),
    )


def _flex() -> dict:
    """Two flex blocks (a club period for Year 9, an advisory for Class 9A), an offering in
    each, and a request of each tier a spreadsheet is most likely to hold."""
    return {
        "flex_blocks": (
            FlexBlock(
                id="CLUB", name="Clubs", slots=(SlotRef(day="Mon", slot="P2"),), groups=("Y9",)
            ),
            FlexBlock(id="ADV", name="Advisory", slots=(SlotRef(day="Mon", slot="P1"),)),
        ),
        "flex_offerings": (
            FlexOffering(
                id="FX-ROBOT",
                name="Robotics club",
                block="CLUB",
                kind="enrichment",
                teacher="T02",
                room="LAB1",
                capacity=20,
            ),
            FlexOffering(
                id="FX-ADV1",
                name="Advisory (Ana Santos)",
                block="ADV",
                kind="advisory",
                teacher="T01",
                room="R101",
                advisees=("S0001", "S0002"),
            ),
        ),
        "flex_requests": (
            FlexRequest(student="S0001", offering="FX-ROBOT", rank=1),
            FlexRequest(
                student="S0002", offering="FX-ROBOT", tier="teacher", by="T02", note="team captain"
            ),
        ),
    }


def _personal() -> dict:
    """One of each kind of personalized time, twice; none of them takes a period the example's
    lessons need (they fall after school, or on every day there is)."""
    return {
        "personal_blocks": (
            PersonalBlock(
                id="AWAY-1",
                name="Internship: Lakeside Hospital",
                place="Lakeside Hospital",
                students=("S0002",),
                days=("Mon",),
                start=time(10, 30),
                end=time(15, 30),
            ),
            PersonalBlock(
                id="DOC",
                name="Physiotherapy",
                kind="appointment",
                students=("S0001",),
                days=("Mon",),
                start=time(14, 0),
                end=time(15, 0),
            ),
        ),
        "day_rules": (
            DayRule(id="late-start", name="Late start", groups=("9A",), time=time(8, 30)),
            DayRule(
                id="early-home",
                name="Early release",
                kind="early_release",
                students=("S0002",),
                days=("Mon",),
                time=time(10, 15),
            ),
        ),
        "cycle_days": (
            CycleDays(id="maths-mon", activities=("MATH-9A",), days=("Mon",)),
            CycleDays(id="bio-mon", activities=("BIO1-1",), days=("Mon",)),
        ),
        "lunch_windows": (
            LunchWindow(id="lunch", start=time(10, 15), end=time(12, 0), minutes=30),
            LunchWindow(
                id="lunch-9A", groups=("9A",), days=("Mon",), start=time(10, 15), end=time(11, 0)
            ),
        ),
        "max_minutes": (
            MaxMinutes(id="cap-Y9", groups=("Y9",), max_minutes=300),
            MaxMinutes(id="cap-S0001", students=("S0001",), days=("Mon",), max_minutes=100),
        ),
        "lunch_waves": (
            LunchWave(id="A", name="Lunch A", start=time(10, 20), end=time(10, 50), capacity=40),
            LunchWave(id="B", name="Lunch B", start=time(10, 55), end=time(11, 25), groups=("9A",)),
        ),
    }
