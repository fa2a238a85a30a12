"""The timetable step: place every meeting with CP-SAT, then give it a room exactly.

When the room step finds a set of rooms too small in some slot, that Hall cut is added to the
timetable model and it is solved again from the last timetable as a hint.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.model import Placement, Solution
from scheduler.model.solution import SolveStatus
from scheduler.solver import rooms as room_step
from scheduler.solver.compile import Problem
from scheduler.solver.progress import CancelToken, ProgressCallback, Reporter, solve_watched
from scheduler.solver.rules import RULES, Build, room_capacity
from scheduler.solver.variables import Variables

GUIDANCE = frozenset({"course_conflicts", "repair_changes"})
"""Objective terms that are not school rules: steering toward good sectioning, and the cost of
moving a meeting in a minimal-change repair."""

STATUS: dict[int, SolveStatus] = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
    cp_model.UNKNOWN: "unknown",
}


@dataclass
class Timetable:
    status: SolveStatus
    starts: dict[int, int] | None = None
    rooms: dict[int, int] | None = None
    penalties: dict[str, int] = field(default_factory=dict)
    bound: float | None = None
    first_s: float | None = None
    size: dict[str, int] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()

    @property
    def objective(self) -> int:
        """Penalty of the school's own rules, as the checker scores them; guidance terms that
        steer the master schedule toward good sectioning are left out."""
        return sum(v for k, v in self.penalties.items() if k not in GUIDANCE)


def solve_timetable(
    problem: Problem,
    *,
    time_limit_s: float,
    clock: Callable[[], float],
    seed: int = 0,
    workers: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    hint: dict[int, int] | None = None,
    hint_rooms: dict[int, int] | Callable[[dict[int, int]], dict[int, int]] | None = None,
    extra_pairs: dict[tuple[str, str], int] | None = None,
    fixed: dict[int, int] | None = None,
    enough_s: float | None = None,
    extra: Callable[[Build], None] | None = None,
    keep_rooms_weight: int = 0,
    ends_at: float | None = None,
    models: dict[str, Build] | None = None,
    search_s: float | None = None,
) -> Timetable:
    """Search for at most ``time_limit_s`` (on ``clock``), keeping 10% for the room step. With
    ``enough_s``, stop at the first timetable found after that many seconds (or at once, if one
    is known by then): a quick complete answer first, improvement later. ``extra`` adds terms of
    its own to each model built (a repair's cost of changes); ``keep_rooms_weight`` makes the room
    step pay that much for each meeting not in its ``hint_rooms`` room (which may be a function
    of the starts found: a meeting's earlier room depends on where it lands).

    Building the model of a large school takes seconds before CP-SAT starts; a cancel, or the
    whole solve's time running out (``ends_at`` on ``clock``), stops it between rules.

    A hint of every meeting that keeps the hard rules is turned into a hint of every variable
    (``complete_hint``), so the search starts from that timetable; and it is returned as it is
    unless the search finds a better one (CP-SAT's presolve may hand back an equivalent one).

    ``models`` keeps the full model (no fixed meetings, no extra terms) between calls of one
    solve: on large schools building it takes seconds, and a later call only changes the hint.
    ``search_s`` bounds the search alone (``time_limit_s`` still bounds the whole call): a brief
    probe should not end before it starts because the model took long to build."""
    deadline = clock() + time_limit_s
    cuts: list[frozenset[int]] = []
    hint = dict(hint or {})

    def interrupted() -> Timetable | None:
        if cancel is not None and cancel.cancelled:
            why = "the solve was cancelled before a timetable was found"
        elif ends_at is not None and clock() >= ends_at:
            why = "the time limit ran out while the solver model was being built"
        else:
            return None
        return Timetable("unknown", reasons=(why,))

    while True:
        if (stopped := interrupted()) is not None:
            return stopped
        plain = fixed is None and not extra_pairs and extra is None and not cuts
        build = models.get("full") if plain and models is not None else None
        if build is None:
            build = build_model(
                problem,
                fixed=fixed,
                extra_pairs=extra_pairs,
                cuts=cuts,
                extra=extra,
                stop=interrupted,
            )
            if build is None:
                return interrupted() or Timetable("unknown")
            if plain and models is not None:
                models["full"] = build
        model, variables = build.model, build.vars
        model.clear_hints()
        hinted = None
        if hint:
            variables.hint(hint)
            if fixed is None and len(hint) == len(problem.meetings) and not cuts:
                hinted = complete_hint(model, variables, hint, seed=seed)

        solver = cp_model.CpSolver()
        reserve = min(15.0, max(1.0, 0.1 * time_limit_s))
        if search_s is not None:  # the search's own time starts once the model is built
            deadline = min(deadline, clock() + search_s + reserve)
        solver.parameters.max_time_in_seconds = max(0.1, deadline - reserve - clock())
        solver.parameters.random_seed = seed
        solver.parameters.num_workers = workers or os.cpu_count() or 1
        reporter = Reporter(progress, clock)
        solver.best_bound_callback = reporter.on_bound
        timer = None
        if enough_s is not None:
            reporter.stop_after = clock() + enough_s
            timer = threading.Timer(enough_s, _stop_if_found, args=(reporter, solver))
            timer.daemon = True
            timer.start()
        try:
            status = solve_watched(solver, model, cancel, reporter)
        finally:
            if timer is not None:
                timer.cancel()
        size = {
            "variables": len(model.proto.variables),
            "constraints": len(model.proto.constraints),
        }
        values = solver
        if hinted is not None and _not_better(status, solver, hinted, build):
            values = hinted  # the hinted timetable is as good: keep it as it is
            status = status if status == cp_model.OPTIMAL else cp_model.FEASIBLE
            if reporter.first_solution_s is None:
                reporter.first_solution_s = clock()
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return Timetable(
                STATUS.get(status, "unknown"),
                bound=reporter.bound,
                first_s=reporter.first_solution_s,
                size=size,
                reasons=_no_solution_reason(status, cancel),
            )
        starts = variables.extract(values)
        penalties: dict[str, int] = defaultdict(int)
        for p in build.penalties:
            penalties[p.rule] += p.weight * int(values.value(p.amount))
        assigned = room_step.assign_rooms(
            problem,
            starts,
            time_limit_s=max(0.5, deadline - clock()),
            seed=seed,
            workers=workers or 1,
            previous=hint_rooms(starts) if callable(hint_rooms) else hint_rooms,
            keep_weight=keep_rooms_weight,
        )
        if assigned.rooms is None:
            stuck = assigned.timed_out or assigned.shortage is None or assigned.shortage in cuts
            if stuck or clock() >= deadline or (cancel is not None and cancel.cancelled):
                late = " in the time left" if assigned.timed_out else ""
                return Timetable(
                    "unknown",
                    first_s=reporter.first_solution_s,
                    size=size,
                    reasons=(
                        f"a timetable was found but its rooms could not all be assigned{late}",
                    ),
                )
            cuts.append(assigned.shortage)
            hint = starts
            continue
        for rule, penalty in (assigned.by_rule or {}).items():
            penalties[rule] += penalty
        result_status = STATUS[status]
        if (assigned.penalty or fixed) and result_status == "optimal":
            result_status = "feasible"  # optimal only for the part that was free to move
        return Timetable(
            result_status,
            starts=starts,
            rooms=assigned.rooms,
            penalties={k: v for k, v in penalties.items() if v},
            bound=None
            if fixed or extra
            else solver.best_objective_bound
            if build.penalties
            else 0.0,
            first_s=reporter.first_solution_s,
            size=size,
        )


def build_model(
    problem: Problem,
    *,
    fixed: dict[int, int] | None = None,
    extra_pairs: dict[tuple[str, str], int] | None = None,
    cuts: list[frozenset[int]] = (),
    extra: Callable[[Build], None] | None = None,
    stop: Callable[[], object] | None = None,
) -> Build | None:
    """The full timetable model (every rule, symmetry breaking, the soft penalty as objective);
    None when ``stop()`` turns true while it is being built."""
    model = cp_model.CpModel()
    variables = Variables(model, problem, fixed)
    build = Build(model, variables, problem, extra_pairs=dict(extra_pairs or {}))
    for rule in RULES:
        if stop is not None and stop():
            return None
        rule.build(build)
    if stop is not None and stop():
        return None
    for rooms in cuts:
        room_capacity.add_cut(build, rooms, _meetings_within(problem, rooms))
    _break_symmetry(build)
    if extra is not None:
        extra(build)
    if build.penalties:
        model.minimize(sum(p.weight * p.amount for p in build.penalties))
    return build


def _not_better(status: int, solver: cp_model.CpSolver, hinted: cp_model.CpSolver, build) -> bool:
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return True
    return not build.penalties or solver.objective_value >= hinted.objective_value


def complete_hint(
    model: cp_model.CpModel, variables: Variables, starts: dict[int, int], *, seed: int = 0
) -> cp_model.CpSolver | None:
    """Turn a hint of every meeting's start into a hint of every variable, when those starts keep
    the model's hard rules: solve the model with the starts fixed (presolve settles it at once)
    and hint the values found. CP-SAT then starts its search from that timetable instead of
    trying to complete the hint within a few conflicts. Returns the solver holding the hinted
    timetable's values (same variable indices as ``model``), or None when the starts break a
    hard rule."""
    fixed = model.clone()
    for m, t in starts.items():
        var = variables.starts(m).get(t)
        if var is None:
            return None
        fixed.add_bool_and([fixed.get_bool_var_from_proto_index(var.index)])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    solver.parameters.max_time_in_seconds = 10.0
    status = solver.solve(fixed)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    values = list(solver.response_proto.solution)
    model.clear_hints()
    model.proto.solution_hint.vars.extend(range(len(values)))
    model.proto.solution_hint.values.extend(values)
    return solver


def _stop_if_found(reporter: Reporter, solver: cp_model.CpSolver) -> None:
    if reporter.solutions:
        solver.stop_search()


def _no_solution_reason(status: int, cancel: CancelToken | None) -> tuple[str, ...]:
    if status == cp_model.INFEASIBLE:
        return ("the hard rules cannot all hold at once: no timetable exists",)
    if cancel is not None and cancel.cancelled:
        return ("the solve was cancelled before a timetable was found",)
    if status == cp_model.MODEL_INVALID:
        return ("internal error: the solver rejected the model",)
    return ("no timetable was found within the time limit",)


def _meetings_within(problem: Problem, rooms: frozenset[int]) -> list[int]:
    return [m for m, x in enumerate(problem.meetings) if x.rooms and rooms.issuperset(x.rooms)]


def symmetric_groups(problem: Problem) -> list[list[int]]:
    """Unpinned meetings of one activity with the same length are interchangeable."""
    groups = []
    for activity in problem.activities:
        by_length: dict[int, list[int]] = defaultdict(list)
        for m in problem.activity_meetings[activity.id]:
            meeting = problem.meetings[m]
            if activity.pin(meeting.number) is None:
                by_length[meeting.duration].append(m)
        groups.extend(g for g in by_length.values() if len(g) > 1)
    return groups


def _break_symmetry(build: Build) -> None:
    for group in symmetric_groups(build.problem):
        for a, b in itertools.pairwise(group):
            build.model.add(build.vars.start_index(a) < build.vars.start_index(b))


def hint_starts(problem: Problem, hint: Solution | None) -> dict[int, int]:
    if hint is None:
        return {}
    starts: dict[int, int] = {}
    for m, meeting in enumerate(problem.meetings):
        activity = problem.activities[meeting.activity]
        placement = hint.placement(activity.id, meeting.number)
        if placement is not None:
            t = problem.grid.slot((placement.day, placement.slot))
            if t is not None and t in meeting.starts:
                starts[m] = t
    return in_symmetry_order(problem, starts)


def in_symmetry_order(problem: Problem, starts: dict[int, int]) -> dict[int, int]:
    """The same timetable with interchangeable meetings in the order the model asks for."""
    starts = dict(starts)
    for group in symmetric_groups(problem):
        hinted = sorted(starts[m] for m in group if m in starts)
        if len(hinted) == len(group):
            starts.update(zip(group, hinted, strict=True))
    return starts


def hint_rooms(problem: Problem, hint: Solution | None) -> dict[int, int] | None:
    if hint is None:
        return None
    index = {r: k for k, r in enumerate(problem.room_ids)}
    out = {}
    for m, meeting in enumerate(problem.meetings):
        placement = hint.placement(problem.activities[meeting.activity].id, meeting.number)
        if placement is not None and placement.room in index:
            out[m] = index[placement.room]
    return out


def placements(problem: Problem, starts: dict[int, int], rooms: dict[int, int]):
    out = []
    for m, t in sorted(starts.items()):
        meeting = problem.meetings[m]
        day, slot = problem.grid.refs[t]
        room = problem.room_ids[rooms[m]] if m in rooms else None
        out.append(
            Placement(
                activity=problem.activities[meeting.activity].id,
                meeting=meeting.number,
                day=day,
                slot=slot,
                room=room,
            )
        )
    return tuple(out)
