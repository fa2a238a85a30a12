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
    activities: tuple[Id, ...] = Field((), description="Only these count; empty: every lesson.")

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
    consecutive_if_same_day: bool = Field(
        False, description="Two of them on one day (a soft violation) must then be back to back."
    )


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


class MaxGapsPerWeek(_Rule):
    """At most ``max_gaps`` idle teaching slots a week between first and last lessons of days."""

    kind: Literal["max_gaps_per_week"] = "max_gaps_per_week"
    target: Target
    max_gaps: int = Field(0, ge=0)

    @model_validator(mode="after")
    def _not_a_room(self) -> MaxGapsPerWeek:
        return _about_people(self)


class MinPerDay(_Rule):
    """At least ``min_slots`` lesson slots on each day with lessons (on every day when empty days
    are not allowed)."""

    kind: Literal["min_per_day"] = "min_per_day"
    target: Target
    min_slots: int = Field(ge=1)
    allow_empty_days: bool = True

    @model_validator(mode="after")
    def _not_a_room(self) -> MinPerDay:
        return _about_people(self)


class MaxDaysPerWeek(_Rule):
    """Lessons on at most ``max_days`` days of the cycle."""

    kind: Literal["max_days_per_week"] = "max_days_per_week"
    target: Target
    max_days: int = Field(ge=0)

    @model_validator(mode="after")
    def _not_a_room(self) -> MaxDaysPerWeek:
        return _about_people(self)


class MinDaysPerWeek(_Rule):
    """Lessons on at least ``min_days`` days of the cycle."""

    kind: Literal["min_days_per_week"] = "min_days_per_week"
    target: Target
    min_days: int = Field(ge=1)

    @model_validator(mode="after")
    def _not_a_room(self) -> MinDaysPerWeek:
        return _about_people(self)


class IntervalMaxDays(_Rule):
    """Lessons within day positions ``first_slot`` up to (not including) ``end_slot`` on at most
    ``max_days`` days, e.g. afternoons on at most two days."""

    kind: Literal["interval_max_days"] = "interval_max_days"
    target: Target
    first_slot: int = Field(ge=0, description="Position of the first slot in the day, from 0.")
    end_slot: int | None = Field(None, ge=1, description="Position after the last; None: day end.")
    max_days: int = Field(ge=0)

    @model_validator(mode="after")
    def _not_a_room(self) -> IntervalMaxDays:
        return _about_people(self)


class MaxContinuous(_Rule):
    """At most ``max_slots`` lesson slots in a row without a free slot or break in between."""

    kind: Literal["max_continuous"] = "max_continuous"
    target: Target
    max_slots: int = Field(ge=1)
    activities: tuple[Id, ...] = Field((), description="Only these count; empty: every lesson.")

    @model_validator(mode="after")
    def _not_a_room(self) -> MaxContinuous:
        return _about_people(self)


class StartsEarly(_Rule):
    """Each subgroup starts its day at the first period it can attend; on at most ``max_late_days``
    days at the second one, never later. Breaks and unavailable slots do not count."""

    kind: Literal["starts_early"] = "starts_early"
    target: Target
    max_late_days: int = Field(0, ge=0)

    @model_validator(mode="after")
    def _not_a_room(self) -> StartsEarly:
        return _about_people(self)


class SameStart(_Rule):
    """These activities start together: at the same slot, on the same day, or at the same
    period of possibly different days (``part``)."""

    kind: Literal["same_start"] = "same_start"
    activities: tuple[Id, ...] = Field(min_length=2)
    part: Literal["time", "day", "period"] = "time"


class NotOverlapping(_Rule):
    """No two of these activities share a slot."""

    kind: Literal["not_overlapping"] = "not_overlapping"
    activities: tuple[Id, ...] = Field(min_length=2)


class Consecutive(_Rule):
    """These activities (two or three) follow each other without a gap on one day, in the given
    order or, when not ``ordered``, in any order."""

    kind: Literal["consecutive"] = "consecutive"
    activities: tuple[Id, ...] = Field(min_length=2, max_length=3)
    ordered: bool = True


class MinGapsBetween(_Rule):
    """Any two of these activities on the same day have at least ``min_gaps`` slots between."""

    kind: Literal["min_gaps_between"] = "min_gaps_between"
    activities: tuple[Id, ...] = Field(min_length=2)
    min_gaps: int = Field(1, ge=1)


class EndsDay(_Rule):
    """Each of these activities is the last lesson of the day for all of its students."""

    kind: Literal["ends_day"] = "ends_day"
    activities: tuple[Id, ...] = Field(min_length=1)


class Ordered(_Rule):
    """The first activity ends before the second starts, in the order of the cycle (with
    ``if_same_day``: only when both fall on the same day)."""

    kind: Literal["ordered"] = "ordered"
    activities: tuple[Id, ...] = Field(min_length=2, max_length=2)
    if_same_day: bool = False


class MaxDaysBetween(_Rule):
    """Any two of these activities fall at most ``max_days`` days apart."""

    kind: Literal["max_days_between"] = "max_days_between"
    activities: tuple[Id, ...] = Field(min_length=2)
    max_days: int = Field(ge=0)


class MaxSimultaneous(_Rule):
    """In each of ``slots``, at most ``max_count`` of these activities run at once."""

    kind: Literal["max_simultaneous"] = "max_simultaneous"
    activities: tuple[Id, ...] = Field(min_length=1)
    slots: tuple[SlotRef, ...]
    max_count: int = Field(ge=0)


class MaxSlotsInSelection(_Rule):
    """Together these activities occupy at most ``max_slots`` of the listed ``slots``."""

    kind: Literal["max_slots_in_selection"] = "max_slots_in_selection"
    activities: tuple[Id, ...] = Field(min_length=1)
    slots: tuple[SlotRef, ...]
    max_slots: int = Field(ge=0)


class PreferredRooms(_Rule):
    """Meetings of these activities take place in one of ``rooms``. Hard: no other room. Soft:
    ``weight`` points per meeting elsewhere or without a room (an activity that needs no room
    then gets one of these when it can)."""

    kind: Literal["preferred_rooms"] = "preferred_rooms"
    activities: tuple[Id, ...] = Field(min_length=1)
    rooms: tuple[Id, ...] = Field(min_length=1)


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
    | MaxGapsPerWeek
    | MinPerDay
    | MaxDaysPerWeek
    | MinDaysPerWeek
    | IntervalMaxDays
    | MaxContinuous
    | StartsEarly
    | SameStart
    | NotOverlapping
    | Consecutive
    | MinGapsBetween
    | EndsDay
    | Ordered
    | MaxDaysBetween
    | MaxSimultaneous
    | MaxSlotsInSelection
    | PreferredRooms
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
    "max_gaps_per_week",
    "min_per_day",
    "max_days_per_week",
    "min_days_per_week",
    "interval_max_days",
    "max_continuous",
    "starts_early",
    "same_start",
    "not_overlapping",
    "consecutive",
    "min_gaps_between",
    "ends_day",
    "ordered",
    "max_days_between",
    "max_simultaneous",
    "max_slots_in_selection",
    "preferred_rooms",
    "unsupported",
)
