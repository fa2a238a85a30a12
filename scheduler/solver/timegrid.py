"""The calendar flattened to one line of slots, so hot loops work on integers."""

from __future__ import annotations

from dataclasses import dataclass

from scheduler.model import Calendar, SlotRef


@dataclass(frozen=True, slots=True)
class TimeGrid:
    """Slot ``t`` of the cycle is slot ``index_in_day[t]`` of day ``day_of[t]``."""

    day_of: tuple[int, ...]
    index_in_day: tuple[int, ...]
    teaching: tuple[bool, ...]
    day_ranges: tuple[range, ...]
    refs: tuple[tuple[str, str], ...]
    lookup: dict[tuple[str, str], int]

    @classmethod
    def of(cls, calendar: Calendar) -> TimeGrid:
        day_of, index, teaching, ranges, refs = [], [], [], [], []
        for d, day in enumerate(calendar.days):
            first = len(day_of)
            for s, slot in enumerate(day.slots):
                day_of.append(d)
                index.append(s)
                teaching.append(slot.teaching)
                refs.append((day.id, slot.id))
            ranges.append(range(first, len(day_of)))
        lookup = {ref: t for t, ref in enumerate(refs)}
        return cls(tuple(day_of), tuple(index), tuple(teaching), tuple(ranges), tuple(refs), lookup)

    @property
    def size(self) -> int:
        return len(self.day_of)

    @property
    def days(self) -> int:
        return len(self.day_ranges)

    def slot(self, ref: SlotRef | tuple[str, str]) -> int | None:
        key = (ref.day, ref.slot) if isinstance(ref, SlotRef) else ref
        return self.lookup.get(key)

    def slots_of(self, refs: tuple[SlotRef, ...] | list[SlotRef]) -> frozenset[int]:
        lookup = self.lookup
        return frozenset(lookup[(r.day, r.slot)] for r in refs if (r.day, r.slot) in lookup)

    def possible_starts(self, duration: int) -> tuple[int, ...]:
        """Starts where ``duration`` teaching slots follow each other within one day."""
        starts = []
        for day in self.day_ranges:
            run = 0
            for t in day:
                run = run + 1 if self.teaching[t] else 0
                if run >= duration:
                    starts.append(t - duration + 1)
        return tuple(starts)

    def teaching_slots_of_day(self, d: int) -> tuple[int, ...]:
        return tuple(t for t in self.day_ranges[d] if self.teaching[t])
