"""The first sheet: what was exported, how complete it is, the colour legend and what is missing."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import put_text
from scheduler.io.xlsx.lessons import Lesson, Names, Unplaced
from scheduler.model import SchoolData, Solution

SECTION_FONT = Font(name=styles.FONT_NAME, size=12, bold=True, color=styles.INK)
LINK_FONT = Font(name=styles.FONT_NAME, size=10, color="1F5FA8", underline="single")
STATUS = {
    "optimal": "optimal (proven best)",
    "feasible": "feasible (not proven best)",
    "infeasible": "infeasible",
    "unknown": "unknown (no timetable found)",
    "manual": "manual or imported",
}


def write_summary(
    ws: Worksheet,
    *,
    data: SchoolData,
    solution: Solution,
    scenario: str,
    lessons: Sequence[Lesson],
    unplaced: Sequence[Unplaced],
    names: Names,
    colours: dict[str, str],
    sheets: Sequence[tuple[str, str]],
    footer: str,
) -> None:
    """``sheets`` lists (sheet title, what it shows) for the index with links."""
    put_text(ws.cell(1, 1), data.name)
    ws.cell(1, 1).font = Font(name=styles.FONT_NAME, size=16, bold=True, color=styles.INK)
    ws.row_dimensions[1].height = 24
    total = sum(len(a.meetings) for a in data.activities)
    facts: list[tuple[str, str | int]] = [
        ("Scenario", scenario or "–"),
        ("Solution status", STATUS.get(solution.status, solution.status)),
        ("Penalty (objective)", "–" if solution.objective is None else solution.objective),
    ]
    if solution.wall_s is not None:
        facts.append(("Solve time", f"{solution.wall_s:.1f} s"))
    if solution.created is not None:
        facts.append(("Created", f"{solution.created:%Y-%m-%d %H:%M}"))
    facts += [
        ("Activities", len(data.activities)),
        ("Meetings placed", f"{len(lessons)} of {total}"),
        ("Teachers", len(data.teachers)),
        ("Student groups", len(data.groups)),
        ("Rooms", len(data.rooms)),
    ]
    row = 3
    for label, value in facts:
        ws.cell(row, 1, label).font = styles.HEADER_FONT
        cell = ws.cell(row, 2)
        if isinstance(value, int):
            cell.value = value
        else:
            put_text(cell, value)
        cell.font, cell.alignment = styles.BODY_FONT, styles.LEFT
        row += 1

    row = _section(ws, row + 1, "Subjects")
    for subject in data.subjects:
        colour = colours[subject.id]
        cell = ws.cell(row, 1)
        put_text(cell, subject.label)
        cell.fill = styles.fill(colour)
        cell.font = Font(name=styles.FONT_NAME, size=10, color=styles.readable_ink(colour))
        cell.border = styles.BORDER
        row += 1

    row = _section(ws, row + 1, f"Not placed ({len(unplaced)})")
    if not unplaced:
        ws.cell(row, 1, "Every meeting has a place in the timetable.").font = styles.BODY_FONT
        row += 1
    else:
        _table_row(ws, row, ("Activity", "Meeting", "Length (slots)", "Teachers", "Groups"), True)
        for item in unplaced:
            row += 1
            a = item.activity
            values = (
                names.lesson_title(a),
                item.meeting + 1,
                item.duration,
                names.teachers(a),
                names.groups(a),
            )
            _table_row(ws, row, values, False)
        row += 1

    row = _section(ws, row + 1, "Sheets")
    for title, what in sheets:
        cell = ws.cell(row, 1)
        put_text(cell, title)
        cell.hyperlink = "#'{}'!A1".format(title.replace("'", "''"))
        cell.font = LINK_FONT
        put_text(ws.cell(row, 2), what)
        ws.cell(row, 2).font = styles.BODY_FONT
        row += 1

    for col, width in zip("ABCDE", (30, 34, 14, 30, 30), strict=True):
        ws.column_dimensions[col].width = width
    styles.set_page(ws, footer=footer, title_rows="1:1", centered=False)


def _section(ws: Worksheet, row: int, title: str) -> int:
    ws.cell(row, 1, title).font = SECTION_FONT
    return row + 1


def _table_row(ws: Worksheet, row: int, values: Sequence[str | int], header: bool) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col)
        if isinstance(value, int):
            cell.value = value
        else:
            put_text(cell, value)
        cell.border = styles.BORDER
        cell.font = styles.HEADER_FONT if header else styles.BODY_FONT
        cell.alignment = styles.LEFT
        if header:
            cell.fill = styles.HEADER_FILL
