"""The checker's rules, one module per family; each function yields the violations it finds."""

from __future__ import annotations

from scheduler.solver.checks import availability, conflicts, gaps, load, rooms, spread, times

CHECKS = (
    rooms.pins,
    conflicts.conflicts,
    rooms.rooms,
    availability.availability,
    load.load,
    spread.min_days,
    times.times,
    gaps.gaps,
)

__all__ = ["CHECKS"]
