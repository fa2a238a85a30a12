"""The timetable page: the solve panel and the timetable view, wired to the document.

Both widgets take values and emit intents; here every intent becomes an operation that pushes one
undoable command, and every change of the document is handed back to them.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from scheduler.ui import operations
from scheduler.ui.document import Document


def _widget(module: str, name: str):
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


class TimetablePage(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        panel_class = _widget("scheduler.ui.views.solve_panel", "SolvePanel")
        view_class = _widget("scheduler.ui.views.timetable", "TimetableView")
        self.solve_panel = panel_class(self) if panel_class else None
        self.view = view_class(self) if view_class else None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.solve_panel is None and self.view is None:
            empty = QLabel("Solving and the timetable grid are not part of this build.")
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.setStyleSheet("color: #64748b")
            layout.addWidget(empty)
            return
        split = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.view, self.solve_panel):
            if widget is not None:
                split.addWidget(widget)
        split.setStretchFactor(0, 3)
        split.setChildrenCollapsible(False)
        layout.addWidget(split)
        if self.solve_panel is not None:
            self.solve_panel.resultReady.connect(self._apply)
        if self.view is not None:
            self.view.moveRequested.connect(self._move)
            self.view.pinToggled.connect(self._pin)
        doc.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        if self.solve_panel is not None:
            self.solve_panel.set_data(self.doc.data, self.doc.solution)
        if self.view is not None:
            self.view.set_content(self.doc.data, self.doc.solution)

    def _apply(self, outcome) -> None:
        operations.apply_result(doc=self.doc, outcome=outcome)

    def _move(self, activity: str, meeting: int, day: str, slot: str, room) -> None:
        operations.move_meeting(
            doc=self.doc, activity=activity, meeting=meeting, day=day, slot=slot, room=room
        )

    def _pin(self, activity: str, meeting: int) -> None:
        operations.toggle_pin(doc=self.doc, activity=activity, meeting=meeting)
