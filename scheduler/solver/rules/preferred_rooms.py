"""Some lessons belong in certain rooms (labs, the gym, a class's home room).

Rooms are chosen after the times, in the room step (``scheduler.solver.rooms``), so this module
states nothing in the timetable model: hard rules narrow each meeting's candidate rooms in compile,
and soft ones cost ``weight`` points per meeting outside the rooms (or without a room) in the room
step, whose penalty joins the solve's total under this name.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build

NAME = "preferred_rooms"


def build(b: Build) -> None:
    """Nothing to state in the timetable model (see the module docstring)."""
