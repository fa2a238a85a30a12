"""Students and the groups they are taught in."""

from __future__ import annotations

from pydantic import Field

from scheduler.model.base import Frozen, Id
from scheduler.model.calendar import SlotRef


class StudentGroup(Frozen):
    """A year, class or subgroup. Groups form a hierarchy through ``parents`` (a subgroup may sit in
    several groups, as FET's overlapping divisions do); a lesson for a group occupies every group
    below it, so two lessons clash when their groups share a descendant without children."""

    id: Id
    name: str = ""
    parents: tuple[Id, ...] = ()
    size: int = Field(0, ge=0, description="Number of students, for room capacity.")
    unavailable: tuple[SlotRef, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.id


class CourseRequest(Frozen):
    course: Id
    required: bool = True
    priority: int = Field(1, ge=1, description="1 is the most wanted elective.")
    alternates: tuple[Id, ...] = Field((), description="Courses to take instead, in order.")


class Student(Frozen):
    id: Id
    name: str = ""
    grade: int | None = None
    groups: tuple[Id, ...] = ()
    unavailable: tuple[SlotRef, ...] = Field(
        (), description="Personal time: internships, late starts, appointments."
    )
    requests: tuple[CourseRequest, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.id
