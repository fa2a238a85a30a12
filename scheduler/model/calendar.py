"""The school week: named days, each with its own ordered slots of any length."""

from __future__ import annotations

from datetime import time
from functools import cached_property
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, model_validator

from scheduler.model.base import Frozen, Id


def _not_a_number(value: object) -> object:
    """Pydantic would read a number as seconds after midnight (in UTC); in a file it is a slip."""
    if isinstance(value, int | float):
        raise ValueError("expected a clock time such as '08:30'")
    return value


def _no_time_zone(value: time) -> time:
    """Slots are wall-clock times of the school; an aware time cannot even be ordered against
    a naive one."""
    if value.tzinfo is not None:
        raise ValueError("a clock time has no time zone")
    return value


def _clock_out(t: time) -> str:
    return t.strftime("%H:%M") if not (t.second or t.microsecond) else t.isoformat()


ClockTime = Annotated[
    time,
    BeforeValidator(_not_a_number),
    AfterValidator(_no_time_zone),
    PlainSerializer(_clock_out, return_type=str),
]

SlotKind = Literal["teaching", "break", "lunch", "flex"]
"""``flex``: no lessons; students go to flex offerings (see ``scheduler.model.flex``)."""


class Slot(Frozen):
    """A period of one day. Breaks and lunch slots exist on the clock but hold no lessons."""

    id: Id = Field(description="Unique within its day, e.g. 'P1'.")
    name: str = Field("", description="Label shown in timetables, e.g. 'Period 1'.")
    start: ClockTime
    end: ClockTime
    kind: SlotKind = "teaching"

    @property
    def label(self) -> str:
        return self.name or self.id

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)

    @property
    def teaching(self) -> bool:
        return self.kind == "teaching"

    @property
    def clock(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"

    @model_validator(mode="after")
    def _ends_after_start(self) -> Slot:
        if self.end <= self.start:
            raise ValueError(f"slot {self.id!r} ends at {self.end:%H:%M}, not after its start")
        return self


class Day(Frozen):
    """One day of the cycle: Monday, or 'Day 3' of a 6-day rotation, or 'Week B Tuesday'."""

    id: Id
    name: str = ""
    slots: tuple[Slot, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.id

    @model_validator(mode="after")
    def _slots_in_order(self) -> Day:
        seen: set[str] = set()
        for before, after in zip(self.slots, self.slots[1:], strict=False):
            if after.start < before.end:
                raise ValueError(
                    f"day {self.id!r}: slot {after.id!r} starts at {after.start:%H:%M}, "
                    f"before slot {before.id!r} ends at {before.end:%H:%M}"
                )
        for slot in self.slots:
            if slot.id in seen:
                raise ValueError(f"day {self.id!r}: slot id {slot.id!r} is used twice")
            seen.add(slot.id)
        return self

    def slot_index(self, slot_id: str) -> int:
        for i, slot in enumerate(self.slots):
            if slot.id == slot_id:
                return i
        raise KeyError(slot_id)


class SlotRef(Frozen):
    """A reference to one slot of one day, by ids."""

    day: Id
    slot: Id

    def __str__(self) -> str:
        return f"{self.day} {self.slot}"


class Calendar(Frozen):
    """The cycle of days that repeats (a week, or a 10-day A/B cycle)."""

    days: tuple[Day, ...] = ()

    @cached_property
    def _positions(self) -> dict[tuple[str, str], tuple[int, int]]:
        return {
            (day.id, slot.id): (d, s)
            for d, day in enumerate(self.days)
            for s, slot in enumerate(day.slots)
        }

    def position(self, ref: SlotRef) -> tuple[int, int] | None:
        """(day index, slot index) of a reference, or None when it names no slot."""
        return self._positions.get((ref.day, ref.slot))

    def slot(self, ref: SlotRef) -> Slot | None:
        pos = self.position(ref)
        return None if pos is None else self.days[pos[0]].slots[pos[1]]

    def day(self, day_id: str) -> Day | None:
        return next((d for d in self.days if d.id == day_id), None)

    @property
    def teaching_slot_count(self) -> int:
        return sum(1 for day in self.days for slot in day.slots if slot.teaching)

    def teaching_days(self) -> tuple[int, ...]:
        """Indexes of the days with at least one teaching slot: the days a lesson can use."""
        return tuple(d for d, day in enumerate(self.days) if any(s.teaching for s in day.slots))

    def teaching_run_from(self, ref: SlotRef) -> int:
        """How many teaching slots follow each other from ``ref`` on: the longest meeting that
        can start there (0 for a break, lunch or unknown slot)."""
        pos = self.position(ref)
        if pos is None:
            return 0
        run = 0
        for slot in self.days[pos[0]].slots[pos[1] :]:
            if not slot.teaching:
                break
            run += 1
        return run

    def longest_teaching_run(self) -> int:
        """The most consecutive teaching slots in any day: the longest lesson that can fit."""
        best = 0
        for day in self.days:
            run = 0
            for slot in day.slots:
                run = run + 1 if slot.teaching else 0
                best = max(best, run)
        return best
