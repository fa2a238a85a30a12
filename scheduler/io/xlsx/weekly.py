"""One weekly timetable sheet (a teacher's, a group's or a room's): days across, time down."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import clean, put_text
from scheduler.io.xlsx.layout import TimeGrid, clusters
from scheduler.io.xlsx.lessons import Lesson, Names
from scheduler.model import SchoolData

FIRST_ROW = 3  # row 1: title, row 2: day names
LINE_PT = 12.5  # height of one 9-10 pt line of text
MIN_ROW_PT = 12.0


def write_weekly(
    ws: Worksheet,
    *,
    data: SchoolData,
    grid: TimeGrid,
    heading: str,
    lessons: Sequence[Lesson],
    details: Callable[[Lesson], list[str]],
    names: Names,
    colours: dict[str, str],
    footer: str,
) -> None:
    """``details`` gives the lines under a lesson's name: teachers, groups or room."""
    days = data.calendar.days
    last_col = len(days) + 1
    put_text(ws.cell(1, 1), heading)
    ws.cell(1, 1).font = styles.TITLE_FONT
    ws.cell(1, 1).alignment = styles.LEFT
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    ws.row_dimensions[1].height = 24

    ws.cell(2, 1, "Time")
    for d, day in enumerate(days):
        put_text(ws.cell(2, d + 2), day.label)
    for col in range(1, last_col + 1):
        cell = ws.cell(2, col)
        styles.restyle(
            cell, font=styles.HEADER_FONT, fill=styles.HEADER_FILL, alignment=styles.CENTER
        )
    styles.box(ws, 2, 1, 2, last_col)
    ws.row_dimensions[2].height = 18

    per_minute = _points_per_minute(data)
    for i, row in enumerate(grid.rows):
        cell = ws.cell(FIRST_ROW + i, 1, row.clock)
        styles.restyle(cell, font=styles.TIME_FONT, alignment=styles.CENTER)
        ws.row_dimensions[FIRST_ROW + i].height = max(MIN_ROW_PT, row.minutes * per_minute)
    if grid.rows:
        styles.box(ws, FIRST_ROW, 1, FIRST_ROW + len(grid.rows) - 1, 1)

    widths = [len(day.label) + 4 for day in days]
    for d, day in enumerate(days):
        col = d + 2
        mine = [x for x in lessons if x.day == d]
        groups = clusters(mine, lambda x: grid.rows_of(x.day, x.first, x.last))
        busy: list[tuple[int, int]] = []
        for top, bottom, members in groups:
            longest = _lesson_cell(ws, top, bottom, col, members, details, names, colours)
            widths[d] = max(widths[d], longest)
            busy.append((top, bottom))
        for s, slot in enumerate(day.slots):
            top, bottom = grid.spans[(d, s)]
            if any(top <= b and a <= bottom for a, b in busy):
                continue
            _slot_cell(ws, top, bottom, col, slot.label, teaching=slot.teaching)

    ws.column_dimensions["A"].width = 12
    for d, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(d + 2)].width = min(max(width, 16), 42)
    ws.freeze_panes = ws.cell(FIRST_ROW, 2)
    styles.set_page(ws, footer=footer, title_rows="1:2", one_page=True)


def _points_per_minute(data: SchoolData) -> float:
    """Proportional heights, tall enough that the shortest period still shows three lines."""
    teaching = [s.minutes for d in data.calendar.days for s in d.slots if s.teaching]
    shortest = min(teaching, default=50)
    return min(max(0.9, (3 * LINE_PT + 6) / shortest), 3.0)


def _lesson_cell(
    ws: Worksheet,
    top: int,
    bottom: int,
    col: int,
    members: list[Lesson],
    details: Callable[[Lesson], list[str]],
    names: Names,
    colours: dict[str, str],
) -> int:
    """Write one (merged) lesson cell; returns the width its longest line needs."""
    colour = colours.get(members[0].activity.subject, styles.PALETTE[0])
    ink = styles.readable_ink(colour)
    blocks = [(names.lesson_title(x.activity), [t for t in details(x) if t]) for x in members]
    put_text(_merged(ws, top, bottom, col), lesson_text(blocks, ink))
    cell = ws.cell(FIRST_ROW + top, col)
    styles.restyle(cell, fill=styles.fill(colour), alignment=styles.CENTER)
    longest = max(max([len(t) * 1.15, *(len(line) for line in lines)]) for t, lines in blocks)
    return int(longest) + 3


def lesson_text(blocks: list[tuple[str, list[str]]], ink: str, size: float = 10) -> CellRichText:
    """Each lesson as a bold name over its detail lines; clashing lessons one below the other."""
    bold = InlineFont(rFont=styles.FONT_NAME, sz=size, b=True, color=ink)
    plain = InlineFont(rFont=styles.FONT_NAME, sz=size - 1, color=ink)
    parts: list[TextBlock] = []
    for i, (title, lines) in enumerate(blocks):
        parts.append(TextBlock(bold, ("\n" if i else "") + (clean(title) or "?")))
        text = "\n".join(clean(line) for line in lines)
        if text:
            parts.append(TextBlock(plain, "\n" + text))
    return CellRichText(parts)


def _slot_cell(
    ws: Worksheet, top: int, bottom: int, col: int, label: str, *, teaching: bool
) -> None:
    cell = _merged(ws, top, bottom, col)
    put_text(cell, label)
    if teaching:
        styles.restyle(cell, alignment=styles.CENTER, font=styles.EMPTY_FONT)
    else:
        styles.restyle(
            cell, alignment=styles.CENTER, font=styles.BREAK_FONT, fill=styles.BREAK_FILL
        )


def _merged(ws: Worksheet, top: int, bottom: int, col: int):
    """The top cell of grid rows top..bottom in a column, merged and boxed."""
    first, last = FIRST_ROW + top, FIRST_ROW + bottom
    if last > first:
        ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
    styles.box(ws, first, col, last, col)
    return ws.cell(first, col)
