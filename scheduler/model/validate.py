"""Cross-entity checks: every reference resolves, ids are unique, lessons can fit at all.

Pydantic checks each value on its own; these checks need the whole school, so they run on demand
(before a solve, after an import) and report every problem at once instead of stopping at the
first. Each problem names the entity and the field, e.g. ``activity "Math 7A": unknown teacher
"T99"``, so a user can find and fix it without reading code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from scheduler.model.calendar import SlotRef
from scheduler.model.constraints import MinDaysBetween, Target
from scheduler.model.courses import Activity
from scheduler.model.school import SchoolData


@dataclass(frozen=True, slots=True)
class Problem:
    entity: str
    id: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f'{self.entity} "{self.id}"' if self.id else self.entity
        return f"{where}: {self.message}"


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
    from scheduler.model.validate_flex import flex_problems  # it needs ``Problem`` from here

    return [
        *_duplicates(data),
        *_calendar(data),
        *_references(data),
        *_activities(data),
        *_constraints(data),
        *flex_problems(data),
        *_personal(data),
    ]


def _personal(data: SchoolData) -> Iterator[Problem]:
    from scheduler.model.personal_validate import personal_problems  # it imports this module

    return personal_problems(data)


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
        yield Problem("calendar", "", "days", "the calendar has no days")
    elif data.calendar.teaching_slot_count == 0:
        yield Problem("calendar", "", "slots", "the calendar has no teaching slots")


def _slot_refs(
    entity: str, eid: str, field: str, data: SchoolData, refs: Iterable[SlotRef]
) -> Iterator[Problem]:
    for ref in refs:
        if data.calendar.position(ref) is None:
            yield Problem(entity, eid, field, f'unknown slot "{ref.slot}" on day "{ref.day}"')


def _unknown(
    entity: str, eid: str, field: str, kind: str, ids: Iterable[str], known: Collection[str]
) -> Iterator[Problem]:
    for ref in ids:
        if ref not in known:
            yield Problem(entity, eid, field, f'unknown {kind} "{ref}"')


def _references(data: SchoolData) -> Iterator[Problem]:
    longest = data.calendar.longest_teaching_run()
    for c in data.courses:
        yield from _unknown("course", c.id, "subject", "subject", [c.subject], data.subject_by_id)
        yield from _durations("course", c.id, c.meetings, longest)
        yield from _unknown("course", c.id, "teachers", "teacher", c.teachers, data.teacher_by_id)
    for t in data.teachers:
        yield from _unknown("teacher", t.id, "subjects", "subject", t.subjects, data.subject_by_id)
        yield from _slot_refs("teacher", t.id, "unavailable", data, t.unavailable)
    for r in data.rooms:
        yield from _slot_refs("room", r.id, "unavailable", data, r.unavailable)
    for g in data.groups:
        yield from _unknown("group", g.id, "parents", "group", g.parents, data.group_by_id)
        if g.id in _above(data, g.id):
            yield Problem("group", g.id, "parents", "the group is its own ancestor")
        yield from _slot_refs("group", g.id, "unavailable", data, g.unavailable)
    for s in data.students:
        yield from _unknown("student", s.id, "groups", "group", s.groups, data.group_by_id)
        yield from _slot_refs("student", s.id, "unavailable", data, s.unavailable)
        for req in s.requests:
            courses = [req.course, *req.alternates]
            yield from _unknown("student", s.id, "requests", "course", courses, data.course_by_id)


def _above(data: SchoolData, gid: str) -> set[str]:
    """Every group reachable through ``parents``; it holds ``gid`` itself only in a cycle."""
    seen: set[str] = set()
    stack = list(data.group_by_id[gid].parents) if gid in data.group_by_id else []
    while stack:
        parent = stack.pop()
        if parent in seen or parent not in data.group_by_id:
            continue
        seen.add(parent)
        stack.extend(data.group_by_id[parent].parents)
    return seen


def _durations(entity: str, eid: str, meetings: tuple[int, ...], longest: int) -> Iterator[Problem]:
    for i, duration in enumerate(meetings):
        if duration < 1:
            yield Problem(entity, eid, "meetings", f"meeting {i + 1} lasts {duration} slots")
        elif duration > longest:
            yield Problem(
                entity,
                eid,
                "meetings",
                f"meeting {i + 1} lasts {duration} slots but no day has more than "
                f"{longest} teaching slots in a row",
            )


def _spread(days: tuple[int, ...], min_days: int) -> int:
    """How many of these day indexes can be picked at least ``min_days`` apart (greedy is best)."""
    picked, last = 0, None
    for d in days:
        if last is None or d - last >= min_days:
            picked, last = picked + 1, d
    return picked


def _activities(data: SchoolData) -> Iterator[Problem]:
    longest = data.calendar.longest_teaching_run()
    teaching_days = data.calendar.teaching_days()
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
        yield from _durations("activity", a.id, a.meetings, longest)
        n = len(a.meetings)
        if a.min_days_between and n > 1 and _spread(teaching_days, a.min_days_between) < n:
            yield Problem(
                "activity",
                a.id,
                "min_days_between",
                f"{n} meetings {a.min_days_between} day(s) apart need more days with teaching "
                f"slots than the cycle has ({len(teaching_days)})",
            )
        if a.same_slot and (len(set(a.meetings)) > 1 or n > len(teaching_days)):
            yield Problem(
                "activity",
                a.id,
                "same_slot",
                f"meeting in the same slot every day needs meetings of one length on at most "
                f"{len(teaching_days)} days; it has {n} meetings of lengths {list(a.meetings)}",
            )
        yield from _pins(data, a)
        yield from _room_fit(data, a)


def _pins(data: SchoolData, a: Activity) -> Iterator[Problem]:
    counts = Counter(pin.meeting for pin in a.pins)
    for meeting, n in sorted(counts.items()):
        if n > 1:
            yield Problem("activity", a.id, "pins", f"meeting {meeting + 1} is pinned {n} times")
    for pin in a.pins:
        if pin.meeting >= len(a.meetings):
            yield Problem(
                "activity",
                a.id,
                "pins",
                f"pin for meeting {pin.meeting + 1}, but the activity has {len(a.meetings)} "
                "meetings",
            )
        elif pin.start is not None and data.calendar.position(pin.start) is not None:
            duration = a.meetings[pin.meeting]
            if data.calendar.teaching_run_from(pin.start) < duration:
                yield Problem(
                    "activity",
                    a.id,
                    "pins",
                    f"meeting {pin.meeting + 1} ({duration} slot(s)) is pinned to start at "
                    f'"{pin.start}", where it does not fit in teaching slots',
                )
        if pin.start is not None:
            yield from _slot_refs("activity", a.id, "pins", data, [pin.start])
        if pin.room is not None:
            yield from _unknown("activity", a.id, "pins", "room", [pin.room], data.room_by_id)
            room = data.room_by_id.get(pin.room)
            if room is not None and not _room_allowed(a, room.id, room.type):
                yield Problem(
                    "activity",
                    a.id,
                    "pins",
                    f'meeting {pin.meeting + 1} is pinned to room "{room.id}", which the '
                    "activity does not allow",
                )


def _room_allowed(a: Activity, room_id: str, room_type: str) -> bool:
    return (not a.rooms or room_id in a.rooms) and (not a.room_types or room_type in a.room_types)


def _room_fit(data: SchoolData, a: Activity) -> Iterator[Problem]:
    """Flag a lesson no room can hold; a school without rooms does not model rooms at all."""
    if not a.needs_room or not data.rooms:
        return
    if a.rooms and not any(r in data.room_by_id for r in a.rooms):
        return  # every listed room is unknown, which is reported already
    candidates = [r for r in data.rooms if _room_allowed(a, r.id, r.type)]
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
    teaching_days = data.calendar.teaching_days()
    for c in data.constraints:
        target = getattr(c, "target", None)
        if target is not None and not _target_known(data, target):
            yield Problem("constraint", c.id, "target", f"unknown {target}")
        activities = getattr(c, "activities", ())
        yield from _unknown(
            "constraint", c.id, "activities", "activity", activities, data.activity_by_id
        )
        yield from _slot_refs("constraint", c.id, "slots", data, getattr(c, "slots", ()))
        if c.kind == "preferred_rooms":
            yield from _unknown("constraint", c.id, "rooms", "room", c.rooms, data.room_by_id)
        if isinstance(c, MinDaysBetween) and c.hard and c.active:
            known = [data.activity_by_id[a] for a in set(activities) if a in data.activity_by_id]
            n = sum(len(a.meetings) for a in known)
            if n > 1 and _spread(teaching_days, c.min_days) < n:
                yield Problem(
                    "constraint",
                    c.id,
                    "min_days",
                    f"{n} meetings {c.min_days} day(s) apart need more days with teaching slots "
                    f"than the cycle has ({len(teaching_days)})",
                )
