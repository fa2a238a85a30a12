"""Section rosters: for each section, who teaches it, when and where it meets, and who is in it.

Laid out to be printed and handed to teachers: portrait, a coloured title per section, the class
list in two numbered columns, and page breaks between sections so none is split across pages when
it fits on one. Beside it, the Students sheet gives the same enrollments as a filterable table.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import put_text
from scheduler.io.xlsx.lessons import Lesson, Names
from scheduler.io.xlsx.students import period_text, time_text
from scheduler.model import Activity, Calendar, SchoolData, Solution

HALF = ("#", "Student id", "Name", "Grade")
GAP_COL = len(HALF) + 1
LAST_COL = 2 * len(HALF) + 1
TITLE_PT, DETAIL_PT, HEAD_PT, ROW_PT, GAP_PT = 21.0, 14.0, 14.0, 15.0, 12.0
PAGE_WIDTH_PT = 530.0  # portrait Letter or A4 less 0.4-inch margins, with slack
PAGE_HEIGHT_PT = 640.0  # portrait Letter less margins, footer and the repeated title row

LIST, NUMBER, HEAD = "Flexday list", "Flexday list number", "Flexday list heading"
RIGHT = Alignment(horizontal="right", vertical="center")
MIDDLE = Alignment(vertical="center")
DETAIL_FONT = Font(name=styles.FONT_NAME, size=9, color=styles.INK)
MUTED_FONT = Font(name=styles.FONT_NAME, size=9, italic=True, color=styles.MUTED)


def roster_sections(data: SchoolData, solution: Solution) -> list[Activity]:
    """Sections (activities of a course taught to students one by one) and anything with
    enrollments, in catalogue order: by course as the school lists them, then by activity."""
    seated = solution.students_by_section
    course_order = {c.id: i for i, c in enumerate(data.courses)}
    found = [
        a
        for a in data.activities
        if (a.course is not None and not a.groups) or a.id in seated or a.students
    ]
    return sorted(found, key=lambda a: course_order.get(a.course or "", len(course_order)))


def write_rosters(
    ws: Worksheet,
    *,
    data: SchoolData,
    solution: Solution,
    sections: Sequence[Activity],
    lessons: Sequence[Lesson],
    names: Names,
    colours: dict[str, str],
    footer: str,
) -> None:
    """Each section: a coloured title with its fill, teacher and room, its meeting times, then the
    class list numbered down two columns. Nothing is merged (merging thousands of ranges is slow
    in openpyxl); long lines run on over the empty cells to their right."""
    by_activity: dict[str, list[Lesson]] = defaultdict(list)
    for lesson in lessons:
        by_activity[lesson.activity.id].append(lesson)
    seated = solution.students_by_section
    widths = _widths(data)
    page = PAGE_HEIGHT_PT * 100 / _scale(widths)

    put_text(ws.cell(1, 1), f"Section rosters · {data.name}")
    ws.cell(1, 1).font = styles.TITLE_FONT
    ws.row_dimensions[1].height = 24
    _named_styles(ws)
    row, used, breaks = 3, 0.0, []
    for activity in sections:
        students = list(dict.fromkeys([*seated.get(activity.id, ()), *activity.students]))
        students.sort(key=lambda sid: (_name(data, sid).casefold(), sid))
        rows = math.ceil(len(students) / 2) or 1
        height = TITLE_PT + 2 * DETAIL_PT + HEAD_PT + rows * ROW_PT + GAP_PT
        if used and used + height > page:
            breaks.append(row - 1)
            used = 0.0
        used += height
        mine = by_activity[activity.id]
        row = _header(ws, row, data, names, activity, mine, len(students), colours)
        if not students:
            ws.cell(row, 2, "No students enrolled.").font = MUTED_FONT
        for i, sid in enumerate(students):
            r, offset = (row + i, 0) if i < rows else (row + i - rows, GAP_COL)
            _student(ws, r, offset, i + 1, data, sid)
        for r in range(row, row + rows):
            ws.row_dimensions[r].height = ROW_PT
        ws.row_dimensions[row + rows].height = GAP_PT
        row += rows + 1

    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    styles.set_page(ws, footer=footer, title_rows="1:1", centered=False)
    ws.page_setup.orientation = "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = False  # manual breaks count only without it
    ws.page_setup.scale = _scale(widths)
    ws.row_breaks.brk = tuple(Break(id=r) for r in breaks)  # one by one is quadratic


def _header(
    ws: Worksheet,
    row: int,
    data: SchoolData,
    names: Names,
    activity: Activity,
    lessons: list[Lesson],
    enrolled: int,
    colours: dict[str, str],
) -> int:
    """The section's title and fill, teacher, room, times and column headings; the next row."""
    colour = colours.get(activity.subject, styles.PALETTE[0])
    ink = styles.readable_ink(colour)
    course = data.course_by_id.get(activity.course or "")
    title = f"{course.label if course else names.lesson_title(activity)} · {activity.id}"
    capacity = course.section_capacity if course is not None else None
    seats = f"{enrolled} / {capacity} enrolled" if capacity else f"{enrolled} enrolled"
    if capacity and enrolled > capacity:
        seats += " (over capacity)"
    band = styles.fill(colour)
    for col in range(1, LAST_COL + 1):
        ws.cell(row, col).fill = band
    put_text(ws.cell(row, 1), title)
    ws.cell(row, 1).font = Font(name=styles.FONT_NAME, size=12, bold=True, color=ink)
    ws.cell(row, 1).alignment = MIDDLE
    seats_cell = ws.cell(row, LAST_COL)
    put_text(seats_cell, seats)
    seats_cell.font = Font(name=styles.FONT_NAME, size=10, bold=True, color=ink)
    seats_cell.alignment = RIGHT
    ws.row_dimensions[row].height = TITLE_PT

    rooms = ", ".join(dict.fromkeys(names.room(x.room) for x in lessons if x.room)) or "–"
    put_text(ws.cell(row + 1, 1), f"Teacher: {names.teachers(activity) or '–'}")
    put_text(ws.cell(row + 1, GAP_COL + 1), f"Room: {rooms}")
    put_text(ws.cell(row + 2, 1), f"Meets: {meets_text(data, lessons)}")
    for r, col in ((row + 1, 1), (row + 1, GAP_COL + 1), (row + 2, 1)):
        ws.cell(r, col).font = DETAIL_FONT
    ws.row_dimensions[row + 1].height = ws.row_dimensions[row + 2].height = DETAIL_PT

    row += 3
    for offset in (0, GAP_COL):
        for i, heading in enumerate(HALF, start=1):
            ws.cell(row, offset + i, heading).style = HEAD
    ws.row_dimensions[row].height = HEAD_PT
    return row + 1


def _widths(data: SchoolData) -> list[float]:
    longest = max((len(s.label) for s in data.students), default=12)
    ids = max((len(s.id) for s in data.students), default=8)
    half = [4.0, float(min(max(ids + 2, 10), 16)), float(min(max(longest + 2, 18), 30)), 6.0]
    return [*half, 2.0, *half]


def _scale(widths: list[float]) -> int:
    points = sum((w * 7 + 5) * 0.75 for w in widths)
    return max(10, min(100, int(PAGE_WIDTH_PT / points * 100)))


def _name(data: SchoolData, sid: str) -> str:
    student = data.student_by_id.get(sid)
    return student.name if student is not None else ""


def _named_styles(ws: Worksheet) -> None:
    """Named styles for the list cells: one assignment per cell instead of a font, a fill and a
    border, which is what makes thousands of rows quick to style."""
    workbook = ws.parent
    for name, font, fill in (
        (LIST, styles.BODY_FONT, PatternFill()),
        (NUMBER, styles.TIME_FONT, PatternFill()),
        (HEAD, styles.SMALL_HEADER_FONT, styles.HEADER_FILL),
    ):
        if name not in workbook.named_styles:
            workbook.add_named_style(
                NamedStyle(name=name, font=font, fill=fill, border=styles.BORDER)
            )


def _student(ws: Worksheet, row: int, offset: int, number: int, data: SchoolData, sid: str) -> None:
    student = data.student_by_id.get(sid)
    grade = student.grade if student is not None else None
    ws.cell(row, offset + 1, number).style = NUMBER
    for col in range(offset + 2, offset + len(HALF) + 1):
        ws.cell(row, col).style = LIST
    put_text(ws.cell(row, offset + 2), sid)  # after the style, which would drop a quote prefix
    put_text(ws.cell(row, offset + 3), _name(data, sid))
    ws.cell(row, offset + 4, grade)


def meets_text(data: SchoolData, lessons: Sequence[Lesson]) -> str:
    """'Mon–Fri Period 3 (09:55–10:45)' when a section keeps one period; else each period with
    its days, e.g. 'Mon, Wed Period 1; Fri Period 4'."""
    if not lessons:
        return "not placed"
    short = day_names(data.calendar)
    by_period: dict[str, list[Lesson]] = defaultdict(list)
    for lesson in sorted(lessons, key=lambda x: (x.day, x.first)):
        by_period[period_text(data, lesson)].append(lesson)
    parts = []
    for period, mine in by_period.items():
        days = sorted({x.day for x in mine})
        if len(days) >= 3 and days == list(range(days[0], days[-1] + 1)):
            when = f"{short[days[0]]}–{short[days[-1]]}"
        else:
            when = ", ".join(short[d] for d in days)
        clocks = {time_text(data, x) for x in mine}
        clock = f" ({clocks.pop()})" if len(clocks) == 1 else ""
        parts.append(f"{when} {period}{clock}")
    return "; ".join(parts)


def day_names(calendar: Calendar) -> list[str]:
    """Three-letter day names ('Mon') when they tell the days apart, else the full labels."""
    short = [day.label[:3] for day in calendar.days]
    return short if len(set(short)) == len(short) else [day.label for day in calendar.days]
