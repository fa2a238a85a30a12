"""Where every slot and card of the timetable grid goes, drawn to the clock.

Week layout: one column per day, time running down, each slot as tall as it is long, so a
Wednesday of 90-minute blocks lines up with a Monday of 50-minute periods. Master layout: one row
per room, time running right, the chosen days side by side. Either way a cell is addressed as
(lane, day, slot), where the lane is the day (week) or the room (master).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF

from scheduler.model import Calendar
from scheduler.ui.views.timetable_cards import Card

Cell = tuple[object, int, int]
"""(lane, day index, slot index)."""

NO_ROOM = "\x00no-room"


def minutes(t) -> int:
    return t.hour * 60 + t.minute


@dataclass
class Layout:
    master: bool
    width: float = 0.0
    height: float = 0.0
    cells: dict[Cell, QRectF] = field(default_factory=dict)
    lanes: list[tuple[object, str, QRectF]] = field(default_factory=list)
    """(lane, label, header rect) for day columns or room rows."""
    days: list[tuple[int, QRectF]] = field(default_factory=list)
    """Day bands of the master layout, with their header rect."""
    hours: list[tuple[float, str]] = field(default_factory=list)
    """Clock marks of the week layout: (y, "09:00")."""
    slot_heads: list[tuple[int, int, QRectF]] = field(default_factory=list)
    """Slot labels of the master layout: (day, slot, rect)."""
    header: float = 0.0
    gutter: float = 0.0
    _rows: dict[object, list[tuple[Cell, QRectF]]] = field(default_factory=dict)

    def cell_at(self, point: QPointF) -> Cell | None:
        for lane_cells in self._lane_candidates(point):
            for cell, rect in lane_cells:
                if rect.contains(point):
                    return cell
        return None

    def _lane_candidates(self, point: QPointF):
        for lane, _label, rect in self.lanes:
            inside = (
                rect.top() <= point.y() < rect.bottom()
                if self.master
                else rect.left() <= point.x() < rect.right()
            )
            if inside:
                yield self._rows.get(lane, [])

    def card_rect(self, lane: object, card: Card) -> QRectF | None:
        first = self.cells.get((lane, card.day, card.first))
        last = self.cells.get((lane, card.day, card.last))
        if first is None or last is None:
            return None
        return first.united(last)


def week_layout(calendar: Calendar, width: float, height: float) -> Layout:
    out = Layout(master=False, header=34.0, gutter=58.0)
    days = calendar.days
    start, end = _clock_span(days)
    span = max(1, end - start)
    top = out.header + 10  # room for the first clock label
    scale = max(1.15, (height - top - 8) / span)
    column = max(120.0, (width - out.gutter) / max(1, len(days)))
    for d, day in enumerate(days):
        x = out.gutter + d * column
        out.lanes.append((d, day.label, QRectF(x, 0, column, out.header)))
        for s, slot in enumerate(day.slots):
            y = top + (minutes(slot.start) - start) * scale
            rect = QRectF(x, y, column, slot.minutes * scale)
            out.cells[(d, d, s)] = rect
    for hour in range(start // 60 + (start % 60 > 0), end // 60 + 1):  # whole hours inside
        out.hours.append((top + (hour * 60 - start) * scale, f"{hour:02d}:00"))
    out.width = out.gutter + column * len(days)
    out.height = top + span * scale + 8
    _index(out)
    return out


def master_layout(
    calendar: Calendar,
    rooms: list[tuple[object, str]],
    days: list[int],
    width: float,
    row_height: float = 40.0,
) -> Layout:
    out = Layout(master=True, header=50.0, gutter=150.0)
    chosen = [(d, calendar.days[d]) for d in days]
    spans = [_clock_span([day]) for _, day in chosen]
    total = sum(max(1, e - s) for s, e in spans) or 1
    gap = 10.0
    scale = max(1.9, (width - out.gutter - gap * len(chosen)) / total)
    x = out.gutter
    for (d, day), (start, end) in zip(chosen, spans, strict=True):
        band = max(1, end - start) * scale
        out.days.append((d, QRectF(x, 0, band, out.header / 2)))
        for s, slot in enumerate(day.slots):
            left = x + (minutes(slot.start) - start) * scale
            head = QRectF(left, out.header / 2, slot.minutes * scale, out.header / 2)
            out.slot_heads.append((d, s, head))
        for r, (lane, _label) in enumerate(rooms):
            y = out.header + r * row_height
            for s, slot in enumerate(day.slots):
                left = x + (minutes(slot.start) - start) * scale
                out.cells[(lane, d, s)] = QRectF(left, y, slot.minutes * scale, row_height)
        x += band + gap
    for r, (lane, label) in enumerate(rooms):
        out.lanes.append(
            (lane, label, QRectF(0, out.header + r * row_height, out.gutter, row_height))
        )
    out.width = x
    out.height = out.header + len(rooms) * row_height
    _index(out)
    return out


def _clock_span(days) -> tuple[int, int]:
    starts = [minutes(s.start) for day in days for s in day.slots]
    ends = [minutes(s.end) for day in days for s in day.slots]
    if not starts:
        return 8 * 60, 15 * 60
    return min(starts), max(ends)


def _index(layout: Layout) -> None:
    rows: dict[object, list[tuple[Cell, QRectF]]] = defaultdict(list)
    for cell, rect in layout.cells.items():
        rows[cell[0]].append((cell, rect))
    layout._rows = dict(rows)


def pack(cards: list[tuple[Card, QRectF]], master: bool) -> list[tuple[Card, QRectF]]:
    """Share the room between overlapping cards of one lane: side by side in a day column,
    stacked in a room row, so a clash is visible rather than hidden under another card."""
    out: list[tuple[Card, QRectF]] = []
    by_lane: dict[tuple, list[tuple[Card, QRectF]]] = defaultdict(list)
    for card, rect in cards:
        key = (round(rect.left()), card.day) if not master else (round(rect.top()), card.day)
        by_lane[key].append((card, rect))
    for group in by_lane.values():
        group.sort(key=lambda cr: (cr[0].first, -cr[0].last, cr[0].title))
        columns: list[int] = []  # last slot index used per column
        placed: list[tuple[Card, QRectF, int]] = []
        clusters: list[list[int]] = []
        end_of_cluster = -1
        for card, rect in group:
            if card.first > end_of_cluster:
                clusters.append([])
                columns = []
            col = next((i for i, last in enumerate(columns) if last < card.first), None)
            if col is None:
                col = len(columns)
                columns.append(card.last)
            else:
                columns[col] = card.last
            end_of_cluster = max(end_of_cluster, card.last)
            clusters[-1].append(len(placed))
            placed.append((card, rect, col))
        for cluster in clusters:
            n = 1 + max(placed[i][2] for i in cluster)
            for i in cluster:
                card, rect, col = placed[i]
                if n > 1:
                    if master:
                        h = rect.height() / n
                        rect = QRectF(rect.left(), rect.top() + col * h, rect.width(), h)
                    else:
                        w = rect.width() / n
                        rect = QRectF(rect.left() + col * w, rect.top(), w, rect.height())
                out.append((card, rect))
    return out
