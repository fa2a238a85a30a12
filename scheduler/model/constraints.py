"""Scheduling rules a school adds on top of its data, as one discriminated union.

Every rule is hard (must hold) or soft (each violation costs ``weight`` penalty points). Stable
rule names (the ``kind`` values) are reused by the solver, the checker, reports and exports.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from scheduler.model.base import Frozen, Id
from scheduler.model.calendar import SlotRef

TargetKind = Literal["teacher", "group", "room", "student"]


class Target(Frozen):
    """The teacher, group, room or student a rule is about."""

    kind: TargetKind
    id: Id

    def __str__(self) -> str:
        return f'{self.kind} "{self.id}"'


class _Rule(Frozen):
    id: Id
    hard: bool = True
    weight: int = Field(1, ge=1, le=1_000_000, description="Penalty per violation when soft.")
    active: bool = True
    note: str = ""


class Availability(_Rule):
    """The target cannot (hard) or would rather not (soft) be scheduled in these slots."""

    kind: Literal["availability"] = "availability"
    target: Target
    slots: tuple[SlotRef, ...]


class MaxPerDay(_Rule):
    """At most ``max_slots`` occupied slots on any one day (for a group: for each subgroup)."""

    kind: Literal["max_per_day"] = "max_per_day"
    target: Target
    max_slots: int = Field(ge=0)

    @model_validator(mode="after")
    def _not_a_room(self) -> MaxPerDay:
        return _about_people(self)


class MaxPerWeek(_Rule):
    """At most ``max_slots`` occupied slots over the whole cycle."""

    kind: Literal["max_per_week"] = "max_per_week"
    target: Target
    max_slots: int = Field(ge=0)

    @model_validator(mode="after")
    def _not_a_room(self) -> MaxPerWeek:
        return _about_people(self)


class MinDaysBetween(_Rule):
    """Meetings of these activities fall on days at least ``min_days`` apart (each pair)."""

    kind: Literal["min_days_between"] = "min_days_between"
    activities: tuple[Id, ...] = Field(min_length=1)
    min_days: int = Field(1, ge=1)


class PreferredTimes(_Rule):
    """Meetings of these activities lie within ``slots`` (or, with ``starts_only``, start there)."""

    kind: Literal["preferred_times"] = "preferred_times"
    activities: tuple[Id, ...] = Field(min_length=1)
    slots: tuple[SlotRef, ...]
    starts_only: bool = False


class ForbiddenTimes(_Rule):
    """Meetings of these activities never touch ``slots``."""

    kind: Literal["forbidden_times"] = "forbidden_times"
    activities: tuple[Id, ...] = Field(min_length=1)
    slots: tuple[SlotRef, ...]


class MaxGapsPerDay(_Rule):
    """At most ``max_gaps`` idle teaching slots between the first and last lesson of a day."""

    kind: Literal["max_gaps_per_day"] = "max_gaps_per_day"
    target: Target
    max_gaps: int = Field(0, ge=0)

    @model_validator(mode="after")
    def _not_a_room(self) -> MaxGapsPerDay:
        return _about_people(self)


def _about_people(rule):
    """Rooms have no day to spread or gaps to close; these rules are about people."""
    if rule.target.kind == "room":
        raise ValueError(f"{rule.kind} applies to teachers, groups and students, not rooms")
    return rule


class Unsupported(_Rule):
    """A rule brought in from another program (e.g. FET) that Flexday cannot state yet. It is kept,
    so nothing is lost on a round trip, counted in reports, and named by every solve that ignores
    it; it never constrains a timetable."""

    kind: Literal["unsupported"] = "unsupported"
    origin: str = Field("", description="Where it came from, e.g. 'fet'.")
    type: str = Field(description="The rule's name there, e.g. 'ConstraintTeacherMaxHoursDaily'.")
    fields: dict[str, Any] = Field(default_factory=dict, description="Its settings, as read.")
    summary: str = ""


Constraint = Annotated[
    Availability
    | MaxPerDay
    | MaxPerWeek
    | MinDaysBetween
    | PreferredTimes
    | ForbiddenTimes
    | MaxGapsPerDay
    | Unsupported,
    Field(discriminator="kind"),
]

RULE_KINDS: tuple[str, ...] = (
    "availability",
    "max_per_day",
    "max_per_week",
    "min_days_between",
    "preferred_times",
    "forbidden_times",
    "max_gaps_per_day",
    "unsupported",
)
