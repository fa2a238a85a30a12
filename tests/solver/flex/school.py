"""A small school with one flex block, for the flex routing and checker tests."""

from __future__ import annotations

from scheduler.model import (
    Activity,
    Calendar,
    Day,
    FlexBlock,
    FlexOffering,
    FlexRequest,
    Placement,
    Room,
    SchoolData,
    Slot,
    SlotRef,
    Solution,
    Student,
    StudentGroup,
    Subject,
    Teacher,
)

SLOTS = (
    Slot(id="P1", start="09:00", end="09:50"),
    Slot(id="FLEX", name="Flex", start="10:00", end="10:40", kind="flex"),
    Slot(id="P2", start="10:45", end="11:35"),
)
WINDOW = (SlotRef(day="TUE", slot="FLEX"), SlotRef(day="THU", slot="FLEX"))


def flex_school(
    *,
    students: int = 6,
    seats: tuple[int, ...] = (2, 2, 10),
    requests: tuple[FlexRequest, ...] = (),
    window: tuple[SlotRef, ...] = WINDOW,
    advisees: tuple[str, ...] = (),
    **update,
) -> SchoolData:
    """Offerings F1 (teacher T1, room R1), F2 (T2, R2), F3 (T3, R3 = advisory of ``advisees``);
    ``seats`` are the rooms' capacities."""
    ids = [f"S{i + 1}" for i in range(students)]
    data = SchoolData(
        name="Flex school",
        calendar=Calendar(
            days=tuple(Day(id=d, slots=SLOTS) for d in ("MON", "TUE", "WED", "THU", "FRI"))
        ),
        subjects=(Subject(id="M"),),
        teachers=tuple(Teacher(id=f"T{i}", subjects=("M",)) for i in (1, 2, 3)),
        rooms=tuple(Room(id=f"R{i + 1}", capacity=c) for i, c in enumerate(seats)),
        groups=(StudentGroup(id="Y9", size=students),),
        students=tuple(Student(id=s, groups=("Y9",)) for s in ids),
        activities=(
            Activity(id="MATH", subject="M", teachers=("T1",), groups=("Y9",), needs_room=False),
        ),
        flex_blocks=(FlexBlock(id="FLEX", name="Flex time", slots=window),),
        flex_offerings=(
            FlexOffering(id="F1", block="FLEX", kind="intervention", teacher="T1", room="R1"),
            FlexOffering(id="F2", block="FLEX", kind="enrichment", teacher="T2", room="R2"),
            FlexOffering(
                id="F3", block="FLEX", kind="advisory", teacher="T3", room="R3", advisees=advisees
            ),
        ),
        flex_requests=requests,
    )
    return data.model_copy(update=update) if update else data


def timetable(day: str = "MON", slot: str = "P1") -> Solution:
    return Solution(placements=(Placement(activity="MATH", meeting=0, day=day, slot=slot),))


def want(student: str, offering: str, tier: str = "choice", rank: int = 1) -> FlexRequest:
    return FlexRequest(student=student, offering=offering, tier=tier, rank=rank)
