"""A student's personal time in their week: lunch wave and named time away (internships, dual
enrolment...) drawn as labelled bands behind the lessons, slot-aligned, read from the domain."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen

from scheduler.model import SchoolData, Solution
from scheduler.model.personal import block_slots, members, wave_slots
from scheduler.ui.views.timetable_layout import Layout

LUNCH = QColor("#fef3c7")
LUNCH_EDGE = QColor("#d97706")
AWAY = QColor("#e0e7ff")
AWAY_EDGE = QColor("#4f46e5")


@dataclass(frozen=True, slots=True)
class Band:
    day: int
    first: int
    last: int
    """Slot indexes in the day, inclusive."""
    label: str
    lunch: bool


def personal_bands(data: SchoolData, solution: Solution | None, student: str) -> list[Band]:
    """The student's lunch wave (from the timetable) and personal blocks, one band per run of
    consecutive slots of a day."""
    out: list[Band] = []
    wave_id = solution.wave_by_student.get(student) if solution is not None else None
    for wave in data.lunch_waves:
        if wave.id == wave_id:
            out += _runs(data, wave_slots(data.calendar, wave), wave.label, lunch=True)
    for block in data.personal_blocks:
        if student in members(data, block.students, block.groups):
            out += _runs(data, block_slots(data.calendar, block), block.label, lunch=False)
    return out


def _runs(data: SchoolData, refs, label: str, *, lunch: bool) -> list[Band]:
    where = {}
    for ref in refs:
        pos = data.calendar.position(ref)
        if pos is not None:
            where.setdefault(pos[0], []).append(pos[1])
    bands = []
    for day, slots in sorted(where.items()):
        slots.sort()
        kinds = data.calendar.days[day].slots
        start = prev = slots[0]
        for s in [*slots[1:], None]:
            if s is not None and all(not kinds[k].teaching for k in range(prev + 1, s)):
                prev = s  # next to it, or only a break or lunch slot between
                continue
            bands.append(Band(day, start, prev, label, lunch))
            if s is not None:
                start = prev = s
    return bands


def paint_bands(p: QPainter, layout: Layout, bands: list[Band], clip: QRectF, font: QFont) -> None:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.85)
    small.setItalic(True)
    p.setFont(small)
    for band in bands:
        first = layout.cells.get((band.day, band.day, band.first))
        last = layout.cells.get((band.day, band.day, band.last))
        if first is None or last is None:
            continue
        rect = first.united(last).adjusted(2, 1, -2, -1)
        if not rect.intersects(clip):
            continue
        fill, edge = (LUNCH, LUNCH_EDGE) if band.lunch else (AWAY, AWAY_EDGE)
        p.setPen(QPen(edge, 1, Qt.PenStyle.DashLine))
        p.setBrush(QBrush(fill))
        p.drawRoundedRect(rect, 4, 4)
        p.setPen(edge)
        text = rect.adjusted(6, 3, -6, -3)
        p.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, band.label)
