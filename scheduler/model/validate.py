"""Cross-entity checks: every reference resolves, ids are unique, lessons can fit at all.

Each problem names the entity and the field, e.g. ``activity "Math 7A": unknown teacher "T99"``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from scheduler.model.calendar import SlotRef
from scheduler.model.constraints import Target
from scheduler.model.school import SchoolData


@dataclass(frozen=True, slots=True)
class Problem:
    entity: str
    id: str
    field: str
    message: str

    def __str__(self) -> str:
        return f'{self.entity} "{self.id}": {self.message}'


class InvalidSchoolError(ValueError):
    """Raised when school data has problems; ``problems`` lists all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the school data:\n{shown}{more}")


def ensure_valid(data: SchoolData) -> None:
    problems = find_problems(data)
    if problems:
        raise InvalidSchoolError(problems)


def find_problems(data: SchoolData) -> list[Problem]:
    return [
        *_duplicates(data),
        *_calendar(data),
        *_references(data),
        *_activities(data),
        *_constraints(data),
    ]


_COLLECTIONS = (
    ("day", "calendar.days"),
    ("subject", "subjects"),
    ("course", "courses"),
    ("teacher", "teachers"),
    ("room", "rooms"),
    ("group", "groups"),
    ("student", "students"),
    ("activity", "activities"),
    ("constraint", "constraints"),
)


def _items(data: SchoolData, path: str) -> tuple:
    obj = data
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def _duplicates(data: SchoolData) -> Iterator[Problem]:
    for entity, path in _COLLECTIONS:
        counts = Counter(item.id for item in _items(data, path))
        for item_id, n in counts.items():
            if n > 1:
                yield Problem(entity, item_id, "id", f"id is used by {n} {entity} entries")


def _calendar(data: SchoolData) -> Iterator[Problem]:
    if not data.calendar.days:
        yield Problem("calendar", "days", "days", "the calendar has no days")
    elif data.calendar.teaching_slot_count == 0:
        yield Problem("calendar", "days", "slots", "the calendar has no teaching slots")


def _slot_refs(entity: str, eid: str, field: str, data: SchoolData, refs: Iterable[SlotRef]):
    for ref in refs:
        if data.calendar.position(ref) is None:
            yield Problem(entity, eid, field, f"unknown slot {ref.slot!r} on day {ref.day!r}")


def _unknown(entity: str, eid: str, field: str, kind: str, ids: Iterable[str], known) -> Iterator:
    for ref in ids:
        if ref not in known:
            yield Problem(entity, eid, field, f'unknown {kind} "{ref}"')


def _references(data: SchoolData) -> Iterator[Problem]:
    for c in data.courses:
        yield from _unknown("course", c.id, "subject", "subject", [c.subject], data.subject_by_id)
    for t in data.teachers:
        yield from _unknown("teacher", t.id, "subjects", "subject", t.subjects, data.subject_by_id)
        yield from _slot_refs("teacher", t.id, "unavailable", data, t.unavailable)
    for r in data.rooms:
        yield from _slot_refs("room", r.id, "unavailable", data, r.unavailable)
    for g in data.groups:
        yield from _unknown("group", g.id, "parents", "group", g.parents, data.group_by_id)
        if g.id in g.parents or g.id in _above(data, g.id):
            yield Problem("group", g.id, "parents", "the group is its own ancestor")
        yield from _slot_refs("group", g.id, "unavailable", data, g.unavailable)
    for s in data.students:
        yield from _unknown("student", s.id, "groups", "group", s.groups, data.group_by_id)
        yield from _slot_refs("student", s.id, "unavailable", data, s.unavailable)
        for req in s.requests:
            courses = [req.course, *req.alternates]
            yield from _unknown("student", s.id, "requests", "course", courses, data.course_by_id)


def _above(data: SchoolData, gid: str) -> set[str]:
    seen: set[str] = set()
    stack = list(data.group_by_id[gid].parents) if gid in data.group_by_id else []
    while stack:
        parent = stack.pop()
        if parent in seen or parent not in data.group_by_id:
            continue
        seen.add(parent)
        stack.extend(data.group_by_id[parent].parents)
    return seen


def _activities(data: SchoolData) -> Iterator[Problem]:
    longest = data.calendar.longest_teaching_run()
    ndays = len(data.calendar.days)
    for a in data.activities:
        yield from _unknown("activity", a.id, "subject", "subject", [a.subject], data.subject_by_id)
        if a.course is not None:
            yield from _unknown("activity", a.id, "course", "course", [a.course], data.course_by_id)
        yield from _unknown("activity", a.id, "teachers", "teacher", a.teachers, data.teacher_by_id)
        yield from _unknown("activity", a.id, "groups", "group", a.groups, data.group_by_id)
        yield from _unknown("activity", a.id, "students", "student", a.students, data.student_by_id)
        yield from _unknown("activity", a.id, "rooms", "room", a.rooms, data.room_by_id)
        if not a.meetings:
            yield Problem("activity", a.id, "meetings", "the activity has no meetings")
        for i, duration in enumerate(a.meetings):
            if duration < 1:
                yield Problem("activity", a.id, "meetings", f"meeting {i + 1} lasts {duration} slots")
            elif duration > longest:
                yield Problem(
                    "activity",
                    a.id,
                    "meetings",
                    f"meeting {i + 1} lasts {duration} slots but no day has more than "
                    f"{longest} teaching slots in a row",
                )
        if a.min_days_between and len(a.meetings) > 1:
            needed = (len(a.meetings) - 1) * a.min_days_between + 1
            if needed > ndays:
                yield Problem(
                    "activity",
                    a.id,
                    "min_days_between",
                    f"{len(a.meetings)} meetings {a.min_days_between} day(s) apart need "
                    f"{needed} days; the cycle has {ndays}",
                )
        for pin in a.pins:
            if pin.meeting >= len(a.meetings):
                yield Problem("activity", a.id, "pins", f"pin for meeting {pin.meeting + 1}, "
                              f"but the activity has {len(a.meetings)} meetings")
            if pin.start is not None:
                yield from _slot_refs("activity", a.id, "pins", data, [pin.start])
            if pin.room is not None:
                yield from _unknown("activity", a.id, "pins", "room", [pin.room], data.room_by_id)
        yield from _room_fit(data, a)


def _room_fit(data: SchoolData, a) -> Iterator[Problem]:
    if not a.needs_room or not data.rooms:
        return
    candidates = [r for r in data.rooms if (not a.rooms or r.id in a.rooms)]
    candidates = [r for r in candidates if not a.room_types or r.type in a.room_types]
    if not candidates:
        kinds = f" of type {', '.join(a.room_types)}" if a.room_types else ""
        yield Problem("activity", a.id, "room_types", f"no room{kinds} is allowed for it")
        return
    size = data.attendance(a)
    if all(r.capacity is not None and r.capacity < size for r in candidates):
        biggest = max(r.capacity or 0 for r in candidates)
        yield Problem(
            "activity",
            a.id,
            "rooms",
            f"{size} students but the largest allowed room seats {biggest}",
        )


_TARGETS = {
    "teacher": "teacher_by_id",
    "group": "group_by_id",
    "room": "room_by_id",
    "student": "student_by_id",
}


def _target_known(data: SchoolData, target: Target) -> bool:
    return target.id in getattr(data, _TARGETS[target.kind])


def _constraints(data: SchoolData) -> Iterator[Problem]:
    for c in data.constraints:
        target = getattr(c, "target", None)
        if target is not None and not _target_known(data, target):
            yield Problem("constraint", c.id, "target", f"unknown {target}")
        activities = getattr(c, "activities", ())
        yield from _unknown("constraint", c.id, "activities", "activity", activities,
                            data.activity_by_id)
        yield from _slot_refs("constraint", c.id, "slots", data, getattr(c, "slots", ()))
