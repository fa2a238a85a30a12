"""The course-pair conflict matrix: how many students asked for each two courses together.

Schedulers read it to decide by hand which single-section courses must never share a period.
Courses with the most requests come first; a colour scale makes the heavy pairs stand out.
"""

from __future__ import annotations

from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import put_text
from scheduler.model import SchoolData
from scheduler.model.demand import course_demand, course_pairs

MAX_COURSES = 120


def write_matrix(ws: Worksheet, *, data: SchoolData, footer: str) -> None:
    demand = course_demand(data)
    pairs = course_pairs(data)
    courses = sorted(demand, key=lambda c: (-demand[c], c))[:MAX_COURSES]
    label = {c.id: c.label for c in data.courses}
    put_text(ws.cell(1, 1), "Course pairs requested together (students)")
    ws.cell(1, 1).font = styles.TITLE_FONT
    header = 3
    put_text(ws.cell(header, 1), "Course")
    put_text(ws.cell(header, 2), "Requests")
    for j, course in enumerate(courses):
        cell = ws.cell(header, 3 + j)
        put_text(cell, label.get(course, course))
        cell.alignment = styles.Alignment(text_rotation=90, horizontal="center", vertical="bottom")
    for cell in ws[header]:
        cell.font = styles.SMALL_HEADER_FONT
        cell.fill = styles.HEADER_FILL
        cell.border = styles.BORDER
    for i, course in enumerate(courses):
        row = header + 1 + i
        put_text(ws.cell(row, 1), label.get(course, course))
        ws.cell(row, 1).font = styles.HEADER_FONT
        ws.cell(row, 2, demand[course]).font = styles.BODY_FONT
        for j, other in enumerate(courses):
            if other == course:
                continue
            n = pairs.get((course, other) if course < other else (other, course), 0)
            cell = ws.cell(row, 3 + j, n or None)
            cell.font = styles.BODY_FONT
            cell.border = styles.BORDER
            cell.alignment = styles.CENTER
    last = get_column_letter(2 + len(courses))
    if courses:
        area = f"C{header + 1}:{last}{header + len(courses)}"
        ws.conditional_formatting.add(
            area,
            ColorScaleRule(
                start_type="min", start_color="FFFFFF", end_type="max", end_color="F8696B"
            ),
        )
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 9
    for j in range(len(courses)):
        ws.column_dimensions[get_column_letter(3 + j)].width = 4.5
    ws.row_dimensions[header].height = 120
    ws.freeze_panes = ws.cell(header + 1, 3)
    styles.set_page(
        ws, footer=footer, title_rows=f"{header}:{header}", title_cols="A:B", centered=False
    )
