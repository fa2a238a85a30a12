"""The checker's rules, one module per family; each function yields the violations it finds."""

from __future__ import annotations

from scheduler.solver.checks import (
    availability,
    conflicts,
    days,
    flex,
    gaps,
    load,
    personal,
    rooms,
    same_slot,
    sections,
    spread,
    times,
    together,
)

CHECKS = (
    rooms.pins,
    conflicts.conflicts,
    rooms.rooms,
    rooms.preferred_rooms,
    availability.availability,
    load.load,
    spread.min_days,
    times.times,
    gaps.gaps,
    same_slot.same_slot,
    sections.enrollments,
    sections.capacity,
    days.days,
    together.together,
    together.order,
    flex.flex,
    personal.personal,
)

__all__ = ["CHECKS"]
