"""The solve screen: a time limit, Solve and Cancel, live figures and chart, then the result.

The solve runs in a worker process through ``TaskRunner``; this panel only shows what comes
back. Applying a result emits ``resultReady``; the window makes that one undoable step.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from scheduler.model import SchoolData, Solution
from scheduler.ui import jobs
from scheduler.ui.tasks import TaskRunner
from scheduler.ui.views.solve_summary import SolveSummary, changes_text
from scheduler.ui.widgets.duration import DurationSpinBox
from scheduler.ui.widgets.figures import FigureRow
from scheduler.ui.widgets.progress_chart import ProgressChart
from scheduler.ui.widgets.rule_text import plural

FIGURES = [
    ("elapsed", "Elapsed", "Time since Solve was pressed."),
    ("solutions", "Timetables found", "Each one better than the one before."),
    ("penalty", "Penalty", "Soft-rule penalty of the best timetable so far; lower is better."),
    ("bound", "Best bound", "No timetable can have a lower penalty than this."),
    ("gap", "Gap", "How far the best timetable may still be from the best possible (0% = proven)."),
]
SETTING = "solve/time_limit_s"


class SolvePanel(QWidget):
    resultReady = Signal(object)
    """A ``jobs.SolveOutcome`` (a SolveResult's fields plus the checker's report) to apply."""
    busyChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.runner = runner or TaskRunner(self)
        self._data: SchoolData | None = None
        self._current: Solution | None = None
        self._solving_data: SchoolData | None = None
        self._outcome: jobs.SolveOutcome | None = None
        self._applied = False
        self._began = 0.0
        self._got_progress = False
        self._cancel_asked = False
        self._solutions = 0
        self._ran = False
        self._build()
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_killed)
        self._clock = QTimer(self)
        self._clock.setInterval(200)
        self._clock.timeout.connect(self._tick)
        self._refresh()

    # -- public ---------------------------------------------------------------------------------
    def set_data(self, data: SchoolData | None, solution: Solution | None = None) -> None:
        """The school to solve, and its current timetable (offered as a starting point)."""
        self._data = data
        self._current = solution
        self._refresh()

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def start(self) -> None:
        self._start(repair=False)

    def start_repair(self) -> None:
        """Re-solve from the current timetable, moving as little as the rules allow."""
        if self._current is not None:
            self._start(repair=True)

    def _start(self, *, repair: bool) -> None:
        if self._data is None or self.runner.busy:
            return
        limit = float(self.limit.value())
        hint = self._current if repair or self.from_current.isChecked() else None
        request = jobs.SolveRequest(
            data_json=self._data.model_dump_json(),
            time_limit_s=limit,
            hint_json=hint.model_dump_json() if hint is not None else None,
            repair=repair,
        )
        QSettings().setValue(SETTING, int(limit))
        self._solving_data = self._data
        self._ran = True
        self._outcome = None
        self._got_progress = False
        self._cancel_asked = False
        self._solutions = 0
        self._began = time.monotonic()
        self.figures.clear()
        self.figures["solutions"].set("0")
        self.chart.reset(limit)
        self.summary.clear("Repairing…" if repair else "Solving…")
        self.bar.setRange(0, int(limit * 10))
        self.bar.setValue(0)
        self.status.setText(
            "Repairing the current timetable: building the model…"
            if repair
            else "Starting the solver and building the model…"
        )
        self.runner.start("repair" if repair else "solve", jobs.solve_job, request)
        self._clock.start()
        self._refresh()
        self.busyChanged.emit(True)

    def cancel(self) -> None:
        if self.runner.busy:
            self._cancel_asked = True
            self.status.setText("Stopping… the best timetable so far is kept.")
            self.runner.cancel()
            self._refresh()

    def shutdown(self) -> None:
        self.runner.shutdown()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.school = QLabel(objectName="solveSchool")
        self.school.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.school.setWordWrap(True)
        self.limit = DurationSpinBox(self)
        self.limit.setRange(5, 4 * 3600)
        self.limit.setValue(int(QSettings().value(SETTING, 60)))
        self.limit.setToolTip(
            "How long the solver may search; it stops earlier when it proves the best timetable."
        )
        limit_label = QLabel("&Time limit:")
        limit_label.setBuddy(self.limit)
        self.from_current = QCheckBox("Start from the &current timetable")
        self.from_current.setToolTip(
            "Give the solver the timetable on screen as a first guess: it keeps what works."
        )
        self.solve_button = QPushButton("&Solve")
        self.solve_button.setDefault(True)
        self.solve_button.setShortcut(QKeySequence("F5"))
        self.solve_button.setToolTip("Search for a timetable (F5)")
        self.solve_button.clicked.connect(self.start)
        self.repair_button = QPushButton("&Repair")
        self.repair_button.setToolTip(
            "After an edit (a teacher away, a room closed, a section added): find the nearest "
            "timetable the new rules allow, moving as few lessons and students as possible. "
            "Pinned lessons stay."
        )
        self.repair_button.clicked.connect(self.start_repair)
        self.cancel_button = QPushButton("Cancel")
        # Esc cancels only while focus is in this panel: elsewhere it belongs to other widgets
        # (the timetable uses it to put a carried lesson back).
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel)
        self.cancel_button.setToolTip("Stop the search and keep the best timetable so far (Esc)")
        self.cancel_button.clicked.connect(self.cancel)
        controls = QHBoxLayout()
        controls.addWidget(limit_label)
        controls.addWidget(self.limit)
        controls.addSpacing(12)
        controls.addWidget(self.from_current)
        controls.addStretch(1)
        controls.addWidget(self.solve_button)
        controls.addWidget(self.repair_button)
        controls.addWidget(self.cancel_button)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.bar.setAccessibleName("Time used of the time limit")
        self.status = QLabel(objectName="solveStatus")
        self.status.setAccessibleName("Solver status")
        self.figures = FigureRow(FIGURES, self)
        self.chart = ProgressChart(self)
        self.summary = SolveSummary(self)
        self.apply_button = QPushButton("&Apply timetable")
        self.apply_button.setToolTip("Use this timetable (can be undone)")
        self.apply_button.clicked.connect(self._apply)
        self.applied_note = QLabel()
        result_box = QGroupBox("Result")
        result_layout = QVBoxLayout(result_box)
        result_layout.addWidget(self.summary, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.applied_note, 1)
        buttons.addWidget(self.apply_button)
        result_layout.addLayout(buttons)
        self.split = split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.chart)
        split.addWidget(result_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])
        split.setChildrenCollapsible(False)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addWidget(self.school)
        layout.addLayout(controls)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(line)
        layout.addWidget(self.figures)
        layout.addWidget(split, 1)

    def resizeEvent(self, event) -> None:
        """Chart beside the result when there is room, above it in a narrow side panel."""
        wide = event.size().width() >= 760
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.split.orientation() != orientation:
            self.split.setOrientation(orientation)
        super().resizeEvent(event)

    # -- state ----------------------------------------------------------------------------------
    def _refresh(self) -> None:
        busy = self.runner.busy
        data = self._data
        if data is None:
            self.school.setText("No school open")
        else:
            meetings = sum(len(a.meetings) for a in data.activities)
            self.school.setText(
                f"{data.name} — {plural(len(data.activities), 'activity', 'activities')}, "
                f"{plural(meetings, 'meeting')}, {plural(len(data.teachers), 'teacher')}, "
                f"{plural(len(data.rooms), 'room')}"
            )
        if not busy and not self._ran:
            self.status.setText(
                "Ready: set a time limit and press Solve."
                if data is not None and data.activities
                else "Nothing to solve yet: add activities first."
            )
        self.solve_button.setEnabled(not busy and data is not None and bool(data.activities))
        self.repair_button.setEnabled(self.solve_button.isEnabled() and self._current is not None)
        self.cancel_button.setEnabled(busy and not self._cancel_asked)
        self.limit.setEnabled(not busy)
        self.from_current.setEnabled(not busy and self._current is not None)
        if self._current is None:
            self.from_current.setChecked(False)
        stale = self._outcome is not None and not self._applied and not self._same_school()
        can_apply = (
            self._outcome is not None and self._outcome.solved and not busy and not stale
        ) and not self._applied
        self.apply_button.setEnabled(can_apply)
        if stale:
            self.applied_note.setText("The school changed since this solve; solve again to apply.")

    def _same_school(self) -> bool:
        return self._solving_data is self._data or self._solving_data == self._data

    def _tick(self) -> None:
        elapsed = time.monotonic() - self._began
        self.figures["elapsed"].set(_clock(elapsed))
        self.bar.setValue(min(self.bar.maximum(), int(elapsed * 10)))
        if self._got_progress:
            self.chart.extend(elapsed)

    def _on_progress(self, p: jobs.SolveProgress) -> None:
        elapsed = time.monotonic() - self._began
        self._got_progress = True
        self._solutions = max(self._solutions, p.solutions)  # later stages count afresh
        bound = _valid_bound(p.objective, p.best_bound)
        self.figures["solutions"].set(f"{self._solutions:,}")
        self.figures["penalty"].set("—" if p.objective is None else f"{p.objective:,.0f}")
        self.figures["bound"].set("—" if bound is None else f"{bound:,.0f}")
        self.figures["gap"].set("—" if p.gap is None or bound is None else f"{p.gap:.1%}")
        if not self._cancel_asked:
            if p.stage.startswith("sectioning"):
                text = f"Building sections and seating students ({p.stage.partition(': ')[2]})…"
            elif p.solutions == 0:
                text = "Searching for a first timetable…"
            else:
                text = f"Searching… {plural(p.solutions, 'timetable')} found so far."
            self.status.setText(text)
        self.chart.add(elapsed, p.objective, bound)

    def _on_finished(self, outcome: jobs.SolveOutcome) -> None:
        self._stop_clock()
        self._outcome = outcome
        self._applied = False
        self.summary.show_outcome(outcome)
        if outcome.objective is not None:
            self.figures["penalty"].set(f"{outcome.objective:,}")
        bound = _valid_bound(outcome.objective, outcome.best_bound)
        if bound is not None:
            self.figures["bound"].set(f"{bound:,.0f}")
        if outcome.status == "optimal":
            self.figures["gap"].set("0.0%")
        if outcome.changes is not None:
            # The search's bound and gap counted the cost of each change too: they say nothing
            # about the penalty shown, so they are not shown.
            self.figures["bound"].set("—")
            self.figures["gap"].set("—")
        took = time.monotonic() - self._began
        repaired = (
            f" Repair: {changes_text(outcome.changes)}"
            if outcome.solved and outcome.changes is not None
            else ""
        )
        self.status.setText(
            f"Finished after {_clock(took)} (search {outcome.wall_s:.1f} s)."
            + repaired
            + (" Review the result, then apply it." if outcome.solved else "")
        )
        self.applied_note.setText("")
        self._refresh()

    def _on_failed(self, message: str) -> None:
        self._stop_clock()
        self.summary.clear("The solve failed")
        self.summary.details.setText(message)
        self.status.setText("The solve failed; nothing was changed.")
        self._refresh()

    def _on_killed(self) -> None:
        self._stop_clock()
        self.summary.clear("Stopped before a timetable was found")
        self.status.setText("Cancelled; nothing was changed.")
        self._refresh()

    def _stop_clock(self) -> None:
        self._clock.stop()
        self._tick()
        self.chart.finish(time.monotonic() - self._began)
        self.bar.setValue(self.bar.maximum())
        self.busyChanged.emit(False)

    def _apply(self) -> None:
        if self._outcome is None or not self._outcome.solved:
            return
        self._applied = True
        self.resultReady.emit(self._outcome)
        self.apply_button.setEnabled(False)
        self.applied_note.setText("Applied. Undo (Ctrl+Z) brings back the previous timetable.")


def _valid_bound(objective: float | None, bound: float | None) -> float | None:
    """A bound above the penalty belongs to an earlier stage's model (before sections were
    re-planned): it bounds nothing now, so it is not shown."""
    if bound is None or (objective is not None and bound > objective + 1e-6):
        return None
    return bound


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}" if minutes else f"{seconds:.1f} s"
