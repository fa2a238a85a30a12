"""The timetable's Excel export, run in a worker process with its state in the status bar.

A large school takes tens of seconds to check and write; meanwhile the window stays usable and the
status bar shows a busy bar with Cancel. When the workbook is written, the status bar offers to
open it or its folder; when it cannot be written, a dialog says why (the file on disk is untouched:
the writer replaces it only once the new workbook is complete).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from scheduler.model import SchoolData, Solution
from scheduler.ui.export_job import (
    ExportCancelled,
    ExportDone,
    ExportFailed,
    ExportRequest,
    export_job,
)
from scheduler.ui.tasks import TaskRunner

UNTOUCHED = "The file on disk was not changed."


class ExportStatus(QWidget):
    """Status-bar part: a busy bar and Cancel while exporting; Open file / Open folder after."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: the writer reports no fraction
        self.bar.setFixedWidth(110)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(text="Cancel", autoRaise=True)
        self.open_file = QToolButton(text="Open file", autoRaise=True)
        self.open_folder = QToolButton(text="Open folder", autoRaise=True)
        self.close_button = QToolButton(text="✕", autoRaise=True, toolTip="Hide")
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.label, self.bar, self.cancel_button, self.open_file, self.open_folder,
                  self.close_button):  # fmt: skip
            row.addWidget(w)
        self.hide()

    def show_busy(self, name: str) -> None:
        self.label.setText(f"Exporting {name}…")
        self.label.setToolTip("")
        self._show(busy=True)

    def show_done(self, path: Path) -> None:
        self.label.setText(f"Exported {path.name}")
        self.label.setToolTip(str(path))
        self._show(busy=False)

    def _show(self, *, busy: bool) -> None:
        self.bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        for w in (self.open_file, self.open_folder, self.close_button):
            w.setVisible(not busy)
        self.show()


class ExcelExport(QObject):
    """Exports one timetable at a time; ``done`` carries the path written, or None."""

    done = Signal(object)

    def __init__(
        self, message: Callable[[str], None], error: Callable[[str, str], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.message, self.error = message, error
        self.status = ExportStatus()
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)
        self.status.cancel_button.clicked.connect(self.runner.cancel)
        self.status.open_file.clicked.connect(lambda: self._open(self._path))
        self.status.open_folder.clicked.connect(lambda: self._open(self._path.parent))
        self._path = Path()
        self.opener: Callable[[QUrl], object] = QDesktopServices.openUrl
        """Opens a file or folder with the desktop's application; tests replace it."""

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def start(self, data: SchoolData, solution: Solution, path: Path, scenario: str) -> None:
        self._path = path
        request = ExportRequest(
            data.model_dump_json(), solution.model_dump_json(), str(path), scenario
        )
        self.runner.start("export", export_job, request)
        self.status.show_busy(path.name)  # the status bar's own part says it; no second message

    def shutdown(self) -> None:
        self.runner.shutdown()

    def _finished(self, result) -> None:
        if isinstance(result, ExportDone):
            self.status.show_done(result.path)
            self.message(f"Exported the timetable to {result.path}")
            self.done.emit(result.path)
            return
        if isinstance(result, ExportCancelled):
            self._cancelled()
            return
        self.status.hide()
        text = result.message if isinstance(result, ExportFailed) else str(result)
        self.message("The export failed: nothing was written.")
        self.error("Cannot export the timetable", f"{text}\n\n{UNTOUCHED}")
        self.done.emit(None)

    def _failed(self, text: str) -> None:
        self.status.hide()
        self.message("The export failed: nothing was written.")
        self.error("Cannot export the timetable", f"{text}\n\n{UNTOUCHED}")
        self.done.emit(None)

    def _cancelled(self) -> None:
        self.status.hide()
        self.message(f"Export cancelled. {UNTOUCHED}")
        self.done.emit(None)

    def _open(self, target: Path) -> None:
        self.opener(QUrl.fromLocalFile(str(target)))
