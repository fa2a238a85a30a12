"""What a finished solve produced, in plain words: status, hard and soft rules, requests met.

It shows a ``jobs.SolveOutcome``: the figures come from the independent checker, not from the
solver's own objective.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scheduler.ui.jobs import SolveOutcome
from scheduler.ui.widgets.rule_text import plural, rule_title, status_words

TONES = {"good": "#047857", "warn": "#b45309", "bad": "#b91c1c"}


class SolveSummary(QWidget):
    explainRequested = Signal()
    """The user followed the "Explain why" link shown when no timetable exists."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel(objectName="summaryHeadline")
        self.headline.setWordWrap(True)
        self.details = QLabel(objectName="summaryDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.details.linkActivated.connect(lambda _link: self.explainRequested.emit())
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["Rule", "Times broken", "Penalty"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName("Rules broken by the timetable")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)
        self._stretch = layout.itemAt(layout.count() - 1)
        self.clear()

    def clear(self, text: str = "Run a solve to see the timetable's result here.") -> None:
        self.headline.setText(text)
        self.headline.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.details.setText("")
        self.table.setRowCount(0)
        self.table.hide()
        self._stretch.spacerItem().changeSize(0, 0, QSizePolicy.Policy.Minimum, _expanding(True))
        self.layout().invalidate()

    def show_outcome(self, outcome: SolveOutcome) -> None:
        headline, tone = status_words(
            outcome.status, solved=outcome.solved, cancelled=outcome.cancelled
        )
        self.headline.setText(headline)
        self.headline.setStyleSheet(f"font-size: 15px; font-weight: 600; color: {TONES[tone]};")
        lines: list[str] = []
        report = outcome.report
        if outcome.solved and report is not None:
            lines.append(
                f"{report.placed:,} of {report.meetings:,} meetings placed; "
                f"penalty <b>{report.soft_penalty:,}</b> (checked independently)."
            )
            hard = report.hard_violations
            lines.append(
                "Hard rules: <b>none broken</b>."
                if hard == 0
                else f"Hard rules: <b style='color:{TONES['bad']}'>"
                f"{plural(hard, 'violation')}</b> — see the table."
            )
            lines.append(f"Requests met: {_requests(outcome)}")
            if getattr(outcome, "changes", None) is not None:
                lines.append(f"Repair: {changes_text(outcome.changes)}")
        else:
            for reason in outcome.reasons or ("the solver gave no reason",):
                lines.append(f"• {html.escape(_sentence(reason), quote=False)}")
            if outcome.status == "infeasible":
                lines.append(
                    "<a href='explain'>Explain why</a>: the hard rules that conflict and the "
                    "change that would make a timetable possible."
                )
        if outcome.ignored:
            rules = ", ".join(
                f"{html.escape(name, quote=False)} ({n})" for name, n in outcome.ignored.items()
            )
            lines.append(
                f"<span style='color:{TONES['warn']}'>Imported rules the solver does not use: "
                f"{rules}.</span>"
            )
        self.details.setText("<br>".join(lines))
        self._fill_table(outcome)

    def _fill_table(self, outcome: SolveOutcome) -> None:
        report = outcome.report
        rows: list[tuple[str, int, str, bool]] = []
        if report is not None:
            for rule, (count, _) in report.by_rule(hard=True).items():
                rows.append((rule_title(rule), count, "hard rule", True))
            for rule, (count, penalty) in report.by_rule(hard=False).items():
                rows.append((rule_title(rule), count, f"{penalty:,}", False))
        self.table.setRowCount(len(rows))
        for r, (title, count, penalty, hard) in enumerate(rows):
            cells = (QTableWidgetItem(title), _number(count), QTableWidgetItem(penalty))
            cells[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for c, item in enumerate(cells):
                if hard:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip("A hard rule: the timetable should never break it.")
                self.table.setItem(r, c, item)
        self.table.setVisible(bool(rows))
        self._stretch.spacerItem().changeSize(
            0, 0, QSizePolicy.Policy.Minimum, _expanding(not rows)
        )
        self.layout().invalidate()
        if report is not None and not rows:
            self.details.setText(
                self.details.text() + "<br>Soft rules: every wish is met (penalty 0)."
            )


def changes_text(changes: dict[str, int]) -> str:
    """A repair's changes in words, e.g. "3 meetings moved, 1 room changed, 40 students"."""
    return (
        f"{plural(changes['meetings_moved'], 'meeting')} moved, "
        f"{plural(changes['rooms_changed'], 'room')} changed, "
        f"{plural(changes['students_changed'], 'student timetable')} changed."
    )


def _expanding(yes: bool) -> QSizePolicy.Policy:
    return QSizePolicy.Policy.Expanding if yes else QSizePolicy.Policy.Minimum


def _number(n: int) -> QTableWidgetItem:
    item = QTableWidgetItem(f"{n:,}")
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _requests(outcome: SolveOutcome) -> str:
    stats = outcome.requests
    if stats is None:
        return "—"
    text = f"<b>{stats.met:,}</b> of {stats.requests:,} ({stats.met_pct:g}%)"
    if stats.required:
        text += (
            f"; required {stats.required_met:,} of {stats.required:,} ({stats.required_met_pct:g}%)"
        )
    text += f"; {stats.fully_scheduled:,} of {stats.students:,} students fully scheduled"
    return text + "."


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."
