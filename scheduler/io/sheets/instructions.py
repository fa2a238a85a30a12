"""The Instructions sheet: how to fill the workbook, written from the sheet definitions."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.sheets.rules import COMMON, RULE_CLASSES
from scheduler.io.sheets.schema import LIMITS, SHEETS

TITLE = Font(name="Calibri", size=16, bold=True)
HEADING = Font(name="Calibri", size=12, bold=True)
BODY = Font(name="Calibri", size=11)
WRAP = Alignment(wrap_text=True, vertical="top")

GENERAL = (
    "Fill one sheet per kind of data, one row per item. Row 1 holds the headers: keep them (any "
    "case or spacing works, and common names such as 'Teacher name' are understood).",
    "Hover over a header to read what its column holds. Orange headers are required; the others "
    "may stay blank (the default is given in the comment).",
    "Codes (the ID columns) are how sheets refer to each other: a course's Subject is a code "
    "from Subjects, a request's Student a code from Students.",
    "Lists go in one cell, comma separated: 'T01, T02'. Put a code holding a comma in quotes.",
    "yes/no columns also accept y/n, true/false, 1/0 and x.",
    "The two rows under each header are an example school: replace them with your own.",
    "Import with  flexday import-xlsx school.xlsx -o school.flexday  or File > Import "
    "spreadsheet in the app. If anything is wrong, every problem is listed with its sheet, row "
    "and column, and nothing is imported until all are fixed.",
    "CSV works too: save each sheet as <Sheet name>.csv in one folder and import the folder.",
)


def write_instructions(ws: Worksheet, school: str) -> None:
    ws.title = "Instructions"
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100
    ws.sheet_view.showGridLines = False
    ws["A1"] = f"Flexday school data: {school}"
    ws["A1"].font = TITLE
    row = 3
    ws.cell(row, 1, "How to fill it").font = HEADING
    for line in GENERAL:
        row += 1
        _line(ws, row, "", line)
    row += 2
    ws.cell(row, 1, "Sheets").font = HEADING
    for sheet in SHEETS:
        row += 1
        need = " (required)" if sheet.required else ""
        _line(ws, row, sheet.name + need, sheet.help)
    row += 2
    ws.cell(row, 1, "Rules: the kinds").font = HEADING
    for kind, cls in RULE_CLASSES.items():
        row += 1
        _line(ws, row, kind, rule_help(kind, cls))
    ws.print_options.gridLines = False
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def rule_help(kind: str, cls: type) -> str:
    """The rule's own docstring, then what goes in Limit and in Options."""
    text = " ".join((cls.__doc__ or "").replace("``", "").split())
    limit = LIMITS.get(kind)
    if limit:
        text += f" Limit: {limit.replace('_', ' ')}."
    columns = {"target": "Applies to + Who", "activities": "Activities", "slots": "Slots",
               "rooms": "Rooms"}  # fmt: skip
    used = [label for name, label in columns.items() if name in cls.model_fields]
    if used:
        text += f" Columns: {', '.join(used)}."
    options = [n for n in cls.model_fields if n not in (*COMMON, limit)]
    if options:
        text += f" Options: {', '.join(f'{n}=…' for n in options)}."
    return text


def _line(ws: Worksheet, row: int, label: str, text: str) -> None:
    a = ws.cell(row, 1, label)
    a.font = Font(name="Calibri", size=11, bold=bool(label))
    a.alignment = WRAP
    b = ws.cell(row, 2, text)
    b.font = BODY
    b.alignment = WRAP
    lines = max(1, -(-len(text) // 110), -(-len(label) // 24))
    ws.row_dimensions[row].height = 15 * lines  # LibreOffice does not grow wrapped rows itself
