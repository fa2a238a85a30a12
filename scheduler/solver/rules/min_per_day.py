"""Enough lessons on a day to make the trip worth it: at least N lesson slots on each day a person
comes in (FET's "min hours daily"); without empty days allowed, on every day of the cycle.

For groups the rule holds for each subgroup. Hard: a linear bound per day, switched on by the
day's "has lessons" boolean. Soft: ``weight`` points per slot short on each day.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.days import day_used
from scheduler.solver.rules.load import load

NAME = "min_per_day"


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        for resource in p.resources_for(c.target):
            for d in range(p.grid.days):
                lits, coeffs, _ = load(b, resource, range(d, d + 1))
                if not lits and c.allow_empty_days:
                    continue
                amount = sum(k * v for k, v in zip(coeffs, lits, strict=True))
                need = c.min_slots if not c.allow_empty_days else None
                if need is None:
                    used = day_used(b, resource, d)
                    if used is None:
                        continue
                    need = c.min_slots * used
                if c.hard and not lits:
                    b.model.add_bool_or([])  # a day that must hold lessons and cannot
                elif c.hard:
                    b.model.add(amount >= need)
                else:
                    short = b.model.new_int_var(0, c.min_slots, f"short:{c.id}:{resource.id}:{d}")
                    b.model.add(short >= need - amount)
                    b.penalize(NAME, c.id, c.weight, short)
