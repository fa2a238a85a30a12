"""Painting the timetable grid: the clock, the slots, the cards and the drag feedback."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from scheduler.model import Calendar
from scheduler.ui.views.timetable_cards import Card
from scheduler.ui.views.timetable_layout import Layout

BACKGROUND = QColor("#ffffff")
HEADER = QColor("#f1f5f9")
GRID = QColor("#e2e8f0")
HOUR = QColor("#cbd5e1")
TEXT = QColor("#0f172a")
MUTED = QColor("#64748b")
PAUSE = QColor("#f8fafc")
OK = QColor(22, 163, 74, 46)
OK_EDGE = QColor("#16a34a")
BAD = QColor(220, 38, 38, 40)
BAD_EDGE = QColor("#dc2626")
SELECTED = QColor("#1d4ed8")


def tint(color: QColor, amount: float) -> QColor:
    """``amount`` of the colour over white: 0 is white, 1 the colour itself."""
    return QColor(
        round(255 - (255 - color.red()) * amount),
        round(255 - (255 - color.green()) * amount),
        round(255 - (255 - color.blue()) * amount),
    )


def paint_cells(p: QPainter, layout: Layout, calendar: Calendar, clip: QRectF, font: QFont) -> None:
    p.fillRect(clip, BACKGROUND)
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.85)
    p.setFont(small)
    for (_lane, d, s), rect in layout.cells.items():
        if not rect.intersects(clip):
            continue
        slot = calendar.days[d].slots[s]
        if not slot.teaching:
            p.fillRect(rect, PAUSE)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(GRID, Qt.BrushStyle.BDiagPattern))
            p.drawRect(rect)
            if rect.height() >= 14 and rect.width() >= 30:
                p.setPen(MUTED)
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, _elide(p, slot.label, rect.width()))
        p.setPen(QPen(GRID, 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)
    if not layout.master:
        p.setPen(QPen(HOUR, 1, Qt.PenStyle.DotLine))
        for y, _text in layout.hours:
            if clip.top() - 1 <= y <= clip.bottom() + 1:
                p.drawLine(QPointF(layout.gutter, y), QPointF(layout.width, y))


def paint_headers(p: QPainter, layout: Layout, calendar: Calendar, view: QRectF, font: QFont):
    """Day, slot, clock and room labels, kept in sight at the top and left while scrolling."""
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.85)
    bold = QFont(font)
    bold.setBold(True)
    top, left = view.top(), view.left()
    if layout.master:
        p.fillRect(QRectF(left, top, view.width(), layout.header), HEADER)
        p.setFont(small)
        for d, s, head in layout.slot_heads:
            slot = calendar.days[d].slots[s]
            r = head.translated(0, top)
            if slot.teaching and r.intersects(view):
                p.setPen(MUTED)
                text = slot.label if r.width() > 70 else slot.id
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, _elide(p, text, r.width()))
        p.setFont(bold)
        for d, band in layout.days:
            r = band.translated(0, top)
            p.setPen(TEXT)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, calendar.days[d].label)
        p.fillRect(QRectF(left, view.top() + layout.header, layout.gutter, view.height()), HEADER)
        for _lane, text, rect in layout.lanes:
            r = rect.translated(left, 0)
            if r.bottom() < top + layout.header or r.top() > view.bottom():
                continue
            p.setPen(QPen(GRID, 1))
            p.drawLine(r.bottomLeft(), r.bottomRight())
            p.setPen(TEXT)
            align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            p.drawText(r.adjusted(10, 0, -6, 0), align, _elide(p, text, r.width() - 16))
        p.fillRect(QRectF(left, top, layout.gutter, layout.header), HEADER)
        p.setPen(QPen(HOUR, 1))
        p.drawLine(QPointF(left, top + layout.header), QPointF(view.right(), top + layout.header))
        return
    p.fillRect(QRectF(left, top, layout.gutter, view.height()), BACKGROUND)
    p.setFont(small)
    for y, text in layout.hours:
        if top + layout.header - 4 <= y <= view.bottom():
            p.setPen(MUTED)
            p.drawText(
                QRectF(left, y - 8, layout.gutter - 8, 16), Qt.AlignmentFlag.AlignRight, text
            )
    p.setFont(bold)
    p.setBrush(Qt.BrushStyle.NoBrush)
    for _lane, text, rect in layout.lanes:
        r = rect.translated(0, top)
        p.fillRect(r, HEADER)
        p.setPen(QPen(GRID, 1))
        p.drawRect(r)
        p.setPen(TEXT)
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, _elide(p, text, r.width() - 8))
    p.fillRect(QRectF(left, top, layout.gutter, layout.header), HEADER)


def paint_card(
    p: QPainter, card: Card, rect: QRectF, font: QFont, *, selected: bool, lifted: bool
) -> None:
    base = QColor(card.color)
    r = rect.adjusted(2, 1.5, -2, -1.5)
    path = QPainterPath()
    path.addRoundedRect(r, 4, 4)
    p.setPen(QPen(SELECTED if selected else base.darker(125), 2.2 if selected else 1))
    p.setBrush(tint(base, 0.12 if lifted else 0.24))
    p.drawPath(path)
    stripe = QRectF(r.left(), r.top(), 4, r.height())
    p.save()
    p.setClipPath(path)
    p.fillRect(stripe, base)
    p.restore()
    text = r.adjusted(8, 2, -4, -2)
    if card.pinned:
        _pin(p, QPointF(r.right() - 9, r.top() + 9))
        text.setRight(text.right() - 14)
    bold = QFont(font)
    bold.setBold(True)
    lines = [(card.title, bold, TEXT), (card.teachers, font, MUTED), (card.room_label, font, MUTED)]
    y = text.top()
    for value, f, color in lines:
        if not value:
            continue
        height = QFontMetricsF(f).height()
        if y + height > text.bottom() + 2:
            break
        p.setFont(f)
        p.setPen(TEXT if color == TEXT else base.darker(210))
        p.drawText(
            QRectF(text.left(), y, text.width(), height),
            Qt.AlignmentFlag.AlignLeft,
            _elide(p, value, text.width()),
        )
        y += height


def _pin(p: QPainter, at: QPointF) -> None:
    """A small pushpin: the badge of a pinned card."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#334155"), 1.6))
    p.drawLine(at + QPointF(0, 2), at + QPointF(0, 7))
    p.setBrush(QColor("#e11d48"))
    p.setPen(QPen(QColor("#9f1239"), 1))
    p.drawEllipse(at + QPointF(0, -1), 4, 4)
    p.restore()


def paint_target(p: QPainter, rect: QRectF, allowed: bool) -> None:
    p.fillRect(rect.adjusted(1, 1, -1, -1), OK if allowed else BAD)


def paint_ghost(
    p: QPainter, rect: QRectF, allowed: bool, label: str, font: QFont, detail: str = ""
) -> None:
    edge = OK_EDGE if allowed else BAD_EDGE
    r = rect.adjusted(2, 1.5, -2, -1.5)
    p.setPen(QPen(edge, 2.5, Qt.PenStyle.DashLine if allowed else Qt.PenStyle.SolidLine))
    p.setBrush(tint(edge, 0.18))  # opaque: the card underneath must not show through the text
    p.drawRoundedRect(r, 4, 4)
    bold = QFont(font)
    bold.setBold(True)
    p.setFont(bold)
    p.setPen(edge.darker(150))
    text = label if allowed else f"✕ {label}"
    p.drawText(
        r.adjusted(6, 2, -4, -2), Qt.AlignmentFlag.AlignLeft, _elide(p, text, r.width() - 10)
    )
    if detail and r.height() > 36:
        p.setFont(font)
        line = QFontMetricsF(bold).height() + 2
        p.drawText(
            r.adjusted(6, line, -4, -2),
            Qt.AlignmentFlag.AlignLeft,
            _elide(p, detail, r.width() - 10),
        )


def _elide(p: QPainter, text: str, width: float) -> str:
    return p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(0, int(width)))
