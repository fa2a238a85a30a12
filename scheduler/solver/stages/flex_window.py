"""What the locked timetable leaves free in each flex window: who takes part, who runs what.

A student takes part in a block when they belong to one of its groups (or the block names none)
and have no lesson and no personal time (unavailability, a personal block, a late start or an
early release) in any of its slots. An offering is closed when its
teacher teaches a lesson or is away in the window. Reasons are kept, for the routing report.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from scheduler.model import SchoolData, Solution
from scheduler.model.personal import personal_time_any

Cell = tuple[int, int]
"""(day index, slot index) in the calendar."""


@dataclass
class Window:
    participants: list[str] = field(default_factory=list)
    away: dict[str, str] = field(default_factory=dict)
    """Student -> why they cannot come (a lesson, personal time)."""
    closed: dict[str, str] = field(default_factory=dict)
    """Offering -> why it cannot run (its teacher teaches or is away)."""


def block_windows(data: SchoolData, solution: Solution) -> dict[str, Window]:
    cells = {b.id: _cells(data, b.slots) for b in data.flex_blocks}
    every = set().union(*cells.values()) if cells else set()
    lessons = _lessons_in(data, solution, every)
    students_of = _students_of(data, solution, {aid for aid, _ in lessons})
    away = _away_refs(data)
    out: dict[str, Window] = {}
    for block in data.flex_blocks:
        mine = cells[block.id]
        here = [(aid, c) for aid, c in lessons if c in mine]
        busy: dict[str, str] = {}
        for aid, cell in here:
            for sid in students_of.get(aid, ()):
                busy.setdefault(sid, f'lesson "{aid}" at {_label(data, cell)}')
        for s in data.students:
            if s.id not in busy:
                refs = [*away.get(("student", s.id), ())]
                for g in _above(data, s.groups):
                    refs.extend(away.get(("group", g), ()))
                off = _cells(data, refs) & mine
                if off:
                    busy[s.id] = f"personal time at {_label(data, min(off))}"
        groups = set(block.groups)
        window = Window()
        for s in data.students:
            if groups and not any(data.ancestors(g) & groups for g in s.groups):
                continue
            if s.id in busy:
                window.away[s.id] = busy[s.id]
            else:
                window.participants.append(s.id)
        for o in data.flex_offerings:
            if o.block == block.id and o.teacher is not None:
                why = _teacher_busy(data, o.teacher, mine, here)
                if why:
                    window.closed[o.id] = why
        out[block.id] = window
    return out


def _away_refs(data: SchoolData) -> dict[tuple[str, str], list]:
    """Slots students and groups cannot attend: their own field and hard availability rules."""
    out: dict[tuple[str, str], list] = defaultdict(list)
    for s in data.students:
        if s.unavailable:
            out[("student", s.id)].extend(s.unavailable)
    for g in data.groups:
        if g.unavailable:
            out[("group", g.id)].extend(g.unavailable)
    for c in data.constraints:
        people = c.kind == "availability" and c.target.kind in ("student", "group")
        if people and c.active and c.hard:
            out[(c.target.kind, c.target.id)].extend(c.slots)
    for sid, refs in personal_time_any(data).items():
        out[("student", sid)].extend(refs)
    return out


def _cells(data: SchoolData, refs) -> set[Cell]:
    return {p for r in refs if (p := data.calendar.position(r)) is not None}


def _label(data: SchoolData, cell: Cell) -> str:
    day = data.calendar.days[cell[0]]
    return f"{day.label} {day.slots[cell[1]].label}"


def _lessons_in(data: SchoolData, solution: Solution, cells: set[Cell]) -> list[tuple[str, Cell]]:
    """(activity, cell) for every placed meeting that covers one of these cells."""
    out = []
    if not cells:
        return out
    days = {d for d, _ in cells}
    where = {
        (day.id, slot.id): (d, s)
        for d, day in enumerate(data.calendar.days)
        for s, slot in enumerate(day.slots)
    }
    for p in solution.placements:
        a = data.activity_by_id.get(p.activity)
        start = where.get((p.day, p.slot))
        if a is None or start is None or start[0] not in days or p.meeting >= len(a.meetings):
            continue
        d, s = start
        for k in range(a.meetings[p.meeting]):
            if (d, s + k) in cells:
                out.append((a.id, (d, s + k)))
    return out


def _students_of(data: SchoolData, solution: Solution, activities: set[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    if not activities:
        return out
    for aid in activities:
        a = data.activity_by_id[aid]
        out[aid].update(a.students)
    for e in solution.enrollments:
        if e.activity in activities:
            out[e.activity].add(e.student)
    by_group: dict[str, list[str]] = defaultdict(list)
    for aid in activities:
        for g in data.activity_by_id[aid].groups:
            by_group[g].append(aid)
    if by_group:
        for s in data.students:
            for g in _above(data, s.groups):
                for aid in by_group.get(g, ()):
                    out[aid].add(s.id)
    return out


def _teacher_busy(data: SchoolData, tid: str, mine: set[Cell], here) -> str:
    for aid, cell in here:
        if tid in data.activity_by_id[aid].teachers:
            return f'teacher "{tid}" teaches "{aid}" at {_label(data, cell)}'
    teacher = data.teacher_by_id.get(tid)
    refs = list(teacher.unavailable) if teacher else []
    for c in data.constraints:
        if c.kind == "availability" and c.active and c.hard and c.target.kind == "teacher":
            refs.extend(c.slots if c.target.id == tid else ())
    off = _cells(data, refs) & mine
    if off:
        return f'teacher "{tid}" is not available at {_label(data, min(off))}'
    return ""


def _above(data: SchoolData, groups) -> set[str]:
    """The student's groups and every group above them."""
    return {a for g in groups for a in data.ancestors(g)}
