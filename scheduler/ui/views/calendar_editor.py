"""The school week: its days, each day's slots with clock times, breaks and lunch, and a preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from scheduler.model import SlotRef
from scheduler.ui import icons
from scheduler.ui.document import Document
from scheduler.ui.models.calendar import DayModel, SlotModel
from scheduler.ui.views.editors import EntityEditor
from scheduler.ui.views.pages import Page
from scheduler.ui.views.week_grid import WeekGrid


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class CalendarEditor(Page):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.days = EntityEditor(DayModel(doc), plural="days", parent=self)
        self.slot_model = SlotModel(doc)
        self.slots = EntityEditor(self.slot_model, plural="slots", parent=self)
        self.editors = [self.days, self.slots]
        self.slots_title = _heading("Slots")
        self.up = self.days._button(icons.arrow(True), "Up", "Move the day earlier", self._up)
        self.down = self.days._button(icons.arrow(False), "Down", "Move the day later", self._down)
        bar = self.days.layout().itemAt(0).layout()
        bar.insertWidget(4, self.up)
        bar.insertWidget(5, self.down)
        self.copy = QPushButton("Copy these slots to every day")
        self.copy.setToolTip("Give every day of the cycle the same slots as this one")
        self.copy.clicked.connect(self.slot_model.copy_to_all_days)

        self.preview = WeekGrid(self, interactive=False)
        self.preview.fill = lambda _ref: QColor("#eff6ff")
        self.preview.describe = self._describe

        left = QWidget(self)
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(_heading("Days of the cycle"))
        lay.addWidget(self.days, 2)
        lay.addSpacing(6)
        lay.addWidget(self.slots_title)
        lay.addWidget(self.slots, 3)
        lay.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignLeft)
        right = QWidget(self)
        lay = QVBoxLayout(right)
        lay.setContentsMargins(8, 0, 0, 0)
        lay.addWidget(_heading("The week, to the clock"))
        lay.addWidget(self.preview, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 540])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self.days.currentItemChanged.connect(self._day_picked)
        doc.changed.connect(self.refresh)
        # Another scenario or project: pick its first day once the tables show it (``changed``
        # follows ``scenarioSwitched``, and the days table is refilled on ``changed``).
        self._pick_pending = False
        doc.scenarioSwitched.connect(lambda _name: setattr(self, "_pick_pending", True))
        self.refresh()
        self._pick_first()

    def _pick_first(self) -> None:
        if self.days.model.rowCount():
            self.days.select_row(0)
        else:
            self._day_picked(None)

    def _day_picked(self, day) -> None:
        self.slot_model.set_day(day.id if day is not None else None)
        self.slots_title.setText(f"Slots of {day.label}" if day is not None else "Slots")
        self.slots.setEnabled(day is not None)
        self.copy.setEnabled(day is not None and self.days.model.rowCount() > 1)

    def refresh(self) -> None:
        self.preview.set_calendar(self.doc.data.calendar)
        if self._pick_pending:
            self._pick_pending = False
            self._pick_first()
            return
        current = self.days.current_item()
        if current is not None and current.id != self.slot_model.day_id:
            self._day_picked(current)  # the day was renamed, or undo brought another back
        day = self.slot_model.day
        if day is not None:
            self.slots_title.setText(f"Slots of {day.label}")

    def _describe(self, ref: SlotRef) -> str:
        slot = self.doc.data.calendar.slot(ref)
        return "" if slot is None else f"{slot.minutes} minutes, {slot.kind}"

    def _up(self) -> None:
        self._move(-1)

    def _down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        rows = self.days.selected_rows()
        if rows:
            self.days.select_row(self.days.model.move(rows[0], step))
