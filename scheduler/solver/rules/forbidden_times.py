"""Some lessons must stay out of certain slots (e.g. no PE in first period).

Hard rules remove starts in compile. Soft rules cost ``weight`` points per meeting that touches
any listed slot.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build

NAME = "forbidden_times"


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        if c.hard:
            continue
        slots = p.grid.slots_of(c.slots)
        lits = [
            var
            for a in c.activities
            for m in p.activity_meetings[a]
            for t, var in b.vars.starts(m).items()
            if slots.intersection(p.meetings[m].covers(t))
        ]
        if lits:
            b.penalize(NAME, c.id, c.weight, sum(lits))
