"""When a teacher, room, group or student can be scheduled: drag over the week to mark it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from scheduler.model import SlotRef, Target
from scheduler.ui import icons
from scheduler.ui.document import Document
from scheduler.ui.models import availability
from scheduler.ui.views.week_grid import WeekGrid

COLORS = {
    "unavailable": QColor("#fca5a5"),
    "avoid": QColor("#fde68a"),
    "fixed": QColor("#fecaca"),
    "available": QColor("#ffffff"),
}
TOOLS = (
    ("unavailable", "Unavailable", "Never schedule here (a hard rule)"),
    ("avoid", "Rather not", "Avoid if possible: each lesson here costs the penalty"),
    ("available", "Available", "Clear the marks"),
)


class AvailabilityEditor(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.target: Target | None = None
        self.state: availability.AvailabilityState | None = None

        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        self.title.setFont(font)
        self.tools = QButtonGroup(self)
        tool_row = QHBoxLayout()
        for i, (key, text, tip) in enumerate(TOOLS):
            b = QToolButton(self, text=text, toolTip=tip, checkable=True, autoRaise=True)
            b.setIcon(icons.swatch(COLORS[key].name()))
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setProperty("mark", key)
            self.tools.addButton(b, i)
            tool_row.addWidget(b)
        self.tools.button(0).setChecked(True)
        self.weight = QSpinBox(self, minimum=1, maximum=1000, value=1, suffix=" per lesson")
        self.weight.setToolTip("Penalty for each lesson placed in a 'rather not' slot")
        self.weight.editingFinished.connect(self._weight_changed)
        tool_row.addSpacing(12)
        tool_row.addWidget(QLabel("Penalty:"))
        tool_row.addWidget(self.weight)
        tool_row.addStretch(1)
        self.hint = QLabel(
            "Drag across the week to mark slots; drag over marked slots again to clear them."
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #64748b")

        self.grid = WeekGrid(self)
        self.grid.fill = self._fill
        self.grid.describe = self._describe
        self.grid.painted.connect(self._painted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(tool_row)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.hint)
        doc.changed.connect(self.refresh)
        self.refresh()

    @property
    def tool(self) -> availability.Mark:
        return self.tools.checkedButton().property("mark")

    def set_target(self, target: Target | None) -> None:
        self.target = target
        self.refresh()

    def refresh(self) -> None:
        data = self.doc.data
        item = availability.entity(data, self.target) if self.target else None
        if item is None:
            self.target, self.state = None, None
            self.title.setText("Availability")
            self.hint.setText("Select a row to see and mark when it can be scheduled.")
        else:
            self.state = availability.read(data, self.target)
            self.title.setText(f"Availability of {item.label}")
            self.hint.setText(
                "Drag across the week to mark slots; start on a slot already marked that way "
                "to clear them."
            )
            self.weight.blockSignals(True)
            self.weight.setValue(self.state.weight)
            self.weight.blockSignals(False)
        enabled = self.state is not None
        self.grid.interactive = enabled
        for b in self.tools.buttons():
            b.setEnabled(enabled)
        self.weight.setEnabled(enabled)
        if self.grid.calendar is not data.calendar:
            self.grid.set_calendar(data.calendar)
        self.grid.preview = QColor(COLORS[self.tool])
        self.grid.preview.setAlpha(200)
        self.grid.update()

    def _mark_of(self, ref: SlotRef) -> str:
        if self.state is None:
            return "available"
        key = (ref.day, ref.slot)
        if key in self.state.unavailable:
            return "unavailable"
        if key in self.state.avoid:
            return "avoid"
        if key in self.state.fixed:
            return "fixed"
        return "available"

    def _fill(self, ref: SlotRef) -> QColor | None:
        mark = self._mark_of(ref)
        return None if mark == "available" else COLORS[mark]

    def _describe(self, ref: SlotRef) -> str:
        return {
            "unavailable": "Unavailable",
            "avoid": "Rather not (soft)",
            "fixed": "Unavailable by a rule on the Constraints page",
        }.get(self._mark_of(ref), "")

    def _painted(self, refs: list[SlotRef]) -> None:
        if self.target is None:
            return
        how = self.tool
        if how != "available" and self._mark_of(refs[0]) == how:
            how = "available"  # dragging from a marked slot clears
        self.mark(refs, how)

    def mark(self, refs: list[SlotRef], how: availability.Mark) -> None:
        """Mark slots for the current target as one undoable step."""
        data = self.doc.data
        item = availability.entity(data, self.target) if self.target else None
        if item is None:
            return
        new = availability.mark(data, self.target, refs, how, weight=self.weight.value())
        words = {"unavailable": "unavailable", "avoid": "'rather not'", "available": "available"}
        where = availability.describe(data, refs)
        self.doc.replace_data(new, f"Mark {item.label} {words[how]} {where}")

    def _weight_changed(self) -> None:
        state, value = self.state, self.weight.value()
        if self.target is None or state is None or not state.avoid or value == state.weight:
            return
        item = availability.entity(self.doc.data, self.target)
        new = availability.mark(self.doc.data, self.target, [], "avoid", weight=value)
        self.doc.replace_data(new, f"Set the 'rather not' penalty of {item.label} to {value}")
