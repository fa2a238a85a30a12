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
"""Sections are planned to be at most this full where staff and rooms allow: students can only
use the sections whose times fit their timetable, so a course with exactly as many seats as
requests rarely seats everyone."""


def sections_needed(course: Course, wanted: int, *, fill: float = 1.0) -> int:
    if course.sections is not None:
        return course.sections
    if wanted == 0:
        return 0
    if not course.section_capacity:
        return 1
    return math.ceil(wanted / (course.section_capacity * fill))


def plan_sections(data: SchoolData) -> Plan:
    """First the sections every request needs (full sections), staffed; then, course by course
    from the fullest, one more section at a time while a qualified teacher has room for it and
    its room type has free room-slots, until sections would be at most ``FILL`` full."""
    wanted = demand(data)
    required = Counter(r.course for s in data.students for r in s.requests if r.required)
    count = {a.course: 0 for a in data.activities if a.course}
    for a in data.activities:
        if a.course is not None:
            count[a.course] += 1
    names = _Names({a.id for a in data.activities})
    new: list[Activity] = []
    created: Counter[str] = Counter()
    for course in data.courses:
        for _ in range(sections_needed(course, wanted[course.id]) - count.get(course.id, 0)):
            new.append(_section(course, *names.next(course.id)))
            created[course.id] += 1
    activities = [*data.activities, *new]
    staff = _Staff(data, activities)
    problems = staff.assign_open(activities)
    rooms = _RoomSlots(data, activities)
    by_course = {c.id: c for c in data.courses if c.sections is None and c.section_capacity}
    while True:
        fullest = max(
            (
                c
                for c in by_course.values()
                if _sections(activities, c.id) < sections_needed(c, wanted[c.id], fill=FILL)
            ),
            key=lambda c: (
                required[c.id] > 0,  # courses students must take come first
                wanted[c.id] / (_sections(activities, c.id) * c.section_capacity),
                c.id,
            ),
            default=None,
        )
        if fullest is None:
            break
        section = _section(fullest, *names.next(fullest.id))
        teacher = staff.best(section)
        if teacher is None or not rooms.take(section):
            del by_course[fullest.id]  # no more staff or rooms for this course
            continue
        section = section.model_copy(update={"teachers": (teacher,)})
        staff.add(section, teacher)
        activities.append(section)
        created[fullest.id] += 1
    if not created and not staff.chosen:
        return Plan(data, problems=tuple(problems))
    final = tuple(
        a.model_copy(update={"teachers": (staff.chosen[a.id],)})
        if a.id in staff.chosen and not a.teachers
        else a
        for a in activities
    )
    staffed = dict(staff.chosen)
    return Plan(
        data.model_copy(update={"activities": final}),
        created=dict(created),
        staffed=staffed,
        problems=tuple(problems),
    )


def _sections(activities, course_id: str) -> int:
    return sum(1 for a in activities if a.course == course_id and not a.groups)


class _Names:
    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self.numbers: Counter[str] = Counter()

    def next(self, course_id: str) -> tuple[str, int]:
        while True:
            self.numbers[course_id] += 1
            sid = f"{course_id}-{self.numbers[course_id]}"
            if sid not in self.taken:
                self.taken.add(sid)
                return sid, self.numbers[course_id]


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


class _Staff:
    """Teachers' room left in their week, and who already teaches which course."""

    def __init__(self, data: SchoolData, activities) -> None:
        self.data = data
        week = data.calendar.teaching_slot_count
        self.capacity = {
            t.id: min(
                t.max_slots_per_week if t.max_slots_per_week is not None else week,
                week - len(t.unavailable),
            )
            for t in data.teachers
        }
        self.load: Counter[str] = Counter()
        self.teaches: dict[str, set[str]] = defaultdict(set)
        self.chosen: dict[str, str] = {}
        for a in activities:
            for t in a.teachers:
                self.add(a, t)

    def add(self, a: Activity, teacher: str) -> None:
        self.load[teacher] += sum(a.meetings)
        if a.course:
            self.teaches[teacher].add(a.course)

    def pool(self, course_id: str) -> list[str]:
        course = self.data.course_by_id[course_id]
        if course.teachers:
            return [t for t in course.teachers if t in self.data.teacher_by_id]
        return [t.id for t in self.data.teachers if course.subject in t.subjects]

    def best(self, a: Activity, *, must_fit: bool = True) -> str | None:
        size = sum(a.meetings)
        pool = self.pool(a.course)
        if must_fit:
            pool = [t for t in pool if self.capacity[t] - self.load[t] >= size]
        if not pool:
            return None
        return min(
            pool,
            key=lambda t: (
                self.capacity[t] - self.load[t] < size,  # has room first
                int(4 * self.load[t] / max(1, self.capacity[t])),  # then by quarter of load used
                a.course not in self.teaches[t],  # then fewer preparations
                self.load[t] / max(1, self.capacity[t]),  # then the least loaded
                t,
            ),
        )

    def assign_open(self, activities) -> list[str]:
        """Staff every section without a teacher, most constrained first; deterministic."""
        problems = []
        open_sections = [a for a in activities if a.course is not None and not a.teachers]
        open_sections.sort(key=lambda a: (len(self.pool(a.course)), a.id))
        for a in open_sections:
            teacher = self.best(a) or self.best(a, must_fit=False)
            if teacher is None:
                problems.append(f'section "{a.id}": no teacher is qualified to teach {a.course}')
                continue
            if self.capacity[teacher] - self.load[teacher] < sum(a.meetings):
                problems.append(
                    f'section "{a.id}": every qualified teacher is full; gave it to "{teacher}"'
                )
            self.chosen[a.id] = teacher
            self.add(a, teacher)
        return problems


class _RoomSlots:
    """Room-slots left per room type, so extra sections never outgrow the building."""

    def __init__(self, data: SchoolData, activities) -> None:
        week = data.calendar.teaching_slot_count
        self.left: Counter[str] = Counter()
        for r in data.rooms:
            self.left[r.type] += week - len(r.unavailable)
        self.total = Counter(self.left)
        self.modelled = bool(data.rooms)
        for a in activities:
            self.take(a, force=True)

    def take(self, a: Activity, *, force: bool = False) -> bool:
        if not self.modelled or not a.needs_room:
            return True
        types = a.room_types or tuple(self.left)
        best = max(types, key=lambda t: self.left[t])
        need = sum(a.meetings)
        if not force and self.left[best] - need < 0.1 * self.total[best]:
            return False  # keep a tenth of each room type free
        self.left[best] -= need
        return True
