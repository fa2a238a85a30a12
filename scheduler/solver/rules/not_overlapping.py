"""Lessons that must not run at the same time even though they share nobody (e.g. two courses the
same students may choose). Hard: at most one of them in each slot. Soft: ``weight`` points per
extra lesson in a slot.
"""

from __future__ import annotations

from collections import defaultdict

from scheduler.solver.rules.base import Build

NAME = "not_overlapping"


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        by_slot: dict[int, list] = defaultdict(list)
        for a in dict.fromkeys(c.activities):
            for m in p.activity_meetings[a]:
                for s in b.vars.occupied_slots(m):
                    by_slot[s].extend(b.vars.covering(m, s))
        for s, lits in sorted(by_slot.items()):
            if len(lits) < 2:
                continue
            if c.hard:
                b.model.add_at_most_one(lits)
            else:
                over = b.excess(sum(lits), 1, f"{NAME}:{c.id}:{s}", len(lits))
                b.penalize(NAME, c.id, c.weight, over)
