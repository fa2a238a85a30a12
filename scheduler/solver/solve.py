"""Run a solve: compile, state every rule, search with CP-SAT, assign rooms, return a result.

One immutable SchoolData in, one SolveResult out; progress goes to a plain callback and a
CancelToken stops the search. Nothing here prints.
"""

from __future__ import annotations

import itertools
import os
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ortools.sat.python import cp_model

from scheduler.model import Placement, SchoolData, Solution, ensure_valid
from scheduler.model.solution import SolveStatus
from scheduler.solver import rooms as room_step
from scheduler.solver.compile import Problem, compile_problem
from scheduler.solver.progress import CancelToken, ProgressCallback, Reporter
from scheduler.solver.rules import RULES, Build, room_capacity
from scheduler.solver.variables import Variables

_STATUS: dict[int, SolveStatus] = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
    cp_model.UNKNOWN: "unknown",
}


@dataclass(frozen=True)
class SolveOptions:
    time_limit_s: float = 60.0
    seed: int = 0
    workers: int | None = None
    """CP-SAT workers; None uses every core. One worker with a fixed seed is deterministic."""
    hint: Solution | None = None


@dataclass(frozen=True)
class SolveResult:
    status: SolveStatus
    solution: Solution | None
    objective: int | None
    best_bound: float | None
    wall_s: float
    time_to_first_solution_s: float | None
    activities: int
    meetings: int
    placed: int
    reasons: tuple[str, ...] = ()
    penalties: dict[str, int] = field(default_factory=dict)
    model_size: dict[str, int] = field(default_factory=dict)
    ignored: dict[str, int] = field(default_factory=dict)
    """Active rules the solver cannot state (imported, unsupported), counted by their type."""

    @property
    def solved(self) -> bool:
        return self.solution is not None


def solve(
    data: SchoolData,
    options: SolveOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> SolveResult:
    options = options or SolveOptions()
    began = time.monotonic()

    def clock() -> float:
        return time.monotonic() - began

    ensure_valid(data)
    problem = compile_problem(data)
    if problem.empty:
        return _result(problem, "infeasible", clock(), reasons=problem.empty)
    hint = _hint_starts(problem, options.hint)
    cuts: list[frozenset[int]] = []
    while True:
        model = cp_model.CpModel()
        variables = Variables(model, problem)
        build = Build(model, variables, problem)
        for rule in RULES:
            rule.build(build)
        for rooms in cuts:
            room_capacity.add_cut(build, rooms, _meetings_within(problem, rooms))
        _break_symmetry(build)
        if build.penalties:
            model.minimize(sum(p.weight * p.amount for p in build.penalties))
        if hint:
            variables.hint(hint)

        solver = cp_model.CpSolver()
        reserve = min(15.0, max(1.0, 0.1 * options.time_limit_s))  # for the room step
        solver.parameters.max_time_in_seconds = max(0.1, options.time_limit_s - reserve - clock())
        solver.parameters.random_seed = options.seed
        solver.parameters.num_workers = options.workers or os.cpu_count() or 1
        reporter = Reporter(progress, clock)
        solver.best_bound_callback = reporter.on_bound
        if cancel is not None:
            cancel.attach(solver)
        try:
            status = solver.solve(model, reporter)
        finally:
            if cancel is not None:
                cancel.attach(None)
        size = {
            "variables": len(model.proto.variables),
            "constraints": len(model.proto.constraints),
        }
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return _result(
                problem,
                _STATUS.get(status, "unknown"),
                clock(),
                bound=reporter.bound,
                first=reporter.first_solution_s,
                model_size=size,
                reasons=_no_solution_reason(status, cancel),
            )
        starts = variables.extract(solver)
        penalties: dict[str, int] = defaultdict(int)
        for p in build.penalties:
            penalties[p.rule] += p.weight * int(solver.value(p.amount))
        assigned = room_step.assign_rooms(
            problem,
            starts,
            time_limit_s=max(0.5, options.time_limit_s - clock()),
            seed=options.seed,
            workers=options.workers or 1,
            previous=_hint_rooms(problem, options.hint),
        )
        if assigned.rooms is None:
            stuck = assigned.timed_out or assigned.shortage is None or assigned.shortage in cuts
            out_of_time = clock() >= options.time_limit_s or (cancel and cancel.cancelled)
            if stuck or out_of_time:
                return _result(
                    problem,
                    "unknown",
                    clock(),
                    first=reporter.first_solution_s,
                    model_size=size,
                    reasons=(
                        "a timetable was found but its rooms could not all be assigned"
                        + (" in the time left" if assigned.timed_out else ""),
                    ),
                )
            cuts.append(assigned.shortage)
            hint = starts
            continue
        for rule, penalty in (assigned.by_rule or {}).items():
            penalties[rule] += penalty
        timetable_status = _STATUS[status]
        if assigned.penalty and timetable_status == "optimal":
            timetable_status = "feasible"
        objective = sum(penalties.values())
        wall = clock()
        solution = Solution(
            placements=_placements(problem, starts, assigned.rooms),
            status=timetable_status,
            objective=objective,
            best_bound=solver.best_objective_bound if build.penalties else 0.0,
            wall_s=round(wall, 3),
            created=datetime.now(UTC),
        )
        return _result(
            problem,
            timetable_status,
            wall,
            solution=solution,
            objective=objective,
            bound=solution.best_bound,
            first=reporter.first_solution_s,
            penalties={k: v for k, v in penalties.items() if v},
            model_size=size,
        )


def _result(problem: Problem, status: SolveStatus, wall: float, **kw) -> SolveResult:
    solution = kw.pop("solution", None)
    return SolveResult(
        status=status,
        solution=solution,
        objective=kw.pop("objective", None),
        best_bound=kw.pop("bound", None),
        wall_s=wall,
        time_to_first_solution_s=kw.pop("first", None),
        activities=len(problem.activities),
        meetings=len(problem.meetings),
        placed=len(solution.placements) if solution else 0,
        reasons=tuple(kw.pop("reasons", ())),
        penalties=kw.pop("penalties", {}),
        model_size=kw.pop("model_size", {}),
        ignored=ignored_rules(problem.data),
    )


def ignored_rules(data: SchoolData) -> dict[str, int]:
    """Active rules kept from an import that no solver rule states: the user must hear of them."""
    counts: dict[str, int] = defaultdict(int)
    for c in data.constraints:
        if c.kind == "unsupported" and c.active:
            counts[c.type] += 1
    return dict(sorted(counts.items()))


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


def _symmetric_groups(problem: Problem) -> list[list[int]]:
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
    for group in _symmetric_groups(build.problem):
        for a, b in itertools.pairwise(group):
            build.model.add(build.vars.start_index(a) < build.vars.start_index(b))


def _hint_starts(problem: Problem, hint: Solution | None) -> dict[int, int]:
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
    for group in _symmetric_groups(problem):
        hinted = sorted(starts[m] for m in group if m in starts)
        if len(hinted) == len(group):
            starts.update(zip(group, hinted, strict=True))
    return starts


def _hint_rooms(problem: Problem, hint: Solution | None) -> dict[int, int] | None:
    if hint is None:
        return None
    index = {r: k for k, r in enumerate(problem.room_ids)}
    out = {}
    for m, meeting in enumerate(problem.meetings):
        placement = hint.placement(problem.activities[meeting.activity].id, meeting.number)
        if placement is not None and placement.room in index:
            out[m] = index[placement.room]
    return out


def _placements(problem: Problem, starts: dict[int, int], rooms: dict[int, int]):
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
