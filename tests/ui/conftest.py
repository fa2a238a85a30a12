"""UI fixtures: a document over the small school, and app settings kept out of the user's."""

from __future__ import annotations

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
