"""A table editor for one entity list: search, add, duplicate, delete, and edit in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from scheduler.ui import icons
from scheduler.ui.models.table import SORT_ROLE, EntityTableModel

Ask = Callable[[QWidget, str, str], bool]


def ask_to_delete(parent: QWidget, question: str, detail: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, "Delete", question, parent=parent)
    box.setInformativeText(detail)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is delete


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for a column with a fixed set of values (a slot's kind)."""

    def __init__(self, choices: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index) -> QComboBox:
        box = QComboBox(parent)
        box.addItems(list(self.choices))
        box.activated.connect(lambda _i: self.commitData.emit(box))
        return box

    def setEditorData(self, editor: QComboBox, index) -> None:
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class EntityEditor(QWidget):
    currentItemChanged = Signal(object)
    """The domain value of the current row (or None), for a side panel such as availability."""

    def __init__(self, model: EntityTableModel, *, plural: str, parent=None) -> None:
        super().__init__(parent)
        self.model, self.plural = model, plural
        self.ask: Ask = ask_to_delete
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(placeholderText=f"Search {plural}…", clearButtonEnabled=True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.setMaximumWidth(320)
        self.add_button = self._button(icons.add(), "Add", "Add a new row (Ctrl+Shift+N)", self.add)
        self.duplicate_button = self._button(
            icons.duplicate(), "Duplicate", "Duplicate the selected rows (Ctrl+D)", self.duplicate
        )
        self.delete_button = self._button(
            icons.remove(), "Delete", "Delete the selected rows (Del)", self.delete
        )
        self.count = QLabel()

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for i, col in enumerate(model.columns):
            header.resizeSection(i, col.width)
            if col.choices:
                self.table.setItemDelegateForColumn(i, ChoiceDelegate(col.choices, self.table))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.search.textChanged.connect(self._update_count)

        delete = QAction("Delete", self.table, shortcut=QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete)
        self.table.addAction(delete)

        bar = QHBoxLayout()
        bar.addWidget(self.search)
        bar.addSpacing(8)
        for b in (self.add_button, self.duplicate_button, self.delete_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self._update_count()
        self._selection_changed()

    def _button(self, icon, text: str, tip: str, slot) -> QToolButton:
        b = QToolButton(self, text=text, icon=icon, toolTip=tip, autoRaise=True)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        b.clicked.connect(slot)
        return b

    # -- selection ------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return sorted(rows)

    def current_item(self) -> Any:
        current = self.proxy.mapToSource(self.table.currentIndex())
        return self.model.item(current.row()) if current.isValid() else None

    def select_row(self, row: int) -> None:
        """Select a source row, scroll to it and make it current."""
        if not 0 <= row < self.model.rowCount():
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by the search: show everything
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _selection_changed(self, *_: Any) -> None:
        any_rows = bool(self.table.selectionModel().selectedRows())
        self.duplicate_button.setEnabled(any_rows)
        self.delete_button.setEnabled(any_rows)

    def _current_changed(self, *_: Any) -> None:
        self.currentItemChanged.emit(self.current_item())

    def _update_count(self, *_: Any) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        text = f"{total} {self.plural}"
        self.count.setText(text if shown == total else f"{shown} of {text}")

    # -- actions --------------------------------------------------------------------------------
    def add(self) -> None:
        rows = self.selected_rows()
        row = self.model.add(rows[-1] if rows else None)
        if row is not None:
            self.select_row(row)
            self.table.edit(self.proxy.mapFromSource(self.model.index(row, 1)))

    def duplicate(self) -> None:
        new = self.model.duplicate(self.selected_rows())
        if new:
            self.select_row(new[0])

    def delete(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        users = self.model.dependents(rows)
        if users:
            what = (
                self.model.describe(self.model.item(rows[0]))
                if len(rows) == 1
                else f"{len(rows)} {self.plural}"
            )
            shown = "\n".join(f"• {u}" for u in users[:12])
            more = f"\n… and {len(users) - 12} more" if len(users) > 12 else ""
            detail = (
                f"Used by {len(users)}:\n{shown}{more}\n\n"
                "Deleting removes it from these (rules only about it are deleted too). "
                "You can undo this."
            )
            if not self.ask(self, f"Delete {what}?", detail):
                return
        self.model.remove(rows)
        if self.model.rowCount():
            self.select_row(min(rows[0], self.model.rowCount() - 1))

    def add_menu(self, choices: list[tuple[str, Callable[[], None]]]) -> None:
        """Turn Add into a menu (rules of several kinds)."""
        menu = QMenu(self.add_button)
        for text, run in choices:
            menu.addAction(text, run)
        self.add_button.setMenu(menu)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
