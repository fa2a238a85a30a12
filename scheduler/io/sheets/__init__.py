"""School data as spreadsheets: the template, the all-or-nothing import, and the data export.

The workbook layout is declared once in ``schema`` (sheets of ``Column`` specs); ``read`` matches a
workbook or CSV folder to it, ``build`` turns rows into ``SchoolData`` or located problems,
``rows`` and ``write`` go the other way. ``import_school(export(data)) == data``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scheduler.io.sheets.build import Builder
from scheduler.io.sheets.example import example_school
from scheduler.io.sheets.problems import SheetProblem, SpreadsheetImportError
from scheduler.io.sheets.read import match_sheets, open_sources, read_table
from scheduler.io.sheets.schema import SHEET_BY_NAME
from scheduler.io.sheets.write import build_workbook, write_csv_folder, write_workbook
from scheduler.model import SchoolData, find_problems

__all__ = [
    "SheetImport",
    "SheetProblem",
    "SpreadsheetImportError",
    "build_workbook",
    "example_school",
    "export_data",
    "import_school",
    "write_template",
]


@dataclass(frozen=True)
class SheetImport:
    data: SchoolData
    warnings: list[SheetProblem] = field(default_factory=list)
    """Things that did not stop the import: ignored sheets or columns."""
    checks: list[str] = field(default_factory=list)
    """What the school's own checks say (e.g. a lesson no room can hold): fix them in the app."""


def import_school(source: str | Path | Sequence[str | Path]) -> SheetImport:
    """Read a workbook, a folder of CSV files or a list of them; raise with every problem."""
    paths = [Path(source)] if isinstance(source, str | Path) else [Path(p) for p in source]
    if not paths:
        raise ValueError("no file given")
    raw, close = open_sources(paths)
    problems: list[SheetProblem] = []
    warnings: list[SheetProblem] = []
    try:
        found = match_sheets(raw, problems, warnings)
        tables = {}
        for name, sheet in found.items():
            table = read_table(SHEET_BY_NAME[name], sheet, problems, warnings)
            if table is not None:
                tables[name] = table
    finally:
        close()
    data = Builder(tables, problems).build()
    if data is None:
        _sort(problems, [s.title for s in raw])
        raise SpreadsheetImportError(paths[0], problems)
    return SheetImport(data, warnings, [str(p) for p in find_problems(data)])


def _sort(problems: list[SheetProblem], titles: list[str]) -> None:
    """In workbook order, then by row and column, as a person would go through them."""
    order: dict[str, int] = {}
    for name in [*titles, *SHEET_BY_NAME]:
        order.setdefault(name, len(order))

    def key(p: SheetProblem) -> tuple:
        return (order.get(p.sheet, len(order)), p.row or 0, len(p.column or ""), p.column or "")

    problems.sort(key=key)


def export_data(data: SchoolData, path: str | Path) -> list[Path]:
    """The school in the template's format: an .xlsx workbook, or a folder of CSV files."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return [write_workbook(data, path)]
    return write_csv_folder(data, path)


def write_template(path: str | Path) -> Path:
    """An empty-but-for-examples workbook to fill in."""
    return write_workbook(example_school(), path)
