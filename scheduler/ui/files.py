"""Files: new, open, save, recent files, Excel export and changes, FET import, crash recovery.

A failed open or save leaves the project on screen and the file on disk as they were, and says
why in plain words. While there are unsaved changes, a copy is written every few minutes to a
recovery file in the user's data folder; it is removed on a clean exit, so finding one at start
means the app did not close properly and its work can be offered back.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import json
import os
import uuid
from datetime import datetime
from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from scheduler.io.atomic import write_bytes
from scheduler.io.errors import FileFormatError
from scheduler.io.process import pid_alive
from scheduler.io.project_file import SUFFIX, load_project, project_from_bytes, project_to_bytes
from scheduler.model import Project, SchoolData
from scheduler.ui.document import Document, empty_project
from scheduler.ui.excel_export import ExcelExport
from scheduler.ui.file_lock import LockKeeper

AUTOSAVE_MS = 3 * 60 * 1000
MAX_RECENT = 8
PROJECT_FILTER = "Flexday projects (*.flexday)"


def data_dir() -> Path:
    return Path(os.environ.get("FLEXDAY_DATA_DIR") or platformdirs.user_data_dir("Flexday"))


def recovery_dir() -> Path:
    return data_dir() / "recovery"


def fet_importer():
    """``scheduler.io.fet.import_fet`` once that module exists, else None."""
    try:
        if importlib.util.find_spec("scheduler.io.fet") is None:
            return None
        return getattr(importlib.import_module("scheduler.io.fet"), "import_fet", None)
    except ImportError:
        return None


class Dialogs:
    """The questions files ask; tests replace them with answers."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def open_path(self, caption: str, filter: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, caption, "", filter)
        return Path(path) if path else None

    def save_path(self, caption: str, suggested: str, filter: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, caption, suggested, filter)
        return Path(path) if path else None

    def unsaved(self, title: str) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to {title}?")
        box.setInformativeText("Your changes will be lost if you don't save them.")
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        answer = box.exec()
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def recover(self, text: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            "Recover unsaved work",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def review_changes(self, review, name: str, taken: set[str]) -> str | None:
        from scheduler.ui.views.changes import ask_changes

        return ask_changes(review, name, taken, self.parent)

    def locked(self, text: str) -> bool:
        """Another Flexday has the project open: go ahead anyway?"""
        box = QMessageBox(QMessageBox.Icon.Warning, "Project already open", text)
        box.setParent(self.parent, box.windowFlags())
        go = box.addButton("Continue Anyway", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go


class Files(QObject):
    recentChanged = Signal()

    def __init__(self, doc: Document, parent: QWidget) -> None:
        super().__init__(parent)
        self.doc = doc
        self.dialogs = Dialogs(parent)
        # Unique per session, not only per pid: after a reboot a new session can get the pid of
        # the one that crashed, and must not overwrite (or delete) its copy.
        session = f"session-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.recovery_file = recovery_dir() / f"{session}{SUFFIX}"
        self.timer = QTimer(self, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self.locks = LockKeeper(self)
        self.excel = ExcelExport(
            doc.message.emit, lambda title, text: self.dialogs.error(title, text), self
        )

    # -- open and new ---------------------------------------------------------------------------
    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self.doc.load(empty_project(), None)
        self.locks.release()
        self.doc.message.emit("New project: start with the calendar, then teachers and rooms.")
        return True

    def open(self, path: Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        path = path or self.dialogs.open_path("Open project", PROJECT_FILTER)
        return self.open_path(path) if path else False

    def open_path(self, path: Path) -> bool:
        try:
            project = load_project(path)
        except FileFormatError as exc:
            self.dialogs.error("Cannot open the project", f"{exc}\n\nNothing was changed.")
            self.forget_recent(path)
            return False
        if not self.locks.claim(Path(path), self.dialogs.locked, action="open it anyway"):
            return False
        self.doc.load(project, Path(path))
        self.add_recent(Path(path))
        self.doc.message.emit(f"Opened {Path(path).name}")
        return True

    # -- save -----------------------------------------------------------------------------------
    def save(self) -> bool:
        return self.write(self.doc.path) if self.doc.path else self.save_as()

    def save_as(self) -> bool:
        suggested = str(self.doc.path or Path.home() / f"{self.doc.data.name}{SUFFIX}")
        path = self.dialogs.save_path("Save project as", suggested, PROJECT_FILTER)
        if not path:
            return False
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self.write(path)

    def write(self, path: Path) -> bool:
        from scheduler.io.project_file import save_project

        if not self.locks.claim(path, self.dialogs.locked, action="save over it anyway"):
            return False
        try:
            save_project(self.doc.project_to_save(), path)
        except FileFormatError as exc:
            self.dialogs.error("Cannot save the project", str(exc))
            return False
        self.doc.mark_saved(path)
        self.add_recent(path)
        self.discard_recovery()
        self.doc.message.emit(f"Saved {path.name}")
        return True

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False when the user cancels (or the save fails)."""
        if not self.doc.modified:
            return True
        answer = self.dialogs.unsaved(self.doc.title)
        if answer == "save":
            return self.save()
        return answer == "discard"

    # -- export and import ----------------------------------------------------------------------
    def export_excel(self) -> bool:
        """Ask where, then export in a worker process (see ``excel_export``); True if started."""
        if self.excel.busy:
            self.doc.message.emit("An export is already running: wait for it or cancel it.")
            return False
        solution = self.doc.solution
        if solution is None:
            self.dialogs.error(
                "Nothing to export", "This scenario has no timetable yet: solve it first."
            )
            return False
        stem = self.doc.path.stem if self.doc.path else self.doc.data.name
        suggested = str((self.doc.path.parent if self.doc.path else Path.home()) / f"{stem}.xlsx")
        path = self.dialogs.save_path("Export timetable", suggested, "Excel workbooks (*.xlsx)")
        if not path:
            return False
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self.excel.start(self.doc.data, solution, path, self.doc.scenario_name)
        return True

    def import_changes(self) -> bool:
        """Read a changed Meetings sheet, show the differences and the checker's verdict, and
        add them as a new scenario only when the user confirms; the current one is untouched."""
        path = self.dialogs.open_path("Import timetable changes", "Excel workbooks (*.xlsx)")
        if not path:
            return False
        from scheduler.solver.import_changes import (
            new_scenario_name,
            review_changes,
            save_as_scenario,
        )

        project, scenario = self.doc.project, self.doc.scenario_name
        try:
            review = review_changes(project, scenario, path)
        except (FileFormatError, OSError) as exc:
            self.dialogs.error(
                "Cannot read the timetable changes", f"{exc}\n\nNothing was changed."
            )
            return False
        taken = {s.name for s in project.scenarios}
        name = self.dialogs.review_changes(review, new_scenario_name(project, scenario), taken)
        if not name or not review.accepted:
            return False
        self.doc.replace_project(
            save_as_scenario(project, review, name), f"Import changes from {path.name}", show=name
        )
        self.doc.message.emit(f"Saved the changes from {path.name} as scenario {name!r}")
        return True

    def import_fet(self) -> bool:
        importer = fet_importer()
        if importer is None or not self.maybe_save():
            return False
        path = self.dialogs.open_path("Import a FET file", "FET files (*.fet)")
        if not path:
            return False
        try:
            result = importer(path)
        except (FileFormatError, ValueError, OSError) as exc:
            self.dialogs.error("Cannot import the FET file", f"{exc}\n\nNothing was changed.")
            return False
        project = getattr(result, "project", result)
        if isinstance(project, SchoolData):
            project = Project.of(project)
        if not isinstance(project, Project):
            self.dialogs.error("Cannot import the FET file", "The importer returned no project.")
            return False
        self.doc.load(project, None)
        self.locks.release()
        self.doc.undo_stack.resetClean()  # an import is unsaved work
        self.doc.message.emit(f"Imported {path.name}; save it as a Flexday project to keep it.")
        return True

    # -- recent files ---------------------------------------------------------------------------
    def recent(self) -> list[Path]:
        paths = QSettings().value("files/recent", [], type=list) or []
        return [Path(p) for p in paths]

    def add_recent(self, path: Path) -> None:
        path = path.resolve()
        paths = [str(path)] + [str(p) for p in self.recent() if p != path]
        QSettings().setValue("files/recent", paths[:MAX_RECENT])
        self.recentChanged.emit()

    def forget_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        QSettings().setValue("files/recent", [str(p) for p in self.recent() if p != path])
        self.recentChanged.emit()

    def clear_recent(self) -> None:
        QSettings().setValue("files/recent", [])
        self.recentChanged.emit()

    # -- crash recovery -------------------------------------------------------------------------
    def autosave(self) -> None:
        if not self.doc.modified:
            self.discard_recovery()
            return
        meta = {
            "pid": os.getpid(),
            "original": str(self.doc.path) if self.doc.path else None,
            "saved": datetime.now().isoformat(timespec="seconds"),
        }
        try:
            self.recovery_file.parent.mkdir(parents=True, exist_ok=True)
            # The note first: a copy is never left without one naming its original file.
            write_bytes(self.recovery_file.with_suffix(".json"), json.dumps(meta).encode())
            write_bytes(self.recovery_file, project_to_bytes(self.doc.project_to_save()))
        except OSError as exc:
            self.doc.message.emit(f"Could not write the recovery copy ({exc.strerror or exc})")

    def discard_recovery(self) -> None:
        for p in (self.recovery_file, self.recovery_file.with_suffix(".json")):
            p.unlink(missing_ok=True)

    def left_behind(self) -> list[tuple[Path, dict]]:
        """Recovery files of sessions that are no longer running, newest first."""
        found = []
        for project_file in recovery_dir().glob(f"session-*{SUFFIX}"):
            try:
                meta = json.loads(project_file.with_suffix(".json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                meta = {}  # a copy without its note is still work to offer
            if not isinstance(meta, dict):
                meta = {}
            if not isinstance(meta.get("original"), str):
                meta["original"] = None
            if not isinstance(meta.get("saved"), str):
                with contextlib.suppress(OSError):
                    stamp = datetime.fromtimestamp(project_file.stat().st_mtime)
                    meta["saved"] = stamp.isoformat(timespec="seconds")
            if "pid" not in meta:
                number = project_file.stem.split("-")[1] if "-" in project_file.stem else ""
                meta["pid"] = int(number) if number.isdigit() else 0
            if project_file == self.recovery_file or pid_alive(meta["pid"]):
                continue
            found.append((project_file, meta))
        return sorted(found, key=lambda f: f[1].get("saved", ""), reverse=True)

    def offer_recovery(self) -> bool:
        """After a crash, offer the newest recovery copy; True when one was opened."""
        found = self.left_behind()
        if not found:
            return False
        project_file, meta = found[0]
        original = Path(meta["original"]).name if meta.get("original") else "an unsaved project"
        when = meta.get("saved", "").replace("T", " at ")
        opened = False
        text = (
            f"Flexday did not close properly last time. Recover the unsaved changes to {original}"
            f" (copy from {when})?"
        )
        if self.dialogs.recover(text):
            try:
                project = project_from_bytes(project_file.read_bytes(), path=project_file)
            except (FileFormatError, OSError) as exc:
                self.dialogs.error("Cannot recover", str(exc))
            else:
                original_path = Path(meta["original"]) if meta.get("original") else None
                self.doc.load(project, original_path)
                self.doc.undo_stack.resetClean()  # recovered work is not saved yet
                self.doc.message.emit("Recovered unsaved changes: save them to keep them.")
                opened = True
        # Only the copy offered goes; another crashed session's copy is offered next time.
        project_file.unlink(missing_ok=True)
        project_file.with_suffix(".json").unlink(missing_ok=True)
        return opened
