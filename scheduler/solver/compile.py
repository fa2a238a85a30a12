"""Project data -> Problem: integer ids, pre-filtered start domains, resource -> meetings maps.

Hard rules that only forbid times (unavailability, breaks, day ends, hard preferred or forbidden
times, pins) are applied here by removing starts, so the CP-SAT model never sees them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from scheduler.model import (
    Activity,
    Availability,
    ForbiddenTimes,
    PreferredTimes,
    SchoolData,
    Target,
)
from scheduler.solver.personal_slots import cycle_forbidden, personal_off
from scheduler.solver.timegrid import TimeGrid


@dataclass(frozen=True, slots=True)
class Meeting:
    activity: int
    number: int
    duration: int
    starts: tuple[int, ...]
    rooms: tuple[int, ...]
    """Candidate rooms; empty when the activity needs no room."""

    def covers(self, start: int) -> range:
        return range(start, start + self.duration)


@dataclass(frozen=True, slots=True)
class Resource:
    """A teacher, an indivisible student group, or a student: attends at most one meeting a slot."""

    kind: str
    id: str
    meetings: tuple[int, ...]
    unavailable: frozenset[int]

    def __str__(self) -> str:
        return f'{self.kind} "{self.id}"'


@dataclass(frozen=True)
class Problem:
    data: SchoolData
    grid: TimeGrid
    activities: tuple[Activity, ...]
    meetings: tuple[Meeting, ...]
    activity_meetings: dict[str, tuple[int, ...]]
    teachers: tuple[Resource, ...]
    leaves: tuple[Resource, ...]
    students: tuple[Resource, ...]
    room_ids: tuple[str, ...]
    room_unavailable: tuple[frozenset[int], ...]
    empty: tuple[str, ...] = field(default=())
    """Meetings with no possible start, in words: the problem is infeasible before solving."""
    student_away: dict[str, frozenset[int]] = field(default_factory=dict)
    """Slots each student cannot attend (own, group and personal time), for seating."""

    @cached_property
    def _by_target(self) -> dict[tuple[str, str], tuple[Resource, ...]]:
        out: dict[tuple[str, str], tuple[Resource, ...]] = {}
        for r in self.teachers:
            out[("teacher", r.id)] = (r,)
        for r in self.students:
            out[("student", r.id)] = (r,)
        leaves = {r.id: r for r in self.leaves}
        for g in self.data.groups:
            under = self.data.leaf_groups([g.id])
            out[("group", g.id)] = tuple(leaves[x] for x in sorted(under) if x in leaves)
        return out

    def resources_for(self, target: Target) -> tuple[Resource, ...]:
        """The resources a rule about this target applies to (a group: each subgroup)."""
        return self._by_target.get((target.kind, target.id), ())

    def meeting_name(self, m: int) -> str:
        meeting = self.meetings[m]
        activity = self.activities[meeting.activity]
        return f'activity "{activity.id}" meeting {meeting.number + 1}'


def compile_problem(data: SchoolData, *, open_times: bool = False) -> Problem:
    """With ``open_times``, keep every start the calendar allows: unavailability, hard time rules
    and pinned starts stay out of the domains (``scheduler.solver.explain`` states them again as
    constraints it can switch off one group at a time). Resources keep their unavailable slots."""
    grid = TimeGrid.of(data.calendar)
    teacher_off = {t.id: grid.slots_of(t.unavailable) for t in data.teachers}
    group_off = {g.id: grid.slots_of(g.unavailable) for g in data.groups}
    student_off = {s.id: grid.slots_of(s.unavailable) for s in data.students}
    _add_hard_availability(data, grid, teacher_off, group_off, student_off)
    personal_groups, personal_students = personal_off(data, grid)
    for g, slots in personal_groups.items():
        group_off[g] = group_off.get(g, frozenset()) | slots
    for sid, slots in personal_students.items():
        student_off[sid] = student_off.get(sid, frozenset()) | slots

    leaf_off = {
        leaf: frozenset().union(*(group_off.get(g, frozenset()) for g in data.ancestors(leaf)))
        for leaf in data.leaf_groups(g.id for g in data.groups)
    }
    allowed, forbidden = _hard_time_rules(data, grid)
    for a, slots in cycle_forbidden(data, grid).items():
        forbidden[a] |= slots
    rooms = data.rooms
    room_index = {r.id: k for k, r in enumerate(rooms)}
    room_off = [set(grid.slots_of(r.unavailable)) for r in rooms]
    for c in data.constraints:
        if isinstance(c, Availability) and c.active and c.hard and c.target.kind == "room":
            room_off[room_index[c.target.id]] |= grid.slots_of(c.slots)

    named = {s for r in (*data.lunch_windows, *data.max_minutes) for s in r.students}
    student_acts = _students_that_matter(data, away=set(personal_students) | named)
    away_students: dict[str, list[str]] = defaultdict(list)
    for sid, acts in student_acts.items():
        if student_off[sid]:
            for a in acts:
                away_students[a].append(sid)

    meetings: list[Meeting] = []
    activity_meetings: dict[str, tuple[int, ...]] = {}
    empty: list[str] = []
    leaf_meetings: dict[str, list[int]] = defaultdict(list)
    teacher_meetings: dict[str, list[int]] = defaultdict(list)
    for a_index, activity in enumerate(data.activities):
        leaves = data.leaf_groups(activity.groups)
        blocked = set().union(
            *(teacher_off.get(t, ()) for t in activity.teachers),
            *(leaf_off.get(g, ()) for g in leaves),
            *(student_off[s] for s in away_students.get(activity.id, ())),
            forbidden.get(activity.id, ()),
        )
        if open_times:
            blocked = set()
        candidates = _candidate_rooms(data, activity, room_index)
        own: list[int] = []
        daily = _daily(grid, activity)
        for number, duration in enumerate(activity.meetings):
            starts = _starts(
                grid, duration, blocked, None if open_times else allowed.get(activity.id)
            )
            if daily:
                starts = tuple(t for t in starts if grid.day_of[t] == daily[number])
            pin = activity.pin(number)
            meeting_rooms = candidates
            if pin is not None and pin.room is not None and activity.needs_room:
                meeting_rooms = (room_index[pin.room],)
            if pin is not None and pin.start is not None and not open_times:
                t = grid.slot(pin.start)
                starts = tuple(s for s in starts if s == t)
            if len(meeting_rooms) == 1 and not open_times:
                off = room_off[meeting_rooms[0]]
                starts = tuple(s for s in starts if not off.intersection(range(s, s + duration)))
            m = len(meetings)
            meetings.append(Meeting(a_index, number, duration, starts, meeting_rooms))
            own.append(m)
            if not starts:
                empty.append(_why_empty(data, activity, number, pin is not None))
            if activity.needs_room and data.rooms and not meeting_rooms:
                empty.append(f'activity "{activity.id}": no room fits it')
        activity_meetings[activity.id] = tuple(own)
        for t in activity.teachers:
            teacher_meetings[t].extend(own)
        for g in leaves:
            leaf_meetings[g].extend(own)

    teachers = tuple(
        Resource("teacher", t.id, tuple(teacher_meetings[t.id]), teacher_off[t.id])
        for t in data.teachers
    )
    leaves = tuple(
        Resource("group", g, tuple(leaf_meetings[g]), leaf_off[g]) for g in sorted(leaf_off)
    )
    students = tuple(
        Resource(
            "student",
            sid,
            tuple(m for a in acts for m in activity_meetings[a]),
            student_off[sid],
        )
        for sid, acts in student_acts.items()
    )
    return Problem(
        data=data,
        grid=grid,
        activities=data.activities,
        meetings=tuple(meetings),
        activity_meetings=activity_meetings,
        teachers=teachers,
        leaves=leaves,
        students=students,
        room_ids=tuple(r.id for r in rooms),
        room_unavailable=tuple(frozenset(s) for s in room_off),
        empty=tuple(empty),
        student_away=_student_away(data, student_off, group_off),
    )


def _student_away(data: SchoolData, student_off, group_off) -> dict[str, frozenset[int]]:
    out = {}
    for s in data.students:
        above = frozenset().union(*(data.ancestors(g) for g in s.groups))
        out[s.id] = student_off[s.id].union(*(group_off.get(g, frozenset()) for g in above))
    return out


def _add_hard_availability(data, grid, teacher_off, group_off, student_off) -> None:
    by_kind = {"teacher": teacher_off, "group": group_off, "student": student_off}
    for c in data.constraints:
        if isinstance(c, Availability) and c.active and c.hard and c.target.kind in by_kind:
            table = by_kind[c.target.kind]
            table[c.target.id] = table.get(c.target.id, frozenset()) | grid.slots_of(c.slots)


def _daily(grid: TimeGrid, activity: Activity) -> tuple[int, ...]:
    """For a same-slot activity that meets on every teaching day, the day of each meeting: the
    meetings are interchangeable, so meeting i may as well be the one on the i-th day."""
    days = tuple(d for d in range(grid.days) if grid.teaching_slots_of_day(d))
    if not activity.same_slot or activity.pins or len(activity.meetings) != len(days):
        return ()
    return days


def _hard_time_rules(data: SchoolData, grid: TimeGrid):
    """Per activity: allowed (start, occupied-slot set) restrictions and forbidden slots."""
    allowed: dict[str, list[tuple[frozenset[int], bool]]] = defaultdict(list)
    forbidden: dict[str, set[int]] = defaultdict(set)
    for c in data.constraints:
        if not (c.active and c.hard):
            continue
        if isinstance(c, PreferredTimes):
            for a in c.activities:
                allowed[a].append((grid.slots_of(c.slots), c.starts_only))
        elif isinstance(c, ForbiddenTimes):
            for a in c.activities:
                forbidden[a] |= grid.slots_of(c.slots)
    return allowed, forbidden


def _starts(grid: TimeGrid, duration: int, blocked: set[int], allowed) -> tuple[int, ...]:
    out = []
    for s in grid.possible_starts(duration):
        span = range(s, s + duration)
        if blocked.intersection(span):
            continue
        if allowed and not all(
            (s in slots) if starts_only else slots.issuperset(span)
            for slots, starts_only in allowed
        ):
            continue
        out.append(s)
    return tuple(out)


def _candidate_rooms(data: SchoolData, activity: Activity, room_index) -> tuple[int, ...]:
    if not activity.needs_room or not data.rooms:
        return ()
    size = data.attendance(activity)
    ruled = [
        set(c.rooms)
        for c in data.constraints
        if c.kind == "preferred_rooms" and c.active and c.hard and activity.id in c.activities
    ]
    return tuple(
        room_index[r.id]
        for r in data.rooms
        if all(r.id in rooms for rooms in ruled)
        and (not activity.rooms or r.id in activity.rooms)
        and (not activity.room_types or r.type in activity.room_types)
        and (r.capacity is None or r.capacity >= size)
    )


def _why_empty(data: SchoolData, activity: Activity, number: int, pinned: bool) -> str:
    what = f'activity "{activity.id}" meeting {number + 1}'
    if pinned:
        return f"{what} is pinned to a time its teachers, groups, rooms or rules rule out"
    duration = activity.meetings[number]
    return (
        f"{what} ({duration} slot(s)) has no possible time: every start is ruled out by "
        "breaks, day ends, unavailability or hard time rules"
    )


def _students_that_matter(data: SchoolData, *, away: set[str]) -> dict[str, tuple[str, ...]]:
    """Activities of each student who needs modelling one by one: taught individually in some
    activity, away at some times, or named by a rule. Others are covered by their groups."""
    individual = {s for a in data.activities for s in a.students}
    targeted = {
        c.target.id
        for c in data.constraints
        if getattr(c, "target", None) is not None and c.target.kind == "student"
    }
    by_group: dict[str, list[str]] = defaultdict(list)
    by_student: dict[str, list[str]] = defaultdict(list)
    for a in data.activities:
        for g in a.groups:
            by_group[g].append(a.id)
        for s in a.students:
            by_student[s].append(a.id)
    out: dict[str, tuple[str, ...]] = {}
    for student in data.students:
        if (
            student.id not in individual
            and student.id not in targeted
            and not student.unavailable
            and student.id not in away
        ):
            continue
        acts = set(by_student.get(student.id, ()))
        for g in frozenset().union(*(data.ancestors(g) for g in student.groups)):
            acts.update(by_group.get(g, ()))
        out[student.id] = tuple(a.id for a in data.activities if a.id in acts)
    return out
