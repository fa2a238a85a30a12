"""A timetable: where and when each meeting takes place, plus how the solve went."""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from typing import Literal

from pydantic import Field

from scheduler.model.base import Frozen, Id
from scheduler.model.flex import FlexAssignment
from scheduler.model.personal import LunchAssignment

SolveStatus = Literal["optimal", "feasible", "infeasible", "unknown", "manual"]


class Placement(Frozen):
    activity: Id
    meeting: int = Field(ge=0)
    day: Id
    slot: Id = Field(description="The first slot the meeting occupies.")
    room: Id | None = None


class Enrollment(Frozen):
    """A student seated in one section (an activity of a course) for the whole cycle."""

    student: Id
    activity: Id


class Solution(Frozen):
    placements: tuple[Placement, ...] = ()
    enrollments: tuple[Enrollment, ...] = Field(
        (), description="Students placed in sections; empty for class-based timetables."
    )
    status: SolveStatus = "manual"
    objective: int | None = Field(None, description="Soft penalty the solver reported.")
    best_bound: float | None = None
    wall_s: float | None = None
    created: datetime | None = None
    flex: tuple[FlexAssignment, ...] = Field(
        (), description="Students routed to flex offerings, on top of the timetable."
    )
    lunches: tuple[LunchAssignment, ...] = Field((), description="Each student's lunch wave.")

    @cached_property
    def wave_by_student(self) -> dict[str, str]:
        return {a.student: a.wave for a in self.lunches}

    @cached_property
    def _by_meeting(self) -> dict[tuple[str, int], Placement]:
        return {(p.activity, p.meeting): p for p in self.placements}

    @cached_property
    def sections_by_student(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for e in self.enrollments:
            out.setdefault(e.student, []).append(e.activity)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def students_by_section(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for e in self.enrollments:
            out.setdefault(e.activity, []).append(e.student)
        return {k: tuple(v) for k, v in out.items()}

    def placement(self, activity: str, meeting: int) -> Placement | None:
        return self._by_meeting.get((activity, meeting))
