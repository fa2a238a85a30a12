"""Table models over a scenario comparison: the figures side by side, and the change list."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from scheduler.solver.compare import Comparison, Entry, Row

BETTER = QColor("#dcfce7")
WORSE = QColor("#fee2e2")
BETTER_INK = QColor("#166534")
WORSE_INK = QColor("#991b1b")
SECTION = QColor("#f1f5f9")
NO_PARENT = QModelIndex()


class FiguresModel(QAbstractTableModel):
    """One row per figure, with a header row per section; one column per scenario."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._names: tuple[str, ...] = ()
        self._rows: list[Row | str] = []

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._names = comparison.names if comparison else ()
        self._rows = []
        section = None
        for row in comparison.rows() if comparison else ():
            if row.section != section:
                section = row.section
                self._rows.append(section)
            self._rows.append(row)
        self.endResetModel()

    def row(self, r: int) -> Row | str:
        return self._rows[r]

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else 1 + len(self._names)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if orientation == Qt.Orientation.Horizontal and role in shown:
            return "Figure" if section == 0 else self._names[section - 1]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if isinstance(row, str):
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                return row
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(SECTION)
            return None
        verdict = row.verdicts()[col - 1] if col > 0 else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label if col == 0 else row.text(col - 1)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and verdict:
            return QBrush(BETTER if verdict == "better" else WORSE)
        if role == Qt.ItemDataRole.ForegroundRole and verdict:
            return QBrush(BETTER_INK if verdict == "better" else WORSE_INK)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                if row.better is None:
                    return row.label
                return f"{row.label}: {row.better} is better"
            if verdict:
                return f"{verdict} than {self._names[0]}"
        return None


class ChangesModel(QAbstractTableModel):
    """Every change-list line of the compared scenarios: scenario, for, who, what changed."""

    HEADERS = ("Scenario", "For", "Who", "What changed")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Entry]] = []

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._rows = [
            (f.name, e) for f in (comparison.scenarios[1:] if comparison else ()) for e in f.entries
        ]
        self.endResetModel()

    def entry(self, r: int) -> tuple[str, Entry]:
        return self._rows[r]

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        scenario, e = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (scenario, e.kind, e.who, e.what)[index.column()]
        return None


class ChangesFilter(QSortFilterProxyModel):
    """Show one kind (teacher, student, room), one scenario, and names containing some text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.scenario = ""
        self.text = ""

    def set_filter(self, *, kind: str = "", scenario: str = "", text: str = "") -> None:
        self.beginFilterChange()
        self.kind, self.scenario, self.text = kind, scenario, text.casefold().strip()
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        scenario, e = self.sourceModel().entry(row)
        if self.kind and e.kind != self.kind:
            return False
        if self.scenario and scenario != self.scenario:
            return False
        return not self.text or self.text in e.who.casefold() or self.text in e.what.casefold()
