"""Regroup by mastery, on the Flex page: move students between sections of a course to match
updated levels, with section times fixed and as few timetables changed as possible.

The scheduler picks a levels file (``student,course,level``), optionally the level each section
teaches at (``section,level``; else derived from the students), and a tolerance. The files are
read at once, all or nothing: a bad file is shown in a dialog with every bad row and nothing
changes. The regrouping runs in a worker process; its new enrolments come back as one undoable
step, with the students moved, the level mismatch before and after, and every move by name.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scheduler.io.errors import FileFormatError
from scheduler.io.levels import read_levels, read_section_levels
from scheduler.model import SchoolData, Solution
from scheduler.ui.document import Document
from scheduler.ui.regroup_job import RegroupJob, RegroupOutcome, regroup_job
from scheduler.ui.tasks import TaskRunner

RED, GREEN = "#b42318", "#15803d"


def apply_regrouping(*, doc: Document, outcome: RegroupOutcome, regrouped_from) -> bool:
    """Store the new sections on the timetable they were computed for, as one undoable step;
    nothing when the timetable changed meanwhile, nobody moved, or the checker finds more hard
    violations than before."""
    if doc.solution is None or doc.solution is not regrouped_from:
        doc.message.emit("The timetable changed while regrouping; regroup again.")
        return False
    moved = outcome.report.get("moved", 0)
    if not moved:
        return False
    if outcome.hard_after > outcome.hard_before:
        doc.message.emit("Regrouping would add hard violations; nothing was changed.")
        return False
    new = doc.solution.model_copy(update={"enrollments": outcome.enrollments})
    doc.apply_solution(new, f"Regroup by mastery ({moved} students moved)")
    return True


def _file_row(edit: QLineEdit, browse: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


class RegroupPanel(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.levels = QLineEdit(placeholderText="student,course,level")
        self.sections = QLineEdit(placeholderText="optional: section,level (else derived)")
        self.browse_levels = QPushButton("Browse…")
        self.browse_sections = QPushButton("Browse…")
        self.tolerance = QSpinBox(minimum=0, maximum=10)
        self.tolerance.setToolTip("How many levels apart a student and a section still match")
        self.time_limit = QSpinBox(minimum=1, maximum=600, value=10, suffix=" s")
        self.run = QPushButton("Regroup by mastery")
        self.run.setToolTip(
            "Move students between sections of the same course to match their levels; "
            "section times stay where they are"
        )
        self.state = QLabel("", objectName="regroupState")
        self.state.setWordWrap(True)
        self.summary = QLabel("", objectName="regroupSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.moves = QTableWidget(0, 4)
        self.moves.setHorizontalHeaderLabels(["Student", "Course", "From section", "To section"])
        self.moves.verticalHeader().setVisible(False)
        self.moves.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.moves.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((150, 130, 120)):
            self.moves.setColumnWidth(col, width)
        form = QFormLayout()
        form.addRow("Levels file", _file_row(self.levels, self.browse_levels))
        form.addRow("Section levels", _file_row(self.sections, self.browse_sections))
        form.addRow("Tolerance", self.tolerance)
        form.addRow("Time limit", self.time_limit)
        top = QHBoxLayout()
        top.addWidget(self.run)
        top.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.moves, 1)

        self.runner = TaskRunner(self)
        self._from: Solution | None = None
        self._data: SchoolData | None = None
        self.error = lambda title, text: QMessageBox.warning(self, title, text)
        """Shows a bad file's located errors; replaced in tests."""
        self.browse_levels.clicked.connect(lambda: self._browse(self.levels, "Levels file"))
        self.browse_sections.clicked.connect(lambda: self._browse(self.sections, "Section levels"))
        self.run.clicked.connect(self.start)
        self.levels.textChanged.connect(self._refresh)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.busyChanged.connect(lambda busy: self._refresh())
        doc.changed.connect(self._refresh)
        self._refresh()

    def _browse(self, edit: QLineEdit, title: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, title, edit.text(), "CSV files (*.csv)")
        if path:
            edit.setText(path)

    def _refresh(self) -> None:
        if self.runner.busy:
            self.run.setEnabled(False)
            self.state.setText("Regrouping…")
            return
        if self.doc.solution is None:
            ready, why = False, "No timetable yet: solve first, then regroup."
        elif not self.levels.text().strip():
            ready, why = False, "Choose a levels file (student,course,level)."
        else:
            ready, why = True, ""
        self.run.setEnabled(ready)
        self.state.setText(why)

    def start(self) -> None:
        solution, data = self.doc.solution, self.doc.data
        if solution is None or self.runner.busy or not self.levels.text().strip():
            return
        try:
            levels = read_levels(Path(self.levels.text().strip()), data)
            sections = self.sections.text().strip()
            fixed = read_section_levels(Path(sections), data) if sections else {}
        except FileFormatError as exc:
            self.state.setText("The levels could not be read; nothing was changed.")
            self.error("Regroup by mastery", str(exc))
            return
        self._from, self._data = solution, data
        job = RegroupJob(
            data.model_dump_json(),
            solution.model_dump_json(),
            tuple((s, c, level) for (s, c), level in sorted(levels.items())),
            tuple(sorted(fixed.items())),
            self.tolerance.value(),
            float(self.time_limit.value()),
        )
        self.runner.start("regroup", regroup_job, job)

    def _finished(self, outcome: RegroupOutcome) -> None:
        self.show_outcome(outcome, self._data or self.doc.data)
        apply_regrouping(doc=self.doc, outcome=outcome, regrouped_from=self._from)
        self._from = self._data = None
        self._refresh()

    def _failed(self, message: str) -> None:
        self.state.setText(f"Regrouping failed: {message}")
        self.doc.message.emit(f"Regrouping failed: {message}")

    def show_outcome(self, outcome: RegroupOutcome, data: SchoolData) -> None:
        r = outcome.report
        status = r.get("status", "unknown")
        lines = [
            f"<b>{r['moved']} of {r['students_with_levels']} students moved</b> "
            f"({status}, {r['wall_s']:.2f} s)",
            f"Level mismatch: {r['mismatch_before']} → {r['mismatch_after']}",
        ]
        if status not in ("optimal", "feasible"):
            lines.append(
                f"<span style='color:{RED}'>No regrouping found within the limits; "
                "nothing was changed.</span>"
            )
        elif not r["moved"]:
            lines.append("Every student already sits in a section that fits; nothing changed.")
        if outcome.hard_after > outcome.hard_before:
            lines.append(
                f"<span style='color:{RED}'>Checker: hard violations {outcome.hard_before} → "
                f"{outcome.hard_after}; not applied.</span>"
            )
        else:
            lines.append(
                f"<span style='color:{GREEN}'>Checker: hard violations {outcome.hard_before} → "
                f"{outcome.hard_after}</span>"
            )
        levels = r.get("section_levels", {})
        if levels:
            shown = ", ".join(
                f"{html.escape(_section(data, a))}: {lvl}" for a, lvl in sorted(levels.items())
            )
            lines.append(f"Section levels: {shown}")
        self.summary.setText("<br>".join(lines))
        changes = r.get("changes", [])
        self.moves.setRowCount(len(changes))
        for i, c in enumerate(changes):
            student = data.student_by_id.get(c["student"])
            course = data.course_by_id.get(c["course"])
            cells = [
                f"{student.label} ({student.id})" if student and student.name else c["student"],
                course.label if course else c["course"],
                _section(data, c["from"]),
                _section(data, c["to"]),
            ]
            for j, text in enumerate(cells):
                self.moves.setItem(i, j, QTableWidgetItem(text))


def _section(data: SchoolData, aid: str) -> str:
    a = data.activity_by_id.get(aid)
    return a.label if a else aid
