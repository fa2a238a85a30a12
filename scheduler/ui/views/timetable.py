"""The timetable screen: whose week to show (teacher, group, student, room) or the master grid
of rooms × times, and the grid itself. Moves and pins go out as signals; the window turns each
into one undoable step and hands the new timetable back through ``set_content``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from scheduler.model import SchoolData, Solution
from scheduler.solver.moves import MoveChecker
from scheduler.ui.views.timetable_cards import (
    KIND_TITLES,
    KINDS,
    WeekIndex,
    build_cards,
    unplaced_count,
)
from scheduler.ui.views.timetable_flex import flex_cards
from scheduler.ui.views.timetable_grid import TimetableGrid
from scheduler.ui.views.timetable_personal import personal_bands

MASTER = "master"
HELP = (
    "Drag a lesson to move it: green slots are allowed, red ones break a rule (hover for why). "
    "Right-click or P to pin. Keyboard: arrows, Space, Enter, Esc."
)


class TimetableView(QWidget):
    moveRequested = Signal(str, int, str, str, object)
    """(activity, meeting, day, slot, room): room None keeps the meeting's room."""
    pinToggled = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: SchoolData | None = None
        self._solution: Solution | None = None
        self._index: WeekIndex | None = None
        self._flex: dict[tuple[str, str], list] = {}
        self._checker: MoveChecker | None = None
        self._chosen: dict[str, str] = {}
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(KIND_TITLES[kind], kind)
        self.kind.addItem("Master: rooms × times", MASTER)
        self.kind.setAccessibleName("Whose timetable")
        self.kind.setToolTip("Whose week to show, or the master grid of every room")
        self.entity = QComboBox(self)
        self.entity.setEditable(True)
        self.entity.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.entity.setMinimumContentsLength(18)
        self.entity.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.entity.setAccessibleName("Which one")
        self.entity.setToolTip("Type to search by name")
        self.day = QComboBox(self)
        self.day.setAccessibleName("Days shown")
        show = QLabel("&Show:")
        show.setBuddy(self.kind)
        self.summary = QLabel(objectName="timetableSummary")
        self.summary.setStyleSheet("color: palette(placeholder-text);")
        bar = QHBoxLayout()
        bar.addWidget(show)
        bar.addWidget(self.kind)
        bar.addWidget(self.entity, 1)
        bar.addWidget(self.day)
        bar.addStretch(0)
        bar.addWidget(self.summary)
        self.grid = TimetableGrid()
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.grid)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.StyledPanel)
        for bar_ in (self.scroll.horizontalScrollBar(), self.scroll.verticalScrollBar()):
            bar_.valueChanged.connect(self.grid.update)  # headers stay in sight
        self.status = QLabel(HELP, objectName="timetableHint")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.status)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.entity.currentIndexChanged.connect(self._entity_changed)
        self.day.currentIndexChanged.connect(lambda _i: self._show())
        self.grid.moveRequested.connect(self.moveRequested)
        self.grid.pinToggled.connect(self.pinToggled)
        self.grid.showWeek.connect(self.show_week_of)
        self.grid.hint.connect(self.status.setText)
        self.setFocusProxy(self.grid)

    # -- public ---------------------------------------------------------------------------------
    def set_content(self, data: SchoolData | None, solution: Solution | None) -> None:
        """A new school or timetable (after every edit, move or undo); the view keeps its place."""
        same_school = data is self._data
        self._data, self._solution = data, solution
        if data is None:
            self._index = self._checker = None
            self.grid.data = None
            self.grid.update()
            return
        cards = build_cards(data, solution)
        enrolled = solution.sections_by_student if solution is not None else {}
        self._index = WeekIndex(data, cards, enrolled)
        self._flex = flex_cards(data, solution)
        self._checker = MoveChecker(data, solution) if solution is not None else None
        if not same_school:
            self._fill_days(data)
            self._fill_entities()
        missing = unplaced_count(data, cards)
        self.summary.setText(
            "No timetable yet"
            if solution is None
            else f"{len(cards):,} meetings placed"
            + (f", {missing:,} not placed" if missing else "")
        )
        self._show()

    def show_week_of(self, kind: str, entity: str) -> None:
        self._chosen[kind] = entity
        index = self.kind.findData(kind)
        if index == self.kind.currentIndex():
            self._select_entity(entity)
        else:
            self.kind.setCurrentIndex(index)

    def show_master(self, day: int | None = None) -> None:
        self.kind.setCurrentIndex(self.kind.findData(MASTER))
        self.day.setCurrentIndex(0 if day is None else day + 1)

    # -- internals ------------------------------------------------------------------------------
    def _fill_days(self, data: SchoolData) -> None:
        self.day.blockSignals(True)
        current = self.day.currentIndex()
        self.day.clear()
        self.day.addItem("Whole week")
        for day in data.calendar.days:
            self.day.addItem(day.label)
        self.day.setCurrentIndex(
            current if 0 <= current < self.day.count() else 1 if data.calendar.days else 0
        )
        self.day.blockSignals(False)

    def _fill_entities(self) -> None:
        kind = self.kind.currentData()
        self.entity.blockSignals(True)
        self.entity.clear()
        if self._index is not None and kind != MASTER:
            for eid, label in self._index.entities(kind):
                self.entity.addItem(label, eid)
            completer = QCompleter(self.entity.model(), self.entity)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.entity.setCompleter(completer)
            wanted = self._chosen.get(kind)
            found = self.entity.findData(wanted) if wanted is not None else -1
            self.entity.setCurrentIndex(max(0, found))
        self.entity.blockSignals(False)
        self.entity.setVisible(kind != MASTER)
        self.day.setVisible(kind == MASTER)

    def _kind_changed(self, _index: int) -> None:
        self._fill_entities()
        self._show()

    def _entity_changed(self, _index: int) -> None:
        eid = self.entity.currentData()
        if eid is not None:
            self._chosen[self.kind.currentData()] = eid
        self._show()

    def _select_entity(self, entity: str) -> None:
        found = self.entity.findData(entity)
        if found >= 0:
            self.entity.setCurrentIndex(found)

    def _show(self) -> None:
        data, index = self._data, self._index
        if data is None or index is None:
            return
        kind = self.kind.currentData()
        self.grid.empty_text = (
            "No timetable yet: solve, or import one." if self._solution is None else ""
        )
        if kind == MASTER:
            chosen = self.day.currentIndex()
            days = list(range(len(data.calendar.days))) if chosen <= 0 else [chosen - 1]
            self.grid.show_master(data, self._checker, index.cards, days)
            return
        eid = self.entity.currentData()
        cards = index.week(kind, eid) + self._flex.get((kind, eid), []) if eid is not None else []
        if self._solution is not None and eid is not None and not cards:
            self.grid.empty_text = f"{self.entity.currentText()} has no lessons in this timetable."
        bands = personal_bands(data, self._solution, eid) if kind == "student" and eid else ()
        self.grid.show_week(data, self._checker, cards, bands)
