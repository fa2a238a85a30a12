"""Excel workbooks: the printable timetable export."""

from __future__ import annotations

from scheduler.io.xlsx.timetable import build_workbook, export_timetable

__all__ = ["build_workbook", "export_timetable"]
