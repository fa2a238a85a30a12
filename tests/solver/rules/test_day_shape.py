"""The day-shape encodings (gaps, one block, compact days) are exact: over every timetable of a tiny
school, the CP-SAT model accepts exactly those the checker finds free of hard violations, and its
smallest penalty equals the checker's."""

from __future__ import annotations

import itertools

import pytest
from ortools.sat.python import cp_model

from scheduler.model import (
    Availability,
    MaxGapsPerDay,
    MaxGapsPerWeek,
    MinPerDay,
    Placement,
    SlotRef,
    Solution,
    StartsEarly,
    Target,
)
from scheduler.solver.check import check
from scheduler.solver.compile import compile_problem
from scheduler.solver.rules import RULES, Build, day_shape
from scheduler.solver.variables import Variables
from tests.solver.school import lesson, school

G1 = Target(kind="group", id="G1")
T1 = Target(kind="teacher", id="T1")
AWAY = Availability(id="away", target=G1, slots=(SlotRef(day="Mon", slot="P3"),))

CASES = {
    "no gaps, late days": [
        MaxGapsPerWeek(id="w", target=G1, max_gaps=0),
        StartsEarly(id="e", target=G1, max_late_days=1),
    ],
    "no gaps, no late day": [
        MaxGapsPerDay(id="d", target=G1, max_gaps=0),
        StartsEarly(id="e", target=G1, max_late_days=0),
    ],
    "no gaps, unavailable slot": [
        MaxGapsPerWeek(id="w", target=G1, max_gaps=0),
        StartsEarly(id="e", target=G1, max_late_days=1),
        AWAY,
    ],
    "one gap a week": [MaxGapsPerWeek(id="w", target=T1, max_gaps=1), AWAY],
    "one gap a week, two lessons a day": [
        MaxGapsPerWeek(id="w", target=T1, max_gaps=1),
        MinPerDay(id="m", target=T1, min_slots=2),
    ],
    "soft gaps": [
        MaxGapsPerDay(id="d", target=T1, max_gaps=0, hard=False, weight=3),
        MaxGapsPerWeek(id="w", target=T1, max_gaps=1, hard=False, weight=5),
    ],
}


def _model_verdict(data, starts: dict[int, int]) -> int | None:
    """The smallest penalty the model allows with these starts, or None when it forbids them."""
    problem = compile_problem(data)
    model = cp_model.CpModel()
    variables = Variables(model, problem)
    build = Build(model, variables, problem)
    for rule in RULES:
        rule.build(build)
    for m, t in starts.items():
        if t not in variables.starts(m):
            return None
        model.add(variables.starts(m)[t] == 1)
    if build.penalties:
        model.minimize(sum(p.weight * p.amount for p in build.penalties))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        return None
    assert status == cp_model.OPTIMAL
    return round(solver.objective_value)


@pytest.mark.parametrize("table", [True, False], ids=["table", "order"])
@pytest.mark.parametrize("case", list(CASES))
def test_model_accepts_exactly_what_the_checker_accepts(case, table, monkeypatch):
    if not table:
        monkeypatch.setattr(day_shape, "TABLE_UP_TO", 0)
    # Over two days the daily load varies, which the min-per-day case needs; one day is enough
    # (and faster) for the others.
    days, slots, break_after, n = (2, 4, 2, 4) if "a day" in case else (1, 6, 4, 3)
    data = school(
        lesson("A", meetings=(1,) * n),
        days=days,
        slots=slots,
        break_after=break_after,
        constraints=CASES[case],
    )
    grid = compile_problem(data).grid
    cells = [(day, f"P{p}") for day in ("Mon", "Tue")[:days] for p in range(1, slots + 1)]
    accepted = 0
    for chosen in itertools.combinations(cells, n):
        placements = tuple(
            Placement(activity="A", meeting=k, day=day, slot=s) for k, (day, s) in enumerate(chosen)
        )
        report = check(data, Solution(placements=placements))
        starts = {k: grid.slot(cell) for k, cell in enumerate(chosen)}
        verdict = _model_verdict(data, starts)
        away = any(v.rule == "availability" for v in report.violations)
        if report.hard_violations and not away:
            assert verdict is None, (case, chosen)
        elif not report.hard_violations:
            accepted += 1
            assert verdict == report.soft_penalty, (case, chosen, verdict, report.soft_penalty)
    assert accepted > 0
