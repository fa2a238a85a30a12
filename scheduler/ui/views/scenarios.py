"""Scenarios: versions of the school to try changes side by side; the one on screen is bold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scheduler.ui import icons
from scheduler.ui.document import Document
from scheduler.ui.models.scenarios import ScenarioModel


def confirm_delete(parent: QWidget, name: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "Delete scenario",
        f'Delete scenario "{name}" with its data and timetable? You can undo this.',
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class ScenariosView(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.confirm = confirm_delete
        self.model = ScenarioModel(doc, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for i, width in enumerate((200, 280, 80, 80)):
            header.resizeSection(i, width)
        self.table.doubleClicked.connect(lambda index: self.show_row(index.row()))

        self.switch_button = QPushButton("Show")
        self.switch_button.setToolTip("Show this scenario in every view (double-click)")
        self.clone_button = QPushButton(icons.duplicate(), "Clone")
        self.clone_button.setToolTip("Copy the scenario to try a change without touching it")
        self.rename_button = QPushButton("Rename")
        self.delete_button = QPushButton(icons.remove(), "Delete")
        self.compare_button = QPushButton("Compare…")
        self.compare_button.setToolTip(
            "Set scenarios side by side: their figures, and what changed for each teacher, "
            "student and room"
        )
        self.compare_button.clicked.connect(self.open_compare)
        self.compare_dialog = None
        self.switch_button.clicked.connect(lambda: self.show_row(self.current_row()))
        self.clone_button.clicked.connect(self.clone)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)

        intro = QLabel(
            "A scenario is a version of the school and its timetable. Clone one to try a change "
            "(a four-day week, another teacher) and compare; switching shows it in every view."
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #475569")
        buttons = QHBoxLayout()
        for b in (self.switch_button, self.clone_button, self.rename_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._enable)
        doc.changed.connect(self._select_shown)
        self._select_shown()

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def _select_shown(self) -> None:
        names = [s.name for s in self.doc.project.scenarios]
        if self.doc.scenario_name in names:
            self.table.selectRow(names.index(self.doc.scenario_name))
        self._enable()

    def _enable(self, *_args) -> None:
        row = self.current_row()
        ok = row >= 0
        self.switch_button.setEnabled(
            ok and self.model.scenario(row).name != self.doc.scenario_name
        )
        self.clone_button.setEnabled(ok)
        self.rename_button.setEnabled(ok)
        self.delete_button.setEnabled(ok and self.model.rowCount() > 1)
        self.compare_button.setEnabled(self.model.rowCount() > 1)

    def open_compare(self) -> None:
        """The compare window, with the scenario on screen as the base and the others ticked."""
        from scheduler.ui.views.compare import CompareDialog

        if self.compare_dialog is None:
            self.compare_dialog = CompareDialog(self.doc, self.window())
        else:
            self.compare_dialog.view.fill_choices()
        self.compare_dialog.view.run()
        self.compare_dialog.show()
        self.compare_dialog.raise_()
        self.compare_dialog.activateWindow()

    def show_row(self, row: int) -> None:
        if row >= 0:
            self.doc.switch_scenario(self.model.scenario(row).name)

    def clone(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.clone(self.model.scenario(row).name)

    def rename(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.table.edit(self.model.index(row, 0))

    def delete(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        name = self.model.scenario(row).name
        if self.confirm(self, name):
            self.model.remove(name)
