"""The one table model behind every entity editor: rows are domain values, edits are commands.

A cell edit parses the text, builds the new value with ``model_copy`` (pydantic validates it) and
pushes one undo command replacing the list. A rejected edit leaves the data alone and says why on
the cell and in the status line; cross-entity problems from ``find_problems`` are shown in red on
the cells they are about. Rows are read from the document on demand, so a school of thousands of
students opens at once.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ValidationError
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from scheduler.model import Problem, SchoolData
from scheduler.model.references import dependents, renamed, without
from scheduler.ui.document import Document
from scheduler.ui.models.columns import Column, explain, unique_id

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR = QColor("#b42318")
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_ROLES = (
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole,
)


def warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class EntityTableModel(QAbstractTableModel):
    entity: ClassVar[str] = ""
    """Name used by ``find_problems`` and in labels: 'teacher'."""
    collection: ClassVar[str] = ""
    """The ``SchoolData`` field holding the rows: 'teachers'."""
    prefix: ClassVar[str] = "X"
    """Start of the ids of new rows: 'T' gives T1, T2, ..."""
    columns: ClassVar[tuple[Column, ...]] = ()

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._rows: tuple = self._fetch()
        self._problems: dict[tuple[str, str], list[Problem]] | None = None
        self._rejected: dict[tuple[str, int], str] = {}
        doc.changed.connect(self._sync)

    # -- what subclasses may change -------------------------------------------------------------
    def _fetch(self) -> tuple:
        return getattr(self.doc.data, self.collection)

    def _store(self, rows: tuple) -> SchoolData:
        return self.doc.data.model_copy(update={self.collection: rows})

    def new_item(self) -> Any:
        """A fresh row to add; raises ValueError saying what must exist first."""
        raise NotImplementedError

    def row_key(self, item: Any) -> str:
        return item.id

    def describe(self, item: Any) -> str:
        return f'{self.entity} "{item.label}"'

    # -- reading --------------------------------------------------------------------------------
    def item(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tip or None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = self.columns[index.column()]
        if col.editable:
            base |= (
                Qt.ItemFlag.ItemIsUserCheckable
                if col.kind == "bool"
                else Qt.ItemFlag.ItemIsEditable
            )
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, col = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None if col.kind == "bool" else col.display(item)
        if role == Qt.ItemDataRole.CheckStateRole and col.kind == "bool":
            return Qt.CheckState.Checked if col.value(item) else Qt.CheckState.Unchecked
        if role == SORT_ROLE:
            value = col.value(item)
            if col.kind == "int":
                return -1 if value is None else int(value)
            if col.kind == "bool":
                return int(bool(value))
            return col.display(item).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.kind in ("int", "durations"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role in _ROLES:
            return self._flag(item, index.column(), col, role)
        return None

    def _flag(self, item: Any, column: int, col: Column, role: int) -> Any:
        key = self.row_key(item)
        rejected = self._rejected.get((key, column))
        problems = self._row_problems(item)
        mine = [p.message for p in problems if col.field and p.field == col.field]
        if role == Qt.ItemDataRole.ForegroundRole:
            return ERROR if (rejected or mine) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = ([f"Not changed: {rejected}"] if rejected else []) + mine
            if column == 0 and problems and not mine:
                lines = [p.message for p in problems]
            return "\n".join(lines) or col.tip or None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == 0 and problems:
                return warning_icon()
            if col.kind == "color":
                return _swatch(col.value(item))
        return None

    def _row_problems(self, item: Any) -> list[Problem]:
        if self._problems is None:
            self._problems = self.doc.problems_by_entity()
        return self._problems.get((self.entity, getattr(item, "id", "")), [])

    # -- editing --------------------------------------------------------------------------------
    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.flags(index) & (
            Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        ):
            return False
        col = self.columns[index.column()]
        if col.kind == "bool" and role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        row, item = index.row(), self._rows[index.row()]
        key = (self.row_key(item), index.column())
        try:
            new = self.edited(item, col, col.parse(value))
        except (ValueError, ValidationError) as exc:
            message = f"{self.describe(item)}, {col.title.lower()}: {explain(exc)}"
            self._rejected[key] = message
            self.doc.message.emit(message)
            self.dataChanged.emit(index, index, list(_ROLES))
            return False
        self._rejected.pop(key, None)
        if new is not None:
            ids = {item.id: new_id} if (new_id := value if col.field == "id" else None) else None
            self._push(new, f"Edit {self.describe(item)}: {col.title.lower()}", ids=ids)
            self._say_problems(row, col)
        return True

    def _push(self, new: SchoolData, label: str, *, ids: dict[str, str | None] | None) -> None:
        """One undoable step; ``ids`` maps renamed or deleted ids (old -> new, or None)."""
        self.doc.replace_data(new, label)

    def edited(self, item: Any, col: Column, value: Any) -> SchoolData | None:
        """The school with one field of one row changed, or None when nothing changes."""
        if getattr(item, col.field or "") == value:
            return None
        if col.field == "id":
            return self._rename(item, value)
        new_item = item.model_copy(update={col.field: value})
        return self._store(self._replace_row(item, new_item))

    def _replace_row(self, old: Any, new: Any) -> tuple:
        return tuple(new if x is old else x for x in self._rows)

    def _rename(self, item: Any, new_id: str) -> SchoolData:
        new_id = type(item).model_validate({**item.model_dump(), "id": new_id}).id
        if any(x.id == new_id for x in self._rows):
            raise ValueError(f'"{new_id}" is already the id of another {self.entity}')
        return renamed(self.doc.data, self.entity, item.id, new_id)

    def _say_problems(self, row: int, col: Column) -> None:
        if not 0 <= row < len(self._rows):
            return
        item = self._rows[row]
        mine = [p for p in self._row_problems(item) if p.field == col.field]
        if mine:
            self.doc.message.emit(f"{self.describe(item)}: {mine[0].message}")

    def add(self, after: int | None = None) -> int | None:
        """Insert a new row after ``after`` (or at the end); its row, or None if it cannot be."""
        try:
            item = self.new_item()
        except ValueError as exc:
            self.doc.message.emit(str(exc))
            return None
        at = len(self._rows) if after is None else after + 1
        rows = (*self._rows[:at], item, *self._rows[at:])
        self.doc.replace_data(self._store(rows), f"Add {self.describe(item)}")
        return at

    def duplicate(self, rows: list[int]) -> list[int]:
        if not rows:
            return []
        taken = {self.row_key(x) for x in self._rows}
        out = list(self._rows)
        for r in sorted(rows, reverse=True):
            item = self._rows[r]
            copy = self.copy_of(item, taken)
            taken.add(self.row_key(copy))
            out.insert(r + 1, copy)
        names = self.describe(self._rows[rows[0]]) if len(rows) == 1 else f"{len(rows)} rows"
        self.doc.replace_data(self._store(tuple(out)), f"Duplicate {names}")
        return [r + 1 + i for i, r in enumerate(sorted(rows))]

    def copy_of(self, item: Any, taken: set[str]) -> Any:
        base = f"{item.id}-copy"
        new_id = base if base not in taken else unique_id(f"{base}", taken)
        update: dict[str, Any] = {"id": new_id}
        if getattr(item, "name", ""):
            update["name"] = f"{item.name} (copy)"
        return item.model_copy(update=update)

    def dependents(self, rows: list[int]) -> list[str]:
        ids = {self._rows[r].id for r in rows}
        return dependents(self.doc.data, self.entity, ids)

    def remove(self, rows: list[int]) -> None:
        if not rows:
            return
        ids = {self._rows[r].id for r in rows}
        first = self._rows[rows[0]]
        names = self.describe(first) if len(rows) == 1 else f"{len(rows)} {self.collection}"
        self._push(
            without(self.doc.data, self.entity, ids),
            f"Delete {names}",
            ids=dict.fromkeys(ids),
        )

    def unique_id(self) -> str:
        return unique_id(self.prefix, {self.row_key(x) for x in self._rows})

    # -- following the document -----------------------------------------------------------------
    def _sync(self) -> None:
        new, old = self._fetch(), self._rows
        self._problems = None
        if new is old:
            self._reflag()
            return
        n, m = len(old), len(new)
        first = next((i for i in range(min(n, m)) if not self._same_row(old[i], new[i])), min(n, m))
        if n == m:
            self._rows = new
            if first < n:
                last = next(
                    i for i in range(n - 1, first - 1, -1) if not self._same_row(old[i], new[i])
                )
                right = self.index(last, len(self.columns) - 1)
                self.dataChanged.emit(self.index(first, 0), right)
        elif m > n and self._same(old[first:], new[first + m - n :]):
            self.beginInsertRows(QModelIndex(), first, first + m - n - 1)
            self._rows = new
            self.endInsertRows()
        elif m < n and self._same(old[first + n - m :], new[first:]):
            self.beginRemoveRows(QModelIndex(), first, first + n - m - 1)
            self._rows = new
            self.endRemoveRows()
        else:
            self.beginResetModel()
            self._rows = new
            self._rejected.clear()
            self.endResetModel()
        self._reflag()

    def _same_row(self, a: Any, b: Any) -> bool:
        return a is b

    def _same(self, a: tuple, b: tuple) -> bool:
        return len(a) == len(b) and all(map(self._same_row, a, b))

    def _reflag(self) -> None:
        if self._rows:
            bottom = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), bottom, list(_ROLES))


_SWATCHES: dict[str, QPixmap] = {}


def _swatch(color: str | None) -> QPixmap | None:
    if not color:
        return None
    if color not in _SWATCHES:
        pm = QPixmap(14, 14)
        pm.fill(QColor(color))
        _SWATCHES[color] = pm
    return _SWATCHES[color]
