"""A row of live figures: a large value over a small caption, each with its own tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

_STYLE = """
QFrame#figure { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }
QLabel#figureValue { font-size: 20px; font-weight: 600; }
QLabel#figureCaption { color: palette(placeholder-text); }
"""


class Figure(QFrame):
    def __init__(self, caption: str, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure")
        self.setToolTip(tooltip)
        self.value = QLabel("—", objectName="figureValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        caption_label = QLabel(caption, objectName="figureCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.value)
        layout.addWidget(caption_label)
        self.setAccessibleName(caption)

    def set(self, text: str) -> None:
        self.value.setText(text)
        self.setAccessibleDescription(text)


class FigureRow(QWidget):
    """Figures side by side, wrapping onto two rows when narrow; ``row["penalty"].set("12")``."""

    def __init__(self, figures: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        self._figures: dict[str, Figure] = {}
        for key, caption, tooltip in figures:
            self._figures[key] = Figure(caption, tooltip, self)
        self._columns = 0
        self.set_columns(len(figures))

    def set_columns(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for figure in self._figures.values():
            self._grid.removeWidget(figure)
        for i, figure in enumerate(self._figures.values()):
            self._grid.addWidget(figure, i // columns, i % columns)
        for c in range(len(self._figures)):
            self._grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event) -> None:
        self.set_columns(len(self._figures) if event.size().width() >= 620 else 3)
        super().resizeEvent(event)

    def __getitem__(self, key: str) -> Figure:
        return self._figures[key]

    def clear(self) -> None:
        for figure in self._figures.values():
            figure.set("—")
