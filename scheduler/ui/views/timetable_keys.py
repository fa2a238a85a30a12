"""The timetable grid without a mouse: arrows choose a card, Space picks it up, arrows carry it
(with the same green/red verdicts as a drag), Enter puts it down, Esc cancels, P pins."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QToolTip

from scheduler.ui.views.timetable_layout import Cell

if TYPE_CHECKING:
    from scheduler.ui.views.timetable_grid import TimetableGrid

ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


def handle_key(grid: TimetableGrid, event: QKeyEvent) -> bool:
    key = event.key()
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    carry = grid.carry
    if carry is not None and carry.by_keys:
        if key in ARROWS:
            target = _step(grid, carry.target, *ARROWS[key])
            if target is not None:
                carry.target = target
                _announce(grid, target)
                grid.update()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            grid.drop(force=shift)
            return True
        if key == Qt.Key.Key_Escape:
            grid.cancel_carry()
            return True
        return False
    if carry is not None and key == Qt.Key.Key_Escape:
        grid.cancel_carry()
        return True
    if key in ARROWS:
        _select_towards(grid, *ARROWS[key])
        return True
    if key == Qt.Key.Key_Home and grid._placed:
        grid.selected = min(grid._placed, key=lambda cr: (cr[1].top(), cr[1].left()))[0].key
        _show_selected(grid)
        return True
    card = next((c for c, _ in grid._placed if c.key == grid.selected), None)
    if card is None:
        return False
    if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
        grid.pick_up(card, by_keys=True)
        if grid.carry is not None:  # a flex card is not picked up
            _announce(grid, grid.carry.target)
        return True
    if key == Qt.Key.Key_P:
        grid.pinToggled.emit(*card.key)
        return True
    if key == Qt.Key.Key_F10 and shift:
        rect = grid.rect_of(card.key)
        pos = rect.center().toPoint()
        grid.contextMenuEvent(
            QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, grid.mapToGlobal(pos))
        )
        return True
    return False


def _step(grid: TimetableGrid, cell: Cell | None, dx: int, dy: int) -> Cell | None:
    if cell is None:
        return None
    lane, d, s = cell
    days = grid.data.calendar.days
    if not grid.master:
        if dy:
            s = min(max(0, s + dy), len(days[d].slots) - 1)
        else:
            d = min(max(0, d + dx), len(days) - 1)
            s = min(s, len(days[d].slots) - 1)
        return (d, d, s)
    if dy:
        lanes = [ln for ln, _ in grid.rooms]
        i = min(max(0, lanes.index(lane) + dy), len(lanes) - 1)
        return (lanes[i], d, s)
    s += dx
    shown = grid.days
    if s < 0:
        i = shown.index(d)
        if i == 0:
            return cell
        d = shown[i - 1]
        s = len(days[d].slots) - 1
    elif s >= len(days[d].slots):
        i = shown.index(d)
        if i == len(shown) - 1:
            return cell
        d = shown[i + 1]
        s = 0
    return (lane, d, s)


def _announce(grid: TimetableGrid, cell: Cell | None) -> None:
    if cell is None:
        return
    text = grid.describe(cell, grid.verdict(cell))
    grid.hint.emit(text.replace("\n", " "))
    rect = grid.target_rect(cell)
    if rect is not None:
        at = grid.mapToGlobal(rect.bottomLeft().toPoint() + QPoint(8, 6))
        QToolTip.showText(at, text, grid)


def _select_towards(grid: TimetableGrid, dx: int, dy: int) -> None:
    if not grid._placed:
        return
    current = grid.rect_of(grid.selected) if grid.selected else None
    if current is None:
        grid.selected = grid._placed[0][0].key
        _show_selected(grid)
        return
    here = current.center()
    best, best_score = None, None
    for card, rect in grid._placed:
        if card.key == grid.selected:
            continue
        delta = rect.center() - here
        along = delta.x() * dx + delta.y() * dy
        if along <= 1:
            continue
        across = abs(delta.y()) if dx else abs(delta.x())
        score = along + 2 * across
        if best_score is None or score < best_score:
            best, best_score = card, score
    if best is not None:
        grid.selected = best.key
        _show_selected(grid)


def _show_selected(grid: TimetableGrid) -> None:
    rect = grid.rect_of(grid.selected)
    card = next(c for c, _ in grid._placed if c.key == grid.selected)
    grid.hint.emit(
        f"{card.title}, {card.teachers or 'no teacher'}, {card.room_label or 'no room'}: "
        "Space to move, P to pin, Shift+F10 for more."
    )
    grid.setAccessibleDescription(card.title)
    if rect is not None:
        parent = grid.parentWidget()
        scroll = parent.parentWidget() if parent is not None else None
        if hasattr(scroll, "ensureVisible"):
            c = rect.center()
            scroll.ensureVisible(
                int(c.x()), int(c.y()), int(rect.width() / 2) + 60, int(rect.height() / 2) + 60
            )
    grid.update()
