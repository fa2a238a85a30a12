"""Small operations the timetable and solve widgets ask for: each pushes one undoable step.

Widgets emit intents (move this meeting there, pin it, apply this result); these functions turn
them into new domain values with readable labels. No scheduling rule is decided here: conflicts
of a move are the checker's business, shown by the timetable view.
"""

from __future__ import annotations

from typing import Any

from scheduler.model import Pin, Placement, SchoolData, SlotRef, Solution
from scheduler.ui.document import Document


def _who(data: SchoolData, activity_id: str) -> str:
    """'Algebra I 9A (Santos)': the activity and its teachers' surnames."""
    activity = data.activity_by_id.get(activity_id)
    if activity is None:
        return activity_id
    names = [
        data.teacher_by_id[t].label.split()[-1]
        for t in activity.teachers
        if t in data.teacher_by_id
    ]
    return f"{activity.label} ({', '.join(names)})" if names else activity.label


def _where(data: SchoolData, day: str, slot: str, room: str | None) -> str:
    d = data.calendar.day(day)
    day_name = (d.label if d else day)[:3]
    s = data.calendar.slot(SlotRef(day=day, slot=slot))
    text = f"{day_name} {s.label if s and len(s.label) <= 4 else slot}"
    if room:
        r = data.room_by_id.get(room)
        text += f" in {r.label if r else room}"
    return text


def move_meeting(
    *, doc: Document, activity: str, meeting: int, day: str, slot: str, room: Any = None
) -> bool:
    """Move one meeting to another start (and room) by hand; False when nothing changed."""
    solution = doc.solution or Solution()
    old = solution.placement(activity, meeting)
    if room is None and old is not None:
        room = old.room
    new = Placement(activity=activity, meeting=meeting, day=day, slot=slot, room=room)
    if old == new:
        return False
    rest = tuple(p for p in solution.placements if (p.activity, p.meeting) != (activity, meeting))
    moved = solution.model_copy(update={"placements": (*rest, new), "status": "manual"})
    label = f"Move {_who(doc.data, activity)} to {_where(doc.data, day, slot, room)}"
    doc.apply_solution(moved, label)
    return True


def toggle_pin(*, doc: Document, activity: str, meeting: int) -> bool:
    """Pin a meeting where it is now (time and room), or unpin it; the next solve keeps pins."""
    data = doc.data
    act = data.activity_by_id.get(activity)
    if act is None:
        return False
    who = f"{_who(data, activity)} meeting {meeting + 1}"
    if act.pin(meeting) is not None:
        pins = tuple(p for p in act.pins if p.meeting != meeting)
        label = f"Unpin {who}"
    else:
        placed = doc.solution.placement(activity, meeting) if doc.solution else None
        if placed is None:
            doc.message.emit(f"{who} is not placed, so there is nothing to pin it to.")
            return False
        pin = Pin(
            meeting=meeting, start=SlotRef(day=placed.day, slot=placed.slot), room=placed.room
        )
        pins = tuple(sorted((*act.pins, pin), key=lambda p: p.meeting))
        label = f"Pin {who} to {_where(data, placed.day, placed.slot, None)}"
    new_act = act.model_copy(update={"pins": pins})
    activities = tuple(new_act if a is act else a for a in data.activities)
    doc.replace_data(data.model_copy(update={"activities": activities}), label)
    return True


def apply_result(*, doc: Document, outcome: Any) -> bool:
    """Apply a solve's timetable (and the data it belongs to, when the solve changed it)."""
    result = getattr(outcome, "result", outcome)
    solution = getattr(result, "solution", None)
    if solution is None:
        doc.message.emit("The solve found no timetable; nothing was changed.")
        return False
    status = getattr(result, "status", solution.status)
    kind = "repaired" if getattr(result, "changes", None) is not None else "solved"
    doc.apply_solution(
        solution, f"Apply {kind} timetable ({status})", data=getattr(result, "data", None)
    )
    return True
