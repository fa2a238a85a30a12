"""File > Import spreadsheet… and File > Export data…: school data in the template's format.

Both run off the UI thread. An import replaces the open project only when the whole workbook is
clean; otherwise a dialog lists every problem with its sheet, row and column, and the project on
screen stays exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from scheduler.io.sheets import SheetImport
from scheduler.model import Project
from scheduler.ui.document import Document
from scheduler.ui.sheet_jobs import Exported, ImportFailed, export_job, import_job
from scheduler.ui.tasks import TaskRunner

SHEET_FILTER = (
    "Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files, one per sheet (*.csv)"
)


class ProblemsDialog(QDialog):
    """Every problem of a failed import, in a list the user can read, scroll and copy."""

    def __init__(self, source: str, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Cannot import the spreadsheet")
        self.resize(720, 420)
        n = len(problems)
        heading = QLabel(
            f"<b>{source}</b> has {n} problem{'s' * (n != 1)}. Nothing was imported and the "
            "open project is unchanged.<br>Fix these cells in the spreadsheet, save it, and "
            "import it again."
        )
        heading.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(problems))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("Copy list")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class SheetDialogs:
    """The questions these actions ask; tests replace them with answers."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def open_paths(self) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent, "Import school data from a spreadsheet", "", SHEET_FILTER
        )
        return [Path(p) for p in paths]

    def save_path(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent, "Export school data", suggested, "Excel workbooks (*.xlsx)"
        )
        return Path(path) if path else None

    def problems(self, source: str, problems: list[str]) -> None:
        ProblemsDialog(source, problems, self.parent).exec()


class SheetFiles(QObject):
    """The import and export actions over one document; ``done`` fires when a job has ended."""

    done = Signal()

    def __init__(self, doc: Document, files, parent: QWidget) -> None:
        super().__init__(parent)
        self.doc = doc
        self.files = files
        self.dialogs = SheetDialogs(parent)
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self._edits = 0

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def import_spreadsheet(self) -> bool:
        if self.busy or not self.files.maybe_save():
            return False
        paths = self.dialogs.open_paths()
        if not paths:
            return False
        self.doc.message.emit(f"Importing {paths[0].name}…")
        self._edits = self.doc.undo_stack.index()
        self.runner.start("import", import_job, paths, process=False)
        return True

    def export_data(self) -> bool:
        if self.busy:
            return False
        stem = self.doc.path.stem if self.doc.path else self.doc.data.name
        folder = self.doc.path.parent if self.doc.path else Path.home()
        path = self.dialogs.save_path(str(folder / f"{stem}-data.xlsx"))
        if not path:
            return False
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self.doc.message.emit(f"Exporting the school data to {path.name}…")
        self.runner.start("export", export_job, (self.doc.data, path), process=False)
        return True

    def _finished(self, result) -> None:
        if isinstance(result, ImportFailed):
            self.doc.message.emit("Import stopped: nothing was changed.")
            self.dialogs.problems(result.source, result.problems)
        elif isinstance(result, SheetImport):
            if self.doc.undo_stack.index() != self._edits and not self.files.maybe_save():
                self.doc.message.emit("Import not applied: the project was edited meanwhile.")
                self.done.emit()
                return
            self.doc.load(Project.of(result.data), None)
            self.doc.undo_stack.resetClean()  # an import is unsaved work
            notes = [f"{len(result.checks)} thing(s) to fix before solving"] * bool(result.checks)
            if result.warnings:
                more = f" (+{len(result.warnings) - 1} more)" if len(result.warnings) > 1 else ""
                notes.append(f"ignored {result.warnings[0]}{more}")
            extra = f" ({'; '.join(notes)})" if notes else ""
            self.doc.message.emit(f"Imported {result.data.name}{extra}. Save it to keep it.")
        elif isinstance(result, Exported):
            self.doc.message.emit(f"Exported the school data to {result.paths[0].name}")
        self.done.emit()

    def _failed(self, text: str) -> None:
        self.dialogs.problems("The spreadsheet job", [text])
        self.done.emit()
