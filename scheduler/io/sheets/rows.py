"""``SchoolData`` -> the rows of each sheet, as domain values (the column kinds format them).

The mirror of ``build``: plain entity sheets take each column's field from the entity; the
Calendar, Availability, Requests, Enrollments, Pins and Rules sheets spread one entity over rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scheduler.io.sheets.rules import rule_row
from scheduler.io.sheets.schema import ENTITY_SHEETS, SHEET_BY_NAME
from scheduler.model import SchoolData

Rows = list[dict[str, Any]]


def sheet_rows(data: SchoolData) -> dict[str, Rows]:
    out: dict[str, Rows] = {
        "School": [{"name": data.name}],
        "Calendar": list(_calendar(data)),
    }
    for sheet, collection in ENTITY_SHEETS.items():
        fields = [c.field for c in SHEET_BY_NAME[sheet].columns]
        out[sheet] = [{f: getattr(e, f) for f in fields} for e in getattr(data, collection)]
    out["Enrollments"] = [
        {"activity": a.id, "student": s} for a in data.activities for s in a.students
    ]
    # Defaults stay blank here: this is the longest sheet by far, and every cell costs reading.
    out["Requests"] = [
        {
            "student": s.id,
            "course": r.course,
            "required": None if r.required else False,
            "priority": r.priority if r.priority != 1 else None,
            "alternates": r.alternates,
        }
        for s in data.students
        for r in s.requests
    ]
    out["Availability"] = list(_availability(data))
    out["Pins"] = [
        {
            "activity": a.id,
            "meeting": p.meeting + 1,
            "day": p.start.day if p.start else None,
            "slot": p.start.slot if p.start else None,
            "room": p.room,
        }
        for a in data.activities
        for p in a.pins
    ]
    out["Rules"] = [rule_row(c) for c in data.constraints]
    return {s: out[s] for s in SHEET_BY_NAME}


def _calendar(data: SchoolData) -> Iterator[dict[str, Any]]:
    for day in data.calendar.days:
        if not day.slots:
            yield {"day": day.id, "day_name": day.name or None}
        for i, slot in enumerate(day.slots):
            yield {
                "day": day.id,
                "day_name": (day.name or None) if i == 0 else None,
                "slot": slot.id,
                "slot_name": slot.name or None,
                "start": slot.start,
                "end": slot.end,
                "kind": slot.kind,
            }


def _availability(data: SchoolData) -> Iterator[dict[str, Any]]:
    """One row per run of slots of one day; a run that is the whole day, in order, is blank."""
    whole = {d.id: tuple(s.id for s in d.slots) for d in data.calendar.days}
    for kind, items in (
        ("teacher", data.teachers),
        ("room", data.rooms),
        ("group", data.groups),
        ("student", data.students),
    ):
        for item in items:
            runs: list[tuple[str, list[str]]] = []
            for ref in item.unavailable:
                if runs and runs[-1][0] == ref.day:
                    runs[-1][1].append(ref.slot)
                else:
                    runs.append((ref.day, [ref.slot]))
            for day, slots in runs:
                all_day = tuple(slots) == whole.get(day) and bool(slots)
                yield {
                    "target_kind": kind,
                    "target": item.id,
                    "day": day,
                    "slots": None if all_day else tuple(slots),
                }
