"""Save and reopen through the UI, the unsaved-changes prompt, failed saves, crash recovery."""

from __future__ import annotations

import pytest

from scheduler.io.project_file import load_project, save_project
from scheduler.model import Project
from scheduler.ui.files import Files
from tests.ui.conftest import Answers


@pytest.fixture
def window(window):
    window.files.dialogs = Answers(unsaved_answer="cancel")
    return window


def rename_school(doc, name: str) -> None:
    doc.replace_data(doc.data.model_copy(update={"name": name}), "Rename")


def test_save_as_and_reopen(window, doc, tmp_path):
    answers = window.files.dialogs
    rename_school(doc, "Hillside")
    assert window.isWindowModified()
    answers.path = tmp_path / "hillside"  # the suffix is added
    assert window.files.save_as()
    saved = tmp_path / "hillside.flexday"
    assert load_project(saved).scenario().data.name == "Hillside"
    assert not doc.modified and not window.isWindowModified()
    assert window.windowTitle() == "hillside.flexday[*] — Flexday"
    assert window.files.recent() == [saved.resolve()]

    assert window.files.new()
    assert doc.data.name == "New school"
    assert window.files.open(saved)
    assert doc.data.name == "Hillside" and doc.path == saved


def test_unsaved_prompt_cancel_keeps_everything(window, doc, tmp_path):
    answers = window.files.dialogs
    rename_school(doc, "Changed")
    answers.unsaved_answer = "cancel"
    assert not window.files.new()
    assert doc.data.name == "Changed"
    assert not window.close()
    answers.unsaved_answer = "discard"
    assert window.close()
    assert answers.asked == ["Untitled"] * 3


def test_unsaved_prompt_save_saves_first(window, doc, tmp_path):
    answers = window.files.dialogs
    rename_school(doc, "Keep me")
    answers.unsaved_answer, answers.path = "save", tmp_path / "kept.flexday"
    assert window.files.new()
    assert load_project(tmp_path / "kept.flexday").scenario().data.name == "Keep me"


def test_a_bad_file_leaves_the_project_and_says_why(window, doc, tmp_path):
    bad = tmp_path / "broken.flexday"
    bad.write_text('{"format": "flexday", "schema_version": 1, "project": {', encoding="utf-8")
    before = doc.project
    assert not window.files.open_path(bad)
    assert doc.project is before
    assert "ends too early" in window.files.dialogs.errors[0]


def test_a_failed_save_leaves_the_file_untouched(window, doc, tmp_path, monkeypatch):
    target = tmp_path / "school.flexday"
    save_project(Project.of(doc.data), target)
    original = target.read_bytes()
    window.files.open_path(target)
    rename_school(doc, "Never written")

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("scheduler.io.project_file.atomic_write", disk_full)
    assert not window.files.save()
    assert target.read_bytes() == original
    assert doc.modified and doc.data.name == "Never written"
    assert "No space left on device" in window.files.dialogs.errors[0]


def test_crash_recovery_offers_the_autosaved_copy(qtbot, doc, tmp_path):
    files = Files(doc, window_parent(qtbot))
    rename_school(doc, "Unsaved work")
    files.autosave()
    assert files.recovery_file.exists()
    # Pretend the session that wrote it is gone, as after a crash.
    meta = files.recovery_file.with_suffix(".json")
    meta.write_text(meta.read_text().replace(f'"pid": {__import__("os").getpid()}', '"pid": 0'))

    from scheduler.ui.document import Document

    fresh = Document()
    later = Files(fresh, window_parent(qtbot))
    later.dialogs = Answers()
    assert later.offer_recovery()
    assert fresh.data.name == "Unsaved work"
    assert fresh.modified  # recovered work still has to be saved
    assert not files.recovery_file.exists()
    assert not later.offer_recovery()


def test_autosave_without_changes_removes_the_copy(doc, qtbot):
    files = Files(doc, window_parent(qtbot))
    rename_school(doc, "x")
    files.autosave()
    doc.undo_stack.undo()
    files.autosave()
    assert not files.recovery_file.exists()


def test_export_needs_a_timetable(window):
    assert not window.files.export_excel()
    assert "no timetable" in window.files.dialogs.errors[0]


def window_parent(qtbot):
    from PySide6.QtWidgets import QWidget

    w = QWidget()
    qtbot.addWidget(w)
    return w


def test_a_project_open_in_another_window_warns(qtbot, doc, tmp_path):
    from scheduler.io.lock import lock_path, read_lock
    from scheduler.ui.document import Document

    path = tmp_path / "shared.flexday"
    save_project(Project.of(doc.data), path)
    parents = [window_parent(qtbot), window_parent(qtbot)]  # kept referenced
    first = Files(Document(), parents[0])
    first.dialogs = Answers()
    assert first.open_path(path)
    assert read_lock(path).token == first.locks.lock.token

    second_doc = Document()
    second = Files(second_doc, parents[1])
    second.dialogs = Answers()
    second.dialogs.locked_answer = False
    assert not second.open_path(second_doc.path or path)
    assert "shared.flexday is open in another Flexday window" in second.dialogs.asked[0]
    assert second_doc.path is None  # nothing opened

    second.dialogs.locked_answer = True  # open anyway: the lock is now the second's
    assert second.open_path(path)
    assert read_lock(path).token == second.locks.lock.token
    first.locks.release()  # the first lets go without removing the second's lock
    assert read_lock(path) is not None
    second.locks.release()
    assert not lock_path(path).exists()


def test_closing_the_window_releases_the_lock(window, tmp_path):
    from scheduler.io.lock import lock_path

    path = tmp_path / "mine.flexday"
    window.files.dialogs.path = path
    assert window.files.save_as()
    assert lock_path(path).exists()
    assert window.close()
    assert not lock_path(path).exists()
