"""Compare scenarios: the figures side by side (better and worse than the base coloured), and
what changed for each teacher, student and room, with a filter and an Excel export.

The figures come from ``scheduler.solver.compare`` (the checker's numbers); this screen only
shows them. A small school is compared at once; a large one (seconds of work) in a worker process
(``compare_job``), with the window usable meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scheduler.solver.compare import Comparison, compare, export_xlsx
from scheduler.ui.compare_job import CompareRequest, compare_job, size_of
from scheduler.ui.document import Document
from scheduler.ui.models.compare import ChangesFilter, ChangesModel, FiguresModel
from scheduler.ui.tasks import TaskRunner
from scheduler.ui.widgets.rule_text import plural

KINDS = (("Everyone", ""), ("Teachers", "teacher"), ("Students", "student"), ("Rooms", "room"))
INLINE_SIZE = 500
"""Students plus placed meetings (over the scenarios compared) compared on the UI thread; above
this, a worker process does it. Riverside High (450 students) takes ~0.2 s: over the line."""


def ask_xlsx_path(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, "Export comparison", suggested, "Excel workbook (*.xlsx)"
    )
    return Path(path) if path else None


class CompareView(QWidget):
    computed = Signal()
    """A comparison is on screen (or could not be made)."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.ask_path = ask_xlsx_path
        self.comparison: Comparison | None = None
        self.inline_size = INLINE_SIZE
        self._unticked: set[str] = set()
        self._running: list[str] = []
        self._stale = False
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._computed)
        self.runner.failed.connect(self._failed)
        self._build()
        doc.changed.connect(self._project_changed)
        self.fill_choices()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.base = QComboBox(self)
        self.base.setToolTip("Figures of the others are coloured against this one")
        self.base.currentIndexChanged.connect(self._base_changed)
        self.others = QListWidget(self)
        self.others.setMaximumHeight(64)
        self.others.setToolTip("Tick the scenarios to set beside the base")
        self.others.itemChanged.connect(self._ticked)
        self.compare_button = QPushButton("&Compare")
        self.compare_button.setDefault(True)
        self.compare_button.clicked.connect(self.run)
        self.export_button = QPushButton("&Export to Excel…")
        self.export_button.clicked.connect(self.export)
        choose = QHBoxLayout()
        base_label = QLabel("&Base:")
        base_label.setBuddy(self.base)
        others_label = QLabel("&With:")
        others_label.setBuddy(self.others)
        choose.addWidget(base_label, 0, Qt.AlignmentFlag.AlignTop)
        choose.addWidget(self.base, 1, Qt.AlignmentFlag.AlignTop)
        choose.addSpacing(12)
        choose.addWidget(others_label, 0, Qt.AlignmentFlag.AlignTop)
        choose.addWidget(self.others, 2)
        buttons = QVBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        choose.addLayout(buttons)
        self.headline = QLabel(objectName="compareHeadline")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("color: #334155")

        self.figures_model = FiguresModel(self)
        self.figures = QTableView(self)
        self.figures.setModel(self.figures_model)
        self.figures.verticalHeader().hide()
        self.figures.verticalHeader().setDefaultSectionSize(24)
        self.figures.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.figures.horizontalHeader().setMinimumSectionSize(70)
        self.figures.setAccessibleName("Figures side by side")

        self.changes_model = ChangesModel(self)
        self.filter = ChangesFilter(self)
        self.filter.setSourceModel(self.changes_model)
        self.changes = QTableView(self)
        self.changes.setModel(self.filter)
        self.changes.verticalHeader().hide()
        self.changes.verticalHeader().setDefaultSectionSize(24)
        self.changes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changes.setWordWrap(False)
        self.changes.setAlternatingRowColors(True)
        header = self.changes.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((110, 70, 150)):
            header.resizeSection(col, width)
        self.changes.setAccessibleName("What changed")
        self.kind = QComboBox(self)
        for label, _ in KINDS:
            self.kind.addItem(label)
        self.scenario_filter = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Filter by name, day, room…")
        self.search.setClearButtonEnabled(True)
        self.kind.currentIndexChanged.connect(self._filter)
        self.scenario_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        self.shown = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Changes for"))
        bar.addWidget(self.kind)
        bar.addWidget(self.scenario_filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.shown)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.changes, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.figures)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        split.setSizes([560, 840])
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.headline)
        layout.addWidget(split, 1)

    # -- choosing ---------------------------------------------------------------------------------
    def fill_choices(self) -> None:
        """Base: the scenario on screen; beside it: every other one, ticked."""
        names = [s.name for s in self.doc.project.scenarios]
        self.base.blockSignals(True)
        self.base.clear()
        self.base.addItems(names)
        self.base.setCurrentText(self.doc.scenario_name)
        self.base.blockSignals(False)
        self._base_changed()

    def _base_changed(self, *_args) -> None:
        base = self.base.currentText()
        self.others.blockSignals(True)
        self.others.clear()
        for s in self.doc.project.scenarios:
            if s.name == base:
                continue
            item = QListWidgetItem(s.name + ("" if s.solution else "  (no timetable)"))
            item.setData(Qt.ItemDataRole.UserRole, s.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            off = s.name in self._unticked
            item.setCheckState(Qt.CheckState.Unchecked if off else Qt.CheckState.Checked)
            self.others.addItem(item)
        self.others.blockSignals(False)
        self._enable()

    def _ticked(self, item: QListWidgetItem) -> None:
        """Remember what the user unticked, so a change of base keeps their choice."""
        name = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._unticked.discard(name)
        else:
            self._unticked.add(name)
        self._enable()

    def chosen(self) -> list[str]:
        """The base, then every ticked scenario, in project order."""
        ticked = [
            self.others.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.others.count())
            if self.others.item(i).checkState() == Qt.CheckState.Checked
        ]
        return [self.base.currentText(), *ticked]

    def _enable(self, *_args) -> None:
        self.compare_button.setEnabled(len(self.chosen()) >= 2 and not self.runner.busy)
        self.export_button.setEnabled(self.comparison is not None and not self.runner.busy)

    def _project_changed(self) -> None:
        names = [s.name for s in self.doc.project.scenarios]
        if names != [self.base.itemText(i) for i in range(self.base.count())]:
            self.fill_choices()
        self._stale = self.runner.busy
        if self.comparison is not None:
            self.headline.setText(
                "The project changed since this comparison: press Compare to bring it up to date."
            )

    # -- comparing --------------------------------------------------------------------------------
    def run(self) -> None:
        names = self.chosen()
        if len(names) < 2:
            return
        project = self.doc.project
        if size_of(project, names) <= self.inline_size:
            self._show(compare(project, names), names)
            return
        self._running, self._stale = names, False
        self.runner.start("comparison", compare_job, CompareRequest.of(project, names))
        self.headline.setText(f"Comparing {' with '.join(names)}…")
        self._enable()

    def shutdown(self) -> None:
        self.runner.shutdown()

    def _computed(self, comparison: Comparison) -> None:
        self._show(comparison, self._running)
        if self._stale:
            self._project_changed()

    def _failed(self, text: str) -> None:
        self.headline.setText(f"Could not compare the scenarios: {text}")
        self._enable()
        self.computed.emit()

    def _show(self, comparison: Comparison, names: list[str]) -> None:
        self.comparison = comparison
        self.figures_model.set_comparison(self.comparison)
        self.changes_model.set_comparison(self.comparison)
        header = self.figures.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.changes.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.scenario_filter.blockSignals(True)
        self.scenario_filter.clear()
        self.scenario_filter.addItem("in every scenario", "")
        for name in names[1:]:
            self.scenario_filter.addItem(f"in {name}", name)
        self.scenario_filter.setVisible(len(names) > 2)
        self.scenario_filter.blockSignals(False)
        self.headline.setText(self._headline())
        self._filter()
        self._enable()
        self.computed.emit()

    def _headline(self) -> str:
        assert self.comparison is not None
        base, *others = self.comparison.scenarios
        if not base.solved:
            return f"{base.name} has no timetable yet: only figures of the others are shown."
        parts = []
        for f in others:
            if f.changes is None:
                parts.append(f"{f.name}: no timetable yet")
                continue
            c = f.changes
            parts.append(
                f"{f.name}: {plural(c.moved, 'meeting')} moved, "
                f"{plural(c.rooms_changed, 'room change')}, "
                f"{plural(c.students_changed, 'student timetable')} changed"
            )
        return f"Against {base.name} — " + "; ".join(parts) + "."

    def _filter(self, *_args) -> None:
        kind = KINDS[max(0, self.kind.currentIndex())][1]
        scenario = self.scenario_filter.currentData() or ""
        self.filter.set_filter(kind=kind, scenario=scenario, text=self.search.text())
        total = self.changes_model.rowCount()
        self.shown.setText(f"{self.filter.rowCount():,} of {total:,}")

    def export(self) -> None:
        if self.comparison is None:
            return
        names = self.comparison.names
        folder = self.doc.path.parent if self.doc.path else Path.home()
        suggested = str(folder / f"compare {' vs '.join(names)}.xlsx")
        path = self.ask_path(self, suggested)
        if path is None:
            return
        try:
            export_xlsx(self.comparison, path, school=self.doc.data.name)
        except OSError as exc:
            QMessageBox.warning(self, "Export comparison", f"Could not write {path}:\n{exc}")
            return
        self.doc.message.emit(f"Comparison written to {path}")


class CompareDialog(QDialog):
    """The compare screen in its own window, opened from the Scenarios page."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare scenarios")
        self.view = CompareView(doc, self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.finished.connect(self.view.shutdown)  # closing stops a comparison still running
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(close)
        self.resize(1200, 720)
