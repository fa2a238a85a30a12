"""The sectioning step: seat every student in one section of each requested course.

Times are fixed by the timetable step. Sections of a course that meet at exactly the same slots
form one *time class*: for a student they are interchangeable, so the model chooses time classes
(one boolean per student, request option and time class) and seats are then shared out evenly
among the sections of each class. Objective, in this order of weight: required requests, electives
by priority, second losses of one student (fairness: two students losing one request each beats
one student losing two), alternates instead of first choices, then balanced section sizes.
All students are modelled alike and at once, so no one gets the best seats by being listed first.
"""

from __future__ import annotations

import os
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.model import Activity, SchoolData
from scheduler.solver.progress import CancelToken, solve_watched
from scheduler.solver.stages.lunch import LunchPlan
from scheduler.solver.stages.seat_model import W_REQUIRED, SeatModel, collect_wants
from scheduler.solver.stages.seating import Want, seat_greedily

UNLIMITED = 10_000


@dataclass(frozen=True)
class TimeClass:
    course: str
    slots: frozenset[int]
    sections: tuple[str, ...]
    capacity: int


@dataclass
class Sectioning:
    enrollments: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Student -> sections."""
    unmet: int = 0
    unmet_required: int = 0
    status: str = "unknown"
    lunches: dict[str, str] = field(default_factory=dict)
    """Student -> lunch wave."""


def is_section(activity: Activity) -> bool:
    return activity.course is not None and not activity.groups


def time_classes(
    data: SchoolData, occupied: dict[str, frozenset[int]]
) -> dict[str, list[TimeClass]]:
    """Course -> its sections grouped by the exact slots they occupy."""
    grouped: dict[tuple[str, frozenset[int]], list[str]] = defaultdict(list)
    for a in data.activities:
        if is_section(a) and a.id in occupied:
            grouped[(a.course, occupied[a.id])].append(a.id)
    out: dict[str, list[TimeClass]] = defaultdict(list)
    for (course, slots), sections in sorted(
        grouped.items(), key=lambda kv: (kv[0][0], sorted(kv[0][1]))
    ):
        cap = data.course_by_id[course].section_capacity or UNLIMITED
        out[course].append(TimeClass(course, slots, tuple(sorted(sections)), cap * len(sections)))
    return out


def fixed_busy(
    data: SchoolData, occupied: dict[str, frozenset[int]], unavailable
) -> dict[str, frozenset[int]]:
    """Slots each student is already taken: class lessons through groups, personal time."""
    by_group: dict[str, list[str]] = defaultdict(list)
    for a in data.activities:
        for g in a.groups:
            by_group[g].append(a.id)
    individual: dict[str, list[str]] = defaultdict(list)
    for a in data.activities:
        if not is_section(a):
            for s in a.students:
                individual[s].append(a.id)
    out = {}
    for student in data.students:
        busy = set(unavailable.get(student.id, ()))
        groups = frozenset().union(*(data.ancestors(g) for g in student.groups))
        for g in groups:
            for aid in by_group.get(g, ()):
                busy |= occupied.get(aid, frozenset())
        for aid in individual.get(student.id, ()):
            busy |= occupied.get(aid, frozenset())
        out[student.id] = frozenset(busy)
    return out


def section_students(
    data: SchoolData,
    occupied: dict[str, frozenset[int]],
    unavailable: dict[str, frozenset[int]],
    *,
    time_limit_s: float,
    seed: int = 0,
    workers: int | None = None,
    cancel: CancelToken | None = None,
    hint: dict[str, tuple[str, ...]] | None = None,
    keep_weight: int = 0,
    lunch: LunchPlan | None = None,
) -> Sectioning:
    """With ``keep_weight`` (a repair), ``hint`` is the seating to stay close to: each seat a
    student loses costs that much, and students keep their own section within a time class."""
    began = time.monotonic()
    classes = time_classes(data, occupied)
    busy = fixed_busy(data, occupied, unavailable)
    capacity = {(c, k): tc.capacity for c, tcs in classes.items() for k, tc in enumerate(tcs)}
    wants = collect_wants(data, classes, busy)
    earlier = _keys(hint, classes)
    caps = {}
    if lunch is not None and not lunch.empty:
        class_busy = {sid: b - unavailable.get(sid, frozenset()) for sid, b in busy.items()}
        for sid, extra in lunch.wants(sorted(busy), class_busy).items():
            wants.setdefault(sid, []).extend(extra)
        capacity.update(lunch.keys_capacity())
        caps = lunch.caps(class_busy)
    picked = seat_greedily(wants, capacity, keep=earlier, partial=bool(keep_weight), caps=caps)
    label = "first seating"
    rng = random.Random(seed)
    rounds = stale = 0
    asking = sum(1 for w in wants.values() if w)
    while time.monotonic() - began < time_limit_s - 0.2 and not (cancel and cancel.cancelled):
        lacking = _lacking(wants, picked)
        if not lacking:
            label = "optimal"
            break
        rounds += 1
        part = _neighbourhood(data, wants, picked, lacking, rng)
        used = Counter(key for sid, keys in picked.items() if sid not in part for key in keys)
        left = {key: cap - used[key] for key, cap in capacity.items()}
        sm = SeatModel.build(
            {sid: wants[sid] for sid in part if sid in wants},
            left,
            keep={sid: earlier[sid] for sid in part if sid in earlier},
            keep_weight=keep_weight,
            caps={sid: caps[sid] for sid in part if sid in caps},
        )
        sm.hint({sid: picked.get(sid, []) for sid in part})
        budget = min(ROUND_S, time_limit_s - (time.monotonic() - began))
        solution, proven = _run(sm, budget, seed + rounds, workers, cancel)
        if solution is not None:
            picked.update({sid: solution.get(sid, []) for sid in part})
            label = "improved"
        if proven and len(part) >= asking:
            label = "optimal"  # everyone was in the part: nothing better exists
            break
        now = len(_lacking(wants, picked))
        stale = stale + 1 if now >= len(lacking) else 0
        if stale >= 3:
            break
    chosen: dict[tuple[str, int], list[str]] = defaultdict(list)
    for sid, keys in sorted(picked.items()):
        for key in keys:
            if key[0] in classes:
                chosen[key].append(sid)
    enrollments: dict[str, list[str]] = defaultdict(list)
    for (course, k), students in sorted(chosen.items()):
        before = hint if keep_weight else None
        for sid, sec in share_out(students, classes[course][k], data, previous=before):
            enrollments[sid].append(sec)
    return Sectioning(
        enrollments={s: tuple(sorted(v)) for s, v in sorted(enrollments.items())},
        status=label,
        lunches=lunch.decode(picked) if lunch is not None else {},
    )


ROUND_S = 2.0
NEIGHBOURS = 250


def _run(sm: SeatModel, budget: float, seed: int, workers, cancel):
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.2, budget)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers or os.cpu_count() or 1
    solver.parameters.symmetry_level = 0  # students look alike; the search is not helped
    status = solve_watched(solver, sm.model, cancel)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, False
    return sm.decode(solver), status == cp_model.OPTIMAL


def _lacking(wants, picked) -> dict[str, list[Want]]:
    """Students with a request that none of their seats meets, and those requests."""
    out = {}
    for sid, ws in wants.items():
        have = set(picked.get(sid, ()))
        missing = [w for w in ws if w.options and not any(o.key in have for o in w.options)]
        if missing:
            out[sid] = missing
    return out


def _neighbourhood(data, wants, picked, lacking, rng) -> set[str]:
    """Students lacking a course (those lacking a required one first), and a sample of the
    students seated where they could go: moving those may free the seat or the period a lacking
    student needs."""
    size = NEIGHBOURS // 3
    must = sorted(s for s, ws in lacking.items() if any(w.weight >= W_REQUIRED for w in ws))
    part = set(rng.sample(must, min(len(must), size)))
    rest = sorted(set(lacking) - part)
    part |= set(rng.sample(rest, min(len(rest), size - len(part))))
    sitting: dict[tuple[str, int], list[str]] = defaultdict(list)
    for sid, keys in picked.items():
        for key in keys:
            sitting[key].append(sid)
    nearby: set[str] = set()
    for sid in sorted(part):
        for w in lacking[sid]:
            for o in w.options:
                nearby.update(sitting.get(o.key, ()))
    nearby -= part
    room = NEIGHBOURS - len(part)
    part |= set(rng.sample(sorted(nearby), min(room, len(nearby))))
    return part


def _keys(hint, classes) -> dict[str, list[tuple[str, int]]]:
    """Previous enrollments as (course, time class) keys, where those classes still exist."""
    if not hint:
        return {}
    where = {
        sec: (tc.course, k)
        for tcs in classes.values()
        for k, tc in enumerate(tcs)
        for sec in tc.sections
    }
    return {sid: [where[s] for s in secs if s in where] for sid, secs in hint.items()}


def share_out(
    students: list[str],
    tc: TimeClass,
    data: SchoolData,
    *,
    previous: dict[str, tuple[str, ...]] | None = None,
) -> list[tuple[str, str]]:
    """Deal the students of one time class to its sections evenly (sorted by id, round robin),
    so section sizes differ by at most one and the listing order of students does not matter.
    With ``previous`` (a repair), students first go back to their earlier section while it has
    seats; only the others are dealt out."""
    cap = data.course_by_id[tc.course].section_capacity or UNLIMITED
    counts = dict.fromkeys(tc.sections, 0)
    out = []
    rest = []
    for sid in sorted(students):
        own = [s for s in (previous or {}).get(sid, ()) if s in counts and counts[s] < cap]
        if own:
            counts[own[0]] += 1
            out.append((sid, own[0]))
        else:
            rest.append(sid)
    for sid in rest:
        sec = min(tc.sections, key=lambda s: (counts[s] >= cap, counts[s], s))
        counts[sec] += 1
        out.append((sid, sec))
    return out
