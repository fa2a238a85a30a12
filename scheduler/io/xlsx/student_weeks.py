"""Student timetables: every student's week on one sheet, one page per student.

What a school hands out on the first day is a timetable card per student, printed in one go.
2,500 sheets would make a workbook nobody can open, so all students share one sheet: one block
per student (name, id, grade and groups over a days-by-time grid like the teachers' sheets) and
a page break after each block, so printing the sheet prints one page per student, in the order
of the Students sheet. The sheet is streamed row by row (write-only mode) with cached styles.

A student's lunch wave and time away (internships, dual enrolment...) are drawn as labelled
bands at their clock times, in the same grid as the lessons; the grid gains rows where such a
band starts or ends inside a period, so a 30-minute lunch in a 60-minute period is half its
height.
"""

from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.pagebreak import Break

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import clean
from scheduler.io.xlsx.layout import TimeGrid, clusters, minute_of, time_grid
from scheduler.io.xlsx.lessons import Lesson, Names
from scheduler.io.xlsx.personal import LUNCH, PersonalTime
from scheduler.io.xlsx.stream import Line, RowWriter, StyleCache
from scheduler.io.xlsx.students import Attended, course_text
from scheduler.model import SchoolData

TIME_WIDTH = 12
PAGE_WIDTH_PT = 700  # landscape Letter or A4 less margins, with slack
PAGE_HEIGHT_PT = 500
TITLE_PT, HEAD_PT, GAP_PT = 26.0, 18.0, 14.0
NAME_FONT = Font(name=styles.FONT_NAME, size=13, bold=True, color=styles.INK)
LESSON_FONT = Font(name=styles.FONT_NAME, size=9, color=styles.INK)
WHITE_FONT = Font(name=styles.FONT_NAME, size=9, color="FFFFFF")
PERSONAL_FONT = Font(name=styles.FONT_NAME, size=9, italic=True, color=styles.INK)
LUNCH_FILL = styles.fill("E2EFDA")  # pale green: the cafeteria
AWAY_FILL = styles.fill("FFF2CC")  # pale yellow: out of school


def write_student_weeks(
    ws,
    *,
    data: SchoolData,
    grid: TimeGrid,
    attended: dict[str, list[Attended]],
    names: Names,
    colours: dict[str, str],
    footer: str,
    personal: dict[str, list[PersonalTime]] | None = None,
) -> None:
    """``ws`` is a write-only sheet; a block of rows per known student. ``personal``: each
    student's lunch wave and time away (``scheduler.io.xlsx.personal.personal_times``)."""
    days = data.calendar.days
    personal = personal or {}
    if personal:
        bounds = {t for mine in personal.values() for p in mine for t in (p.start, p.end)}
        grid = time_grid(data.calendar, extra=bounds)
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
    out = RowWriter(ws, StyleCache(ws.parent), spliced=True)
    name = out.style_id("name", font=NAME_FONT, alignment=styles.LEFT)
    head = out.style_id("head", font=styles.HEADER_FONT, fill=styles.HEADER_FILL,
                        border=styles.BORDER, alignment=styles.CENTER)  # fmt: skip
    clock = out.style_id("time", font=styles.TIME_FONT, alignment=styles.CENTER,
                         border=styles.BORDER)  # fmt: skip
    free = out.style_id("free", font=styles.EMPTY_FONT, border=styles.BORDER,
                        alignment=styles.CENTER)  # fmt: skip
    pause = out.style_id("break", font=styles.BREAK_FONT, fill=styles.BREAK_FILL,
                         border=styles.BORDER, alignment=styles.CENTER)  # fmt: skip
    lunch = out.style_id("lunch", font=PERSONAL_FONT, fill=LUNCH_FILL, border=styles.BORDER,
                         alignment=styles.CENTER)  # fmt: skip
    away = out.style_id("away", font=PERSONAL_FONT, fill=AWAY_FILL, border=styles.BORDER,
                        alignment=styles.CENTER)  # fmt: skip
    lesson_style: dict[str, int] = {}

    def lesson_id(colour: str) -> int:
        if colour not in lesson_style:
            ink = styles.readable_ink(colour)
            lesson_style[colour] = out.style_id(
                f"lesson {colour}",
                font=LESSON_FONT if ink == styles.INK else WHITE_FONT,
                fill=styles.fill(colour),
                border=styles.BORDER,
                alignment=styles.CENTER,
            )
        return lesson_style[colour]

    width = len(days) + 1
    breaks: list[Break] = []
    clocks = [r.clock for r in grid.rows]
    texts: dict[tuple[tuple[str, int], ...], str] = {}
    for student in data.students:
        mine = [a.lesson for a in attended.get(student.id, ())]
        row = out.append(Line([clean(_heading(data, student))], name), TITLE_PT)
        _merge(ws, row, 0, 0, 1, last_col)
        out.append(Line(["Time", *(d.label for d in days)], head), HEAD_PT)
        first = row + 2
        values: list[list] = [[clock_text, *[None] * len(days)] for clock_text in clocks]
        looks: list[list[int]] = [[clock, *[0] * len(days)] for _ in grid.rows]
        mine_away = personal.get(student.id, ())
        for d, day in enumerate(days):
            busy: set[int] = set()
            today: list[Lesson | PersonalTime] = [x for x in mine if x.day == d]
            today += [p for p in mine_away if p.day == d and _rows_at(grid, p) is not None]
            for top, bottom, members in clusters(today, lambda x: _span(grid, x)):
                lessons = [x for x in members if isinstance(x, Lesson)]
                others = [x for x in members if isinstance(x, PersonalTime)]
                if lessons:
                    colour = colours.get(lessons[0].activity.subject, styles.PALETTE[0])
                    key = tuple((x.activity.id, x.meeting) for x in lessons)
                    if key not in texts:  # a section's meeting is on up to 30 students' pages
                        texts[key] = clean(_lesson_text(data, names, lessons))
                    text, look = texts[key], lesson_id(colour)
                    if others:  # a clash with the student's own time: say so, don't hide it
                        text = "\n".join([text, *(clean(_personal_text(p)) for p in others)])
                else:
                    text = "\n".join(clean(_personal_text(p)) for p in others)
                    look = lunch if all(p.kind == LUNCH for p in others) else away
                values[top][d + 1] = text
                for k in range(top, bottom + 1):
                    looks[k][d + 1] = look
                _merge(ws, first + top, 0, bottom - top, d + 2)
                busy.update(range(top, bottom + 1))
            for s, slot in enumerate(day.slots):
                top, bottom = grid.spans[(d, s)]
                runs = _runs([k for k in range(top, bottom + 1) if k not in busy])
                for n, (a, b) in enumerate(runs):  # the part of the slot left free
                    if n == 0:
                        values[a][d + 1] = clean(slot.label)
                    for k in range(a, b + 1):
                        looks[k][d + 1] = free if slot.teaching else pause
                    _merge(ws, first + a, 0, b - a, d + 2)
        for k in range(len(grid.rows)):
            out.append(Line(values[k], looks[k]), heights[k])
        gap = out.append(Line([None] * width, 0), GAP_PT)
        breaks.append(Break(id=gap))
    out.close()
    ws.row_breaks.brk = tuple(breaks)  # appending one by one re-checks them all: quadratic
    styles.set_page(ws, footer=footer, title_rows="1:1", centered=True)
    ws._print_rows = None  # each block carries its own title and day names (no setter for None)
    ws.sheet_properties.pageSetUpPr.fitToPage = False  # manual breaks count only without it
    ws.page_setup.scale = scale


def _merge(ws, row: int, down: int, across_from: int, col: int, last_col: int | None = None):
    """Merge ``down`` rows below ``row`` in ``col`` (or ``row`` from ``col`` to ``last_col``).

    Ranges go straight into the set: ``MultiCellRange.add`` compares each new range with every
    earlier one, which takes minutes for a sheet of 2,500 students.
    """
    if last_col is not None:
        ws.merged_cells.ranges.add(
            CellRange(min_row=row, max_row=row, min_col=col, max_col=last_col)
        )
    elif down > 0:
        ws.merged_cells.ranges.add(
            CellRange(min_row=row, max_row=row + down, min_col=col, max_col=col)
        )


def _rows_at(grid: TimeGrid, p: PersonalTime) -> tuple[int, int] | None:
    """First and last grid rows the stretch overlaps (None when it lies outside the day)."""
    lo, hi = minute_of(p.start), minute_of(p.end)
    inside = [
        k for k, r in enumerate(grid.rows) if minute_of(r.start) < hi and minute_of(r.end) > lo
    ]
    return (inside[0], inside[-1]) if inside else None


def _span(grid: TimeGrid, x: Lesson | PersonalTime) -> tuple[int, int]:
    if isinstance(x, Lesson):
        return grid.rows_of(x.day, x.first, x.last)
    rows = _rows_at(grid, x)
    assert rows is not None  # filtered before
    return rows


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive row numbers as (first, last) runs."""
    out: list[tuple[int, int]] = []
    for k in rows:
        if out and out[-1][1] == k - 1:
            out[-1] = (out[-1][0], k)
        else:
            out.append((k, k))
    return out


def _personal_text(p: PersonalTime) -> str:
    if p.kind == LUNCH:
        head = p.label if "lunch" in p.label.casefold() else f"Lunch: {p.label}"
        return f"{head}\n{p.clock}"
    kind = p.kind[:1].upper() + p.kind[1:]
    named = p.label.casefold().startswith(p.kind.casefold())  # "Internship: Lakeside Hospital"
    what = p.label if named else f"{kind}: {p.label}"
    place = p.place if p.place.casefold() not in what.casefold() else ""
    return "\n".join(t for t in (what, place, p.clock) if t)


def _row_heights(data: SchoolData, grid: TimeGrid) -> list[float]:
    teaching = [s.minutes for d in data.calendar.days for s in d.slots if s.teaching]
    shortest = min(teaching, default=50)
    per_minute = min(max(0.6, 34 / shortest), 2.0)  # the shortest period holds three lines
    return [max(12.0, r.minutes * per_minute) for r in grid.rows]


def _lesson_text(data: SchoolData, names: Names, members: list[Lesson]) -> str:
    parts = []
    for x in members:  # course, teacher and room on lines of their own: they fit the column
        lines = (course_text(data, names, x), names.teachers(x.activity), names.room(x.room))
        parts.append("\n".join(t for t in lines if t))
    return "\n".join(parts)


def _heading(data: SchoolData, student) -> str:
    parts = [f"{student.label} ({student.id})" if student.name else student.id]
    if student.grade is not None:
        parts.append(f"Grade {student.grade}")
    groups = [data.group_by_id[g].label if g in data.group_by_id else g for g in student.groups]
    if groups:
        parts.append(", ".join(groups))
    return " · ".join(parts)
