"""FET (.fet) files: import a school, read FET's timetables, export a timetable back."""

from __future__ import annotations

from scheduler.io.fet.reader import FetImport, import_fet
from scheduler.io.fet.report import ImportReport

__all__ = ["FetImport", "ImportReport", "import_fet"]
