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
    )
