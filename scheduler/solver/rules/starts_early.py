"""Students start their day at the first period (FET's "early max beginnings at second hour").

For each subgroup and day with lessons, the first slot it can attend (not a break, not its own
unavailable slot) must hold a lesson; on at most N days the day may start at the second such slot
instead, never later. Hard: stated with the day's "has lessons" boolean. Soft: ``weight`` points per
day starting later than the second slot plus per late day over N.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build
from scheduler.solver.rules.days import day_used

NAME = "starts_early"


def build(b: Build) -> None:
    p = b.problem
    for c in b.active(NAME):
        for resource in p.resources_for(c.target):
            busy = b.vars.busy(resource)
            late_days, too_late = [], []
            for d in range(p.grid.days):
                used = day_used(b, resource, d)
                if used is None:
                    continue
                own = [t for t in p.grid.teaching_slots_of_day(d) if t not in resource.unavailable]
                first = busy.get(own[0], 0) if own else 0
                second = busy.get(own[1], 0) if len(own) > 1 else 0
                name = f"{NAME}:{c.id}:{resource.id}:{d}"
                late = b.model.new_bool_var(f"late:{name}")
                b.model.add(late >= used - first)
                late_days.append(late)
                if c.hard:
                    b.model.add(first + second >= used)
                else:
                    never = b.model.new_bool_var(f"never:{name}")
                    b.model.add(never >= used - first - second)
                    too_late.append(never)
            if not late_days:
                continue
            if c.hard:
                b.model.add(sum(late_days) <= c.max_late_days)
            else:
                name = f"{NAME}:{c.id}:{resource.id}"
                over = b.excess(sum(late_days), c.max_late_days, name, len(late_days))
                b.penalize(NAME, c.id, c.weight, over + sum(too_late))
