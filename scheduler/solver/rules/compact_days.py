"""Implied constraints for people whose day is a prefix of their slots (not a rule itself).

A typical FET class has no gaps (hard, per week or per day) and starts at the first period (hard
``starts_early``): its lessons each day fill the first slots it can attend. With N late days
allowed the day starts at the first or second such slot, so from the second slot on, lessons
still form a prefix: busy at position k+1 implies busy at k for every k >= 1 (and for k = 0 too
when no late day is allowed). Both rules stay stated by their own modules; these implications
follow from the two together and only help the solver see it early.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.day_shape import positions

NAME = "compact_days"


def _no_gap_people(b: Build) -> set[tuple[str, str]]:
    out = set()
    for kind in ("max_gaps_per_week", "max_gaps_per_day"):
        for c in b.active(kind):
            if c.hard and c.max_gaps == 0:
                out.update((r.kind, r.id) for r in b.problem.resources_for(c.target))
    return out


def build(b: Build) -> None:
    p = b.problem
    compact = _no_gap_people(b)
    if not compact:
        return
    late: dict[tuple[str, str], tuple] = {}
    for c in b.active("starts_early"):
        if not c.hard:
            continue
        for r in p.resources_for(c.target):
            key = (r.kind, r.id)
            if key in compact and (key not in late or c.max_late_days < late[key][1]):
                late[key] = (r, c.max_late_days)
    for resource, late_days in late.values():
        start = 0 if late_days == 0 else 1
        for d in range(p.grid.days):
            busy = positions(b, resource, d)
            for k in range(start, len(busy) - 1):
                later = busy[k + 1]
                if later is None:
                    continue
                if busy[k] is None:
                    b.model.add(later == 0)
                else:
                    b.model.add_implication(later, busy[k])
