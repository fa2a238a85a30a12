"""Subjects, courses and activities: what is taught, and each weekly offering of it."""

from __future__ import annotations

from pydantic import Field

from scheduler.model.base import Frozen, Id
from scheduler.model.calendar import SlotRef


class Subject(Frozen):
    id: Id
    name: str = ""
    color: str | None = Field(None, pattern=r"^#[0-9a-fA-F]{6}$")

    @property
    def label(self) -> str:
        return self.name or self.id


class Course(Frozen):
    """A course students request; its sections are activities that name it."""

    id: Id
    name: str = ""
    subject: Id
    grade: int | None = None
    meetings: tuple[int, ...] = Field((), description="Duration in slots of each weekly meeting.")
    section_capacity: int | None = Field(None, ge=1)
    sections: int | None = Field(None, ge=0, description="Fixed number of sections, if given.")
    teachers: tuple[Id, ...] = Field(
        (), description="Who may teach its sections; empty: every teacher qualified in the subject."
    )
    room_types: tuple[str, ...] = ()
    min_days_between: int = Field(0, ge=0)
    same_slot: bool = Field(False, description="Sections meet in the same period every day.")

    @property
    def label(self) -> str:
        return self.name or self.id


class Pin(Frozen):
    """Fixes one meeting of an activity to a start slot, a room, or both."""

    meeting: int = Field(ge=0)
    start: SlotRef | None = None
    room: Id | None = None


class Activity(Frozen):
    """A weekly offering: who teaches whom, how many meetings and how long each is."""

    id: Id
    name: str = ""
    subject: Id
    course: Id | None = None
    teachers: tuple[Id, ...] = ()
    groups: tuple[Id, ...] = ()
    students: tuple[Id, ...] = Field((), description="Students enrolled one by one (sections).")
    meetings: tuple[int, ...] = Field((1,), description="Duration in slots of each meeting.")
    min_days_between: int = Field(0, ge=0, description="Meetings at least this many days apart.")
    room_types: tuple[str, ...] = Field((), description="Acceptable room types; empty: any.")
    rooms: tuple[Id, ...] = Field((), description="Acceptable rooms; empty: any of the types.")
    needs_room: bool = True
    size: int | None = Field(None, ge=0, description="Expected attendance, if not derived.")
    same_slot: bool = Field(
        False,
        description="Every meeting starts in the same slot of its day (a period-based section).",
    )
    pins: tuple[Pin, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.id

    def pin(self, meeting: int) -> Pin | None:
        return next((p for p in self.pins if p.meeting == meeting), None)
