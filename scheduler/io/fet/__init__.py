"""FET (.fet) files: import a school, read FET's timetables, export a timetable back."""

from __future__ import annotations

from scheduler.io.fet.reader import FetImport, import_fet
from scheduler.io.fet.report import ImportReport
from scheduler.io.fet.timetable import read_fet_timetable
from scheduler.io.fet.writer import ExportReport, export_fet

__all__ = [
    "ExportReport",
    "FetImport",
    "ImportReport",
    "export_fet",
    "import_fet",
    "read_fet_timetable",
]
