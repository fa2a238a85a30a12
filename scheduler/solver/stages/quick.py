"""A first complete timetable fast: construct a placement, then repair it with CP-SAT.

1. ``construct`` places every meeting so that nobody is double-booked and hard min-days and
   same-start rules hold (FET's way: hardest first, evicting conflicts).
2. A repair model states every other hard rule softly (one point per unit of violation; the
   school's soft rules cost nothing here) and starts from that placement, so CP-SAT begins at a
   complete timetable and only has to remove the remaining violations. Penalty 0 means every
   hard rule holds: the same rule modules state them, and the checker scores the result.
3. Rooms are assigned as after any timetable step.

The result is a starting point for the full model (hard and soft rules), which then improves the
soft penalty from it. When the construction or the repair does not finish in its share of the
time, nothing is returned but the most complete placement, as a hint.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from scheduler.model import Solution
from scheduler.solver import rooms as room_step
from scheduler.solver.check import check
from scheduler.solver.compile import Problem
from scheduler.solver.construct import construct, relax
from scheduler.solver.progress import CancelToken, solve_watched
from scheduler.solver.rules import RULES, Build
from scheduler.solver.stages.timetable import Timetable, complete_hint
from scheduler.solver.variables import Variables


@dataclass
class QuickStart:
    hint: dict[int, int]
    """The most complete placement seen (a hint for the full model)."""
    starts: dict[int, int] | None = None
    """A complete placement keeping every hard rule, when one was found."""
    rooms: dict[int, int] | None = None
    penalties: dict[str, int] | None = None
    """Soft penalty per rule of that timetable, as the checker scores it."""
    found_s: float | None = None
    profile: dict[str, float] | None = None
    """Seconds spent in each step (construct, repair model building, repair search, rooms)."""
    found_by: str | None = None
    """The step that found the timetable: "construct" or "repair"."""
    probed: Timetable | None = None
    """What the brief run of the full model found (see ``probe``)."""


ROOMS_FIRST_S = 2.0
"""Rooms for the constructed placement get this long: it ignores room counts, so when rooms do
not fit quickly the repair model (which counts them) takes over."""


PROBE_SHARE = 0.35
"""The brief run of the full model gets this share of the quick step's time."""
REPAIR_SHARE = 0.4
"""The repair search gets at most this share of the quick step's time: on some schools the full
model, started from the repaired placement, finds a timetable sooner than the repair would."""


def quick_start(
    problem: Problem,
    *,
    time_limit_s: float,
    clock: Callable[[], float],
    seed: int = 0,
    workers: int | None = None,
    cancel: CancelToken | None = None,
    probe: Callable[[dict[int, int], float], Timetable] | None = None,
) -> QuickStart:
    """``probe(hint, seconds)`` runs the full model briefly from the constructed placement before
    the repair: some schools CP-SAT solves at once, and the repair would only delay them. A
    timetable it finds ends the quick step (``QuickStart.probed``)."""
    deadline = clock() + time_limit_s
    profile: dict[str, float] = {}
    began = clock()
    stop = (lambda: cancel.cancelled) if cancel is not None else None
    made = construct(problem, time_limit_s=0.5 * time_limit_s, seed=seed, clock=clock, stop=stop)
    profile["construct_s"] = clock() - began
    out = QuickStart(hint=made.starts, profile=profile)
    if not made.complete or clock() >= deadline or (cancel is not None and cancel.cancelled):
        return out
    quick_rooms = min(deadline, clock() + ROOMS_FIRST_S)
    if _accept(problem, made.starts, out, clock, quick_rooms, seed, workers, "construct_check_s"):
        out.found_by = "construct"
        return out  # the placement already keeps every hard rule
    if probe is not None:
        began = clock()
        out.probed = probe(made.starts, PROBE_SHARE * time_limit_s)
        profile["probe_s"] = clock() - began
        if out.probed.starts is not None or out.probed.status == "infeasible":
            return out  # a timetable, or proof that none exists
        if clock() >= deadline:
            return out
        if cancel is not None and cancel.cancelled:
            return out
    began = clock()
    model = cp_model.CpModel()
    variables = Variables(model, problem)
    build = Build(model, variables, problem, relax=relax)
    for rule in RULES:
        rule.build(build)
    if build.penalties:
        model.minimize(sum(p.weight * p.amount for p in build.penalties))
    variables.hint(made.starts)
    complete_hint(model, variables, made.starts, seed=seed)
    profile["repair_build_s"] = clock() - began
    began = clock()
    solver = cp_model.CpSolver()
    repair_until = min(deadline, clock() + REPAIR_SHARE * time_limit_s)
    solver.parameters.max_time_in_seconds = max(0.1, repair_until - clock())
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers or os.cpu_count() or 1
    # Start from the hint at once: a light presolve (the hint is the work here).
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.symmetry_level = 0
    solver.parameters.max_presolve_iterations = 1
    status = solve_watched(solver, model, cancel)
    profile["repair_search_s"] = clock() - began
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return out
    starts = variables.extract(solver)
    out.hint = starts
    if build.penalties and solver.objective_value > 0:
        return out
    if _accept(problem, starts, out, clock, deadline, seed, workers, "rooms_check_s"):
        out.found_by = "repair"
    return out


def _accept(problem, starts, out: QuickStart, clock, deadline, seed, workers, step: str) -> bool:
    """Give the placement rooms and let the checker judge it; keep it when it breaks no hard
    rule."""
    began = clock()
    try:
        assigned = room_step.assign_rooms(
            problem,
            starts,
            time_limit_s=max(0.5, deadline - clock()),
            seed=seed,
            workers=workers or 1,
        )
        if assigned.rooms is None:
            return False
        report = check(problem.data, _solution(problem, starts, assigned.rooms))
        if report.hard_violations or report.placed != report.meetings:
            return False
    finally:
        out.profile[step] = clock() - began
    out.starts, out.rooms, out.found_s = starts, assigned.rooms, clock()
    out.penalties = {rule: p for rule, (_, p) in report.by_rule(hard=False).items() if p}
    return True


def _solution(problem: Problem, starts: dict[int, int], rooms: dict[int, int]) -> Solution:
    from scheduler.solver.stages.timetable import placements

    return Solution(placements=placements(problem, starts, rooms))
