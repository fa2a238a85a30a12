"""A period-based section meets in the same period every day it meets (US-style "3rd period").

Hard. One boolean per activity and slot id picks the period; every meeting may only start in a
slot with that id. Besides being a school rule, it shrinks the master-schedule search a lot.
"""

from __future__ import annotations

from scheduler.solver.rules.base import Build

NAME = "same_slot"


def build(b: Build) -> None:
    p = b.problem
    for activity in p.activities:
        meetings = p.activity_meetings[activity.id]
        if not activity.same_slot or len(meetings) < 2:
            continue
        by_period: dict[str, list[list]] = {}
        for i, m in enumerate(meetings):
            for t, var in b.vars.starts(m).items():
                period = p.grid.refs[t][1]
                by_period.setdefault(period, [[] for _ in meetings])[i].append(var)
        # a period is possible only if every meeting can start in it on some day
        chosen = []
        for period, per_meeting in sorted(by_period.items()):
            pick = b.model.new_bool_var(f"{NAME}:{activity.id}:{period}")
            chosen.append(pick)
            for lits in per_meeting:
                if not lits:
                    b.model.add(pick == 0)
                for lit in lits:
                    b.model.add_implication(lit, pick)
        b.model.add_exactly_one(chosen)
