"""The tiny sample: three short days and six activities, small enough to reason about in tests."""

from __future__ import annotations

from samples import catalog
from scheduler.model import (
    Activity,
    Calendar,
    Day,
    ForbiddenTimes,
    MaxGapsPerDay,
    Room,
    SchoolData,
    SlotRef,
    StudentGroup,
    Target,
    Teacher,
)


def tiny() -> SchoolData:
    """Three short days, one year with two classes, six activities: quick to solve and read."""
    slots = (
        catalog.slot("P1", "Period 1", "09:00", "09:45"),
        catalog.slot("P2", "Period 2", "09:50", "10:35"),
        catalog.slot("BRK", "Break", "10:35", "10:55", "break"),
        catalog.slot("P3", "Period 3", "10:55", "11:40"),
        catalog.slot("P4", "Period 4", "11:45", "12:30"),
    )
    days = (("MON", "Monday"), ("TUE", "Tuesday"), ("WED", "Wednesday"))
    subjects = tuple(s for s in catalog.SUBJECTS if s.id in ("MATH", "ENG", "SCI", "HIST"))

    def lesson(
        aid: str,
        subject: str,
        teacher: str,
        group: str,
        meetings: tuple[int, ...],
        room_type: str = "classroom",
    ) -> Activity:
        return Activity(
            id=aid,
            subject=subject,
            teachers=(teacher,),
            groups=(group,),
            meetings=meetings,
            min_days_between=1 if len(meetings) > 1 else 0,
            room_types=(room_type,),
        )

    return SchoolData(
        name="Tiny School",
        calendar=Calendar(days=tuple(Day(id=d, name=n, slots=slots) for d, n in days)),
        subjects=subjects,
        teachers=(
            Teacher(
                id="T1",
                name="Ada Brooks",
                subjects=("MATH", "SCI"),
                unavailable=(SlotRef(day="TUE", slot="P1"),),
            ),
            Teacher(id="T2", name="Ravi Okafor", subjects=("ENG", "HIST")),
            Teacher(id="T3", name="Lucia Tanaka", subjects=("SCI", "HIST")),
        ),
        rooms=(
            Room(id="R1", name="Room 1", capacity=30, type="classroom"),
            Room(id="R2", name="Room 2", capacity=60, type="classroom"),
            Room(id="LAB", name="Science Lab", capacity=30, type="lab"),
        ),
        groups=(
            StudentGroup(id="Y7", name="Year 7", size=46),
            StudentGroup(id="7A", parents=("Y7",), size=24),
            StudentGroup(id="7B", parents=("Y7",), size=22),
        ),
        activities=(
            lesson("7A-MATH", "MATH", "T1", "7A", (1, 1)),
            lesson("7B-MATH", "MATH", "T1", "7B", (1, 1)),
            lesson("7A-SCI", "SCI", "T3", "7A", (2,), room_type="lab"),
            lesson("7A-ENG", "ENG", "T2", "7A", (1, 1)),
            lesson("7B-ENG", "ENG", "T2", "7B", (1, 1)),
            lesson("Y7-HIST", "HIST", "T3", "Y7", (1,)),
        ),
        constraints=(
            MaxGapsPerDay(
                id="gaps-T2",
                target=Target(kind="teacher", id="T2"),
                max_gaps=0,
                hard=False,
                weight=2,
            ),
            ForbiddenTimes(
                id="hist-not-monday-first",
                activities=("Y7-HIST",),
                slots=(SlotRef(day="MON", slot="P1"),),
                hard=False,
                note="The year-wide lecture is not first thing on Monday.",
            ),
        ),
    )
