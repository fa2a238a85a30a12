"""Spreadsheet import and data export as plain jobs for ``tasks.TaskRunner`` (no Qt here).

A failed import is an answer, not a crash: the job returns ``ImportFailed`` with every located
problem, so the window can list them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scheduler.io.errors import FileFormatError
from scheduler.io.sheets import SheetImport, SpreadsheetImportError, export_data, import_school
from scheduler.model import SchoolData


@dataclass(frozen=True)
class ImportFailed:
    source: str
    problems: list[str]
    """Every located problem, e.g. ``Requests!C14: unknown course 'Chem 2'``."""


@dataclass(frozen=True)
class Exported:
    paths: list[Path]


def import_job(paths: list[Path], report, cancel) -> SheetImport | ImportFailed:
    source = paths[0].name if len(paths) == 1 else f"{len(paths)} CSV files"
    try:
        return import_school(paths)
    except SpreadsheetImportError as exc:
        return ImportFailed(source, [str(p) for p in exc.problems])
    except (FileFormatError, OSError) as exc:
        return ImportFailed(source, [str(exc)])


def export_job(payload: tuple[SchoolData, Path], report, cancel) -> Exported:
    data, path = payload
    return Exported(export_data(data, path))
