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
import os
import shutil
import tempfile
from array import array
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.xlsx.cells import FORMULA_STARTS

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
    """An ordinary sheet bound to ``wb`` (so its styles land in ``wb``'s tables) but not in it.

    Its title is exactly ``title`` even when ``wb`` already holds a sheet of that name (the sheet
    it will be streamed into), so formulas and charts drawn on it refer to the right sheet.
    """
    sheet = Worksheet(parent=wb, title=title)
    sheet._WorkbookChild__title = title  # the setter would rename it 'Summary1'
    return sheet


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
    fast = RowWriter(out, StyleCache(wb))
    for r in range(1, last + 1):
        dims = sheet.row_dimensions.get(r)
        height = dims.height if dims is not None else None
        cells = rows.get(r)
        if not cells:
            fast.append_xml("", height)
            continue
        line: list = [None] * max(c for c, _ in cells)
        for c, cell in cells:
            if isinstance(cell, MergedCell):  # covered by a merge: only its borders show
                styled = Cell(sheet, row=r, column=c)
                styled._style = cell._style
                cell = styled
            line[c - 1] = cell
        if all(cell is None or _plain(cell) for cell in line):
            values = [None if cell is None else cell._value for cell in line]
            ids = [0 if cell is None or not cell.has_style else cell.style_id for cell in line]
            fast.append_xml(fast.cells(values, ids), height)
        else:
            fast.append_cells(line)
    fast.close()
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
        rows = getattr(ws, "_flexday_rows", None)
        if rows is not None:
            with contextlib.suppress(OSError):
                os.unlink(rows)


class Line(list):
    """A row for :class:`RowWriter`: values (str, int, float or None) and a style id for each."""

    __slots__ = ("styles",)

    def __init__(self, values: list, styles: list[int] | int = 0) -> None:
        super().__init__(values)
        self.styles = styles if isinstance(styles, list) else [styles] * len(values)


class RowWriter:
    """Rows written straight as XML: the fast path for sheets of a hundred thousand rows.

    openpyxl builds a cell object per value and writes it through several layers (about 20 µs a
    cell); a 2,500-student Students sheet has over a million cells. Here rows are formatted as
    XML text in batches (inline strings, as openpyxl writes them; styles are ids from a
    :class:`StyleCache`), parsed by lxml in one call and handed to the sheet's own XML stream.
    Text starting with a formula character gets the quote-prefixed twin of its style, so it is
    shown and never run. Set column widths before the first row; call :meth:`close` at the end.
    """

    BATCH = 2000

    def __init__(self, ws, cache: StyleCache, *, spliced: bool = False) -> None:
        self.ws, self.cache = ws, cache
        self._quoted: dict[int, int] = {}
        self._pending: list[str] = []
        self.rows = 0
        ws._get_writer()
        self._side = None
        if spliced:
            self._splice_later()
            return
        writer = ws._writer
        plain = writer.write_row

        def write_row(xf, row, row_idx):
            if isinstance(row, _Batch):
                for element in row.elements:
                    xf.write(element)
            elif isinstance(row, _Cells):
                plain(xf, type(ws)._values_to_row(ws, row, row.number), row.number)
            else:
                plain(xf, type(ws)._values_to_row(ws, row, row_idx), row_idx)

        writer.write_row = write_row
        ws._values_to_row = lambda values, row_idx: values  # batches reach write_row as they are

    def style_id(self, key: object, **attrs) -> int:
        """The id of the cached style ``key`` (described by ``attrs`` the first time)."""
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.ws)
        self.cache.apply(cell, key, **attrs)
        return cell.style_id

    def append(self, line: Line, height: float | None = None) -> int:
        """Write the next row (all rows of the sheet go through here); returns its number."""
        return self.append_xml(self.cells(line, line.styles), height)

    def cells(self, values: list, styles: list[int] | int = 0) -> str:
        """The XML of a run of cells. Cells carry no reference: each stands in the column after
        the one before (an empty ``<c/>`` keeps a place), so a run can be reused on any row, and
        a sheet repeats the same section meeting on many rows."""
        if isinstance(styles, int):
            styles = [styles] * len(values)
        parts = []
        for value, style in zip(values, styles, strict=True):
            s = f' s="{style}"' if style else ""
            if value is None or value == "":
                parts.append(f"<c{s}/>")
            elif isinstance(value, str):
                if value.startswith(FORMULA_STARTS):
                    s = f' s="{self._quote(style)}"'
                space = ' xml:space="preserve"' if value != value.strip() else ""
                parts.append(f'<c{s} t="inlineStr"><is><t{space}>{_escape(value)}</t></is></c>')
            else:
                parts.append(f'<c{s} t="n"><v>{value}</v></c>')
        return "".join(parts)

    def append_xml(self, cells: str, height: float | None = None) -> int:
        """Write the next row from :meth:`cells` runs joined; returns its number."""
        self.rows += 1
        head = f'<row r="{self.rows}"' + (f' ht="{height:g}" customHeight="1">' if height else ">")
        if self._side is not None:
            self._side.write(f"{head}{cells}</row>")
            return self.rows
        self._pending.append(f"{head}{cells}</row>")
        if len(self._pending) >= self.BATCH:
            self.flush()
        return self.rows

    def _splice_later(self) -> None:
        """Spliced mode, for a sheet whose every row comes through here: rows go as text to a
        file of their own, and when openpyxl closes the sheet (on save, after writing its
        settings around an empty ``sheetData``) they are spliced into its XML. No parsing, no
        element per cell: the text is written once."""
        ws = self.ws
        fd, name = tempfile.mkstemp(prefix="flexday-rows-", suffix=".xml")
        self._side = open(fd, "w", encoding="utf-8")  # noqa: SIM115 (closed on splice)
        ws._flexday_rows = name
        close = ws.close

        def close_and_splice() -> None:
            self._side.close()
            close()
            _splice(ws._writer.out, name)

        ws.close = close_and_splice

    def flush(self) -> None:
        if self._side is not None:
            return
        if self._pending:
            from lxml.etree import fromstring

            root = fromstring(f"<rows>{''.join(self._pending)}</rows>")
            self._pending = []
            self.ws.append(_Batch(list(root)))

    close = flush

    def append_cells(self, cells: list) -> int:
        """The next row as openpyxl cells (rich text, links, comments), written by openpyxl."""
        self.flush()
        self.rows += 1
        self.ws.append(_Cells(cells, self.rows))
        return self.rows

    def _quote(self, style: int) -> int:
        found = self._quoted.get(style)
        if found is None:
            wb = self.ws.parent
            quoted = StyleArray(wb._cell_styles[style]) if style else StyleArray()
            quoted.quotePrefix = 1
            found = self._quoted[style] = wb._cell_styles.add(quoted)
        return found


class _Batch(list):
    """Parsed rows on their way to the sheet's XML stream."""

    def __init__(self, elements: list) -> None:
        super().__init__()
        self.elements = elements


class _Cells(list):
    """A row of openpyxl cells and its number, for rows the fast path does not cover."""

    def __init__(self, cells: list, number: int) -> None:
        super().__init__(cells)
        self.number = number


def _plain(cell) -> bool:
    """A cell the fast path can write: a string or a number, no link, no comment."""
    value = cell._value
    return (
        cell._hyperlink is None
        and cell._comment is None
        and (value is None or type(value) in (str, int, float))
        and cell.data_type in ("s", "n")
    )


def _splice(sheet_xml: str, rows_xml: str) -> None:
    """Put the rows of ``rows_xml`` into the empty ``sheetData`` of ``sheet_xml``."""
    head = Path(sheet_xml).read_bytes()  # a sheet without its rows: a few kilobytes
    for empty in (b"<sheetData/>", b"<sheetData></sheetData>"):
        at = head.find(empty)
        if at >= 0:
            break
    else:
        raise ValueError("the streamed sheet has no empty sheetData to fill")
    joined = sheet_xml + ".rows"
    with open(joined, "wb") as out, open(rows_xml, "rb") as rows:
        out.write(head[:at] + b"<sheetData>")
        shutil.copyfileobj(rows, out, 1 << 20)
        out.write(b"</sheetData>" + head[at + len(empty) :])
    os.replace(joined, sheet_xml)
    os.unlink(rows_xml)


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;")  # a raw carriage return would be read back as a newline
