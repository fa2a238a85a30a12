"""Room use: how much of the teaching week each room is in use, as a heat map.

Rows are rooms, columns the days then the whole week; each cell is the share of that day's
teaching periods the room holds a lesson. A second table gives, for each period of each day, the
share of all rooms in use, so the peak periods show. Colour scales (conditional formatting) do
the shading, so the figures stay numbers a scheduler can sort and reuse.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import put_text
from scheduler.io.xlsx.lessons import Lesson
from scheduler.model import SchoolData

PERCENT = "0%"
SCALE = dict(start_type="num", start_value=0, start_color="FFFFFF",
             mid_type="num", mid_value=0.5, mid_color="FFE699",
             end_type="num", end_value=1, end_color="F8696B")  # fmt: skip


def room_use(data: SchoolData, lessons: Sequence[Lesson]) -> dict[str, dict[int, set[int]]]:
    """Room id -> day index -> slot indexes in use (teaching slots only)."""
    out: dict[str, dict[int, set[int]]] = {r.id: {} for r in data.rooms}
    for lesson in lessons:
        if lesson.room in out:
            used = out[lesson.room].setdefault(lesson.day, set())
            slots = data.calendar.days[lesson.day].slots
            used.update(s for s in range(lesson.first, lesson.last + 1) if slots[s].teaching)
    return out


def teaching(data: SchoolData) -> list[list[int]]:
    """Teaching slot indexes of each day."""
    return [[s for s, slot in enumerate(d.slots) if slot.teaching] for d in data.calendar.days]


def write_room_use(
    ws: Worksheet, *, data: SchoolData, lessons: Sequence[Lesson], footer: str
) -> None:
    days = data.calendar.days
    periods = teaching(data)
    use = room_use(data, lessons)
    put_text(ws.cell(1, 1), "Room use: share of teaching periods with a lesson")
    ws.cell(1, 1).font = styles.TITLE_FONT
    header = 3
    heads = ["Room", "Type", "Capacity", *(d.label for d in days), "Week"]
    _header(ws, header, heads)
    week_total = sum(len(p) for p in periods)
    rooms = sorted(data.rooms, key=lambda r: (r.label.casefold(), r.id))
    for i, room in enumerate(rooms):
        r = header + 1 + i
        put_text(ws.cell(r, 1), room.label)
        put_text(ws.cell(r, 2), room.type or "")
        ws.cell(r, 3, room.capacity)
        used = use[room.id]
        for d in range(len(days)):
            if periods[d]:
                ws.cell(r, 4 + d, len(used.get(d, ())) / len(periods[d])).number_format = PERCENT
        total = sum(len(s) for s in used.values())
        week = ws.cell(r, 4 + len(days), total / week_total if week_total else 0)
        week.number_format = PERCENT
        week.font = styles.HEADER_FONT
        for col in range(1, len(heads) + 1):
            ws.cell(r, col).border = styles.BORDER
    last = header + max(len(rooms), 1)
    if rooms:
        area = f"D{header + 1}:{get_column_letter(3 + len(days) + 1)}{last}"
        ws.conditional_formatting.add(area, ColorScaleRule(**SCALE))

    # When: share of rooms in use in each period of each day.
    top = last + 3
    put_text(ws.cell(top - 1, 1), "Rooms in use by period")
    ws.cell(top - 1, 1).font = styles.HEADER_FONT
    longest = max((len(p) for p in periods), default=0)
    _header(ws, top, ["Period", "", "", *(d.label for d in days)])
    for k in range(longest):
        r = top + 1 + k
        put_text(ws.cell(r, 1), f"Teaching period {k + 1}")
        for d in range(len(days)):
            if k < len(periods[d]):
                s = periods[d][k]
                busy = sum(1 for room in data.rooms if s in use[room.id].get(d, ()))
                cell = ws.cell(r, 4 + d, busy / len(data.rooms) if data.rooms else 0)
                cell.number_format = PERCENT
                cell.border = styles.BORDER
    if longest and data.rooms:
        area = f"D{top + 1}:{get_column_letter(3 + len(days))}{top + longest}"
        ws.conditional_formatting.add(area, ColorScaleRule(**SCALE))

    for col, width in enumerate([24, 12, 9, *([11] * len(days)), 9], start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(header + 1, 2)
    styles.set_page(ws, footer=footer, title_rows=f"{header}:{header}", centered=False)


def _header(ws: Worksheet, row: int, heads: list[str]) -> None:
    for col, heading in enumerate(heads, start=1):
        cell = ws.cell(row, col)
        put_text(cell, heading)
        cell.font, cell.fill, cell.border = styles.HEADER_FONT, styles.HEADER_FILL, styles.BORDER
        cell.alignment = styles.CENTER
