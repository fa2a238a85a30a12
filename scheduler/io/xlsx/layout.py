"""Where things go on a sheet: time rows shared by days with different bells, and lesson clusters.

Days may be cut differently (50-minute periods on Monday, 90-minute blocks on Wednesday). The
weekly grid therefore has one row per interval between consecutive slot boundaries of the whole
cycle, and each day's slot spans the rows its clock time covers, so a 90-minute block is one tall
cell beside two shorter periods.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import time
from itertools import pairwise
from typing import TypeVar

from scheduler.model import Calendar

T = TypeVar("T")


def minute_of(t: time) -> int:
    return t.hour * 60 + t.minute


@dataclass(frozen=True, slots=True)
class TimeRow:
    start: time
    end: time

    @property
    def minutes(self) -> int:
        return minute_of(self.end) - minute_of(self.start)

    @property
    def clock(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True, slots=True)
class TimeGrid:
    rows: tuple[TimeRow, ...]
    spans: dict[tuple[int, int], tuple[int, int]]
    """(day index, slot index) -> (first row, last row), 0-based and inclusive."""

    def rows_of(self, day: int, first_slot: int, last_slot: int) -> tuple[int, int]:
        return self.spans[(day, first_slot)][0], self.spans[(day, last_slot)][1]


def time_grid(calendar: Calendar, extra: Iterable[time] = ()) -> TimeGrid:
    """Rows between consecutive slot boundaries (and the ``extra`` clock times, e.g. where a
    lunch wave starts inside a period), keeping only rows some slot covers."""
    slots = [
        (d, s, slot) for d, day in enumerate(calendar.days) for s, slot in enumerate(day.slots)
    ]
    bounds = sorted({t for *_, slot in slots for t in (slot.start, slot.end)} | set(extra))
    rows = tuple(
        TimeRow(a, b)
        for a, b in pairwise(bounds)
        if any(slot.start <= a and b <= slot.end for *_, slot in slots)
    )
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for d, s, slot in slots:
        inside = [i for i, r in enumerate(rows) if slot.start <= r.start and r.end <= slot.end]
        spans[(d, s)] = (inside[0], inside[-1])
    return TimeGrid(rows=rows, spans=spans)


@dataclass(frozen=True, slots=True)
class MasterColumns:
    """Teaching slots of each day, left to right: the columns of the master schedule."""

    days: tuple[tuple[int, tuple[int, ...]], ...]
    """(day index, slot indices of its teaching slots) for each day that has any."""

    def column_of(self) -> dict[tuple[int, int], int]:
        """(day index, slot index) -> 0-based column offset among all teaching slots."""
        out: dict[tuple[int, int], int] = {}
        for d, slots in self.days:
            for s in slots:
                out[(d, s)] = len(out)
        return out


def master_columns(calendar: Calendar) -> MasterColumns:
    days = tuple(
        (d, tuple(s for s, slot in enumerate(day.slots) if slot.teaching))
        for d, day in enumerate(calendar.days)
    )
    return MasterColumns(days=tuple((d, slots) for d, slots in days if slots))


def clusters(
    items: Iterable[T], span: Callable[[T], tuple[int, int]]
) -> list[tuple[int, int, list[T]]]:
    """Group items whose inclusive spans overlap, so clashing lessons share one cell."""
    out: list[tuple[int, int, list[T]]] = []
    for item in sorted(items, key=lambda i: span(i)):
        lo, hi = span(item)
        if out and lo <= out[-1][1]:
            first, last, members = out[-1]
            out[-1] = (first, max(last, hi), [*members, item])
        else:
            out.append((lo, hi, [item]))
    return out
