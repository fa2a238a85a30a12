"""A solution read as lessons: which activity meets on which day, over which slots, in which room.

Only the solution's values are read; placements that name no known activity, meeting or slot are
left out, and their meetings count as not placed.
"""

from __future__ import annotations

from dataclasses import dataclass

from scheduler.model import Activity, SchoolData, SlotRef, Solution


@dataclass(frozen=True, slots=True)
class Lesson:
    activity: Activity
    meeting: int
    day: int
    first: int
    """Index of the first slot in its day."""
    last: int
    """Index of the last slot it occupies (clipped to the day's end)."""
    room: str | None


@dataclass(frozen=True, slots=True)
class Unplaced:
    activity: Activity
    meeting: int
    duration: int


def read_lessons(data: SchoolData, solution: Solution) -> tuple[list[Lesson], list[Unplaced]]:
    lessons: list[Lesson] = []
    seen: set[tuple[str, int]] = set()
    for p in solution.placements:
        activity = data.activity_by_id.get(p.activity)
        pos = data.calendar.position(SlotRef(day=p.day, slot=p.slot))
        key = (p.activity, p.meeting)
        if activity is None or pos is None or key in seen or p.meeting >= len(activity.meetings):
            continue
        seen.add(key)
        day, first = pos
        n_slots = len(data.calendar.days[day].slots)
        last = min(first + max(activity.meetings[p.meeting], 1) - 1, n_slots - 1)
        lessons.append(Lesson(activity, p.meeting, day, first, last, p.room))
    unplaced = [
        Unplaced(a, i, duration)
        for a in data.activities
        for i, duration in enumerate(a.meetings)
        if (a.id, i) not in seen
    ]
    return lessons, unplaced


class Names:
    """Readable names for the ids a lesson refers to; unknown ids show as themselves."""

    def __init__(self, data: SchoolData) -> None:
        self.data = data

    def lesson_title(self, activity: Activity) -> str:
        """The activity's own name, else its course's, else its subject's."""
        if activity.name:
            return activity.name
        course = self.data.course_by_id.get(activity.course or "")
        if course is not None:
            return course.label
        subject = self.data.subject_by_id.get(activity.subject)
        return subject.label if subject is not None else activity.id

    def teachers(self, activity: Activity) -> str:
        by_id = self.data.teacher_by_id
        return ", ".join(by_id[t].label if t in by_id else t for t in activity.teachers)

    def groups(self, activity: Activity) -> str:
        by_id = self.data.group_by_id
        names = [by_id[g].label if g in by_id else g for g in activity.groups]
        if activity.students:
            names.append(f"{len(activity.students)} students")
        return ", ".join(names)

    def room(self, room_id: str | None) -> str:
        if room_id is None:
            return ""
        room = self.data.room_by_id.get(room_id)
        return room.label if room is not None else room_id


def group_lessons(data: SchoolData, lessons: list[Lesson]) -> dict[str, list[Lesson]]:
    """Group id -> lessons it attends: those for the group itself or for any group above it."""
    above = {g.id: data.ancestors(g.id) for g in data.groups}
    out: dict[str, list[Lesson]] = {g.id: [] for g in data.groups}
    for lesson in lessons:
        named = set(lesson.activity.groups)
        for gid, ancestors in above.items():
            if ancestors & named:
                out[gid].append(lesson)
    return out
