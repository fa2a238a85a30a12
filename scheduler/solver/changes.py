"""What changed between two timetables of the same school: meetings moved, rooms swapped, and
students whose week is no longer the same, each said in words a scheduler can act on.

Meetings of one activity are alike, so they are compared as a set: a lesson counts as moved only
when its activity no longer meets at that time (swapping two Maths lessons changes nothing).
Like the checker, this reads only school data and solutions (no CP-SAT).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from scheduler.model import Activity, SchoolData, Solution
from scheduler.solver.occupancy import Occupancy


@dataclass(frozen=True, slots=True)
class Place:
    day: str
    slot: str
    room: str | None
    when: str
    """The day and time in words, e.g. "Fri P3 (10:40)"."""


@dataclass(frozen=True, slots=True)
class MeetingChange:
    activity: str
    kind: str
    """"moved" (another time), "room" (same time, another room), "added" or "removed"."""
    before: Place | None
    after: Place | None
    teachers: tuple[str, ...]
    groups: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class StudentChange:
    student: str
    name: str
    joined: tuple[str, ...]
    """Sections the student now sits in and did not before."""
    left: tuple[str, ...]
    moved: int
    """Lessons of the student's week at another time or in another room."""
    what: str

    @property
    def text(self) -> str:
        return f"{self.name}: {self.what}"


@dataclass(frozen=True)
class Changes:
    meetings: tuple[MeetingChange, ...]
    students: tuple[StudentChange, ...]

    @property
    def moved(self) -> int:
        return sum(c.kind == "moved" for c in self.meetings)

    @property
    def rooms_changed(self) -> int:
        return sum(c.kind == "room" for c in self.meetings)

    @property
    def meetings_changed(self) -> int:
        """Meetings at another time, in another room, added or removed."""
        return len(self.meetings)

    @property
    def students_changed(self) -> int:
        return len(self.students)

    @cached_property
    def by_teacher(self) -> dict[str, list[MeetingChange]]:
        out: dict[str, list[MeetingChange]] = defaultdict(list)
        for c in self.meetings:
            for t in c.teachers:
                out[t].append(c)
        return dict(sorted(out.items()))

    @cached_property
    def by_room(self) -> dict[str, list[MeetingChange]]:
        out: dict[str, list[MeetingChange]] = defaultdict(list)
        for c in self.meetings:
            rooms = {p.room for p in (c.before, c.after) if p is not None and p.room}
            for r in sorted(rooms):
                out[r].append(c)
        return dict(sorted(out.items()))

    def summary(self) -> dict[str, int]:
        return {
            "meetings_changed": self.meetings_changed,
            "meetings_moved": self.moved,
            "rooms_changed": self.rooms_changed,
            "students_changed": self.students_changed,
        }


def changes(
    before_data: SchoolData,
    before: Solution,
    after_data: SchoolData,
    after: Solution,
) -> Changes:
    """Every difference from ``before`` to ``after`` (which may hold other activities)."""
    old_occ = Occupancy(before_data, before)
    new_occ = Occupancy(after_data, after)
    meetings: list[MeetingChange] = []
    ids = sorted(set(old_occ.by_activity) | set(new_occ.by_activity))
    for aid in ids:
        activity = after_data.activity_by_id.get(aid) or before_data.activity_by_id[aid]
        meetings += _activity_changes(
            activity,
            _places(old_occ, aid),
            _places(new_occ, aid),
            after_data if aid in after_data.activity_by_id else before_data,
        )
    students = _student_changes(before_data, old_occ, after_data, new_occ, before, after)
    return Changes(tuple(meetings), tuple(students))


def _places(occ: Occupancy, aid: str) -> list[tuple[int, int, Place]]:
    """(duration, start, place) of each placed meeting, in time order."""
    out = []
    for seat in sorted(occ.by_activity.get(aid, ()), key=lambda s: s.start):
        when = occ.where(seat.start)
        day = occ.data.calendar.days[seat.day]
        slot = day.slots[seat.start - occ.day_slots(seat.day)[0]]
        out.append(
            (
                len(seat.span),
                seat.start,
                Place(day.id, slot.id, seat.room, f"{when} ({slot.start:%H:%M})"),
            )
        )
    return out


def _activity_changes(activity: Activity, old, new, data: SchoolData) -> list[MeetingChange]:
    """Same duration and start: kept (or a room change); the rest are paired in time order as
    moves, and what is left over was added or removed."""
    old_left = list(old)
    new_left = []
    out = []
    label = _label(activity, data)

    def change(kind: str, a: Place | None, b: Place | None, text: str) -> None:
        out.append(
            MeetingChange(
                activity.id, kind, a, b, activity.teachers, activity.groups, f"{label}: {text}"
            )
        )

    for duration, start, place in new:
        match = next(
            (
                x
                for x in old_left
                if x[0] == duration and (x[2].day, x[2].slot) == (place.day, place.slot)
            ),
            None,
        )
        if match is None:
            new_left.append((duration, start, place))
            continue
        old_left.remove(match)
        if match[2].room != place.room:
            change(
                "room",
                match[2],
                place,
                f"{place.when}, room {_room(match[2])} → {_room(place)}",
            )
    for duration, _, place in new_left:
        twin = next((x for x in old_left if x[0] == duration), None)
        if twin is None:
            change("added", None, place, f"new lesson {place.when}, room {_room(place)}")
            continue
        old_left.remove(twin)
        a = twin[2]
        room = f", room {_room(a)} → {_room(place)}" if a.room != place.room else ""
        change("moved", a, place, f"{a.when} → {place.when}{room}")
    for _, _, place in old_left:
        change("removed", place, None, f"no longer meets {place.when}, room {_room(place)}")
    return out


def _label(activity: Activity, data: SchoolData) -> str:
    who = [data.teacher_by_id[t].label if t in data.teacher_by_id else t for t in activity.teachers]
    parts = [", ".join(activity.groups)] if activity.groups else []
    parts += who
    return f"{activity.label} ({'; '.join(parts)})" if parts else activity.label


def _room(place: Place) -> str:
    return place.room or "none"


def _student_changes(before_data, old_occ, after_data, new_occ, before, after):
    old_secs = before.sections_by_student
    new_secs = after.sections_by_student
    out = []
    for student in after_data.students:
        sid = student.id
        if sid not in before_data.student_by_id:
            continue
        was = set(old_secs.get(sid, ()))
        now = set(new_secs.get(sid, ()))
        joined = tuple(sorted(now - was))
        left = tuple(sorted(was - now))
        week_old = _week(old_occ, sid)
        week_new = _week(new_occ, sid)
        if week_old == week_new and not joined and not left:
            continue
        moved = len(week_new - week_old)
        bits = []
        if joined or left:
            bits.append(
                "sections " + ", ".join([*(f"+{s}" for s in joined), *(f"−{s}" for s in left)])
            )
        if moved:
            bits.append(f"{moved} lesson(s) at another time or room")
        out.append(StudentChange(sid, student.label, joined, left, moved, "; ".join(bits)))
    return out


def _week(occ: Occupancy, sid: str) -> frozenset[tuple[str, str, str, str | None]]:
    """The student's week as (activity, day, slot, room), meetings of one activity alike."""
    days = occ.data.calendar.days
    return frozenset(
        (s.activity.id, days[s.day].id, occ.slot_id(s.start), s.room) for s in occ.attended(sid)
    )
