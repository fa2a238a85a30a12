"""A solve stops when asked or when its time is up, even before CP-SAT starts; a solve that fails
(raises, or its worker process dies) is reported without touching the open project.

Latencies are measured by ``python -m benchmarks.solver_limits``, not asserted here.
"""

from __future__ import annotations

import pytest

from scheduler.solver.compile import compile_problem
from scheduler.solver.progress import CancelToken
from scheduler.solver.solve import SolveOptions, solve
from scheduler.solver.stages import timetable


@pytest.fixture
def no_cpsat(monkeypatch):
    """CP-SAT must not even start."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("CP-SAT was started")

    monkeypatch.setattr(timetable.cp_model.CpSolver, "solve", refuse)


def test_a_cancel_before_the_search_stops_the_model_build(school, no_cpsat):
    token = CancelToken()
    token.cancel()
    result = solve(school, SolveOptions(time_limit_s=30), cancel=token)
    assert result.solution is None and result.status == "unknown"
    assert result.reasons == ("the solve was cancelled before a timetable was found",)


def test_time_running_out_while_building_stops_the_model_build(school, no_cpsat):
    clock_values = iter([0.0, 0.5, *([100.0] * 1000)])  # time jumps while the rules are built
    result = timetable.solve_timetable(
        compile_problem(school),
        time_limit_s=10,
        clock=lambda: next(clock_values),
        ends_at=10,
    )
    assert result.starts is None and result.status == "unknown"
    assert result.reasons == ("the time limit ran out while the solver model was being built",)


def test_without_an_end_the_build_is_not_interrupted(school):
    result = timetable.solve_timetable(
        compile_problem(school), time_limit_s=10, clock=lambda: 0.0, workers=1
    )
    assert result.status in ("optimal", "feasible", "infeasible")  # CP-SAT ran and answered


# -- the app: a solve that fails leaves the project as it was -------------------------------------


@pytest.fixture
def window(qtbot, school, tmp_path, monkeypatch, qapp):
    from PySide6.QtCore import QSettings

    from scheduler.model import Project
    from scheduler.ui.document import Document
    from scheduler.ui.main_window import MainWindow
    from tests.ui.conftest import Answers

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    monkeypatch.setenv("FLEXDAY_DATA_DIR", str(tmp_path / "data"))
    win = MainWindow(Document(Project.of(school)))
    qtbot.addWidget(win)
    win.files.dialogs = Answers()
    return win


@pytest.mark.parametrize(
    ("job", "message"),
    [
        ("raising_job", "ZeroDivisionError: the solver divided by zero"),
        ("dying_job", "The solve stopped unexpectedly (exit code -9)."),
    ],
)
def test_a_failed_solve_is_reported_and_the_project_kept(qtbot, window, monkeypatch, job, message):
    from scheduler.ui import jobs
    from tests.robustness import failing_jobs

    monkeypatch.setattr(jobs, "solve_job", getattr(failing_jobs, job))
    doc = window.doc
    doc.replace_data(doc.data.model_copy(update={"name": "Edited, not saved"}), "Rename")
    before = doc.project
    panel = window.pages["Timetable"].solve_panel
    with qtbot.waitSignal(panel.runner.failed, timeout=60_000) as failed:
        panel.start()
    assert failed.args == [message]
    assert panel.status.text() == "The solve failed; nothing was changed."
    assert message in panel.summary.details.text()
    assert doc.project is before and doc.modified and doc.data.name == "Edited, not saved"
    assert not panel.busy  # ready for the next solve
