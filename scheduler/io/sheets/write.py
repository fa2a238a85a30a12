"""Write school data as the template workbook (or as CSV files, one per sheet).

Every sheet gets a bold, frozen, filterable header whose cells carry a comment explaining the
column; columns that take a value from a list get a drop-down (fixed lists from a hidden Lists
sheet, ids from the sheet that defines them). Text that Excel would take for a formula is written
as text, so an id such as ``=A1`` comes back as it went out.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.atomic import atomic_write
from scheduler.io.sheets.instructions import write_instructions
from scheduler.io.sheets.rows import sheet_rows
from scheduler.io.sheets.schema import REF_SHEETS, SHEETS, Sheet
from scheduler.io.sheets.spec import Column
from scheduler.model import SchoolData

HEADER_FONT = Font(name="Calibri", size=11, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
REQUIRED_FILL = PatternFill("solid", fgColor="F8CBAD")
VALIDATED_ROWS = 5000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_workbook(data: SchoolData, path: str | Path) -> Path:
    """Write atomically: a failed export leaves any file already at ``path`` as it was."""
    wb = build_workbook(data)
    return atomic_write(path, lambda tmp: wb.save(tmp))


def build_workbook(data: SchoolData) -> Workbook:
    wb = Workbook()
    write_instructions(wb.active, data.name)
    lists = wb.create_sheet("Lists")
    list_ranges = _fill_lists(lists, [d.id for d in data.calendar.days])
    lists.sheet_state = "hidden"
    rows = sheet_rows(data)
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name)
        _write_sheet(ws, sheet, rows[sheet.name], list_ranges)
        _print_setup(ws, f"{data.name} · {sheet.name}")
    wb.move_sheet("Lists", offset=len(SHEETS))
    return wb


def write_csv_folder(data: SchoolData, folder: str | Path) -> list[Path]:
    """One UTF-8 CSV per sheet (with a BOM, so Excel reads accents right), each atomically."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rows = sheet_rows(data)
    written = []
    for sheet in SHEETS:
        buf = io.StringIO()
        out = csv.writer(buf, lineterminator="\n")
        out.writerow([c.header for c in sheet.columns])
        for row in rows[sheet.name]:
            out.writerow([_csv_value(c, row.get(c.field)) for c in sheet.columns])
        path = folder / f"{sheet.name}.csv"
        atomic_write(path, lambda tmp, b=buf: tmp.write_text(b.getvalue(), encoding="utf-8-sig"))
        written.append(path)
    return written


def _csv_value(column: Column, value: Any) -> str:
    cell = _cell_value(column, value)
    return "" if cell is None else str(cell)


def _cell_value(column: Column, value: Any) -> Any:
    if value is None or value == () or value == "":
        return None
    return column.kind.cell(value)


def _fill_lists(ws: Worksheet, days: list[str]) -> dict[str, str]:
    """Each fixed list of choices in its own column, and the school's days (each once, which the
    Calendar sheet's Day column is not); column -> range for a drop-down."""
    ranges: dict[str, str] = {}
    lists: dict[tuple[str, ...], str] = {}
    col = 0
    for sheet in SHEETS:
        for column in sheet.columns:
            choices = column.kind.choices()
            if not choices:
                continue
            if choices not in lists:
                col += 1
                letter = get_column_letter(col)
                title = "yes/no" if choices == ("yes", "no") else column.header
                ws.cell(1, col, title).font = HEADER_FONT
                for i, choice in enumerate(choices, start=2):
                    ws.cell(i, col, choice)
                lists[choices] = f"Lists!${letter}$2:${letter}${len(choices) + 1}"
            ranges[f"{sheet.name}.{column.field}"] = lists[choices]
    if days:
        col += 1
        letter = get_column_letter(col)
        ws.cell(1, col, "Days").font = HEADER_FONT
        for i, day in enumerate(days, start=2):
            _put(ws, i, col, day)
        ranges["day"] = f"Lists!${letter}$2:${letter}${len(days) + 1}"
    return ranges


def _put(ws: Worksheet, row: int, col: int, value: Any) -> None:
    cell = ws.cell(row, col, value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"  # text, never a formula


def _write_sheet(ws: Worksheet, sheet: Sheet, rows: list[dict], lists: dict[str, str]) -> None:
    for col, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(1, col, column.header)
        cell.font = HEADER_FONT
        cell.fill = REQUIRED_FILL if column.required else HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        note = column.help + (" Required." if column.required else "")
        if column.kind.label != "text":
            note += f"\n[{column.kind.label}]"
        cell.comment = Comment(note, "Flexday", width=260, height=110)
    for r, row in enumerate(rows, start=2):
        for col, column in enumerate(sheet.columns, start=1):
            value = _cell_value(column, row.get(column.field))
            if value is None:
                continue
            _put(ws, r, col, value)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(sheet.columns))
    ws.auto_filter.ref = f"A1:{last}{max(2, len(rows) + 1)}"
    _widths(ws, sheet, rows)
    _validations(ws, sheet, lists, len(rows))


def _print_setup(ws: Worksheet, footer: str) -> None:
    """Landscape, one page wide with the header on every page, grid lines, a named footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.left.text = footer
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Page &P of &N"
    ws.oddFooter.right.size = 8


def _widths(ws: Worksheet, sheet: Sheet, rows: list[dict]) -> None:
    for col, column in enumerate(sheet.columns, start=1):
        sample = [_cell_value(column, row.get(column.field)) for row in rows[:200]]
        longest = max((len(str(v)) for v in sample if v is not None), default=0)
        width = column.width or min(40, max(len(column.header) + 4, longest + 2, 8))
        ws.column_dimensions[get_column_letter(col)].width = width


def _validations(ws: Worksheet, sheet: Sheet, lists: dict[str, str], n_rows: int) -> None:
    end = max(VALIDATED_ROWS, n_rows + 1000)
    for col, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(col)
        source = lists.get(f"{sheet.name}.{column.field}")
        strict = True
        if source is None and column.ref in REF_SHEETS and not _is_list(column):
            target = REF_SHEETS[column.ref]
            if target == sheet.name:
                continue
            source, strict = f"'{target}'!$A$2:$A${end}", False
        elif source is None and column.ref == "day" and not _is_list(column):
            source, strict = lists.get("day"), False
        if source is None:
            continue
        dv = DataValidation(type="list", formula1=source, allow_blank=True)
        dv.errorStyle = "stop" if strict else "warning"
        dv.error = f"Choose a value from the list for {column.header}."
        dv.errorTitle = column.header
        dv.add(f"{letter}2:{letter}{end}")
        ws.add_data_validation(dv)


def _is_list(column: Column) -> bool:
    return column.kind.label.startswith("comma-separated")
