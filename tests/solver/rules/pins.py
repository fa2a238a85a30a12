"""Pins for rule tests: ``at("Mon", 2)`` pins meeting 0 to Monday P2."""

from __future__ import annotations

from scheduler.model import Pin, SlotRef


def at(day: str, period: int, meeting: int = 0) -> Pin:
    return Pin(meeting=meeting, start=SlotRef(day=day, slot=f"P{period}"))
