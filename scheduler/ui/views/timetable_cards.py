"""What the timetable grid draws: one card per placed meeting, and whose week each belongs to.

Plain Python (no painting): cards are built once per (school, timetable) and filtered per view.
"""

from __future__ import annotations

import colorsys
import html
import zlib
from collections import defaultdict
from dataclasses import dataclass

from scheduler.model import Activity, SchoolData, Solution

Key = tuple[str, int]
KINDS = ("teacher", "group", "student", "room")
KIND_TITLES = {"teacher": "Teacher", "group": "Group", "student": "Student", "room": "Room"}


@dataclass(frozen=True, slots=True)
class Card:
    key: Key
    activity: Activity
    day: int
    first: int
    """Index of the first slot in its day."""
    last: int
    """Index of the last slot it covers (inclusive)."""
    room: str | None
    title: str
    teachers: str
    groups: str
    room_label: str
    subject: str
    color: str
    pinned: bool
    fixed: bool = False
    """Not a lesson the grid can move (a flex assignment, changed by routing)."""

    @property
    def meeting(self) -> int:
        return self.key[1]


def subject_color(data: SchoolData, subject_id: str) -> str:
    """The subject's own colour, or a steady pleasant one derived from its id."""
    subject = data.subject_by_id.get(subject_id)
    if subject is not None and subject.color:
        return subject.color
    hue = (zlib.crc32(subject_id.encode()) % 360) / 360
    r, g, b = colorsys.hls_to_rgb(hue, 0.5, 0.55)
    return f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"


def build_cards(data: SchoolData, solution: Solution | None) -> list[Card]:
    if solution is None:
        return []
    where = {
        (day.id, slot.id): (d, s)
        for d, day in enumerate(data.calendar.days)
        for s, slot in enumerate(day.slots)
    }
    cards: list[Card] = []
    seen: set[Key] = set()
    for p in solution.placements:
        a = data.activity_by_id.get(p.activity)
        pos = where.get((p.day, p.slot))
        key = (p.activity, p.meeting)
        if a is None or pos is None or key in seen or p.meeting >= len(a.meetings):
            continue
        seen.add(key)
        day, first = pos
        slots = data.calendar.days[day].slots
        last = min(len(slots) - 1, first + a.meetings[p.meeting] - 1)
        room = data.room_by_id.get(p.room) if p.room else None
        cards.append(
            Card(
                key=key,
                activity=a,
                day=day,
                first=first,
                last=last,
                room=p.room,
                title=a.label,
                teachers=", ".join(
                    data.teacher_by_id[t].label if t in data.teacher_by_id else t
                    for t in a.teachers
                ),
                groups=", ".join(
                    data.group_by_id[g].label if g in data.group_by_id else g for g in a.groups
                ),
                room_label=room.label if room else (p.room or ""),
                subject=data.subject_by_id[a.subject].label
                if a.subject in data.subject_by_id
                else a.subject,
                color=subject_color(data, a.subject),
                pinned=a.pin(p.meeting) is not None,
            )
        )
    return cards


def card_tooltip(data: SchoolData, card: Card) -> str:
    """Everything about a lesson, for its tooltip."""
    if card.fixed:
        from scheduler.ui.views.timetable_flex import flex_tooltip

        return flex_tooltip(data, card)
    day = data.calendar.days[card.day]
    first, last = day.slots[card.first], day.slots[card.last]
    meetings = len(card.activity.meetings)

    def e(text: str) -> str:
        return html.escape(text, quote=False)

    lines = [
        f"<b>{e(card.title)}</b>",
        f"{e(card.subject)} · meeting {card.meeting + 1} of {meetings}",
        f"{e(day.label)} {first.start:%H:%M}–{last.end:%H:%M}",
    ]
    if card.teachers:
        lines.append(f"Teacher: {e(card.teachers)}")
    if card.groups:
        lines.append(f"Groups: {e(card.groups)}")
    lines.append(f"Room: {e(card.room_label or 'none')}")
    if card.pinned:
        lines.append("<i>Pinned: the solver keeps it here.</i>")
    lines.append("<span style='color:#64748b'>Drag to move · right-click for more</span>")
    return "<br>".join(lines)


def unplaced_count(data: SchoolData, cards: list[Card]) -> int:
    return sum(len(a.meetings) for a in data.activities) - len(cards)


class WeekIndex:
    """Which cards make up each teacher's, group's, student's and room's week.

    A group sees its own lessons, those of the groups above it (a whole-year lecture) and those
    of its subgroups (a split class), as a timetabler expects on a class's timetable.
    """

    def __init__(
        self,
        data: SchoolData,
        cards: list[Card],
        enrolled: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.data = data
        self.cards = cards
        self.enrolled = enrolled or {}
        """Student -> the sections the timetable seats them in."""
        self._by: dict[tuple[str, str], list[Card]] = defaultdict(list)
        by_activity: dict[str, list[Card]] = defaultdict(list)
        for card in cards:
            by_activity[card.activity.id].append(card)
            for t in card.activity.teachers:
                self._by[("teacher", t)].append(card)
            if card.room:
                self._by[("room", card.room)].append(card)
        self._by_activity = by_activity
        self._leaves = {a.id: data.leaf_groups(a.groups) for a in data.activities}

    def week(self, kind: str, entity: str) -> list[Card]:
        if kind in ("teacher", "room"):
            return self._by.get((kind, entity), [])
        if kind == "group":
            under = self.data.leaf_groups([entity])
            return [c for c in self.cards if self._leaves.get(c.activity.id, frozenset()) & under]
        student = self.data.student_by_id.get(entity)
        if student is None:
            return []
        groups = frozenset().union(*(self.data.ancestors(g) for g in student.groups))
        seated = set(self.enrolled.get(entity, ()))
        return [
            c
            for c in self.cards
            if entity in c.activity.students
            or c.activity.id in seated
            or groups & set(c.activity.groups)
        ]

    def entities(self, kind: str) -> list[tuple[str, str]]:
        """(id, label) of everyone of a kind, by label."""
        items = {
            "teacher": self.data.teachers,
            "group": self.data.groups,
            "student": self.data.students,
            "room": self.data.rooms,
        }[kind]
        return sorted(((x.id, x.label) for x in items), key=lambda item: item[1].casefold())

    def cards_of(self, activity_id: str) -> list[Card]:
        return self._by_activity.get(activity_id, [])
