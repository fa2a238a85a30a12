"""The scenarios of the project in a table: name, timetable, size and notes."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from scheduler.model import Project, Scenario
from scheduler.ui.document import Document
from scheduler.ui.models.columns import explain

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
HEADERS = ("Scenario", "Timetable", "Activities", "Students", "Notes")


def timetable_summary(scenario: Scenario) -> str:
    solution = scenario.solution
    if solution is None:
        return "Not solved yet"
    placed = len(solution.placements)
    penalty = f", penalty {solution.objective}" if solution.objective is not None else ""
    return f"{placed} meetings placed ({solution.status}{penalty})"


class ScenarioModel(QAbstractTableModel):
    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._rows = doc.project.scenarios
        doc.changed.connect(self._sync)

    def _sync(self) -> None:
        new = self.doc.project.scenarios
        if len(new) == len(self._rows):
            self._rows = new
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, len(HEADERS) - 1))
        else:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()

    def scenario(self, row: int) -> Scenario:
        return self._rows[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (0, 4):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s, col = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (
                s.name,
                timetable_summary(s),
                str(len(s.data.activities)),
                str(len(s.data.students)),
                s.notes,
            )[col]
        if role == Qt.ItemDataRole.FontRole and s.name == self.doc.scenario_name:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            on = " (on screen)" if s.name == self.doc.scenario_name else ""
            return f"{s.name}{on}: double-click another scenario to switch to it"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        s = self._rows[index.row()]
        text = str(value).strip() if index.column() == 0 else str(value)
        if index.column() == 0:
            return self.rename(s.name, text)
        if index.column() == 4 and text != s.notes:
            project = self.doc.project.replace_scenario(s.model_copy(update={"notes": text}))
            self.doc.replace_project(project, f'Edit the notes of scenario "{s.name}"')
            return True
        return False

    # -- operations -----------------------------------------------------------------------------
    def rename(self, old: str, new: str) -> bool:
        if new == old:
            return True
        if not new:
            self.doc.message.emit("A scenario needs a name.")
            return False
        if any(s.name == new for s in self._rows):
            self.doc.message.emit(f'There is already a scenario called "{new}".')
            return False
        try:
            renamed = self.doc.project.scenario(old).model_copy(update={"name": new})
        except ValidationError as exc:
            self.doc.message.emit(f"Cannot rename: {explain(exc)}")
            return False
        project = self.doc.project.replace_scenario(renamed, name=old)
        show = new if self.doc.scenario_name == old else self.doc.scenario_name
        self.doc.replace_project(project, f'Rename scenario "{old}" to "{new}"', show=show)
        return True

    def clone(self, name: str) -> str:
        taken = {s.name for s in self._rows}
        new, n = f"{name} (copy)", 2
        while new in taken:
            new, n = f"{name} (copy {n})", n + 1
        project = self.doc.project.clone_scenario(name, new)
        self.doc.replace_project(project, f'Clone scenario "{name}" as "{new}"', show=new)
        return new

    def remove(self, name: str) -> bool:
        if len(self._rows) < 2:
            self.doc.message.emit("A project keeps at least one scenario.")
            return False
        rest = tuple(s for s in self._rows if s.name != name)
        project = self.doc.project
        active = project.active if project.active != name else None
        show = self.doc.scenario_name if self.doc.scenario_name != name else rest[0].name
        self.doc.replace_project(
            Project(scenarios=rest, active=active), f'Delete scenario "{name}"', show=show
        )
        return True
