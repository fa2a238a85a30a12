"""Flex assignments as cards in the weekly grid: a student's offering, a teacher's and a room's.

They sit in the flex slots beside the lessons, read-only: routing, not dragging, changes them.
"""

from __future__ import annotations

import html
from collections import defaultdict

from scheduler.model import Activity, SchoolData, Solution
from scheduler.ui.views.timetable_cards import Card

FLEX_COLOR = "#0f766e"
KIND = {
    "intervention": "Intervention",
    "enrichment": "Enrichment",
    "study_hall": "Study hall",
    "advisory": "Advisory",
}


def flex_cards(data: SchoolData, solution: Solution | None) -> dict[tuple[str, str], list[Card]]:
    """(kind, id) -> the flex cards of that student, teacher or room."""
    out: dict[tuple[str, str], list[Card]] = defaultdict(list)
    if solution is None or not solution.flex:
        return out
    blocks = {b.id: b for b in data.flex_blocks}
    cards_of: dict[str, list[Card]] = {}
    for o in data.flex_offerings:
        block = blocks.get(o.block)
        if block is None:
            continue
        teacher = data.teacher_by_id.get(o.teacher) if o.teacher else None
        room = data.room_by_id.get(o.room) if o.room else None
        activity = Activity(
            id=f"flex:{o.id}",
            name=o.label,
            subject=KIND[o.kind],
            teachers=(o.teacher,) if o.teacher else (),
            meetings=tuple(1 for _ in block.slots),
            needs_room=False,
        )
        cards = []
        for i, ref in enumerate(block.slots):
            pos = data.calendar.position(ref)
            if pos is None:
                continue
            cards.append(
                Card(
                    key=(activity.id, i),
                    activity=activity,
                    day=pos[0],
                    first=pos[1],
                    last=pos[1],
                    room=o.room,
                    title=o.label,
                    teachers=teacher.label if teacher else "",
                    groups=KIND[o.kind],
                    room_label=room.label if room else "",
                    subject=f"Flex · {KIND[o.kind]}",
                    color=FLEX_COLOR,
                    pinned=False,
                    fixed=True,
                )
            )
        cards_of[o.id] = cards
        if o.teacher:
            out[("teacher", o.teacher)].extend(cards)
        if o.room:
            out[("room", o.room)].extend(cards)
    for a in solution.flex:
        out[("student", a.student)].extend(cards_of.get(a.offering, ()))
    return out


def flex_tooltip(data: SchoolData, card: Card) -> str:
    day = data.calendar.days[card.day]
    slot = day.slots[card.first]
    lines = [
        f"<b>{html.escape(card.title)}</b>",
        html.escape(card.subject),
        f"{html.escape(day.label)} {slot.start:%H:%M}–{slot.end:%H:%M}",
    ]
    if card.teachers:
        lines.append(f"Teacher: {html.escape(card.teachers)}")
    lines.append(f"Room: {html.escape(card.room_label or 'none')}")
    lines.append("<span style='color:#64748b'>Routed on the Flex page</span>")
    return "<br>".join(lines)
