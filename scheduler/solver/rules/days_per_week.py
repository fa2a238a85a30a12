"""How many days a person comes in: FET's "max days per week" and "min days per week".

Both count the days with at least one lesson (for groups, per subgroup). Hard: a bound on that
count. Soft: ``weight`` points per day over the maximum (``max_days_per_week``) or short of the
minimum (``min_days_per_week``).
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.days import used_days

NAMES = ("max_days_per_week", "min_days_per_week")


def build(b: Build) -> None:
    p = b.problem
    for c in (*b.active("max_days_per_week"), *b.active("min_days_per_week")):
        most = c.kind == "max_days_per_week"
        for resource in p.resources_for(c.target):
            days = used_days(b, resource)
            limit = c.max_days if most else c.min_days
            if most and len(days) <= limit:
                continue
            total = sum(days)
            if c.hard:
                b.model.add(total <= limit if most else total >= limit)
                continue
            name = f"{c.kind}:{c.id}:{resource.id}"
            if most:
                b.penalize(c.kind, c.id, c.weight, b.excess(total, limit, name, len(days)))
            else:
                short = b.model.new_int_var(0, limit, name)
                b.model.add(short >= limit - total)
                b.penalize(c.kind, c.id, c.weight, short)
