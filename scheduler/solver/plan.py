"""Turn course requests into sections and give each section a teacher, before any timetabling.

Schools do this step by hand today ("build sections from the request tallies, then staff them"):
the number of sections of a course is fixed by the course or derived from first-choice demand and
section capacity; each unstaffed section gets a qualified teacher with room left, the least loaded
by quarters of their week, and among those one who already teaches the course (fewer
preparations). No CP-SAT here: the
result is ordinary school data the user can review and edit.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from scheduler.model import Activity, Course, SchoolData


@dataclass(frozen=True)
class Plan:
    data: SchoolData
    created: dict[str, int] = field(default_factory=dict)
    """Course id -> sections added."""
    staffed: dict[str, str] = field(default_factory=dict)
    """Section id -> teacher chosen."""
    problems: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.created or self.staffed)


def demand(data: SchoolData) -> Counter[str]:
    """First-choice requests per course, leaving out students who already take the course with
    their class (a class lesson of that course through one of their groups)."""
    with_class = class_courses(data)
    return Counter(
        r.course
        for s in data.students
        for r in s.requests
        if r.course not in with_class.get(s.id, ())
    )


def class_courses(data: SchoolData) -> dict[str, frozenset[str]]:
    """Courses each student takes through a group or an individual listing (not sections)."""
    by_group: dict[str, set[str]] = defaultdict(set)
    by_student: dict[str, set[str]] = defaultdict(set)
    for a in data.activities:
        if a.course is None:
            continue
        for g in a.groups:
            by_group[g].add(a.course)
        if a.groups:
            for sid in a.students:
                by_student[sid].add(a.course)
    out = {}
    for s in data.students:
        courses = set(by_student.get(s.id, ()))
        for g in frozenset().union(*(data.ancestors(g) for g in s.groups)):
            courses |= by_group.get(g, set())
        if courses:
            out[s.id] = frozenset(courses)
    return out


FILL = 0.9
"""Sections are planned to be at most this full: students can only use the sections whose times
fit their timetable, so a course with exactly as many seats as requests cannot seat everyone."""


def sections_needed(course: Course, wanted: int) -> int:
    if course.sections is not None:
        return course.sections
    if wanted == 0:
        return 0
    if not course.section_capacity:
        return 1
    return math.ceil(wanted / (course.section_capacity * FILL))


def plan_sections(data: SchoolData) -> Plan:
    wanted = demand(data)
    existing: dict[str, list[Activity]] = defaultdict(list)
    for a in data.activities:
        if a.course is not None:
            existing[a.course].append(a)
    taken = {a.id for a in data.activities}
    created: dict[str, int] = {}
    new: list[Activity] = []
    for course in data.courses:
        missing = sections_needed(course, wanted[course.id]) - len(existing[course.id])
        number = len(existing[course.id])
        for _ in range(max(0, missing)):
            number += 1
            sid = f"{course.id}-{number}"
            while sid in taken:
                number += 1
                sid = f"{course.id}-{number}"
            taken.add(sid)
            new.append(_section(course, sid, number))
        if missing > 0:
            created[course.id] = missing
    activities = (*data.activities, *new)
    staffed, problems = _staff(data, activities)
    if staffed:
        activities = tuple(
            a.model_copy(update={"teachers": (staffed[a.id],)}) if a.id in staffed else a
            for a in activities
        )
    if not created and not staffed:
        return Plan(data, problems=tuple(problems))
    return Plan(
        data.model_copy(update={"activities": activities}),
        created=created,
        staffed=staffed,
        problems=tuple(problems),
    )


def _section(course: Course, sid: str, number: int) -> Activity:
    return Activity(
        id=sid,
        name=f"{course.label} · {number}",
        subject=course.subject,
        course=course.id,
        meetings=course.meetings or (1,),
        min_days_between=course.min_days_between,
        room_types=course.room_types,
        same_slot=course.same_slot,
    )


def _staff(data: SchoolData, activities) -> tuple[dict[str, str], list[str]]:
    """Greedy, most constrained section first; deterministic."""
    week = data.calendar.teaching_slot_count
    capacity = {
        t.id: min(
            t.max_slots_per_week if t.max_slots_per_week is not None else week,
            week - len(t.unavailable),
        )
        for t in data.teachers
    }
    load: Counter[str] = Counter()
    teaches: dict[str, set[str]] = defaultdict(set)
    for a in activities:
        for t in a.teachers:
            load[t] += sum(a.meetings)
            if a.course:
                teaches[t].add(a.course)
    open_sections = [a for a in activities if a.course is not None and not a.teachers]
    pools = {a.id: _pool(data, data.course_by_id[a.course]) for a in open_sections}
    open_sections.sort(key=lambda a: (len(pools[a.id]), a.id))
    staffed: dict[str, str] = {}
    problems: list[str] = []
    for a in open_sections:
        pool = pools[a.id]
        if not pool:
            problems.append(f'section "{a.id}": no teacher is qualified to teach {a.course}')
            continue
        size = sum(a.meetings)

        best = min(
            pool,
            key=lambda tid, a=a, size=size: (
                capacity[tid] - load[tid] < size,  # has room first
                int(4 * load[tid] / max(1, capacity[tid])),  # then by quarter of load used
                a.course not in teaches[tid],  # then fewer preparations
                load[tid] / max(1, capacity[tid]),  # then the least loaded
                tid,
            ),
        )
        if capacity[best] - load[best] < size:
            problems.append(
                f'section "{a.id}": every qualified teacher is full; gave it to "{best}" anyway'
            )
        staffed[a.id] = best
        load[best] += size
        teaches[best].add(a.course)
    return staffed, problems


def _pool(data: SchoolData, course: Course) -> list[str]:
    if course.teachers:
        return [t for t in course.teachers if t in data.teacher_by_id]
    return [t.id for t in data.teachers if course.subject in t.subjects]
