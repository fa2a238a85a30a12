"""The master schedule: one row per teacher, one column per teaching slot, grouped by day."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from openpyxl.styles import Border, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import put_text
from scheduler.io.xlsx.layout import clusters, master_columns
from scheduler.io.xlsx.lessons import Lesson, Names
from scheduler.io.xlsx.weekly import lesson_text
from scheduler.model import SchoolData, Teacher

Block = tuple[str, list[str]]

FIRST_ROW = 3
FIRST_COL = 2
DAY_EDGE = Side(style="medium", color="595959")
DAY_BORDER = Border(left=DAY_EDGE, right=styles.THIN, top=styles.THIN, bottom=styles.THIN)
MAX_WIDTH = 22
PRINTABLE_WIDTH_PT = 680  # landscape Letter less margins, with slack for rounding


def write_master(
    ws: Worksheet,
    *,
    data: SchoolData,
    teachers: Sequence[Teacher],
    lessons: Sequence[Lesson],
    names: Names,
    colours: dict[str, str],
    footer: str,
) -> None:
    layout = master_columns(data.calendar)
    column = {key: FIRST_COL + off for key, off in layout.column_of().items()}
    last_col = FIRST_COL + len(column) - 1
    days = data.calendar.days

    ws.cell(1, 1, "Teacher")
    ws.merge_cells(start_row=1, start_column=1, end_row=2, end_column=1)
    day_starts: list[int] = []
    for d, slot_ids in layout.days:
        first, last = column[(d, slot_ids[0])], column[(d, slot_ids[-1])]
        day_starts.append(first)
        put_text(ws.cell(1, first), days[d].label)
        if last > first:
            ws.merge_cells(start_row=1, start_column=first, end_row=1, end_column=last)
        for s in slot_ids:
            slot = days[d].slots[s]
            put_text(ws.cell(2, column[(d, s)]), f"{slot.label}\n{slot.clock}")
    for row in ws.iter_rows(min_row=1, max_row=2, min_col=1, max_col=max(last_col, 1)):
        for cell in row:
            cell.fill, cell.alignment = styles.HEADER_FILL, styles.CENTER
            cell.font = styles.HEADER_FONT if cell.row == 1 else styles.SMALL_HEADER_FONT
    ws.row_dimensions[2].height = 28

    by_teacher: dict[str, list[Lesson]] = defaultdict(list)
    for lesson in lessons:
        for tid in dict.fromkeys(lesson.activity.teachers):
            by_teacher[tid].append(lesson)

    widths: dict[int, float] = {col: 12.5 for col in column.values()}
    placed: list[tuple[int, int, int, list[Block]]] = []
    for i, teacher in enumerate(teachers):
        r = FIRST_ROW + i
        put_text(ws.cell(r, 1), teacher.label)
        ws.cell(r, 1).font, ws.cell(r, 1).alignment = styles.HEADER_FONT, styles.LEFT
        for d, _ in layout.days:
            mine = [x for x in by_teacher.get(teacher.id, ()) if x.day == d]
            for left, right, members in clusters(mine, lambda x: _cols(x, column)):
                if left > right:
                    continue  # the meeting covers no teaching slot
                blocks = [
                    (names.lesson_title(x.activity), [names.groups(x.activity), names.room(x.room)])
                    for x in members
                ]
                colour = colours.get(members[0].activity.subject, styles.PALETTE[0])
                cell = ws.cell(r, left)
                put_text(cell, lesson_text(blocks, styles.readable_ink(colour), size=9))
                styles.restyle(cell, fill=styles.fill(colour), alignment=styles.CENTER)
                if right > left:
                    ws.merge_cells(start_row=r, start_column=left, end_row=r, end_column=right)
                placed.append((r, left, right, blocks))
                need = max(len(t) for b in blocks for t in (b[0], *b[1])) / (right - left + 1)
                for col in range(left, right + 1):
                    widths[col] = min(max(widths[col], need + 2), MAX_WIDTH)
    heights = dict.fromkeys(range(FIRST_ROW, FIRST_ROW + len(teachers)), 30.0)
    for r, left, right, blocks in placed:
        room = sum(widths[c] for c in range(left, right + 1)) - 1
        heights[r] = max(heights[r], _height(blocks, room))
    for r, height in heights.items():
        ws.row_dimensions[r].height = height

    last_row = FIRST_ROW + len(teachers) - 1
    styles.box(ws, 1, 1, max(last_row, 2), max(last_col, 1))
    for col in day_starts:
        for row in range(1, last_row + 1):
            styles.restyle(ws.cell(row, col), border=DAY_BORDER)
    name_width = min(max((len(t.label) + 2 for t in teachers), default=12), 30)
    ws.column_dimensions["A"].width = name_width
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(FIRST_ROW, FIRST_COL)
    styles.set_page(ws, footer=footer, title_rows="1:2", title_cols="A:A")
    _day_per_page(ws, day_starts, widths, name_width)


def _day_per_page(
    ws: Worksheet, day_starts: list[int], widths: dict[int, float], name_width: float
) -> None:
    """Print whole days side by side, as many as fit a page at a scale that fits the widest day.

    A whole week one page wide shrinks the text to a few points; breaking between days keeps it
    readable. Excel ignores manual page breaks under "fit to page", so this sets a fixed scale.
    """
    if not day_starts:
        return
    ends = [*day_starts[1:], max(widths) + 1]
    day_points = [
        _points(sum(widths[c] for c in range(start, end)))
        for start, end in zip(day_starts, ends, strict=True)
    ]
    name = _points(name_width)
    scale = max(10, min(100, int(PRINTABLE_WIDTH_PT / (name + max(day_points)) * 100)))
    room = PRINTABLE_WIDTH_PT * 100 / scale - name
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = scale
    used = 0.0
    for start, points in zip(day_starts, day_points, strict=True):
        if used and used + points > room:
            ws.col_breaks.append(Break(id=start - 1))
            used = 0.0
        used += points


def _points(width: float) -> float:
    """Printed width of a column of Excel width ``width`` (about 7 px a character, 0.75 pt/px)."""
    return (width * 7 + 5) * 0.75


def _height(blocks: list[Block], room: float) -> float:
    """Points a cell needs once its lines wrap in ``room`` characters (9 pt bold, 8 pt plain)."""
    points = 4.0
    for title, lines in blocks:
        points += 12 * math.ceil(max(len(title), 1) / room)
        points += sum(11 * math.ceil(len(t) * 0.85 / room) for t in lines if t)
    return points


def _cols(lesson: Lesson, column: dict[tuple[int, int], int]) -> tuple[int, int]:
    """First and last master column of a lesson's teaching slots ((1, 0) when it has none)."""
    cols = [
        column[(lesson.day, s)]
        for s in range(lesson.first, lesson.last + 1)
        if (lesson.day, s) in column
    ]
    return (min(cols), max(cols)) if cols else (1, 0)
