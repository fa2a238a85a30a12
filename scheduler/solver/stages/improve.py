"""Lower the soft penalty of a complete timetable: large-neighbourhood search over the full model.

The full model (every hard and soft rule) is built once. Each round keeps most meetings where the
best timetable has them and lets CP-SAT re-place the rest for a moment: the meetings of a rule that
is broken now, of one teacher or subgroup and those who share lessons with them, or of a few
people on two days. The best timetable is the hint, so a round never ends worse than it began;
a better one becomes the new best. Rounds that CP-SAT settles (proves nothing better exists in that
neighbourhood) make the next neighbourhood larger; rounds that run out of time make it smaller.

On a 2-core machine CP-SAT runs no neighbourhood search of its own, and the presolve of a large
model from scratch can take most of the time left: here each round's model is mostly fixed, so it
presolves in a fraction of a second.
"""

from __future__ import annotations

import logging
import os
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from ortools.sat.python import cp_model

from scheduler.solver import rooms as room_step
from scheduler.solver.compile import Problem
from scheduler.solver.progress import CancelToken, Progress, ProgressCallback, solve_watched
from scheduler.solver.stages.quick import QuickStart
from scheduler.solver.stages.timetable import (
    Timetable,
    build_model,
    complete_hint,
    in_symmetry_order,
    symmetric_groups,
)

log = logging.getLogger(__name__)

ROUND_S = 1.0
"""A round's search time at most (most rounds settle their neighbourhood much sooner)."""
START_FREE = 30
"""Meetings re-placed per round at first (then adapted between MIN_FREE and all of them: a round
that frees every meeting and settles it proves the timetable optimal)."""
MIN_FREE = 8


def improve(
    problem: Problem,
    incumbent: Timetable,
    *,
    until: float,
    clock: Callable[[], float],
    seed: int = 0,
    workers: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Timetable:
    """Improve ``incumbent`` (a complete timetable that keeps every hard rule, its starts in
    symmetry order) until ``until`` on ``clock``; return the best timetable found, with rooms.
    Returns ``incumbent`` itself when nothing better is found, the time is too short, or the
    better timetable's rooms cannot be assigned."""
    if incumbent.starts is None:
        return incumbent
    if not incumbent.objective:  # nothing to improve: no timetable breaks fewer soft rules
        return replace(incumbent, status="optimal", bound=0.0)

    def stopped() -> bool:
        return clock() >= until - 0.3 or (cancel is not None and cancel.cancelled)

    best_starts = dict(incumbent.starts)
    best_objective: int | None = None
    hot: list[tuple[str, int]] = []
    rng = random.Random(seed)
    hoods = _Neighbourhoods(problem, rng)
    free_target = min(START_FREE, max(MIN_FREE, len(problem.meetings) // 3))
    max_free = len(problem.meetings)
    round_s = ROUND_S
    rounds = improved = 0
    proven = False
    size: dict[str, int] = {}
    while not stopped() and not proven:
        rounds += 1
        free = hoods.pick(best_starts, free_target, hot)
        fixed = {m: t for m, t in best_starts.items() if m not in free}
        t_a = clock()
        build = build_model(problem, fixed=fixed, stop=stopped)
        if build is None or not build.penalties:
            break
        t_b = clock()
        if best_objective is None:  # the first round scores the timetable it starts from
            hinted = complete_hint(build.model, build.vars, best_starts, seed=seed)
            if hinted is None:
                break  # cannot happen for a timetable that keeps the hard rules
        else:  # later rounds hint the starts only: no extra solve per round
            build.vars.hint(best_starts)
        t_c = clock()
        if best_objective is None:
            best_objective = round(hinted.objective_value)
            hot = _hot_sources(build, hinted)
            size = {
                "variables": len(build.model.proto.variables),
                "constraints": len(build.model.proto.constraints),
            }
        if best_objective == 0:
            break
        solver = cp_model.CpSolver()
        params = solver.parameters
        # Every meeting free: the full model from the best timetable, for the time left (small
        # schools get here at once, and CP-SAT may prove the timetable optimal).
        whole = len(free) >= max_free
        params.max_time_in_seconds = max(
            0.05, (until - clock()) if whole else min(round_s, until - clock())
        )
        params.random_seed = seed + rounds
        params.num_workers = workers or os.cpu_count() or 1
        # Symmetry detection: of little use with most meetings fixed, and on some of these
        # models CP-SAT 9.15 fails in it (IndexError "absl::btree_map::at").
        params.symmetry_level = 0
        status = solve_watched(solver, build.model, cancel)
        if status == cp_model.OPTIMAL and len(free) >= max_free:
            proven = True  # every meeting was free: nothing better exists
        if status == cp_model.OPTIMAL:
            free_target = min(max_free, int(free_target * 1.4) + 1)
        elif status in (cp_model.FEASIBLE, cp_model.UNKNOWN):
            free_target = max(MIN_FREE, int(free_target * 0.75))
        log.debug(
            "round %d (%s): %d free, %s in %.2f s (build %.2f s, hint %.2f s), best %s",
            rounds,
            hoods.last,
            len(free),
            solver.status_name(status),
            solver.wall_time,
            t_b - t_a,
            t_c - t_b,
            best_objective,
        )
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            continue
        objective = round(solver.objective_value)
        if objective >= best_objective:
            continue
        best_objective = objective
        best_starts = build.vars.extract(solver)
        best_penalties = _by_rule(build, solver)
        hot = _hot_sources(build, solver)
        improved += 1
        if progress is not None:
            found = 1 + improved  # the timetable it started from, then each better one
            progress(Progress(clock(), found, float(best_objective), None, stage="improving"))
    if not improved:
        if proven and incumbent.objective == best_objective:  # no room penalty either
            return replace(incumbent, status="optimal", bound=float(best_objective))
        return incumbent
    penalties = best_penalties
    assigned = room_step.assign_rooms(
        problem,
        best_starts,
        time_limit_s=max(1.0, until - clock()),
        seed=seed,
        workers=workers or 1,
        previous=incumbent.rooms,
    )
    if assigned.rooms is None:
        return incumbent
    for rule, penalty in (assigned.by_rule or {}).items():
        penalties[rule] += penalty
    better = Timetable(
        "optimal" if proven and not assigned.penalty else "feasible",
        bound=float(best_objective) if proven and not assigned.penalty else None,
        starts=best_starts,
        rooms=assigned.rooms,
        penalties={k: v for k, v in penalties.items() if v},
        first_s=incumbent.first_s,
        size={**size, "improve_rounds": rounds, "improvements": improved},
    )
    return better if better.objective < incumbent.objective else incumbent


def incumbent(problem: Problem, quick: QuickStart) -> Timetable:
    """The quick step's timetable (constructed, repaired or probed) to improve from."""
    if quick.starts is None:
        return quick.probed
    rooms = dict(quick.rooms or {})
    for group in symmetric_groups(problem):  # a room goes with its meeting's start
        pairs = sorted((quick.starts[m], rooms.get(m)) for m in group if m in quick.starts)
        if len(pairs) == len(group):
            for m, (_, room) in zip(group, pairs, strict=True):
                if room is None:
                    rooms.pop(m, None)
                else:
                    rooms[m] = room
    return Timetable(
        "feasible",
        starts=in_symmetry_order(problem, quick.starts),
        rooms=rooms,
        penalties=dict(quick.penalties or {}),
        first_s=quick.found_s,
    )


def _by_rule(build, solver: cp_model.CpSolver) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for p in build.penalties:
        out[p.rule] += p.weight * int(solver.value(p.amount))
    return out


def _hot_sources(build, solver: cp_model.CpSolver) -> list[tuple[str, int]]:
    """The rules (by source) the timetable breaks now, with their penalty."""
    out: dict[str, int] = defaultdict(int)
    for p in build.penalties:
        value = int(solver.value(p.amount))
        if value:
            out[p.source] += p.weight * value
    return list(out.items())


class _Neighbourhoods:
    """Which meetings a round frees: grown from a seed through the people they share."""

    def __init__(self, problem: Problem, rng: random.Random) -> None:
        self.problem = problem
        self.rng = rng
        self.people = [r for r in (*problem.teachers, *problem.leaves) if r.meetings]
        self.of_meeting: dict[int, list[int]] = defaultdict(list)
        for k, r in enumerate(self.people):
            for m in r.meetings:
                self.of_meeting[m].append(k)
        self.by_source: dict[str, tuple[int, ...]] = {}
        for c in problem.data.constraints:
            meetings: list[int] = []
            for aid in getattr(c, "activities", ()) or ():
                meetings.extend(problem.activity_meetings.get(aid, ()))
            target = getattr(c, "target", None)
            if target is not None and not meetings:
                for r in problem.resources_for(target):
                    meetings.extend(r.meetings)
            self.by_source[c.id] = tuple(meetings)
        self.kinds = ("rule", "person", "days")
        self.round = 0

    def day(self, t: int):
        return self.problem.grid.refs[t][0]

    def pick(self, starts: dict[int, int], size: int, hot: list[tuple[str, int]]) -> set[int]:
        """About ``size`` meetings: units of one kind (by turns) until the size is reached."""
        self.round += 1
        size = min(size, len(self.problem.meetings))
        kind = self.kinds[self.round % len(self.kinds)]
        hot = [(s, w) for s, w in hot if self.by_source.get(s)]
        if kind == "rule" and not hot:
            kind = "person"
        self.last = kind
        free: set[int] = set()
        for _ in range(50):
            if len(free) >= size:
                break
            self._unit(kind, starts, size, hot, free)
        while len(free) < size:  # nobody shares lessons: fill at random
            free.add(self.rng.randrange(len(self.problem.meetings)))
        return free

    def _unit(self, kind, starts, size, hot, free: set[int]) -> None:
        """A rule the timetable breaks with its people on its days and one more (``rule``), a
        person and those who share lessons with them (``person``), or people on two days
        (``days``)."""
        all_days = sorted({self.day(t) for t in starts.values()}, key=str)
        if kind == "rule":
            sources, weights = zip(*hot, strict=True)
            seed = list(self.by_source[self.rng.choices(sources, weights)[0]])
            days = {self.day(starts[m]) for m in seed} | {self.rng.choice(all_days)}
        else:
            person = self.people[self.rng.randrange(len(self.people))]
            seed = list(person.meetings)
            days = set(self.rng.sample(all_days, min(2, len(all_days)))) if kind == "days" else None
            seed = [m for m in seed if days is None or self.day(starts[m]) in days]
        self.rng.shuffle(seed)
        added = [m for m in seed if m not in free][: size - len(free)]
        free.update(added)
        frontier = list(added)
        while len(free) < size and frontier:
            m = frontier[self.rng.randrange(len(frontier))]
            people = self.of_meeting.get(m)
            if not people:
                frontier.remove(m)
                continue
            person = self.people[self.rng.choice(people)]
            more = [
                x
                for x in person.meetings
                if x not in free and (days is None or self.day(starts[x]) in days)
            ]
            if not more:
                frontier.remove(m)
                continue
            self.rng.shuffle(more)
            added = more[: size - len(free)]
            free.update(added)
            frontier.extend(added)
