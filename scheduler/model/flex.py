"""Flex time: recurring windows in which each student goes to one flex offering.

A flex block is a window that repeats in the cycle (e.g. Tuesday and Thursday 10:00-10:40, two
slots of the calendar). Teachers run offerings in it (intervention, enrichment, study hall,
advisory), each in a room with a number of seats. Students are routed to one offering per block,
in tiers: a mandatory intervention beats a teacher's request, which beats the student's own ranked
choices, which beat the student's default advisory. The routing is re-run every week on top of
the locked timetable, so these values are small and independent of the sections.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from scheduler.model.base import Frozen, Id
from scheduler.model.calendar import SlotRef

FlexKind = Literal["intervention", "enrichment", "study_hall", "advisory"]
FlexTier = Literal["mandatory", "teacher", "choice"]

TIER_ORDER: tuple[str, ...] = ("mandatory", "teacher", "choice", "advisory")
"""Priority of the routing tiers, highest first; ``advisory`` is each student's default."""


class FlexBlock(Frozen):
    """One recurring flex window; a student is in one offering for all its slots."""

    id: Id
    name: str = ""
    slots: tuple[SlotRef, ...] = Field(
        min_length=1, description="Where the window sits in the cycle, e.g. TUE FLEX, THU FLEX."
    )
    groups: tuple[Id, ...] = Field(
        (), description="Groups whose students take part (with their subgroups); empty: everyone."
    )

    @property
    def label(self) -> str:
        return self.name or self.id


class FlexOffering(Frozen):
    """What one teacher runs in one flex block, in one room."""

    id: Id
    name: str = ""
    block: Id
    kind: FlexKind = "study_hall"
    teacher: Id | None = None
    room: Id | None = None
    capacity: int | None = Field(
        None, ge=0, description="Seats; None: the room's capacity (unlimited without a room)."
    )
    advisees: tuple[Id, ...] = Field(
        (), description="Students for whom this is the default (their advisory)."
    )

    @property
    def label(self) -> str:
        return self.name or self.id


class FlexRequest(Frozen):
    """A wish to place one student in one offering, at one tier.

    ``mandatory``: an intervention the student must attend. ``teacher``: a teacher asks for the
    student (``by``). ``choice``: the student's own choice, ``rank`` 1 being the most wanted.
    """

    student: Id
    offering: Id
    tier: FlexTier = "choice"
    rank: int = Field(1, ge=1, description="For choices: 1 is the first choice.")
    by: Id | None = Field(None, description="The teacher who asked, for teacher requests.")
    note: str = ""


class FlexAssignment(Frozen):
    """A student routed to an offering (and so to its block)."""

    student: Id
    offering: Id
