"""A timetable: where and when each meeting takes place, plus how the solve went."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from scheduler.model.base import Frozen, Id

SolveStatus = Literal["optimal", "feasible", "infeasible", "unknown", "manual"]


class Placement(Frozen):
    activity: Id
    meeting: int = Field(ge=0)
    day: Id
    slot: Id = Field(description="The first slot the meeting occupies.")
    room: Id | None = None


class Solution(Frozen):
    placements: tuple[Placement, ...] = ()
    status: SolveStatus = "manual"
    objective: int | None = Field(None, description="Soft penalty the solver reported.")
    best_bound: float | None = None
    wall_s: float | None = None
    created: datetime | None = None

    def placement(self, activity: str, meeting: int) -> Placement | None:
        return next(
            (p for p in self.placements if p.activity == activity and p.meeting == meeting), None
        )
