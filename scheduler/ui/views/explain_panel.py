"""The Explain page: why there is no timetable, in sentences, each with links to its entities.

Pre-checks (quick counting) or the full explanation (a small set of conflicting hard rules and the
single changes that fix it) run in a worker process through ``TaskRunner``. Clicking an entity
under a finding emits ``entityActivated(kind, id)``; the window selects it in its editor page.
"""

from __future__ import annotations

import html
import time

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from scheduler.model import SchoolData, Solution
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
SOURCES = {"precheck": "Pre-check", "core": "Conflicting rule"}
HEADLINES = {
    "feasible": "A timetable is possible.",
    "infeasible": "No timetable can exist.",
    "unknown": "Not decided within the time limit.",
}


class ExplainPanel(QWidget):
    entityActivated = Signal(str, str)
    """(kind, id) of an entity a finding names: teacher, group, student, room, activity or
    constraint."""

    def __init__(self, parent: QWidget | None = None, *, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.runner = runner or TaskRunner(self)
        self._data: SchoolData | None = None
        self._solution: Solution | None = None
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
    def set_data(self, data: SchoolData | None, solution: Solution | None = None) -> None:
        """The school to explain, and its current timetable (a starting point for the search)."""
        self._data = data
        self._solution = solution
        stale = self._explained is not None and data is not self._explained
        self.stale.setVisible(stale and not self.runner.busy)
        self._refresh()

    def start(self, *, quick: bool = False) -> None:
        if self._data is None or self.runner.busy:
            return
        limit = float(self.limit.value())
        QSettings().setValue(SETTING, int(limit))
        hint = self._solution.model_dump_json() if self._solution is not None else None
        request = ExplainRequest(self._data.model_dump_json(), limit, quick=quick, hint_json=hint)
        self._explained = self._data
        self._began = time.monotonic()
        self.view.clear()
        self.view.setPlaceholderText("")  # not "No findings." of the last run while this one runs
        self.links = []
        self.headline.setText("")
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
        self.headline.setText(HEADLINES.get(explanation.status, ""))
        self.headline.setStyleSheet(f"font-size: 16px; font-weight: 600; color: {tone};")
        self.summary.setText(html.escape(explanation.summary, quote=False))
        self.links = []
        body = [self._finding_html(n, f) for n, f in enumerate(explanation.findings, 1)]
        self.view.setHtml("".join(body))
        self.view.setPlaceholderText("No findings.")
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
        self.headline = QLabel(objectName="explainHeadline")
        self.summary = QLabel(objectName="explainSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setStyleSheet("padding-bottom: 4px;")
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._activated)
        self.links: list[tuple[str, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(bar)
        layout.addWidget(self.stale)
        layout.addWidget(self.headline)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def _finding_html(self, n: int, finding) -> str:
        source = "Fix" if finding.rule == "relaxation" else SOURCES.get(finding.source, "")
        tone = "#b91c1c" if finding.source == "core" else "#0f172a"
        parts = [
            f"<p style='margin-top:6px'><span style='color:#64748b'>{n}. {source}</span><br>"
            f"<b style='color:{tone}'>{_esc(finding.message)}</b>"
        ]
        if finding.fix:
            if finding.verified:
                parts.append(
                    f"<br><span style='color:#15803d'>&#10004; Fix, verified by a solve: "
                    f"{_esc(finding.fix)}</span>"
                )
            else:
                parts.append(
                    f"<br><span style='color:#475569'>Suggestion: {_esc(finding.fix)}</span>"
                )
        links = []
        for ref in finding.entities:
            self.links.append((ref.kind, ref.id))
            name = ref.label if ref.label == ref.id else f"{ref.label} ({ref.id})"
            kind = KIND_TITLES.get(ref.kind, ref.kind)
            links.append(f"{kind} <a href='#e{len(self.links) - 1}'>{_esc(name)}</a>")
        if links:
            parts.append("<br><span style='color:#475569'>" + " &middot; ".join(links) + "</span>")
        return "".join(parts) + "</p>"

    # -- behaviour ------------------------------------------------------------------------------
    def _activated(self, url: QUrl) -> None:
        self.open_link(int(url.fragment().removeprefix("e") or -1))

    def open_link(self, index: int) -> None:
        """Show the ``index``-th entity linked from the findings in its editor."""
        if 0 <= index < len(self.links):
            self.entityActivated.emit(*self.links[index])

    def _refresh(self) -> None:
        busy = self.runner.busy
        ready = self._data is not None and not busy
        self.explain_button.setEnabled(ready)
        self.quick_button.setEnabled(ready)
        self.cancel_button.setEnabled(busy)
        self.limit.setEnabled(not busy)
        if self.explanation is None and not busy:  # a hint in the empty findings area
            self.view.setHtml(f"<p style='color:#64748b'>{_esc(self._empty_text())}</p>")

    def _empty_text(self) -> str:
        """What the empty findings area says before the first explanation."""
        if self._data is None:
            return "Open a project to explain its timetable."
        how = (
            "Press Quick check for the counting checks (a second or two), or Explain to find the "
            "hard rules that cannot hold together and a change that would make a timetable "
            "possible. The findings appear here, linked to the teachers, rooms and classes "
            "they name."
        )
        if self._solution is not None:
            return "This scenario has a timetable: Explain is for when a solve finds none. " + how
        return how

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


def _esc(text: str) -> str:
    return html.escape(text, quote=False)
