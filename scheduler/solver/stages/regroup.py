"""Regrouping by mastery: move students between sections of a course to match their levels.

Section times are fixed; only who sits where changes. CP-SAT chooses one section per student and
regrouped course, never into a clash with the rest of the student's week, never past a section's
capacity (a section already over it may stay as full as it is). The objective is lexicographic:
first the total mismatch between each student's level and their section's level (beyond a
tolerance), then the number of students whose timetable changes, so nobody moves without gain.

A section's level is given, or else derived from the course's students: sorted by level and cut
into the current section sizes, sections (in order of their students' current mean level) take
the median level of their cut.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.model import Enrollment, SchoolData, Solution
from scheduler.model.personal import personal_away, wave_slots
from scheduler.solver.stages.sectioning import fixed_busy, is_section

Cell = tuple[int, int]


@dataclass
class Regrouping:
    enrollments: tuple[Enrollment, ...] = ()
    moved: list[str] = field(default_factory=list)
    """Students whose timetable changed."""
    changes: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(student, course, from section, to section)."""
    section_levels: dict[str, int] = field(default_factory=dict)
    mismatch_before: int = 0
    mismatch_after: int = 0
    students: int = 0
    """Students with a level in a section of a regrouped course."""
    status: str = "unknown"
    wall_s: float = 0.0

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "students_with_levels": self.students,
            "moved": len(self.moved),
            "mismatch_before": self.mismatch_before,
            "mismatch_after": self.mismatch_after,
            "wall_s": round(self.wall_s, 3),
            "section_levels": self.section_levels,
            "changes": [
                {"student": s, "course": c, "from": a, "to": b} for s, c, a, b in self.changes
            ],
        }


def regroup(
    data: SchoolData,
    solution: Solution,
    levels: dict[tuple[str, str], int],
    *,
    section_levels: dict[str, int] | None = None,
    tolerance: int = 0,
    time_limit_s: float = 10.0,
    workers: int = 2,
) -> Regrouping:
    began = time.monotonic()
    cells = _cells(data, solution)
    courses = {c for _, c in levels}
    sections: dict[str, list[str]] = defaultdict(list)
    for a in data.activities:
        if is_section(a) and a.course in courses and a.id in cells:
            sections[a.course].append(a.id)
    seated = solution.sections_by_student
    course_of = {a.id: a.course for a in data.activities}
    current: dict[tuple[str, str], str] = {}
    for sid, secs in seated.items():
        for aid in secs:
            if course_of.get(aid) in sections:
                current[(sid, course_of[aid])] = aid
    movable = {k: v for k, v in current.items() if k in levels}
    target = dict(section_levels or {})
    for course, secs in sections.items():
        _derive(course, secs, current, levels, target)
    out = Regrouping(section_levels={a: target[a] for s in sections.values() for a in s})
    out.students = len({s for s, _ in movable})

    def cost(key: tuple[str, str], aid: str) -> int:
        return max(0, abs(levels[key] - target[aid]) - tolerance)

    out.mismatch_before = sum(cost(k, a) for k, a in movable.items())
    # Everything fixed for a student: lessons through groups, personal time, other sections.
    occupied = {aid: frozenset(_flat(data, c)) for aid, c in cells.items()}
    busy = fixed_busy(data, occupied, {s.id: frozenset() for s in data.students})
    unavailable = _unavailable(data, solution)
    model = cp_model.CpModel()
    x: dict[tuple[str, str, str], cp_model.IntVar] = {}
    by_student: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for sid, course in movable:
        by_student[sid].append((sid, course))
    size = {aid: 0 for secs in sections.values() for aid in secs}
    for aid in current.values():
        size[aid] += 1
    fixed_in = defaultdict(int)
    for key, aid in current.items():
        if key not in movable:
            fixed_in[aid] += 1
    objective = []
    weight = len(by_student) + 1
    for sid, keys in by_student.items():
        mine = {movable[k] for k in keys}
        own = set(busy[sid]) | unavailable.get(sid, set())
        for other in seated.get(sid, ()):
            if other not in mine:
                own |= set(occupied.get(other, ()))
        changed = model.new_bool_var(f"moved[{sid}]")
        per_cell: dict[int, list[cp_model.IntVar]] = defaultdict(list)
        objective.append(changed)
        for key in keys:
            options = []
            for aid in sections[key[1]]:
                if aid != movable[key] and own & occupied[aid]:
                    continue
                v = model.new_bool_var(f"x[{sid},{aid}]")
                x[(sid, key[1], aid)] = v
                options.append(v)
                for cell in occupied[aid]:
                    per_cell[cell].append(v)
                objective.append(weight * cost(key, aid) * v)
                if aid != movable[key]:
                    model.add_implication(v, changed)
                else:
                    model.add_hint(v, True)
            model.add_exactly_one(options)
        for vs in per_cell.values():
            if len(vs) > 1:
                model.add_at_most_one(vs)
    cap_of = {c.id: c.section_capacity for c in data.courses}
    seats = defaultdict(list)
    for (_, _, aid), v in x.items():
        seats[aid].append(v)
    for course, secs in sections.items():
        cap = cap_of.get(course)
        if cap is None:
            continue
        for aid in secs:
            model.add(sum(seats[aid]) + fixed_in[aid] <= max(cap, size[aid]))
    model.minimize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    solver.parameters.num_workers = workers
    status = solver.solve(model)
    out.status = solver.status_name(status).lower()
    new = dict(current)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for (sid, course, aid), v in x.items():
            if solver.value(v):
                new[(sid, course)] = aid
    for (sid, course), aid in sorted(new.items()):
        if current[(sid, course)] != aid:
            out.changes.append((sid, course, current[(sid, course)], aid))
    out.moved = sorted({c[0] for c in out.changes})
    out.mismatch_after = sum(cost(k, new[k]) for k in movable)
    replaced = {(sid, current[(sid, c)]): aid for (sid, c), aid in new.items()}
    out.enrollments = tuple(
        Enrollment(student=e.student, activity=replaced.get((e.student, e.activity), e.activity))
        for e in solution.enrollments
    )
    out.wall_s = time.monotonic() - began
    return out


def _derive(course, secs, current, levels, target) -> None:
    """Give sections without a level the median level of their cut of the sorted students."""
    todo = [a for a in secs if a not in target]
    if not todo:
        return
    students = {a: [] for a in todo}
    for (sid, c), aid in current.items():
        if c == course and aid in students and (sid, c) in levels:
            students[aid].append(levels[(sid, c)])
    ranked = sorted(levels[(s, c)] for (s, c), a in current.items() if c == course and a in todo)
    order = sorted(todo, key=lambda a: (_mean(students[a]), a))
    start = 0
    for aid in order:
        n = len(students[aid])
        cut = ranked[start : start + n] or ranked[-1:] or [0]
        target[aid] = cut[len(cut) // 2]
        start += n


def _mean(values: list[int]) -> float:
    return sum(values) / len(values) if values else 0.0


def _cells(data: SchoolData, solution: Solution) -> dict[str, set[Cell]]:
    where = {
        (day.id, slot.id): (d, s)
        for d, day in enumerate(data.calendar.days)
        for s, slot in enumerate(day.slots)
    }
    out: dict[str, set[Cell]] = defaultdict(set)
    for p in solution.placements:
        a = data.activity_by_id.get(p.activity)
        pos = where.get((p.day, p.slot))
        if a is None or pos is None or p.meeting >= len(a.meetings):
            continue
        out[a.id].update((pos[0], pos[1] + k) for k in range(a.meetings[p.meeting]))
    return out


def _flat(data: SchoolData, cells: set[Cell]) -> set[int]:
    width = max((len(d.slots) for d in data.calendar.days), default=0)
    return {d * width + s for d, s in cells}


def _unavailable(data: SchoolData, solution: Solution) -> dict[str, set[int]]:
    """Cells a student cannot be moved into: their own unavailability, their personal blocks
    and day rules, and the lunch wave the solve gave them (a move must not take their lunch)."""
    width = max((len(d.slots) for d in data.calendar.days), default=0)
    refs: dict[str, list] = {s.id: list(s.unavailable) for s in data.students}
    for sid, away in personal_away(data).items():
        refs.setdefault(sid, []).extend(away)
    waves = {w.id: wave_slots(data.calendar, w) for w in data.lunch_waves}
    for sid, wave in solution.wave_by_student.items():
        refs.setdefault(sid, []).extend(waves.get(wave, ()))
    out: dict[str, set[int]] = {}
    for sid, mine in refs.items():
        cells = {p for r in mine if (p := data.calendar.position(r)) is not None}
        if cells:
            out[sid] = {d * width + k for d, k in cells}
    return out
