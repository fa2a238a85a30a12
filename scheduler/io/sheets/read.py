"""Raw rows from a workbook or from CSV files, then typed rows matched to the sheet definitions.

Nothing here knows the domain: sheets and headers are matched to ``schema`` by name (any case,
spacing or common synonym), each non-blank cell is read by its column's kind, and every problem
is collected with its sheet, row and column rather than raised at the first one.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from scheduler.io.errors import FileFormatError
from scheduler.io.guards import MAX_CSV_BYTES, check_size, open_workbook, sheet_rows
from scheduler.io.sheets.problems import SheetProblem
from scheduler.io.sheets.schema import NOT_DATA, SHEETS
from scheduler.io.sheets.spec import Column, Sheet, header_key
from scheduler.io.sheets.values import is_blank, read_csv_text, text


@dataclass
class RawSheet:
    title: str
    rows: Iterable[Sequence[object]]


@dataclass
class Row:
    number: int
    values: dict[str, object] = field(default_factory=dict)
    letters: dict[str, str] = field(default_factory=dict)
    first: str = "A"
    complete: bool = True
    """False when a required cell is blank or unreadable: the row is reported, then skipped."""
    unreadable: tuple[str, ...] = ()
    """Fields whose cell could not be read (already reported)."""

    def at(self, name: str) -> str:
        return self.letters.get(name, self.first)


@dataclass
class Table:
    sheet: Sheet
    title: str
    rows: list[Row]
    letters: dict[str, str]

    def problem(self, row: Row | None, name: str | None, message: str) -> SheetProblem:
        if row is None:
            return SheetProblem(self.title, None, None, message)
        letter = row.at(name) if name else None
        return SheetProblem(self.title, row.number, letter, message)


def open_sources(paths: Sequence[Path]) -> tuple[list[RawSheet], Callable[[], None]]:
    """The sheets of one .xlsx file, of a folder of .csv files, or of several .csv files, and a
    function that releases the files once read."""
    if len(paths) == 1 and paths[0].is_dir():
        files = sorted(p for p in paths[0].iterdir() if p.suffix.lower() == ".csv")
        if not files:
            raise FileFormatError(paths[0], "holds no .csv files")
        return [_csv_sheet(p) for p in files], lambda: None
    if len(paths) == 1 and paths[0].suffix.lower() != ".csv":
        return _workbook(paths[0])
    for p in paths:
        if p.suffix.lower() != ".csv":
            raise FileFormatError(p, "give either one .xlsx workbook or .csv files, not both")
    return [_csv_sheet(p) for p in paths], lambda: None


def _workbook(path: Path) -> tuple[list[RawSheet], Callable[[], None]]:
    if not path.exists():
        raise FileFormatError(path, "no such file")
    if path.suffix.lower() == ".xls":
        raise FileFormatError(path, "is an old .xls workbook: save it as .xlsx in Excel first")
    # the guards refuse a zip bomb or a huge sheet before openpyxl loads anything, and turn
    # damage met while a sheet is streamed into a FileFormatError naming the file and sheet
    wb = open_workbook(path, read_only=True, data_only=True)
    sheets = [RawSheet(ws.title, sheet_rows(path, ws, values_only=True)) for ws in wb.worksheets]
    return sheets, wb.close


def _csv_sheet(path: Path) -> RawSheet:
    check_size(path, MAX_CSV_BYTES, what="CSV file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FileFormatError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        data = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            data = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise FileFormatError(path, "is not text: save it as 'CSV UTF-8'") from None
    try:
        rows = read_csv_text(data)
    except csv.Error as exc:
        raise FileFormatError(path, f"is not a readable CSV file ({exc})") from None
    return RawSheet(path.stem, rows)


def match_sheets(
    raw: list[RawSheet], problems: list[SheetProblem], warnings: list[SheetProblem]
) -> dict[str, RawSheet]:
    """Sheet name -> the raw sheet that holds it; a missing required sheet is a problem."""
    found: dict[str, RawSheet] = {}
    for sheet in raw:
        key = header_key(sheet.title)
        spec = next((s for s in SHEETS if key in s.name_keys()), None)
        if spec is None:
            if key not in {header_key(n) for n in NOT_DATA}:
                warnings.append(SheetProblem(sheet.title, None, None, "sheet not used, ignored"))
            continue
        if spec.name in found:
            first = found[spec.name].title
            problems.append(
                SheetProblem(sheet.title, None, None, f"holds {spec.name} like sheet {first!r}")
            )
            continue
        found[spec.name] = sheet
    for spec in SHEETS:
        if spec.required and spec.name not in found:
            problems.append(SheetProblem(spec.name, None, None, "sheet missing"))
    return found


def read_table(
    sheet: Sheet, raw: RawSheet, problems: list[SheetProblem], warnings: list[SheetProblem]
) -> Table | None:
    rows = iter(raw.rows)
    header, number = _first_filled(rows, 0)
    table = Table(sheet, raw.title, [], {})
    if header is None:
        if sheet.required:
            problems.append(table.problem(None, None, "sheet is empty (no header row)"))
        return table
    columns: list[tuple[int, Column, str]] = []
    for i, cell in enumerate(header):
        if is_blank(cell):
            continue
        letter = get_column_letter(i + 1)
        column = sheet.column(text(cell))
        where = SheetProblem(raw.title, number, letter, "")
        if column is None:
            msg = f"column {text(cell)!r} is not used, ignored"
            warnings.append(SheetProblem(where.sheet, number, letter, msg))
        elif column.field in table.letters:
            other = table.letters[column.field]
            msg = f"column {text(cell)!r} repeats column {other} ({column.header})"
            problems.append(SheetProblem(where.sheet, number, letter, msg))
        else:
            table.letters[column.field] = letter
            columns.append((i, column, letter))
    missing = [c.header for c in sheet.columns if c.required and c.field not in table.letters]
    for name in missing:
        problems.append(SheetProblem(raw.title, number, None, f"missing column '{name}'"))
    if missing:
        return None
    first = get_column_letter(columns[0][0] + 1) if columns else "A"
    for at, values in _numbered(rows, number):
        number = at
        row = Row(number, letters=table.letters, first=first)
        for i, column, letter in columns:
            cell = values[i] if i < len(values) else None
            if is_blank(cell):
                if column.required:
                    row.complete = False
                    msg = f"{column.header} missing"
                    problems.append(SheetProblem(raw.title, number, letter, msg))
                continue
            try:
                row.values[column.field] = column.kind.parse(cell)
            except ValueError as exc:
                row.complete = row.complete and not column.required
                row.unreadable += (column.field,)
                problems.append(SheetProblem(raw.title, number, letter, str(exc)))
        table.rows.append(row)
    if sheet.single_row and len(table.rows) > 1:
        problems.append(table.problem(table.rows[1], None, "this sheet holds one row only"))
    return table


def _first_filled(rows: Iterator[Sequence[object]], number: int):
    for values in rows:
        number += 1
        if values and not all(is_blank(v) for v in values):
            return values, number
    return None, number


def _numbered(rows: Iterator[Sequence[object]], number: int):
    for values in rows:
        number += 1
        if values and not all(is_blank(v) for v in values):
            yield number, values
