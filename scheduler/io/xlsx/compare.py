"""The scenario comparison workbook: figures side by side, then every change in one filterable list.

It takes plain rows (the files layer knows nothing of the checker): the caller turns its
comparison into ``FigureRow`` and ``ChangeRow`` values. Better and worse than the first scenario
are coloured, and said in words too, so a black-and-white printout still tells them apart.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from scheduler.io.atomic import write_bytes
from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import footer_text, put_text

BETTER_FILL = PatternFill("solid", fgColor="C6EFCE")
WORSE_FILL = PatternFill("solid", fgColor="FFC7CE")
BETTER_FONT = Font(name=styles.FONT_NAME, size=10, color="006100")
WORSE_FONT = Font(name=styles.FONT_NAME, size=10, color="9C0006")
SECTION_FONT = Font(name=styles.FONT_NAME, size=11, bold=True, color=styles.INK)
ONE_LINE = Alignment(horizontal="left", vertical="top", wrap_text=False)
NOTE_FONT = Font(name=styles.FONT_NAME, size=9, italic=True, color="595959")


@dataclass(frozen=True, slots=True)
class FigureRow:
    section: str
    label: str
    values: Sequence[float | int | None]
    verdicts: Sequence[str]
    """"better", "worse" or "" per scenario, against the first."""
    unit: str = ""


@dataclass(frozen=True, slots=True)
class ChangeRow:
    scenario: str
    kind: str
    who: str
    what: str


def export_comparison(
    path: str | Path,
    *,
    school: str,
    scenarios: Sequence[str],
    rows: Sequence[FigureRow],
    changes: Sequence[ChangeRow],
    teachers: Sequence[FigureRow] = (),
) -> Path:
    """Sheets: Comparison (``rows``), Changes, and Teachers when ``teachers`` are given (rows
    laid out like the figures: one section per measure, one row per teacher)."""
    path = Path(path)
    workbook = Workbook()
    footer = footer_text(f"{school}: scenarios compared")
    _figures(workbook.active, school, scenarios, rows, footer)
    _changes(workbook.create_sheet(), scenarios, changes, footer)
    if teachers:
        sheet = workbook.create_sheet()
        _figures(sheet, school, scenarios, teachers, footer, title="Teachers", first="Teacher")
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes(path, buffer.getvalue())
    return path


def _figures(
    ws,
    school: str,
    scenarios: Sequence[str],
    rows: Sequence[FigureRow],
    footer,
    *,
    title: str = "Comparison",
    first: str = "Figure",
) -> None:
    ws.title = title
    put_text(ws.cell(1, 1), school)
    ws.cell(1, 1).font = styles.TITLE_FONT
    note = (
        f"Scenarios side by side; green is better and red worse than {scenarios[0]!s}. "
        "Changes are counted from it."
    )
    put_text(ws.cell(2, 1), note)
    ws.cell(2, 1).font = NOTE_FONT
    header = 4
    put_text(ws.cell(header, 1), first)
    for k, name in enumerate(scenarios):
        put_text(ws.cell(header, 2 + k), name)
    for col in range(1, len(scenarios) + 2):
        cell = ws.cell(header, col)
        cell.font = styles.HEADER_FONT
        cell.fill = styles.HEADER_FILL
        cell.border = styles.BORDER
        cell.alignment = styles.CENTER if col > 1 else styles.LEFT
    r = header + 1
    section = None
    for row in rows:
        if row.section != section:
            section = row.section
            put_text(ws.cell(r, 1), section)
            ws.cell(r, 1).font = SECTION_FONT
            r += 1
        put_text(ws.cell(r, 1), row.label)
        ws.cell(r, 1).font = styles.BODY_FONT
        ws.cell(r, 1).border = styles.BORDER
        for k, value in enumerate(row.values):
            cell = ws.cell(r, 2 + k)
            verdict = row.verdicts[k] if k < len(row.verdicts) else ""
            cell.border = styles.BORDER
            cell.alignment = styles.CENTER
            cell.font = styles.BODY_FONT
            if value is None:
                put_text(cell, "no timetable")
                cell.font = styles.EMPTY_FONT
                continue
            cell.value = value
            cell.number_format = _format(value, row.unit)
            if verdict == "better":
                cell.fill, cell.font = BETTER_FILL, BETTER_FONT
            elif verdict == "worse":
                cell.fill, cell.font = WORSE_FILL, WORSE_FONT
        r += 1
    ws.column_dimensions["A"].width = 34
    for k in range(len(scenarios)):
        ws.column_dimensions[get_column_letter(2 + k)].width = max(14, len(scenarios[k]) + 4)
    ws.freeze_panes = ws.cell(header + 1, 2)
    styles.set_page(ws, footer=footer, title_rows=f"{header}:{header}", centered=False)
    ws.page_setup.orientation = "portrait"


def _format(value: float | int, unit: str) -> str:
    digits = "0.0" if isinstance(value, float) else "#,##0"
    return f'{digits}" {unit.strip()}"' if unit.strip() else digits


def _changes(ws, scenarios: Sequence[str], changes: Sequence[ChangeRow], footer) -> None:
    ws.title = "Changes"
    put_text(ws.cell(1, 1), f"What changed from {scenarios[0]}")
    ws.cell(1, 1).font = styles.TITLE_FONT
    put_text(
        ws.cell(2, 1),
        "One line per teacher, room and student a change concerns; use the filter buttons to "
        "see one person or room.",
    )
    ws.cell(2, 1).font = NOTE_FONT
    header = 4
    titles = ("Scenario", "For", "Who", "What changed")
    for col, title in enumerate(titles, start=1):
        cell = ws.cell(header, col)
        put_text(cell, title)
        cell.font = styles.HEADER_FONT
        cell.fill = styles.HEADER_FILL
        cell.border = styles.BORDER
    r = header + 1
    for change in changes:
        for col, text in enumerate((change.scenario, change.kind, change.who, change.what), 1):
            cell = ws.cell(r, col)
            put_text(cell, text)
            cell.font = styles.BODY_FONT
            cell.alignment = ONE_LINE
            cell.border = styles.BORDER
        r += 1
    if not changes:
        put_text(ws.cell(r, 1), "No changes.")
        ws.cell(r, 1).font = NOTE_FONT
    last = max(r - 1, header)
    ws.auto_filter.ref = f"A{header}:D{last}"
    widths = (
        min(32, max([len(n) for n in scenarios[1:]] + [10]) + 2),
        10,
        min(32, max([len(c.who) for c in changes] + [12]) + 2),
        min(140, max([len(c.what) for c in changes] + [40]) + 2),
    )
    for col, width in zip("ABCD", widths, strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = ws.cell(header + 1, 1)
    styles.set_page(ws, footer=footer, title_rows=f"{header}:{header}", centered=False)
