"""Shared by the per-day and per-week load rules: slots a resource is taught in a span of days."""

from __future__ import annotations

from scheduler.solver.compile import Resource
from scheduler.solver.rules.base import Build


def load(b: Build, resource: Resource, days: range) -> tuple[list, list[int], int]:
    """(literals, coefficients, largest possible load) of occupied slots within ``days``."""
    grid = b.problem.grid
    lits, coeffs = [], []
    most = 0
    for m in resource.meetings:
        meeting = b.problem.meetings[m]
        inside = [var for t, var in b.vars.starts(m).items() if grid.day_of[t] in days]
        if inside:
            lits.extend(inside)
            coeffs.extend([meeting.duration] * len(inside))
            most += meeting.duration
    return lits, coeffs, most


def limit_load(b: Build, rule: str, source: str, resource, days: range, limit, hard, weight):
    lits, coeffs, most = load(b, resource, days)
    if most <= limit:
        return
    amount = sum(k * v for k, v in zip(coeffs, lits, strict=True))
    hard, weight = b.relaxed_hard(source, hard, weight)
    if hard:
        b.model.add(amount <= limit)
    else:
        over = b.excess(amount, limit, f"{rule}:{source}:{resource.id}:{days.start}", most)
        b.penalize(rule, source, weight, over)
