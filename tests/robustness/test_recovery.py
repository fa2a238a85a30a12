"""After the app is killed, reopening offers its work, complete up to the last autosave."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from scheduler.io.project_file import load_project, project_to_bytes
from scheduler.model import Project

ROOT = Path(__file__).resolve().parents[2]
pytest.importorskip("PySide6")


@pytest.fixture
def app_dirs(tmp_path, monkeypatch, qapp):
    """This process's app settings and data folder, apart from the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    monkeypatch.setenv("FLEXDAY_DATA_DIR", str(tmp_path / "data"))
    qapp.setOrganizationName("FlexdayTests")
    qapp.setApplicationName("FlexdayTests")
    QSettings().clear()
    return tmp_path


def new_window(qtbot):
    from scheduler.ui.main_window import MainWindow
    from tests.ui.conftest import Answers

    window = MainWindow()
    qtbot.addWidget(window)
    window.files.dialogs = Answers()
    return window


def run_app_until_killed(project: Path, edits: int, folder: Path) -> list[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "FLEXDAY_DATA_DIR": str(folder / "data"),
        "FLEXDAY_SETTINGS_DIR": str(folder / "child-ini"),
        "FLEXDAY_LOG_DIR": str(folder / "logs"),
    }
    args = [sys.executable, "-m", "tests.robustness.crash_app", str(project), str(edits)]
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    lines: list[str] = []

    def read() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            lines.append(line.strip())
            if line.strip() == "edited":
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=120)
    os.kill(proc.pid, signal.SIGKILL)  # the crash
    proc.wait(timeout=30)
    assert lines[-1:] == ["edited"], f"the app did not get as far as expected: {lines}"
    return lines


def test_a_killed_app_offers_its_work_up_to_the_last_autosave(qtbot, app_dirs):
    project = app_dirs / "school.flexday"
    shutil.copy(ROOT / "samples" / "tiny.flexday", project)
    original = project.read_bytes()

    lines = run_app_until_killed(project, 3, app_dirs)
    assert lines == ["autosaved 1", "autosaved 2", "autosaved 3", "edited"]
    assert project.read_bytes() == original  # the crash did not touch the project file

    window = new_window(qtbot)
    window.open_at_start(None)
    doc, answers = window.doc, window.files.dialogs
    assert answers.asked and "school.flexday" in answers.asked[0]
    assert doc.data.name == "edit 3"  # everything up to the last autosave, nothing after
    assert doc.path == project and doc.modified  # still to be saved, over the original
    assert not list((app_dirs / "data" / "recovery").glob("*.flexday"))

    assert window.files.save()  # the dead app's lock is stale: no question asked
    assert len(answers.asked) == 1
    assert load_project(project).scenario().data.name == "edit 3"


def write_copy(folder: Path, session: str, name: str, meta: dict | None) -> None:
    from tests.conftest import small_school

    folder.mkdir(parents=True, exist_ok=True)
    data = small_school().model_copy(update={"name": name})
    (folder / f"{session}.flexday").write_bytes(project_to_bytes(Project.of(data)))
    if meta is not None:
        (folder / f"{session}.json").write_text(json.dumps(meta), encoding="utf-8")


def test_a_copy_without_its_note_is_still_offered(qtbot, app_dirs):
    """Killed between writing the copy and its note (or the note lost): the work is not."""
    write_copy(app_dirs / "data" / "recovery", "session-999999999-abcd1234", "Lonely", None)
    window = new_window(qtbot)
    assert window.files.offer_recovery()
    assert window.doc.data.name == "Lonely" and window.doc.path is None


def test_two_crashed_sessions_are_offered_one_after_the_other(qtbot, app_dirs):
    folder = app_dirs / "data" / "recovery"
    write_copy(folder, "session-1-aaaa", "Older", {"pid": 0, "saved": "2026-01-01T10:00:00"})
    write_copy(folder, "session-2-bbbb", "Newer", {"pid": 0, "saved": "2026-01-02T10:00:00"})
    first = new_window(qtbot)
    assert first.files.offer_recovery() and first.doc.data.name == "Newer"
    second = new_window(qtbot)
    assert second.files.offer_recovery() and second.doc.data.name == "Older"
    assert not new_window(qtbot).files.offer_recovery()


def test_a_new_session_with_a_crashed_sessions_pid_keeps_its_copy(qtbot, app_dirs):
    """After a reboot pids repeat: the new session must neither skip nor overwrite the copy."""
    folder = app_dirs / "data" / "recovery"
    write_copy(folder, f"session-{os.getpid()}", "Before the reboot", {"pid": 0})
    window = new_window(qtbot)
    assert window.files.recovery_file.name != f"session-{os.getpid()}.flexday"
    window.doc.replace_data(window.doc.data.model_copy(update={"name": "x"}), "Rename")
    window.files.autosave()
    window.files.discard_recovery()
    assert (folder / f"session-{os.getpid()}.flexday").exists()
    assert window.files.offer_recovery()
    assert window.doc.data.name == "Before the reboot"


def test_a_damaged_note_does_not_stop_the_offer(qtbot, app_dirs):
    folder = app_dirs / "data" / "recovery"
    write_copy(folder, "session-5-cccc", "Noted", {"pid": 0, "original": 7, "saved": ["x"]})
    window = new_window(qtbot)
    assert window.files.offer_recovery() and window.doc.data.name == "Noted"
