"""File > Export to Excel runs in a worker process: the window keeps going, the status bar shows
the work and then offers the file; a failure says why and leaves the file on disk alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from scheduler.model import Placement, Project, Scenario, Solution
from scheduler.ui.document import Document
from scheduler.ui.export_job import ExportFailed, ExportRequest, export_job
from tests.ui.conftest import Answers

SOLUTION = Solution(
    placements=(
        Placement(activity="MA-7A", meeting=0, day="Mon", slot="P1", room="R1"),
        Placement(activity="MA-7A", meeting=1, day="Wed", slot="P1", room="R1"),
        Placement(activity="FR-7", meeting=0, day="Tue", slot="P1", room="LAB"),
    )
)


@pytest.fixture
def window(qtbot, school):
    from scheduler.ui.main_window import MainWindow

    project = Project(scenarios=(Scenario(name="Main", data=school, solution=SOLUTION),))
    win = MainWindow(Document(project))
    qtbot.addWidget(win)
    win.files.dialogs = Answers()
    win.show()
    return win


def test_export_runs_off_the_ui_thread_and_offers_the_file(window, qtbot, tmp_path):
    excel = window.files.excel
    window.files.dialogs.path = tmp_path / "week"  # the suffix is added
    ticks = []
    with qtbot.waitSignal(excel.done, timeout=60_000) as done:
        assert window.files.export_excel()
        assert excel.busy and excel.status.bar.isVisible()
        assert excel.status.cancel_button.isVisible()
        assert not window.files.export_excel()  # one export at a time
        qtbot.waitUntil(lambda: ticks.append(1) or len(ticks) > 3, timeout=5_000)  # UI alive
    written = tmp_path / "week.xlsx"
    assert done.args == [written]
    assert "Summary" in load_workbook(written, read_only=True).sheetnames
    status = excel.status
    assert not status.bar.isVisible() and status.open_file.isVisible()
    assert status.label.text() == "Exported week.xlsx"
    assert str(written) in window.statusBar().currentMessage()
    opened = []
    excel.opener = opened.append
    status.open_file.click()
    status.open_folder.click()
    assert [Path(u.toLocalFile()) for u in opened] == [written, tmp_path]


def test_a_failed_export_says_why_and_keeps_the_old_file(window, qtbot, tmp_path):
    target = tmp_path / "gone" / "week.xlsx"  # its folder does not exist
    window.files.dialogs.path = target
    with qtbot.waitSignal(window.files.excel.done, timeout=60_000) as done:
        assert window.files.export_excel()
    assert done.args == [None]
    (error,) = window.files.dialogs.errors
    assert error.startswith("Cannot export the timetable") and "does not exist" in error
    assert "not changed" in error
    assert not window.files.excel.status.isVisible()


def test_cancel_stops_the_worker_and_writes_nothing(window, qtbot, tmp_path):
    old = tmp_path / "week.xlsx"
    old.write_bytes(b"the old workbook")
    window.files.dialogs.path = old
    with qtbot.waitSignal(window.files.excel.done, timeout=10_000) as done:
        assert window.files.export_excel()
        window.files.excel.status.cancel_button.click()
    assert done.args == [None]
    assert "cancelled" in window.statusBar().currentMessage()
    assert old.read_bytes() == b"the old workbook"
    qtbot.waitUntil(lambda: sorted(p.name for p in tmp_path.iterdir()) == [old.name], timeout=5000)


def test_the_job_answers_a_bad_folder_with_a_message(school, tmp_path):
    request = ExportRequest(
        school.model_dump_json(), SOLUTION.model_dump_json(), str(tmp_path / "no" / "x.xlsx")
    )
    result = export_job(request, lambda _v: None, None)
    assert isinstance(result, ExportFailed) and "does not exist" in result.message
