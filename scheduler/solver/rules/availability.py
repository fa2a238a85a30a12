"""A teacher, group or student would rather not have lessons in some slots (soft availability).

Hard availability (entity ``unavailable`` fields and hard rules) removes starts in compile, so only
soft rules appear here: ``weight`` points per occupied slot inside the listed slots, each meeting
counted once per target. Soft room availability is scored in the room step.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build

NAME = "availability"


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        if c.hard or c.target.kind == "room":
            continue
        slots = p.grid.slots_of(c.slots)
        meetings = sorted({m for r in p.resources_for(c.target) for m in r.meetings})
        coeffs, lits = [], []
        for m in meetings:
            meeting = p.meetings[m]
            for t, var in b.vars.starts(m).items():
                hit = len(slots.intersection(meeting.covers(t)))
                if hit:
                    coeffs.append(hit)
                    lits.append(var)
        if lits:
            b.penalize(NAME, c.id, c.weight, sum(k * v for k, v in zip(coeffs, lits, strict=True)))
