"""The solve panel and the task runner: a real solve of the tiny sample in a worker process,
progress on the UI thread, cancel within a second, a result applied on request."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from scheduler.io.project_file import load_project
from scheduler.model import Solution
from scheduler.solver.check import check
from scheduler.ui import jobs
from scheduler.ui.tasks import TaskRunner
from scheduler.ui.views.solve_panel import SolvePanel
from scheduler.ui.widgets.duration import format_duration, parse_duration

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tiny():
    return load_project(ROOT / "samples" / "tiny.flexday").scenario().data


@pytest.fixture
def panel(qtbot, tiny):
    widget = SolvePanel()
    qtbot.addWidget(widget)
    widget.set_data(tiny)
    widget.limit.setValue(20)
    yield widget
    widget.shutdown()


# Jobs for the runner tests; module level, so a worker process can import them.
def counting_job(payload, report, cancel):
    for i in range(payload):
        report(i)
    return "done"


def stubborn_job(payload, report, cancel):
    report("started")
    time.sleep(payload)  # never looks at cancel
    return "too late"


def polite_job(payload, report, cancel):
    report("started")
    cancel.wait(payload)
    return "stopped" if cancel.is_set() else "finished"


def broken_job(payload, report, cancel):
    raise ValueError("no such teacher: T9")


def test_solving_the_tiny_school_shows_progress_then_a_result_to_apply(qtbot, panel, tiny):
    seen = []
    panel.runner.progress.connect(seen.append)
    with qtbot.waitSignal(panel.runner.finished, timeout=60_000) as done:
        qtbot.mouseClick(panel.solve_button, Qt.MouseButton.LeftButton)
        assert panel.busy and not panel.solve_button.isEnabled() and panel.cancel_button.isEnabled()
    outcome = done.args[0]
    assert seen and all(isinstance(p, jobs.SolveProgress) for p in seen)
    assert outcome.status == "optimal" and outcome.solution is not None
    assert outcome.report.hard_violations == 0
    assert check(tiny, outcome.solution).hard_violations == 0
    assert "proven the best" in panel.summary.headline.text()
    assert "none broken" in panel.summary.details.text()
    assert "Requests met: —" in panel.summary.details.text()  # the tiny school has none
    assert panel.figures["solutions"].value.text() == str(seen[-1].solutions)
    assert panel.chart.points("penalty")
    assert panel.solve_button.isEnabled() and not panel.cancel_button.isEnabled()
    with qtbot.waitSignal(panel.resultReady) as applied:
        panel.apply_button.click()
    assert applied.args[0] is outcome
    assert not panel.apply_button.isEnabled()
    panel.set_data(tiny.model_copy(update={"name": "Sectioned"}), outcome.solution)  # the window
    assert not panel.apply_button.isEnabled() and "Applied" in panel.applied_note.text()
    assert panel.from_current.isEnabled()
    assert int(QSettings().value("solve/time_limit_s")) == 20  # remembered for next time


def test_cancel_takes_effect_within_a_second(qtbot, panel):
    # a school that takes minutes, so the cancel always lands mid-search
    panel.set_data(load_project(ROOT / "samples" / "riverside-high.flexday").scenario().data)
    panel.limit.setValue(600)
    panel.start()
    qtbot.wait(200)
    asked = time.monotonic()
    panel.cancel_button.click()
    assert not panel.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.busy, timeout=1500)
    assert time.monotonic() - asked < 1.0
    assert panel.solve_button.isEnabled()
    assert "nothing was changed" in panel.status.text() or "Stopped" in (
        panel.summary.headline.text()
    )


def test_a_result_for_a_school_that_changed_since_cannot_be_applied(qtbot, panel, tiny):
    with qtbot.waitSignal(panel.runner.finished, timeout=60_000):
        panel.start()
    assert panel.apply_button.isEnabled()
    panel.set_data(tiny.model_copy(update={"name": "Tiny School, edited"}))
    assert not panel.apply_button.isEnabled()
    assert "changed since" in panel.applied_note.text()


def test_the_summary_lists_soft_penalties_per_rule_and_reasons_without_a_timetable(qtbot):
    data = load_project(ROOT / "samples" / "riverside-high.flexday").scenario().data
    solution = Solution.model_validate_json(
        (ROOT / "tests" / "data" / "riverside-timetable.json").read_text(encoding="utf-8")
    )
    # Swap two lessons of one teacher's day into a worse order: soft rules now cost something.
    placements = list(solution.placements)
    placements[0] = placements[0].model_copy(update={"day": "FRI", "slot": "P7"})
    report = check(data, solution.model_copy(update={"placements": tuple(placements)}))
    outcome = jobs.SolveOutcome(
        status="feasible",
        solution=solution,
        objective=report.soft_penalty,
        best_bound=0.0,
        wall_s=3.0,
        time_to_first_solution_s=1.0,
        meetings=report.meetings,
        placed=report.placed,
        ignored={"ConstraintTeacherMaxHoursContinuously": 2},
        report=report,
    )
    panel = SolvePanel()
    qtbot.addWidget(panel)
    panel.summary.show_outcome(outcome)
    rows = {
        panel.summary.table.item(r, 0).text(): panel.summary.table.item(r, 1).text()
        for r in range(panel.summary.table.rowCount())
    }
    assert panel.summary.table.isVisibleTo(panel)
    assert rows, "the moved lesson breaks some rule"
    assert "ConstraintTeacherMaxHoursContinuously (2)" in panel.summary.details.text()

    nothing = jobs.SolveOutcome(
        status="infeasible",
        solution=None,
        objective=None,
        best_bound=None,
        wall_s=0.2,
        time_to_first_solution_s=None,
        meetings=10,
        placed=0,
        reasons=('activity "A" meeting 1 has no possible time',),
    )
    panel.summary.show_outcome(nothing)
    assert "cannot all hold" in panel.summary.headline.text()
    assert 'Activity "A" meeting 1 has no possible time.' in panel.summary.details.text()
    assert not panel.summary.table.isVisibleTo(panel)


@pytest.mark.parametrize("process", [False, True])
def test_the_runner_delivers_progress_and_results_in_order(qtbot, process):
    runner = TaskRunner()
    got = []
    runner.progress.connect(got.append)
    with qtbot.waitSignal(runner.finished, timeout=20_000) as done:
        runner.start("count", counting_job, 5, process=process)
    assert got == [0, 1, 2, 3, 4] and done.args == ["done"]
    assert not runner.busy


def test_a_job_that_ignores_cancel_is_stopped_within_a_second(qtbot):
    runner = TaskRunner()
    with qtbot.waitSignal(runner.progress, timeout=20_000):
        runner.start("stubborn", stubborn_job, 30)
    asked = time.monotonic()
    with qtbot.waitSignal(runner.cancelled, timeout=1500):
        runner.cancel()
    assert time.monotonic() - asked < 1.0 and not runner.busy


def test_a_job_that_listens_to_cancel_hands_back_its_result(qtbot):
    runner = TaskRunner()
    with qtbot.waitSignal(runner.progress, timeout=5000):
        runner.start("polite", polite_job, 30, process=False)
    with qtbot.waitSignal(runner.finished, timeout=1000) as done:
        runner.cancel()
    assert done.args == ["stopped"]


def test_a_failing_job_reports_its_error_in_words(qtbot):
    runner = TaskRunner()
    with qtbot.waitSignal(runner.failed, timeout=5000) as failed:
        runner.start("import", broken_job, None, process=False)
    assert failed.args == ["ValueError: no such teacher: T9"]


def test_starting_a_job_replaces_the_one_running(qtbot):
    runner = TaskRunner()
    finished = []
    runner.finished.connect(finished.append)
    runner.start("first", polite_job, 30, process=False)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start("second", counting_job, 2, process=False)
    qtbot.wait(100)
    assert finished == ["done"]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90", 90), ("45 s", 45), ("2 min", 120), ("1 min 30 s", 90), ("1:30", 90), ("1 h", 3600)],
)
def test_durations_read_as_people_write_them(text, seconds):
    assert parse_duration(text) == seconds
    assert parse_duration(format_duration(seconds)) == seconds


def test_the_time_limit_steps_sensibly(qtbot, panel):
    panel.limit.setValue(55)
    panel.limit.stepBy(1)
    assert panel.limit.value() == 60 and panel.limit.text() == "1 min"
    panel.limit.stepBy(1)
    assert panel.limit.value() == 90 and panel.limit.text() == "1 min 30 s"


def test_the_panel_says_what_it_is_ready_for(qtbot, tiny):
    panel = SolvePanel()
    qtbot.addWidget(panel)
    assert "Nothing to solve" in panel.status.text() and not panel.solve_button.isEnabled()
    panel.set_data(tiny)
    assert panel.status.text().startswith("Ready") and panel.solve_button.isEnabled()
    assert "Tiny School" in panel.school.text() and "6 activities" in panel.school.text()


def test_repair_beside_solve_changes_little_and_applies_like_a_solve(qtbot, panel):
    from scheduler.model import SlotRef

    project = load_project(ROOT / "samples" / "tiny.flexday").scenario()
    assert not panel.repair_button.isEnabled()  # nothing to repair without a timetable
    data = project.data
    wed = data.calendar.days[-1]
    away = tuple(SlotRef(day=wed.id, slot=s.id) for s in wed.slots if s.teaching)
    teachers = tuple(
        t.model_copy(update={"unavailable": away}) if t.id == "T1" else t for t in data.teachers
    )
    edited = data.model_copy(update={"teachers": teachers})
    panel.set_data(edited, project.solution)
    assert panel.repair_button.isEnabled()
    with qtbot.waitSignal(panel.runner.finished, timeout=60_000) as done:
        qtbot.mouseClick(panel.repair_button, Qt.MouseButton.LeftButton)
        assert panel.busy and not panel.repair_button.isEnabled()
    outcome = done.args[0]
    assert outcome.report.hard_violations == 0
    assert outcome.changes["meetings_moved"] >= 1
    assert check(edited, outcome.solution).hard_violations == 0
    assert "Repair:" in panel.status.text() and "moved" in panel.status.text()
    assert "Repair:" in panel.summary.details.text()
    assert panel.figures["gap"].value.text() == "—"  # the search's gap counted change costs
    with qtbot.waitSignal(panel.resultReady) as applied:
        panel.apply_button.click()
    assert applied.args[0] is outcome
