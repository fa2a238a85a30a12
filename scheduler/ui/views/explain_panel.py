"""The Explain page: why there is no timetable, in sentences, each with links to its entities.

Pre-checks (quick counting) or the full explanation (a small set of conflicting hard rules and the
single changes that fix it) run in a worker process through ``TaskRunner``. Clicking an entity
under a finding emits ``entityActivated(kind, id)``; the window selects it in its editor page.
"""

from __future__ import annotations

import html
import time

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scheduler.model import SchoolData
from scheduler.ui import icons
from scheduler.ui.explain_job import ExplainRequest, explain_job
from scheduler.ui.tasks import TaskRunner
from scheduler.ui.widgets.duration import DurationSpinBox

SETTING = "explain/time_limit_s"
KIND_TITLES = {
    "teacher": "Teacher",
    "group": "Group",
    "student": "Student",
    "room": "Room",
    "activity": "Activity",
    "constraint": "Rule",
}
ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1
SOURCES = {"precheck": "Pre-check", "core": "Conflicting rule"}


class ExplainPanel(QWidget):
    entityActivated = Signal(str, str)
    """(kind, id) of an entity a finding names: teacher, group, student, room, activity or
    constraint."""

    def __init__(self, parent: QWidget | None = None, *, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.runner = runner or TaskRunner(self)
        self._data: SchoolData | None = None
        self._explained: SchoolData | None = None
        self.explanation = None
        self._began = 0.0
        self._build()
        self.runner.progress.connect(self._on_step)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.busyChanged.connect(lambda _busy: self._refresh())
        self._clock = QTimer(self, interval=250)
        self._clock.timeout.connect(self._tick)
        self._refresh()

    # -- public ---------------------------------------------------------------------------------
    def set_data(self, data: SchoolData | None) -> None:
        self._data = data
        stale = self._explained is not None and data is not self._explained
        self.stale.setVisible(stale and not self.runner.busy)
        self._refresh()

    def start(self, *, quick: bool = False) -> None:
        if self._data is None or self.runner.busy:
            return
        limit = float(self.limit.value())
        QSettings().setValue(SETTING, int(limit))
        request = ExplainRequest(self._data.model_dump_json(), limit, quick=quick)
        self._explained = self._data
        self._began = time.monotonic()
        self.tree.clear()
        self.summary.setText("")
        self.stale.hide()
        self.status.setText("Checking…" if quick else "Explaining… building the model")
        self.runner.start("explanation", explain_job, request, process=not quick)
        self._clock.start()

    def cancel(self) -> None:
        if self.runner.busy:
            self.status.setText("Stopping…")
            self.runner.cancel()

    def shutdown(self) -> None:
        self.runner.shutdown()

    def show_explanation(self, explanation) -> None:
        self.explanation = explanation
        tone = {"feasible": "#15803d", "infeasible": "#b91c1c"}.get(explanation.status, "#b45309")
        self.summary.setText(
            f"<span style='color:{tone}; font-weight:600'>"
            f"{html.escape(explanation.summary, quote=False)}</span>"
        )
        self.tree.clear()
        for n, finding in enumerate(explanation.findings, 1):
            self.tree.addTopLevelItem(self._finding_item(n, finding))
        self.tree.expandAll()
        count = len(explanation.findings)
        took = explanation.timings.get("total")
        self.status.setText(
            f"{count} finding(s)" + (f" in {took:.1f} s" if took is not None else "")
        )

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel(
            "When no timetable exists, Explain says why: quick counting checks first, then the "
            "smallest set of hard rules that cannot hold together, and which single change "
            "would make a timetable possible (each one tried with a real solve)."
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #475569;")
        self.limit = DurationSpinBox(self)
        self.limit.setRange(5, 3600)
        self.limit.setValue(int(QSettings().value(SETTING, 60)))
        self.limit.setToolTip("How long the search for conflicting rules may take.")
        limit_label = QLabel("&Time limit:")
        limit_label.setBuddy(self.limit)
        self.quick_button = QPushButton("&Quick check")
        self.quick_button.setToolTip("Counting checks only: a second or two, no search.")
        self.quick_button.clicked.connect(lambda: self.start(quick=True))
        self.explain_button = QPushButton(
            icons.standard(icons.SP.SP_MessageBoxQuestion), "E&xplain"
        )
        self.explain_button.setToolTip("Find the hard rules that conflict and what would fix it.")
        self.explain_button.clicked.connect(lambda: self.start())
        self.cancel_button = QPushButton("&Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        bar = QHBoxLayout()
        for w in (limit_label, self.limit, self.quick_button, self.explain_button):
            bar.addWidget(w)
        bar.addWidget(self.cancel_button)
        bar.addStretch(1)
        self.status = QLabel(objectName="explainStatus")
        self.status.setStyleSheet("color: #475569;")
        bar.addWidget(self.status)
        self.stale = QLabel("The school has changed since this explanation: run it again.")
        self.stale.setStyleSheet("color: #b45309;")
        self.stale.hide()
        self.summary = QLabel(objectName="explainSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setStyleSheet("font-size: 14px; padding: 4px 0;")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(False)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(bar)
        layout.addWidget(self.stale)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def _finding_item(self, n: int, finding) -> QTreeWidgetItem:
        source = SOURCES.get(finding.source, finding.source)
        item = QTreeWidgetItem([f"{n}. {finding.message}"])
        item.setToolTip(0, f"{source}: {finding.rule}")
        icon = (
            icons.SP.SP_MessageBoxWarning
            if finding.source == "core"
            else icons.SP.SP_MessageBoxInformation
        )
        item.setIcon(0, icons.standard(icon))
        bold = QFont(item.font(0))
        bold.setBold(True)
        item.setFont(0, bold)
        if finding.fix:
            label = "Fix (verified by a solve)" if finding.verified else "Suggestion"
            fix = QTreeWidgetItem([f"{label}: {finding.fix}"])
            colour = "#15803d" if finding.verified else "#475569"
            fix.setForeground(0, QBrush(QColor(colour)))
            fix.setIcon(0, icons.standard(icons.SP.SP_DialogApplyButton))
            item.addChild(fix)
        for ref in finding.entities:
            name = ref.label if ref.label == ref.id else f"{ref.label} ({ref.id})"
            child = QTreeWidgetItem([f"{KIND_TITLES.get(ref.kind, ref.kind)}: {name}"])
            child.setData(0, ENTITY_ROLE, (ref.kind, ref.id))
            child.setForeground(0, QBrush(QColor("#1d4ed8")))
            child.setToolTip(0, "Click to open it in its editor")
            item.addChild(child)
        return item

    # -- behaviour ------------------------------------------------------------------------------
    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ref = item.data(0, ENTITY_ROLE)
        if ref is not None:
            self.entityActivated.emit(ref[0], ref[1])

    def _refresh(self) -> None:
        busy = self.runner.busy
        ready = self._data is not None and not busy
        self.explain_button.setEnabled(ready)
        self.quick_button.setEnabled(ready)
        self.cancel_button.setEnabled(busy)
        self.limit.setEnabled(not busy)

    def _tick(self) -> None:
        if self.runner.busy:
            self.status.setText(f"{self._step} ({time.monotonic() - self._began:.0f} s)")

    _step = "Explaining…"

    def _on_step(self, text) -> None:
        self._step = str(text)[:1].upper() + str(text)[1:] + "…"
        self._tick()

    def _on_finished(self, explanation) -> None:
        self._clock.stop()
        self.show_explanation(explanation)

    def _on_failed(self, message: str) -> None:
        self._clock.stop()
        self.status.setText("")
        self.summary.setText(f"<span style='color:#b91c1c'>{html.escape(message)}</span>")

    def _on_cancelled(self) -> None:
        self._clock.stop()
        self.status.setText("Cancelled.")
