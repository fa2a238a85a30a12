"""Repair a timetable after an edit: the nearest timetable the new rules allow.

A teacher now away on Fridays, a room closed, a section added, a student with other requests:
instead of solving afresh (and moving half the school), the timetable is solved again from the
current one as a hint, with a cost for every meeting that leaves its time (and room) and for every
seat a student loses, on top of the school's own soft rules. Pinned meetings stay where they are.
The result says how many meetings and students changed, as the independent diff counts them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial

from scheduler.model import SchoolData, Solution, ensure_valid
from scheduler.solver.changes import Changes, changes
from scheduler.solver.compile import compile_problem
from scheduler.solver.plan import plan_sections
from scheduler.solver.progress import CancelToken, ProgressCallback
from scheduler.solver.solve import (
    _NOT_SEATED,
    SolveResult,
    _finish,
    _occupied,
    _result,
)
from scheduler.solver.stages import repair as stage
from scheduler.solver.stages import sectioning
from scheduler.solver.stages.lunch import lunch_plan
from scheduler.solver.stages.timetable import Timetable, hint_starts, solve_timetable


@dataclass(frozen=True)
class RepairOptions:
    time_limit_s: float = 60.0
    seed: int = 0
    workers: int | None = None
    move_weight: int = 100
    """Cost of each meeting at another time: above most soft-rule weights, so a repair does not
    move lessons to polish soft rules, but the school's hard rules always come first."""
    room_weight: int = 20
    """Cost of each meeting kept in time but given another room."""
    seat_weight: int = 100
    """Cost of each section seat a student loses; a request met still counts for more
    (electives weigh 200 to 1,000, required requests 10,000)."""


@dataclass(frozen=True)
class RepairResult(SolveResult):
    changes: Changes | None = None
    """What differs from the timetable repaired (None when no timetable was found)."""


def repair(
    data: SchoolData,
    previous: Solution,
    options: RepairOptions | None = None,
    *,
    previous_data: SchoolData | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> RepairResult:
    """``previous`` is the timetable before the edit; ``previous_data`` the school it was made
    for (default ``data``), used only to say what changed."""
    options = options or RepairOptions()
    began = time.monotonic()

    def clock() -> float:
        return time.monotonic() - began

    ensure_valid(data)
    plan = plan_sections(data) if any(s.requests for s in data.students) else None
    work = plan.data if plan is not None and plan.changed else data
    problem = compile_problem(work)
    common = {"plan": plan, "data": work if work is not data else None}
    if problem.empty:
        return _repaired(_result(problem, "infeasible", clock(), reasons=problem.empty, **common))
    sectioned = any(sectioning.is_section(a) for a in work.activities)
    limit = options.time_limit_s
    tt = _timetable(
        problem, previous, options, (0.7 if sectioned else 1.0) * limit, clock, progress, cancel
    )
    if tt.starts is None:
        result = _result(
            problem,
            tt.status,
            clock(),
            bound=tt.bound,
            first=tt.first_s,
            model_size=tt.size,
            reasons=tt.reasons,
            **common,
        )
        return _repaired(result)
    tt.penalties = {k: v for k, v in tt.penalties.items() if k != stage.RULE}
    enrollments: dict[str, tuple[str, ...]] = {}
    reasons: tuple[str, ...] = ()
    lunches = None
    if sectioned and cancel is not None and cancel.cancelled:
        reasons = _NOT_SEATED
    elif sectioned:
        seated = sectioning.section_students(
            work,
            _occupied(problem, tt.starts),
            problem.student_away,
            time_limit_s=max(1.0, limit - clock()),
            seed=options.seed,
            workers=options.workers,
            cancel=cancel,
            hint=dict(previous.sections_by_student),
            keep_weight=options.seat_weight,
            lunch=lunch_plan(work, problem.grid),
        )
        enrollments = seated.enrollments
        lunches = seated.lunches
    result = _finish(problem, tt, enrollments, clock(), reasons=reasons, lunches=lunches, **common)
    return _repaired(result, changes(previous_data or data, previous, work, result.solution))


def _timetable(problem, previous, options, budget, clock, progress, cancel) -> Timetable:
    """First only the meetings that must move and those sharing a teacher, class or student
    with them (then their neighbours too), everything else held where it was: small models that
    find a near answer in seconds. Then the whole timetable, hinted with that answer, for the
    time left, so moves further away are found when they serve."""
    deadline = clock() + budget
    hint = hint_starts(problem, previous)
    run = partial(
        solve_timetable,
        problem,
        clock=clock,
        seed=options.seed,
        workers=options.workers,
        progress=_no_worse(progress),
        cancel=cancel,
        hint_rooms=lambda starts: stage.earlier_rooms(problem, previous, starts),
        extra=stage.change_costs(problem, previous, options.move_weight),
        keep_rooms_weight=options.room_weight,
    )
    best = None
    free = set(range(len(problem.meetings))) - set(hint)
    for _ in range(2):
        if not free or (cancel is not None and cancel.cancelled):
            break
        free |= stage.neighbours(problem, free)
        if len(free) > 0.5 * len(problem.meetings):
            break
        fixed = {m: t for m, t in hint.items() if m not in free}
        tt = run(time_limit_s=min(0.5 * budget, deadline - clock()), hint=hint, fixed=fixed)
        if tt.starts is not None:
            best = tt
            hint = tt.starts
            break
    left = deadline - clock()
    if best is not None and (left < 1.0 or _cost(best) == 0):
        return best  # out of time, or nothing moved at no cost: nothing to improve
    tt = run(time_limit_s=max(1.0, left), hint=hint)
    if tt.starts is None or (best is not None and _cost(best) <= _cost(tt)):
        return best or tt
    return tt


def _no_worse(progress: ProgressCallback | None) -> ProgressCallback | None:
    """The whole-timetable search starts over from its own first answers, which may cost more
    than the repair already found: report only what is no worse, so the penalty shown never
    jumps up."""
    if progress is None:
        return None
    lowest = [float("inf")]

    def report(p) -> None:
        if p.objective is not None:
            if p.objective > lowest[0]:
                return
            lowest[0] = p.objective
        progress(p)

    return report


def _cost(tt: Timetable) -> int:
    return sum(tt.penalties.values())


def _repaired(result: SolveResult, diff: Changes | None = None) -> RepairResult:
    fields = {name: getattr(result, name) for name in SolveResult.__dataclass_fields__}
    return RepairResult(**fields, changes=diff)
