"""The checker's rules, one module per family; each function yields the violations it finds."""

from __future__ import annotations

from scheduler.solver.checks import (
    availability,
    conflicts,
    gaps,
    load,
    rooms,
    same_slot,
    sections,
    spread,
    times,
)

CHECKS = (
    rooms.pins,
    conflicts.conflicts,
    rooms.rooms,
    availability.availability,
    load.load,
    spread.min_days,
    times.times,
    gaps.gaps,
    same_slot.same_slot,
    sections.enrollments,
    sections.capacity,
)

__all__ = ["CHECKS"]
