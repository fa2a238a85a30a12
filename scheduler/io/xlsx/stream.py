"""Streaming a workbook to disk one sheet at a time, so a large export stays small in memory.

The workbook is opened in openpyxl's write-only mode: rows go to a temporary file as they are
appended and are not kept. Sheets whose size does not grow with the number of students (the
summary, the master, each teacher's week...) are drawn as usual on a scratch sheet of the same
workbook, with random access, merges and styles, and then streamed row by row with
:func:`stream`; the scratch sheet is dropped at once, so at most one is alive at a time. Sheets
that grow with the students (one row per student and meeting, one block per student) write their
rows straight to a write-only sheet.
"""

from __future__ import annotations

import contextlib
from array import array

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.worksheet import Worksheet

_COPIED = (
    "column_dimensions",
    "row_dimensions",
    "merged_cells",
    "conditional_formatting",
    "data_validations",
    "page_setup",
    "print_options",
    "page_margins",
    "HeaderFooter",
    "row_breaks",
    "col_breaks",
    "auto_filter",
    "sheet_properties",
    "views",
    "_print_rows",
    "_print_cols",
    "_charts",
    "_images",
)


def scratch(wb: Workbook, title: str) -> Worksheet:
    """An ordinary sheet bound to ``wb`` (so its styles land in ``wb``'s tables) but not in it."""
    return Worksheet(parent=wb, title=title)


def stream(wb: Workbook, sheet: Worksheet, *, into=None) -> None:
    """Write ``sheet`` (from :func:`scratch`) into the write-only ``wb``: as a new sheet of the
    same title, or into ``into``, a write-only sheet created earlier to keep its place."""
    out = into if into is not None else wb.create_sheet(sheet.title)
    for name in _COPIED:
        setattr(out, name, getattr(sheet, name))
    out.page_setup._parent = out
    rows: dict[int, list] = {}
    for (r, c), cell in sheet._cells.items():
        rows.setdefault(r, []).append((c, cell))
    last = max([*rows, *sheet.row_dimensions.keys(), 0])
    for r in range(1, last + 1):
        cells = rows.get(r)
        if not cells:
            out.append([])
            continue
        line: list = [None] * max(c for c, _ in cells)
        for c, cell in cells:
            if isinstance(cell, MergedCell):  # covered by a merge: only its borders show
                styled = Cell(sheet, row=r, column=c)
                styled._style = cell._style
                cell = styled
            line[c - 1] = cell
        out.append(line)
    out._hyperlinks = list({id(h): h for h in sheet._hyperlinks}.values())
    sheet._cells.clear()


class StyleCache:
    """Style arrays by key, so a style is looked up in the workbook's tables once, not per cell.

    Setting a font or a fill on a cell hashes the style object into the workbook's list of
    styles; for a hundred thousand cells that is most of the export's time.
    """

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self._arrays: dict[object, array] = {}

    def apply(self, cell, key: object, **attrs) -> None:
        """Give ``cell`` the style named ``key``: ``attrs`` (font=, fill=...) describe it once."""
        found = self._arrays.get(key)
        if found is None:
            for name, value in attrs.items():
                setattr(cell, name, value)
            self._arrays[key] = StyleArray(cell._style)
        else:
            cell._style = StyleArray(found)


def discard(wb: Workbook) -> None:
    """Close the streamed sheets of a workbook that will not be saved and drop their temporary
    files, so a failed export leaves nothing behind (not even a warning at exit)."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            ws.close()
        with contextlib.suppress(Exception):
            writer.cleanup()
