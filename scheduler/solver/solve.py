"""Run a solve: plan sections, place meetings and rooms, seat students, improve, return a result.

One immutable SchoolData in, one SolveResult out; progress goes to a plain callback and a
CancelToken stops the search. Nothing here prints.

For schools whose students request courses, the time limit is shared: about 15% for a first
timetable and 10% for a first seating of every student (a complete schedule early), and the rest
for improvement rounds that re-solve the timetable from the current one, with more weight on the
course pairs that blocked real requests, and re-seat the students.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from scheduler.model import Enrollment, SchoolData, Solution, ensure_valid
from scheduler.model.personal import LunchAssignment
from scheduler.model.solution import SolveStatus
from scheduler.solver.compile import Problem, compile_problem
from scheduler.solver.plan import Plan, class_courses, plan_sections
from scheduler.solver.progress import CancelToken, Progress, ProgressCallback
from scheduler.solver.requests import RequestStats, request_stats
from scheduler.solver.stages import sectioning
from scheduler.solver.stages.improve import improve, incumbent
from scheduler.solver.stages.lunch import assign_waves, lunch_plan
from scheduler.solver.stages.quick import QuickStart, quick_start
from scheduler.solver.stages.timetable import (
    Timetable,
    hint_rooms,
    hint_starts,
    in_symmetry_order,
    placements,
    solve_timetable,
)

QUICK_SHARE = 0.85
"""At most this share of the time limit goes to the quick first timetable (construct, repair);
it usually ends much sooner, and the full model improves that timetable in the time left."""


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
    data: SchoolData | None = None
    """The school data the timetable belongs to when the solve created sections or chose their
    teachers (apply it together with the solution); None when the input data was used as is."""
    plan: Plan | None = None
    requests: RequestStats | None = None
    first_full_schedule_s: float | None = None
    """When every student was first seated (sectioned schools)."""
    profile: dict[str, float] = field(default_factory=dict)
    """Seconds spent in the steps of the quick first timetable (construct, repair, ...)."""
    first_by: str | None = None
    """Which step found the first timetable: "construct", "repair" or "cp-sat"."""

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
    plan = plan_sections(data) if any(s.requests for s in data.students) else None
    work = plan.data if plan is not None and plan.changed else data
    problem = compile_problem(work)
    common = {"plan": plan, "data": work if work is not data else None}
    if problem.empty:
        return _result(problem, "infeasible", clock(), reasons=problem.empty, **common)
    sectioned = plan is not None and any(sectioning.is_section(a) for a in work.activities)
    limit = options.time_limit_s
    quick = None
    common_args = {
        "clock": clock,
        "seed": options.seed,
        "workers": options.workers,
        "progress": progress,
        "cancel": cancel,
        "ends_at": limit,
        "models": {},  # the probe's full model, built once for the later run too
    }
    if not sectioned and options.hint is None:

        def probe(_hint: dict[int, int], seconds: float) -> Timetable:
            # CP-SAT on its own terms (no hint): what it finds at once, it finds here.
            return solve_timetable(
                problem, time_limit_s=limit - clock(), search_s=seconds, **common_args
            )

        quick = quick_start(
            problem,
            time_limit_s=QUICK_SHARE * limit,
            clock=clock,
            seed=options.seed,
            workers=options.workers,
            cancel=cancel,
            probe=probe,
        )
        _report_quick(progress, clock, quick)
    probed = quick.probed if quick is not None else None
    settled = probed is not None and (
        probed.status == "infeasible" or (probed.starts is not None and probed.status == "optimal")
    )
    improving = {
        "until": limit - min(2.0, 0.05 * limit),
        "clock": clock,
        "seed": options.seed,
        "workers": options.workers,
        "progress": progress,
        "cancel": cancel,
    }
    if settled:
        first = probed
    elif quick is not None and (quick.starts is not None or (probed is not None and probed.starts)):
        # A complete timetable already: large-neighbourhood search lowers its penalty.
        first = improve(problem, incumbent(problem, quick), **improving)
    else:
        hint = None
        if quick is not None:
            hint = in_symmetry_order(problem, quick.hint)
        first = solve_timetable(
            problem,
            time_limit_s=(0.9 * limit if sectioned else limit) - clock(),
            enough_s=max(3.0, 0.15 * limit) if sectioned else 0.0 if quick else None,
            hint=hint or hint_starts(problem, options.hint),
            hint_rooms=quick.rooms if quick else hint_rooms(problem, options.hint),
            **common_args,
        )
        if quick is not None and first.starts is not None and first.status != "optimal":
            first = improve(problem, first, **improving)
    if probed is not None and probed.starts is not None and probed is not first:
        if first.starts is None or first.objective > probed.objective:
            first = probed
        else:
            first.first_s = probed.first_s
    if quick is not None:
        first = _better(first, quick)
    if quick is not None:
        common["profile"] = dict(quick.profile or {})
        if first.starts is not None:
            quick_first = quick.found_s is not None and quick.found_s <= (first.first_s or 1e9)
            probe_first = probed is not None and probed.starts is not None
            common["first_by"] = (
                quick.found_by if quick_first else "probe" if probe_first else "cp-sat"
            )
    if first.starts is None:
        return _result(
            problem,
            first.status,
            clock(),
            bound=first.bound,
            first=first.first_s,
            model_size=first.size,
            reasons=first.reasons,
            **common,
        )
    if not sectioned:
        return _finish(problem, first, {}, clock(), **common)
    if cancel is not None and cancel.cancelled:
        return _finish(problem, first, {}, clock(), reasons=_NOT_SEATED, **common)
    return _section_and_improve(problem, first, options, clock, progress, cancel, common)


def _section_and_improve(problem, first: Timetable, options, clock, progress, cancel, common):
    """First seating, then rounds that alternate: re-seat part of the school from the current
    seating (seating LNS), or free the sections of the courses that blocked requests, re-time
    only those (everything else stays where it is) and re-seat (master-schedule LNS)."""
    work = problem.data
    unavailable = problem.student_away
    limit = options.time_limit_s
    step = max(2.0, 0.08 * limit)

    def seat(tt: Timetable, hint, budget: float):
        return sectioning.section_students(
            work,
            _occupied(problem, tt.starts),
            unavailable,
            time_limit_s=budget,
            seed=options.seed,
            workers=options.workers,
            cancel=cancel,
            hint=hint,
            lunch=lunch,
        )

    lunch = lunch_plan(work, problem.grid)
    previous = dict(options.hint.sections_by_student) if options.hint else None
    best_tt = first
    best = seat(first, previous, max(1.0, min(0.1 * limit, limit - clock())))
    best_score = _score(work, problem, best_tt, best)
    full_at = clock()
    _report(progress, clock, best_tt, best_score)
    extra: Counter[tuple[str, str]] = Counter()
    rounds = stale = 0
    while clock() + 1.0 < 0.95 * limit and best_score[:2] != (0, 0) and stale < 4:
        if cancel is not None and cancel.cancelled:
            break
        rounds += 1
        tt = best_tt
        if rounds % 2 == 0 or best.status == "optimal":
            blocking = _blocking_pairs(work, problem, best_tt, best)
            if not blocking and best_tt.status == "optimal":
                break  # seats and times are both as good as they get
            extra.update(blocking)
            free = {c for pair in blocking for c in pair} | _lacking_courses(work, problem, best)
            tt = solve_timetable(
                problem,
                time_limit_s=min(step, 0.95 * limit - clock()),
                clock=clock,
                seed=options.seed + rounds,
                workers=options.workers,
                cancel=cancel,
                hint=best_tt.starts,
                hint_rooms=best_tt.rooms,
                extra_pairs=dict(extra),
                fixed=_fixed_except(problem, best_tt.starts, free),
                ends_at=limit,
            )
            if tt.starts is None:
                stale += 1
                continue
        sec = seat(tt, best.enrollments, max(0.5, min(step, 0.95 * limit - clock())))
        score = _score(work, problem, tt, sec)
        stale = stale + 1 if score >= best_score else 0
        if score < best_score:
            best_tt, best, best_score = tt, sec, score
            _report(progress, clock, best_tt, best_score)
    best_tt.first_s = first.first_s  # the first timetable of the solve, not of the last round
    return _finish(
        problem, best_tt, best.enrollments, clock(), full_at=full_at, lunches=best.lunches, **common
    )


def _better(tt: Timetable, quick: QuickStart) -> Timetable:
    """The CP-SAT timetable, or the quick one when CP-SAT found none or a worse one; the first
    timetable of the solve is the earlier of the two."""
    if quick.starts is None:
        return tt
    penalties = quick.penalties or {}
    if tt.starts is None or tt.objective > sum(penalties.values()):
        return Timetable(
            "feasible",
            starts=quick.starts,
            rooms=quick.rooms,
            penalties=penalties,
            first_s=quick.found_s,
            size=tt.size,
        )
    tt.first_s = min(x for x in (tt.first_s, quick.found_s) if x is not None)
    return tt


def _report_quick(progress, clock, quick: QuickStart) -> None:
    if progress is not None and quick.starts is not None:
        penalty = float(sum((quick.penalties or {}).values()))
        progress(Progress(clock(), 1, penalty, None, stage="first timetable"))


_NOT_SEATED = ("the solve was cancelled before students were seated in sections",)


def _lacking_courses(work: SchoolData, problem: Problem, sec) -> set[str]:
    """Courses of requests nobody could seat (first choices)."""
    course_of = {a.id: a.course for a in work.activities}
    with_class = class_courses(work)
    out = set()
    for student in work.students:
        taken = {course_of[a] for a in sec.enrollments.get(student.id, ())}
        taken |= with_class.get(student.id, frozenset())
        for r in student.requests:
            if r.course not in taken and not taken.intersection(r.alternates):
                out.add(r.course)
    return out


def _fixed_except(problem: Problem, starts: dict[int, int], courses: set[str]) -> dict[int, int]:
    """Every meeting stays where it is but those of the sections of ``courses``."""
    return {
        m: t
        for m, t in starts.items()
        if not (
            sectioning.is_section(problem.activities[problem.meetings[m].activity])
            and problem.activities[problem.meetings[m].activity].course in courses
        )
    }


def _occupied(problem: Problem, starts: dict[int, int]) -> dict[str, frozenset[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    for m, t in starts.items():
        meeting = problem.meetings[m]
        out[problem.activities[meeting.activity].id].update(meeting.covers(t))
    return {k: frozenset(v) for k, v in out.items()}


def _solution(problem: Problem, tt: Timetable, enrollments, wall: float, lunches=None) -> Solution:
    return Solution(
        placements=placements(problem, tt.starts, tt.rooms),
        enrollments=tuple(
            Enrollment(student=s, activity=a)
            for s, secs in sorted(enrollments.items())
            for a in secs
        ),
        status=tt.status,
        objective=tt.objective,
        best_bound=tt.bound,
        wall_s=round(wall, 3),
        created=datetime.now(UTC),
        lunches=tuple(
            LunchAssignment(student=s, wave=w) for s, w in sorted((lunches or {}).items())
        ),
    )


def _waves_after(problem: Problem, tt: Timetable, enrollments) -> dict[str, str]:
    """Lunch waves for a timetable whose classes are all fixed (no seating step chose them)."""
    work = problem.data
    if not work.lunch_waves:
        return {}
    occupied = _occupied(problem, tt.starts)
    busy = dict(sectioning.fixed_busy(work, occupied, {}))
    for sid, secs in enrollments.items():
        busy[sid] = busy.get(sid, frozenset()).union(*(occupied.get(a, ()) for a in secs))
    plan = lunch_plan(work, problem.grid)
    return assign_waves(plan, busy, [s.id for s in work.students])


def _score(work: SchoolData, problem: Problem, tt: Timetable, sec) -> tuple[int, int, int]:
    """(unmet required, unmet requests, timetable penalty): smaller is better."""
    stats = request_stats(work, _solution(problem, tt, sec.enrollments, 0.0))
    no_lunch = len(work.students) - len(sec.lunches) if work.lunch_waves else 0
    if stats is None:
        return (no_lunch, 0, tt.objective)
    return (
        stats.required - stats.required_met + no_lunch,
        stats.requests - stats.met,
        tt.objective,
    )


def _blocking_pairs(work, problem, tt: Timetable, sec) -> Counter[tuple[str, str]]:
    """What stood between a student and an unmet request: a seated course whose section meets
    whenever the requested course does (a course pair), or the student's class lessons (a
    (course, subgroup) pair)."""
    occupied = _occupied(problem, tt.starts)
    course_of = {a.id: a.course for a in work.activities}
    by_course: dict[str, list[frozenset[int]]] = defaultdict(list)
    for aid, slots in occupied.items():
        if course_of.get(aid):
            by_course[course_of[aid]].append(slots)
    pairs: Counter[tuple[str, str]] = Counter()
    with_class = class_courses(work)
    class_slots: dict[str, set[int]] = defaultdict(set)
    for a in work.activities:
        if a.groups:
            for leaf in work.leaf_groups(a.groups):
                class_slots[leaf] |= occupied.get(a.id, frozenset())
    for student in work.students:
        seated = sec.enrollments.get(student.id, ())
        taken = {course_of[a]: occupied.get(a, frozenset()) for a in seated}
        classes = with_class.get(student.id, frozenset())
        leaves = work.leaf_groups(student.groups)
        class_busy = frozenset().union(*(class_slots.get(g, frozenset()) for g in leaves))
        for r in student.requests:
            if r.course in taken or r.course in classes:
                continue
            if any(alt in taken or alt in classes for alt in r.alternates):
                continue
            weight = 10 if r.required else 3
            options = by_course.get(r.course, ())
            if options and all(s & class_busy for s in options):
                for leaf in leaves:
                    pairs[(r.course, leaf)] += weight
            for other, slots in taken.items():
                if all(s & slots for s in options):
                    pairs[tuple(sorted((r.course, other)))] += weight
    return pairs


def _report(progress, clock, tt: Timetable, score) -> None:
    if progress is not None:
        progress(
            Progress(clock(), 0, float(tt.objective), None, stage=f"sectioning: {score[1]} unmet")
        )


def _finish(
    problem: Problem,
    tt: Timetable,
    enrollments,
    wall: float,
    *,
    full_at=None,
    lunches=None,
    **common,
):
    if lunches is None:
        lunches = _waves_after(problem, tt, enrollments)
    solution = _solution(problem, tt, enrollments, wall, lunches)
    return _result(
        problem,
        tt.status,
        wall,
        solution=solution,
        objective=tt.objective,
        bound=tt.bound,
        first=tt.first_s,
        penalties=tt.penalties,
        model_size=tt.size,
        requests=request_stats(problem.data, solution),
        full_at=full_at,
        **common,
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
        data=kw.pop("data", None),
        plan=kw.pop("plan", None),
        requests=kw.pop("requests", None),
        first_full_schedule_s=kw.pop("full_at", None),
        profile=kw.pop("profile", {}),
        first_by=kw.pop("first_by", None),
    )


def ignored_rules(data: SchoolData) -> dict[str, int]:
    """Active rules kept from an import that no solver rule states: the user must hear of them."""
    counts: dict[str, int] = defaultdict(int)
    for c in data.constraints:
        if c.kind == "unsupported" and c.active:
            counts[c.type] += 1
    return dict(sorted(counts.items()))
