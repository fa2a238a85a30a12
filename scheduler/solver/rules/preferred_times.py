"""Some lessons belong in certain slots (e.g. labs in the morning).

Hard rules narrow start domains in compile. Soft rules cost ``weight`` points per meeting that is
not wholly inside the listed slots (with ``starts_only``: that does not start in one of them).
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build

NAME = "preferred_times"


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        if c.hard:
            continue
        slots = p.grid.slots_of(c.slots)
        lits = []
        for a in c.activities:
            for m in p.activity_meetings[a]:
                meeting = p.meetings[m]
                for t, var in b.vars.starts(m).items():
                    inside = t in slots if c.starts_only else slots.issuperset(meeting.covers(t))
                    if not inside:
                        lits.append(var)
        if lits:
            b.penalize(NAME, c.id, c.weight, sum(lits))
