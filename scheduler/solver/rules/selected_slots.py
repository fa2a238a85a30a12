"""Limits on a set of activities within chosen slots: at most N of them at once in each slot
(``max_simultaneous``), or at most N of the slots used by them at all (``max_slots_in_selection``),
e.g. "these option blocks use at most two of the Friday afternoon periods".

Hard: a sum per slot, or a sum of per-slot "used" booleans. Soft: ``weight`` points per activity
over the limit in a slot, or per slot over the limit.
"""

from __future__ import annotations

from collections import defaultdict

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.days import any_of

NAMES = ("max_simultaneous", "max_slots_in_selection")


def _by_slot(b: Build, c) -> dict[int, list]:
    slots = b.problem.grid.slots_of(c.slots)
    out: dict[int, list] = defaultdict(list)
    for a in dict.fromkeys(c.activities):
        for m in b.problem.activity_meetings[a]:
            for s in b.vars.occupied_slots(m):
                if s in slots:
                    out[s].extend(b.vars.covering(m, s))
    return out


def build(b: Build) -> None:
    for c in b.active("max_simultaneous"):
        for s, lits in sorted(_by_slot(b, c).items()):
            if len(lits) <= c.max_count:
                continue
            if c.hard:
                b.model.add(sum(lits) <= c.max_count)
            else:
                over = b.excess(sum(lits), c.max_count, f"{c.kind}:{c.id}:{s}", len(lits))
                b.penalize(c.kind, c.id, c.weight, over)
    for c in b.active("max_slots_in_selection"):
        used = [
            any_of(b, lits, f"{c.kind}:{c.id}:{s}") for s, lits in sorted(_by_slot(b, c).items())
        ]
        if len(used) <= c.max_slots:
            continue
        if c.hard:
            b.model.add(sum(used) <= c.max_slots)
        else:
            over = b.excess(sum(used), c.max_slots, f"{c.kind}:{c.id}", len(used))
            b.penalize(c.kind, c.id, c.weight, over)
