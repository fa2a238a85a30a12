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
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.model import Activity, SchoolData
from scheduler.solver.plan import class_courses
from scheduler.solver.progress import CancelToken

W_REQUIRED = 10_000
W_FAIR = 3_000
W_ALTERNATE = 50
W_BALANCE = 1
UNLIMITED = 10_000


def elective_weight(priority: int) -> int:
    return max(200, 1_000 - 200 * (priority - 1))


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
) -> Sectioning:
    classes = time_classes(data, occupied)
    busy = fixed_busy(data, occupied, unavailable)
    with_class = class_courses(data)
    model = cp_model.CpModel()
    terms = []
    seats: dict[tuple[str, int], list] = defaultdict(list)  # (course, class index) -> literals
    choice: dict[tuple[str, str, int], object] = {}  # (student, course, class index) -> literal
    section_of = {
        sec: (tc.course, k)
        for c, tcs in classes.items()
        for k, tc in enumerate(tcs)
        for sec in tc.sections
    }
    for student in data.students:
        if not student.requests:
            continue
        per_slot: dict[int, list] = defaultdict(list)
        per_course: dict[str, list] = defaultdict(list)
        unmet_lits = []
        for r in student.requests:
            if r.course in with_class.get(student.id, ()):
                continue  # taught to them with their class already
            options = []
            for rank, course in enumerate((r.course, *r.alternates)):
                for k, tc in enumerate(classes.get(course, ())):
                    if tc.slots & busy[student.id]:
                        continue
                    key = (student.id, course, k)
                    lit = choice.get(key)
                    if lit is None:
                        lit = model.new_bool_var(f"e:{student.id}:{course}:{k}")
                        choice[key] = lit
                        seats[(course, k)].append(lit)
                        per_course[course].append(lit)
                        for t in tc.slots:
                            per_slot[t].append(lit)
                    options.append((rank, lit))
            weight = W_REQUIRED if r.required else elective_weight(r.priority)
            if not options:
                unmet_lits.append(1)
                terms.append(weight)
                continue
            met = model.new_bool_var(f"met:{student.id}:{r.course}")
            model.add(sum(lit for _, lit in options) == met)
            unmet_lits.append(1 - met)
            terms.append(weight * (1 - met))
            alternates = [lit for rank, lit in options if rank > 0]
            if alternates:
                terms.append(W_ALTERNATE * sum(alternates))
        for lits in per_course.values():
            if len(lits) > 1:
                model.add_at_most_one(lits)
        seen: set[tuple] = set()
        for lits in per_slot.values():
            key = tuple(sorted(id(x) for x in lits))
            if len(lits) > 1 and key not in seen:
                seen.add(key)
                model.add_at_most_one(lits)
        if len(unmet_lits) > 1:
            second = model.new_int_var(0, len(unmet_lits), f"second:{student.id}")
            model.add(second >= sum(unmet_lits) - 1)
            terms.append(W_FAIR * second)
    wanted = Counter(r.course for st in data.students for r in st.requests)
    for course, tcs in classes.items():
        total_cap = sum(tc.capacity for tc in tcs)
        for k, tc in enumerate(tcs):
            lits = seats.get((course, k), [])
            if len(lits) > tc.capacity:
                model.add(sum(lits) <= tc.capacity)
            if len(tcs) > 1 and lits and tc.capacity < UNLIMITED:
                fair = -(-min(wanted[course], total_cap) * tc.capacity // max(1, total_cap))
                over = model.new_int_var(0, len(lits), f"over:{course}:{k}")
                model.add(over >= sum(lits) - fair)
                terms.append(W_BALANCE * over)
    if hint:
        for sid, sections in hint.items():
            for sec in sections:
                if sec in section_of:
                    course, k = section_of[sec]
                    lit = choice.get((sid, course, k))
                    if lit is not None:
                        model.add_hint(lit, True)
    model.minimize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.5, time_limit_s)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers or os.cpu_count() or 1
    if cancel is not None:
        cancel.attach(solver)
    try:
        status = solver.solve(model)
    finally:
        if cancel is not None:
            cancel.attach(None)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Sectioning(status="unknown")
    chosen: dict[tuple[str, int], list[str]] = defaultdict(list)
    for (sid, course, k), lit in sorted(choice.items(), key=lambda kv: kv[0]):
        if solver.boolean_value(lit):
            chosen[(course, k)].append(sid)
    enrollments: dict[str, list[str]] = defaultdict(list)
    for (course, k), students in chosen.items():
        for sid, sec in share_out(students, classes[course][k], data):
            enrollments[sid].append(sec)
    return Sectioning(
        enrollments={s: tuple(sorted(v)) for s, v in sorted(enrollments.items())},
        status="optimal" if status == cp_model.OPTIMAL else "feasible",
    )


def share_out(students: list[str], tc: TimeClass, data: SchoolData) -> list[tuple[str, str]]:
    """Deal the students of one time class to its sections evenly (sorted by id, round robin),
    so section sizes differ by at most one and the listing order of students does not matter."""
    cap = data.course_by_id[tc.course].section_capacity or UNLIMITED
    counts = dict.fromkeys(tc.sections, 0)
    out = []
    for sid in sorted(students):
        sec = min(tc.sections, key=lambda s: (counts[s] >= cap, counts[s], s))
        counts[sec] += 1
        out.append((sid, sec))
    return out
