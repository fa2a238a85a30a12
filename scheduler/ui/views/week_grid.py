"""A week drawn to the clock: one column per day, each slot as tall as it is long.

Days may have different slots (a block Wednesday); breaks and lunch are drawn but cannot be
marked. A drag selects every teaching slot between the pressed and the current one, across days
and by clock time, and is reported on release.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from scheduler.model import Calendar, Slot, SlotRef

HEADER, GUTTER, PAD, FOOT = 28.0, 50.0, 3.0, 10.0
GRID = QColor("#e2e8f0")
BORDER = QColor("#cbd5e1")
TEXT = QColor("#0f172a")
MUTED = QColor("#64748b")


def minutes(t) -> int:
    return t.hour * 60 + t.minute


@dataclass(frozen=True)
class Cell:
    day: int
    slot: int
    rect: QRectF
    ref: SlotRef
    info: Slot


class WeekGrid(QWidget):
    painted = Signal(list)
    """The slots (``SlotRef``) a drag went over, when the mouse is released."""

    def __init__(self, parent: QWidget | None = None, *, interactive: bool = True) -> None:
        super().__init__(parent)
        self.interactive = interactive
        self.calendar = Calendar()
        self.fill: Callable[[SlotRef], QColor | None] = lambda _ref: None
        self.describe: Callable[[SlotRef], str] = lambda _ref: ""
        self.preview = QColor(37, 99, 235, 90)
        self._cells: list[Cell] = []
        self._anchor: Cell | None = None
        self._hover: Cell | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(320, 260)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if interactive else Qt.FocusPolicy.NoFocus)

    def set_calendar(self, calendar: Calendar) -> None:
        self.calendar = calendar
        self._anchor = self._hover = None
        self._layout()
        self.updateGeometry()
        self.update()

    # -- geometry -------------------------------------------------------------------------------
    def _span(self) -> tuple[int, int]:
        times = [(minutes(s.start), minutes(s.end)) for d in self.calendar.days for s in d.slots]
        if not times:
            return 8 * 60, 15 * 60
        first = min(a for a, _ in times) // 60 * 60
        last = -(-max(b for _, b in times) // 60) * 60
        return first, last

    def sizeHint(self) -> QSize:
        first, last = self._span()
        return QSize(
            int(GUTTER + 130 * max(1, len(self.calendar.days))), int(HEADER + last - first)
        )

    def _layout(self) -> None:
        days = self.calendar.days
        self._cells = []
        if not days:
            return
        first, last = self._span()
        width = (self.width() - GUTTER - 1) / len(days)
        scale = (self.height() - HEADER - FOOT) / max(1, last - first)
        for d, day in enumerate(days):
            x = GUTTER + d * width
            for s, slot in enumerate(day.slots):
                top = HEADER + (minutes(slot.start) - first) * scale
                bottom = HEADER + (minutes(slot.end) - first) * scale
                rect = QRectF(x + PAD, top + 1, width - 2 * PAD, max(4.0, bottom - top - 2))
                ref = SlotRef(day=day.id, slot=slot.id)
                self._cells.append(Cell(d, s, rect, ref, slot))

    def resizeEvent(self, event) -> None:
        self._layout()
        super().resizeEvent(event)

    def cell_at(self, pos: QPointF) -> Cell | None:
        return next((c for c in self._cells if c.rect.contains(pos)), None)

    def cell(self, ref: SlotRef) -> Cell | None:
        return next((c for c in self._cells if c.ref == ref), None)

    def dragged(self) -> list[SlotRef]:
        """Teaching slots between the anchor and the hovered cell (days and clock times)."""
        a, b = self._anchor, self._hover or self._anchor
        if a is None or b is None:
            return []
        d0, d1 = sorted((a.day, b.day))
        t0 = min(minutes(a.info.start), minutes(b.info.start))
        t1 = max(minutes(a.info.end), minutes(b.info.end))
        return [
            c.ref
            for c in self._cells
            if d0 <= c.day <= d1
            and c.info.teaching
            and minutes(c.info.start) < t1
            and minutes(c.info.end) > t0
        ]

    # -- mouse ----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position())
        left = event.button() == Qt.MouseButton.LeftButton
        if self.interactive and left and cell is not None and cell.info.teaching:
            self._anchor = self._hover = cell
            self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position())
        if self._anchor is not None and cell is not None and cell is not self._hover:
            self._hover = cell
            self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None and event.button() == Qt.MouseButton.LeftButton:
            refs = self.dragged()
            self._anchor = self._hover = None
            self.update()
            if refs:
                self.painted.emit(refs)
        super().mouseReleaseEvent(event)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            cell = self.cell_at(QPointF(event.pos()))
            if cell is None:
                QToolTip.hideText()
            else:
                extra = self.describe(cell.ref)
                text = f"<b>{cell.info.label}</b> {cell.info.clock}" + (
                    f"<br>{extra}" if extra else ""
                )
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)

    # -- painting -------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        days = self.calendar.days
        if not days:
            p.setPen(MUTED)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "The calendar has no days yet")
            return
        self._paint_axes(p)
        preview = set(self.dragged())
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() - 1.5))
        bold = QFont(self.font())
        bold.setBold(True)
        for cell in self._cells:
            self._paint_cell(p, cell, cell.ref in preview, bold, small)

    def _paint_axes(self, p: QPainter) -> None:
        days = self.calendar.days
        first, last = self._span()
        width = (self.width() - GUTTER - 1) / len(days)
        scale = (self.height() - HEADER - FOOT) / max(1, last - first)
        p.setPen(QPen(GRID, 1))
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() - 1))
        p.setFont(small)
        for hour in range(first, last + 1, 60):
            y = HEADER + (hour - first) * scale
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(GUTTER - 4, y), QPointF(self.width(), y))
            p.setPen(MUTED)
            p.drawText(
                QRectF(0, y - 8, GUTTER - 8, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{hour // 60:02d}:{hour % 60:02d}",
            )
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(TEXT)
        for d, day in enumerate(days):
            rect = QRectF(GUTTER + d * width, 0, width, HEADER)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, day.label)

    def _paint_cell(
        self, p: QPainter, cell: Cell, preview: bool, bold: QFont, small: QFont
    ) -> None:
        rect = cell.rect
        if not cell.info.teaching:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#f1f5f9"))
            p.drawRoundedRect(rect, 3, 3)
            p.setBrush(QBrush(QColor("#e2e8f0"), Qt.BrushStyle.BDiagPattern))
            p.drawRoundedRect(rect, 3, 3)
            p.setPen(MUTED)
            p.setFont(small)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, cell.info.label)
            return
        fill = self.fill(cell.ref) or QColor("#ffffff")
        p.setPen(QPen(BORDER, 1))
        p.setBrush(fill)
        p.drawRoundedRect(rect, 4, 4)
        if preview:
            p.setBrush(self.preview)
            p.setPen(QPen(self.preview.darker(150), 1.5))
            p.drawRoundedRect(rect, 4, 4)
        inner = rect.adjusted(6, 2, -6, -2)
        p.setPen(TEXT)
        p.setFont(bold)
        line = p.fontMetrics().height()
        if inner.height() >= 2 * line:
            p.drawText(
                inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, cell.info.label
            )
            p.setFont(small)
            p.setPen(MUTED)
            below = inner.adjusted(0, line, 0, 0)
            p.drawText(
                below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, cell.info.clock
            )
        else:
            text = f"{cell.info.label}  {cell.info.clock}"
            p.setFont(small)
            p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
