"""The timetable grid: cards on a clock-true week (or rooms × times), moved by mouse or keys.

While a card is carried, every slot shows whether the move is allowed (green) or breaks a hard
rule (red); the hovered slot's tooltip names the rule and the other party. Verdicts come from
``scheduler.solver.moves``; this widget only paints them. Dropping on a red slot needs Shift
(a deliberate override); otherwise the grid emits ``moveRequested`` and the window applies it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from scheduler.model import SchoolData
from scheduler.solver.moves import Conflict, MoveChecker
from scheduler.ui.views import timetable_paint as paint
from scheduler.ui.views.timetable_cards import Card, card_tooltip
from scheduler.ui.views.timetable_layout import (
    NO_ROOM,
    Cell,
    Layout,
    master_layout,
    pack,
    week_layout,
)
from scheduler.ui.views.timetable_personal import paint_bands
from scheduler.ui.widgets.rule_text import rule_title


@dataclass
class Carry:
    """A card being moved: where it was grabbed, and where it would land."""

    card: Card
    grab: int
    """Which of the card's slots is under the pointer (0 for the first)."""
    target: Cell | None = None
    by_keys: bool = False
    moved: bool = False


class TimetableGrid(QWidget):
    moveRequested = Signal(str, int, str, str, object)
    pinToggled = Signal(str, int)
    showWeek = Signal(str, str)
    """(kind, id): the user asked for another week from a card's menu."""
    hint = Signal(str)
    """A line for the status bar: what is under the pointer or being carried."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName("Timetable")
        self.data: SchoolData | None = None
        self.checker: MoveChecker | None = None
        self.master = False
        self.rooms: list[tuple[object, str]] = []
        self.days: list[int] = []
        self._cards: list[tuple[object, Card]] = []
        self._placed: list[tuple[Card, QRectF]] = []
        self.layout_: Layout = Layout(master=False)
        self.selected: tuple[str, int] | None = None
        self.carry: Carry | None = None
        self._press: QPointF | None = None
        self._time_verdicts: dict[tuple[int, int], list[Conflict]] = {}
        self._room_verdicts: dict[Cell, list[Conflict]] = {}
        self.empty_text = ""
        self.bands: list = []
        """A student's lunch and time away, drawn behind the lessons (week view)."""

    # -- content --------------------------------------------------------------------------------
    def show_week(
        self, data: SchoolData, checker: MoveChecker | None, cards: list[Card], bands=()
    ) -> None:
        self.data, self.checker, self.master = data, checker, False
        self._cards = [(c.day, c) for c in cards]
        self.bands = list(bands)
        self._reset()

    def show_master(self, data, checker, cards: list[Card], days: list[int]) -> None:
        self.data, self.checker, self.master, self.days = data, checker, True, days
        self.bands = []
        rooms: list[tuple[object, str]] = [(r.id, r.label) for r in data.rooms]
        shown = set(days)
        cards = [c for c in cards if c.day in shown]
        if any(c.room is None or c.room not in data.room_by_id for c in cards):
            rooms.append((NO_ROOM, "No room"))
        self.rooms = rooms
        self._cards = [(c.room if c.room in data.room_by_id else NO_ROOM, c) for c in cards]
        self._reset()

    def _reset(self) -> None:
        self.carry = None
        self._relayout()
        keys = {c.key for _, c in self._cards}
        if self.selected not in keys:
            self.selected = None

    def _relayout(self) -> None:
        if self.data is None:
            return
        cal = self.data.calendar
        w, h = float(self.width()), float(self.height())
        if self.master:
            small = master_layout(cal, self.rooms, self.days, 0)
            self.layout_ = master_layout(cal, self.rooms, self.days, w)
        else:
            small = week_layout(cal, 0, 0)
            self.layout_ = week_layout(cal, w, h)
        self.setMinimumSize(int(small.width) + 1, int(small.height) + 1)
        placed = []
        for lane, card in self._cards:
            rect = self.layout_.card_rect(lane, card)
            if rect is not None:
                placed.append((card, rect))
        self._placed = pack(placed, self.master)
        self.update()

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def resizeEvent(self, event) -> None:
        self._relayout()
        super().resizeEvent(event)

    def card_at(self, point: QPointF) -> tuple[Card, QRectF] | None:
        for card, rect in reversed(self._placed):
            if rect.contains(point):
                return card, rect
        return None

    def rect_of(self, key) -> QRectF | None:
        return next((r for c, r in self._placed if c.key == key), None)

    # -- verdicts -------------------------------------------------------------------------------
    def verdict(self, cell: Cell) -> list[Conflict]:
        """What breaks if the carried card started at ``cell``."""
        carry, checker = self.carry, self.checker
        if carry is None or checker is None:
            return []
        lane, d, s = cell
        found = self._time_verdicts.get((d, s))
        if found is None:
            return []
        if not self.master or (found and found[0].rule == "placement"):
            return found
        if cell not in self._room_verdicts:
            room = None if lane == NO_ROOM else lane
            t = checker.slot_index(
                self.data.calendar.days[d].id, self.data.calendar.days[d].slots[s].id
            )
            self._room_verdicts[cell] = checker.room_conflicts(*carry.card.key, t, room)
        return found + self._room_verdicts[cell]

    def _compute_time_verdicts(self) -> None:
        self._time_verdicts.clear()
        self._room_verdicts.clear()
        if self.carry is None or self.checker is None:
            return
        activity, meeting = self.carry.card.key
        cal = self.data.calendar
        if self.master:
            for d in self.days:
                for s, slot in enumerate(cal.days[d].slots):
                    t = self.checker.slot_index(cal.days[d].id, slot.id)
                    self._time_verdicts[(d, s)] = self.checker.time_conflicts(activity, meeting, t)
            return
        cells = self.checker.allowed_cells(activity, meeting)
        index = {
            (day.id, slot.id): (d, s)
            for d, day in enumerate(cal.days)
            for s, slot in enumerate(day.slots)
        }
        for ref, found in cells.items():
            self._time_verdicts[index[ref]] = found

    def target_for(self, point: QPointF) -> Cell | None:
        cell = self.layout_.cell_at(point)
        if cell is None or self.carry is None:
            return None
        lane, d, s = cell
        s -= self.carry.grab
        if s < 0:
            return None
        return (lane, d, s)

    def target_rect(self, cell: Cell) -> QRectF | None:
        lane, d, s = cell
        length = self.carry.card.last - self.carry.card.first if self.carry else 0
        first = self.layout_.cells.get(cell)
        last = self.layout_.cells.get((lane, d, s + length))
        if first is None:
            return None
        return first.united(last) if last is not None else first

    def describe(self, cell: Cell, found: list[Conflict]) -> str:
        lane, d, s = cell
        day = self.data.calendar.days[d]
        where = f"{day.label} {day.slots[s].label}"
        if self.master and lane not in (None, NO_ROOM):
            where += f", {self.data.room_by_id[lane].label}"
        title = self.carry.card.title if self.carry else ""
        if not found:
            return f"Move {title} to {where}: allowed."
        lines = [f"{title} cannot go to {where}:"]
        lines += [f"• {rule_title(c.rule)}: {c.message}" for c in found[:6]]
        if len(found) > 6:
            lines.append(f"• …and {len(found) - 6} more")
        return "\n".join(lines)

    # -- carrying ---------------------------------------------------------------------------------
    def pick_up(self, card: Card, grab: int = 0, *, by_keys: bool = False) -> None:
        if card.fixed:
            self.hint.emit(f"{card.title}: flex assignments change by routing, on the Flex page.")
            return
        self.selected = card.key
        self.carry = Carry(card, grab, by_keys=by_keys)
        lane = next(ln for ln, c in self._cards if c.key == card.key)
        self.carry.target = (lane, card.day, card.first)
        self._compute_time_verdicts()
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.hint.emit(
            "Carrying " + card.title + ": green slots are allowed, red ones break a rule. "
            "Esc cancels; Shift places it anyway."
        )
        self.update()

    def drop(self, *, force: bool = False) -> bool:
        carry = self.carry
        self.carry = None
        self.unsetCursor()
        self.update()
        if carry is None or carry.target is None:
            return False
        lane, d, s = carry.target
        card = carry.card
        if (lane, d, s) == (self._lane_of(card), card.day, card.first):
            return False
        found = self.verdict_for(carry, carry.target)
        if found and not force:
            self.hint.emit(self.describe_for(carry, carry.target, found).replace("\n", " "))
            return False
        day = self.data.calendar.days[d]
        room = None if not self.master or lane == NO_ROOM else lane
        self.moveRequested.emit(card.key[0], card.key[1], day.id, day.slots[s].id, room)
        return True

    def verdict_for(self, carry: Carry, cell: Cell) -> list[Conflict]:
        self.carry = carry
        try:
            return self.verdict(cell)
        finally:
            self.carry = None

    def describe_for(self, carry: Carry, cell: Cell, found: list[Conflict]) -> str:
        self.carry = carry
        try:
            return self.describe(cell, found)
        finally:
            self.carry = None

    def cancel_carry(self) -> None:
        if self.carry is not None:
            self.carry = None
            self.unsetCursor()
            self.hint.emit("Move cancelled.")
            self.update()

    def _lane_of(self, card: Card) -> object:
        return next((ln for ln, c in self._cards if c.key == card.key), None)

    # -- painting -------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if self.data is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        clip = QRectF(event.rect())
        layout = self.layout_
        font = self.font()
        paint.paint_cells(p, layout, self.data.calendar, clip, font)
        if self.bands and not self.master:
            paint_bands(p, layout, self.bands, clip, font)
        carry = self.carry
        if carry is not None and carry.moved | carry.by_keys:
            cal = self.data.calendar
            for cell, rect in layout.cells.items():
                if rect.intersects(clip) and cal.days[cell[1]].slots[cell[2]].teaching:
                    paint.paint_target(p, rect, not self.verdict(cell))
        for card, rect in self._placed:
            if rect.intersects(clip):
                lifted = carry is not None and carry.card.key == card.key
                paint.paint_card(
                    p, card, rect, font, selected=card.key == self.selected, lifted=lifted
                )
        if carry is not None and carry.target is not None and (carry.moved or carry.by_keys):
            rect = self.target_rect(carry.target)
            if rect is not None:
                found = self.verdict(carry.target)
                detail = rule_title(found[0].rule) if found else "Allowed"
                if len(found) > 1:
                    detail += f" and {len(found) - 1} more"
                paint.paint_ghost(p, rect, not found, carry.card.title, font, detail)
        paint.paint_headers(
            p, layout, self.data.calendar, QRectF(self.visibleRegion().boundingRect()), font
        )
        if not self._placed and self.empty_text:
            p.setPen(paint.MUTED)
            p.drawText(
                QRectF(self.visibleRegion().boundingRect()),
                Qt.AlignmentFlag.AlignCenter,
                self.empty_text,
            )
        p.end()

    # -- mouse ----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        if self.carry is not None and self.carry.by_keys:
            self.cancel_carry()
        hit = self.card_at(event.position())
        self.selected = hit[0].key if hit else None
        self._press = event.position() if hit else None
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        far = self._press is not None and (pos - self._press).manhattanLength() >= 6
        if far and self.carry is None:
            hit = self.card_at(self._press)
            if hit is not None:
                cell = self.layout_.cell_at(self._press)
                grab = max(0, cell[2] - hit[0].first) if cell else 0
                self.pick_up(hit[0], grab)
        carry = self.carry
        if carry is None or carry.by_keys:
            return
        carry.moved = True
        target = self.target_for(pos)
        if target != carry.target:
            carry.target = target
            self.update()
        if target is not None:
            found = self.verdict(target)
            text = self.describe(target, found)
            QToolTip.showText(event.globalPosition().toPoint() + QPoint(16, 12), text, self)
            self.hint.emit(text.replace("\n", " "))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        if (
            self.carry is not None
            and not self.carry.by_keys
            and event.button() == Qt.MouseButton.LeftButton
        ):
            QToolTip.hideText()
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if self.carry.moved:
                self.drop(force=shift)
            else:
                self.cancel_carry()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self.carry is not None:
            event.accept()  # while carrying, Esc/Enter/arrows are ours, not a window shortcut's
            return True
        if event.type() == QEvent.Type.ToolTip and self.carry is None:
            hit = self.card_at(QPointF(event.pos()))
            if hit is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.card_text(hit[0]), self)
            return True
        return super().event(event)

    def card_text(self, card: Card) -> str:
        return card_tooltip(self.data, card)

    # -- menu and keys ----------------------------------------------------------------------------
    def contextMenuEvent(self, event) -> None:
        hit = self.card_at(QPointF(event.pos()))
        if hit is None and self.selected is not None and event.reason() != event.Reason.Mouse:
            rect = self.rect_of(self.selected)
            hit = (
                (next(c for c, _ in self._placed if c.key == self.selected), rect) if rect else None
            )
        if hit is None:
            return
        card = hit[0]
        self.selected = card.key
        self.update()
        if card.fixed:
            return
        menu = QMenu(self)
        pin = QAction("Unpin" if card.pinned else "Pin here", menu)
        pin.setShortcut("P")
        pin.triggered.connect(lambda: self.pinToggled.emit(*card.key))
        menu.addAction(pin)
        move = QAction("Move with the keyboard…", menu)
        move.setShortcut("Space")
        move.triggered.connect(lambda: self.pick_up(card, by_keys=True))
        menu.addAction(move)
        menu.addSeparator()
        for t in card.activity.teachers:
            if t in self.data.teacher_by_id:
                menu.addAction(
                    f"Show {self.data.teacher_by_id[t].label}'s week",
                    lambda t=t: self.showWeek.emit("teacher", t),
                )
        for g in card.activity.groups:
            if g in self.data.group_by_id:
                menu.addAction(
                    f"Show group {self.data.group_by_id[g].label}'s week",
                    lambda g=g: self.showWeek.emit("group", g),
                )
        if card.room in self.data.room_by_id:
            menu.addAction(
                f"Show {card.room_label}'s week", lambda: self.showWeek.emit("room", card.room)
            )
        menu.exec(event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from scheduler.ui.views.timetable_keys import handle_key

        if not handle_key(self, event):
            super().keyPressEvent(event)
