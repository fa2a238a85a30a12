"""Icons: the platform style's where it has one, else a simple drawn glyph; and the app icon."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

SP = QStyle.StandardPixmap
INK = QColor("#334155")


def standard(pixmap: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(pixmap)


def _pen(color: str, width: float) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _draw(paint, size: int = 32) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint(p, size)
    finally:
        p.end()
    return QIcon(pm)


@cache
def add() -> QIcon:
    def paint(p: QPainter, s: int) -> None:
        p.setPen(_pen("#15803d", s / 8))
        p.drawLine(QPointF(s / 2, s * 0.2), QPointF(s / 2, s * 0.8))
        p.drawLine(QPointF(s * 0.2, s / 2), QPointF(s * 0.8, s / 2))

    return _draw(paint)


@cache
def duplicate() -> QIcon:
    def paint(p: QPainter, s: int) -> None:
        p.setPen(QPen(INK, s / 14))
        p.setBrush(QColor("#e2e8f0"))
        p.drawRoundedRect(QRectF(s * 0.15, s * 0.15, s * 0.5, s * 0.5), 3, 3)
        p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(QRectF(s * 0.35, s * 0.35, s * 0.5, s * 0.5), 3, 3)

    return _draw(paint)


@cache
def remove() -> QIcon:
    def paint(p: QPainter, s: int) -> None:
        p.setPen(_pen("#b42318", s / 8))
        p.drawLine(QPointF(s * 0.25, s * 0.25), QPointF(s * 0.75, s * 0.75))
        p.drawLine(QPointF(s * 0.75, s * 0.25), QPointF(s * 0.25, s * 0.75))

    return _draw(paint)


@cache
def spreadsheet() -> QIcon:
    def paint(p: QPainter, s: int) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#15803d"))
        p.drawRoundedRect(QRectF(s * 0.1, s * 0.1, s * 0.8, s * 0.8), 4, 4)
        p.setPen(QPen(QColor("#ffffff"), s / 16))
        for f in (0.37, 0.63):
            p.drawLine(QPointF(s * 0.18, s * f), QPointF(s * 0.82, s * f))
            p.drawLine(QPointF(s * f, s * 0.18), QPointF(s * f, s * 0.82))

    return _draw(paint)


@cache
def arrow(up: bool) -> QIcon:
    return standard(SP.SP_ArrowUp if up else SP.SP_ArrowDown)


def swatch(color: str, size: int = 16) -> QIcon:
    def paint(p: QPainter, s: int) -> None:
        p.setPen(QPen(QColor(0, 0, 0, 60), 1))
        p.setBrush(QColor(color))
        p.drawRoundedRect(QRectF(1.5, 1.5, s - 3, s - 3), 3, 3)

    return _draw(paint, size)


@cache
def app_icon() -> QIcon:
    """A week grid with coloured lessons: what the app is about, legible at 16 px."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(_app_pixmap(size))
    return icon


def _app_pixmap(s: int) -> QPixmap:
    pm = QPixmap(s, s)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QPainterPath()
    frame.addRoundedRect(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92), s * 0.18, s * 0.18)
    p.fillPath(frame, QColor("#1e3a8a"))
    colors = ["#60a5fa", "#fbbf24", "#34d399", "#f87171", "#a78bfa", "#ffffff"]
    cell, gap, x0 = s * 0.24, s * 0.05, s * 0.135
    for row in range(3):
        for col in range(3):
            color = QColor(colors[(row * 2 + col) % len(colors)])
            if (row + col) % 3 == 1:
                color = QColor(255, 255, 255, 70)
            rect = QRectF(x0 + col * (cell + gap), x0 + row * (cell + gap), cell, cell)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            p.drawRoundedRect(rect, s * 0.04, s * 0.04)
    p.end()
    return pm
