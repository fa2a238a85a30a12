"""UI fixtures: a document over the small school, and app settings kept out of the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.model import Project

pytest.importorskip("PySide6")


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch, qapp):
    """Recent files, window layout and recovery files go to a temporary folder in tests."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    monkeypatch.setenv("FLEXDAY_DATA_DIR", str(tmp_path / "data"))
    qapp.setOrganizationName("FlexdayTests")
    qapp.setApplicationName("FlexdayTests")
    QSettings().clear()


@pytest.fixture
def doc(qapp, school):
    from scheduler.ui.document import Document

    return Document(Project.of(school))


class Answers:
    """Stand-in for the file dialogs and questions."""

    def __init__(self, unsaved_answer: str = "discard") -> None:
        self.path: Path | None = None
        self.unsaved_answer = unsaved_answer
        self.recover_answer = True
        self.locked_answer = False
        self.errors: list[str] = []
        self.asked: list[str] = []

    def open_path(self, *_args) -> Path | None:
        return self.path

    def save_path(self, *_args) -> Path | None:
        return self.path

    def unsaved(self, title: str) -> str:
        self.asked.append(title)
        return self.unsaved_answer

    def recover(self, text: str) -> bool:
        self.asked.append(text)
        return self.recover_answer

    def error(self, title: str, text: str) -> None:
        self.errors.append(f"{title}: {text}")

    def locked(self, text: str) -> bool:
        self.asked.append(text)
        return self.locked_answer


@pytest.fixture
def window(qtbot, doc):
    """The main window over the small school; closing it never waits on a question."""
    from scheduler.ui.main_window import MainWindow

    win = MainWindow(doc)
    qtbot.addWidget(win)
    win.files.dialogs = Answers()
    return win
