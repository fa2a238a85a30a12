"""Teachers and rooms: the people and places a lesson needs."""

from __future__ import annotations

from pydantic import Field

from scheduler.model.base import Frozen, Id
from scheduler.model.calendar import SlotRef


class Teacher(Frozen):
    id: Id
    name: str = ""
    subjects: tuple[Id, ...] = Field((), description="Subjects the teacher is qualified to teach.")
    unavailable: tuple[SlotRef, ...] = Field((), description="Slots the teacher is not at school.")
    max_slots_per_day: int | None = Field(
        None, ge=0, description="Hard cap on teaching slots a day."
    )
    max_slots_per_week: int | None = Field(None, ge=0, description="Hard cap over the whole cycle.")

    @property
    def label(self) -> str:
        return self.name or self.id


class Room(Frozen):
    id: Id
    name: str = ""
    capacity: int | None = Field(None, ge=0, description="Seats; None when it does not matter.")
    type: str = Field("", description="Room type an activity can ask for, e.g. 'lab', 'gym'.")
    features: tuple[str, ...] = ()
    building: str | None = None
    unavailable: tuple[SlotRef, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.id
