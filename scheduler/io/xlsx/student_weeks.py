"""Student timetables: every student's week on one sheet, one page per student.

What a school hands out on the first day is a timetable card per student, printed in one go.
2,500 sheets would make a workbook nobody can open, so all students share one sheet: one block
per student (name, id, grade and groups over a days-by-time grid like the teachers' sheets) and
a page break after each block, so printing the sheet prints one page per student, in the order
of the Students sheet. The sheet is streamed row by row (write-only mode) with cached styles.
"""

from __future__ import annotations

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import FORMULA_STARTS, clean
from scheduler.io.xlsx.layout import TimeGrid, clusters
from scheduler.io.xlsx.lessons import Lesson, Names
from scheduler.io.xlsx.stream import StyleCache
from scheduler.io.xlsx.students import Attended, course_text
from scheduler.model import SchoolData

TIME_WIDTH = 12
PAGE_WIDTH_PT = 700  # landscape Letter or A4 less margins, with slack
PAGE_HEIGHT_PT = 500
TITLE_PT, HEAD_PT, GAP_PT = 26.0, 18.0, 14.0
NAME_FONT = Font(name=styles.FONT_NAME, size=13, bold=True, color=styles.INK)
LESSON_FONT = Font(name=styles.FONT_NAME, size=9, color=styles.INK)
WHITE_FONT = Font(name=styles.FONT_NAME, size=9, color="FFFFFF")


def write_student_weeks(
    ws,
    *,
    data: SchoolData,
    grid: TimeGrid,
    attended: dict[str, list[Attended]],
    names: Names,
    colours: dict[str, str],
    footer: str,
) -> None:
    """``ws`` is a write-only sheet; a block of rows per known student."""
    days = data.calendar.days
    cache = StyleCache(ws.parent)
    widths = [TIME_WIDTH, *(max(18, min(30, len(d.label) + 4)) for d in days)]
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    heights = _row_heights(data, grid)
    block_pt = TITLE_PT + HEAD_PT + sum(heights) + GAP_PT
    points = sum((w * 7 + 5) * 0.75 for w in widths)
    scale = max(
        10, min(100, int(PAGE_WIDTH_PT / points * 100), int(PAGE_HEIGHT_PT / block_pt * 100))
    )
    last_col = len(days) + 1

    def text(value: str, key: str, **style) -> WriteOnlyCell:
        value = clean(value)
        cell = WriteOnlyCell(ws, value or None)
        cache.apply(cell, key, **style)
        if value:
            cell.data_type = "s"
            if value.startswith(FORMULA_STARTS):
                cell.quotePrefix = True
        return cell

    empty_cache: dict[str, WriteOnlyCell] = {}

    def covered(key: str, **style) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws)
        cache.apply(cell, key, **style)
        return cell

    row = 0
    for student in data.students:
        mine = [a.lesson for a in attended.get(student.id, ())]
        row += 1
        ws.row_dimensions[row].height = TITLE_PT
        ws.append([text(_heading(data, student), "name", font=NAME_FONT, alignment=styles.LEFT)])
        ws.merged_cells.add(f"A{row}:{get_column_letter(last_col)}{row}")
        row += 1
        ws.row_dimensions[row].height = HEAD_PT
        head = dict(font=styles.HEADER_FONT, fill=styles.HEADER_FILL, border=styles.BORDER,
                    alignment=styles.CENTER)  # fmt: skip
        ws.append([text("Time", "head", **head), *(text(d.label, "head", **head) for d in days)])
        first = row + 1
        body: list[list[WriteOnlyCell | None]] = [
            [
                text(
                    r.clock,
                    "time",
                    font=styles.TIME_FONT,
                    alignment=styles.CENTER,
                    border=styles.BORDER,
                )
            ]
            + [None] * len(days)
            for r in grid.rows
        ]
        for d, day in enumerate(days):
            busy: list[tuple[int, int]] = []
            today = [x for x in mine if x.day == d]
            for top, bottom, members in clusters(
                today, lambda x: grid.rows_of(x.day, x.first, x.last)
            ):
                colour = colours.get(members[0].activity.subject, styles.PALETTE[0])
                ink = styles.readable_ink(colour)
                style = dict(font=LESSON_FONT if ink == styles.INK else WHITE_FONT,
                             fill=styles.fill(colour), border=styles.BORDER,
                             alignment=styles.CENTER)  # fmt: skip
                key = f"lesson {colour}"
                body[top][d + 1] = text(_lesson_text(data, names, members), key, **style)
                for k in range(top + 1, bottom + 1):
                    body[k][d + 1] = covered(key, **style)
                _merge(ws, first, top, bottom, d + 2)
                busy.append((top, bottom))
            for s, slot in enumerate(day.slots):
                top, bottom = grid.spans[(d, s)]
                if any(top <= b and a <= bottom for a, b in busy):
                    continue
                if slot.teaching:
                    style = dict(font=styles.EMPTY_FONT, border=styles.BORDER,
                                 alignment=styles.CENTER)  # fmt: skip
                    key = "free"
                else:
                    style = dict(font=styles.BREAK_FONT, fill=styles.BREAK_FILL,
                                 border=styles.BORDER, alignment=styles.CENTER)  # fmt: skip
                    key = "break"
                body[top][d + 1] = text(slot.label, key, **style)
                for k in range(top + 1, bottom + 1):
                    body[k][d + 1] = covered(key, **style)
                _merge(ws, first, top, bottom, d + 2)
        for k, line in enumerate(body):
            row += 1
            ws.row_dimensions[row].height = heights[k]
            ws.append(line)
        row += 1
        ws.row_dimensions[row].height = GAP_PT
        ws.append([])
        ws.row_breaks.append(Break(id=row))
    del empty_cache
    styles.set_page(ws, footer=footer, title_rows="1:1", centered=True)
    ws.print_title_rows = None  # each block carries its own title and day names
    ws.sheet_properties.pageSetUpPr.fitToPage = False  # manual breaks count only without it
    ws.page_setup.scale = scale


def _merge(ws, first: int, top: int, bottom: int, col: int) -> None:
    if bottom > top:
        letter = get_column_letter(col)
        ws.merged_cells.add(f"{letter}{first + top}:{letter}{first + bottom}")


def _row_heights(data: SchoolData, grid: TimeGrid) -> list[float]:
    teaching = [s.minutes for d in data.calendar.days for s in d.slots if s.teaching]
    shortest = min(teaching, default=50)
    per_minute = min(max(0.6, 34 / shortest), 2.0)  # the shortest period holds three lines
    return [max(12.0, r.minutes * per_minute) for r in grid.rows]


def _lesson_text(data: SchoolData, names: Names, members: list[Lesson]) -> str:
    parts = []
    for x in members:
        who = " · ".join(t for t in (names.teachers(x.activity), names.room(x.room)) if t)
        parts.append(
            f"{course_text(data, names, x)}\n{who}" if who else course_text(data, names, x)
        )
    return "\n".join(parts)


def _heading(data: SchoolData, student) -> str:
    parts = [f"{student.label} ({student.id})" if student.name else student.id]
    if student.grade is not None:
        parts.append(f"Grade {student.grade}")
    groups = [data.group_by_id[g].label if g in data.group_by_id else g for g in student.groups]
    if groups:
        parts.append(", ".join(groups))
    return " · ".join(parts)
