"""Undo commands: each replaces one immutable value by another, both ways.

Values are immutable, so a command keeps the old and the new value and swaps them; the labels are
what the Edit menu shows ("Undo Rename teacher T01").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from scheduler.model import Project, SchoolData, Solution

if TYPE_CHECKING:
    from scheduler.ui.document import Document


class ReplaceData(QUndoCommand):
    """Replace the school data of one scenario (any edit of an entity, the calendar or a rule)."""

    def __init__(
        self, doc: Document, scenario: str, old: SchoolData, new: SchoolData, label: str
    ) -> None:
        super().__init__(label)
        self._doc, self._scenario, self._old, self._new = doc, scenario, old, new

    def redo(self) -> None:
        self._doc._set_data(self._scenario, self._new)

    def undo(self) -> None:
        self._doc._set_data(self._scenario, self._old)


class ReplaceSolution(QUndoCommand):
    """Replace the timetable of one scenario: a solve applied, a meeting moved by hand."""

    def __init__(
        self,
        doc: Document,
        scenario: str,
        old: Solution | None,
        new: Solution | None,
        label: str,
    ) -> None:
        super().__init__(label)
        self._doc, self._scenario, self._old, self._new = doc, scenario, old, new

    def redo(self) -> None:
        self._doc._set_solution(self._scenario, self._new)

    def undo(self) -> None:
        self._doc._set_solution(self._scenario, self._old)


class ReplaceProject(QUndoCommand):
    """Replace the whole project: scenarios cloned, renamed or deleted."""

    def __init__(
        self,
        doc: Document,
        old: tuple[Project, str],
        new: tuple[Project, str],
        label: str,
    ) -> None:
        super().__init__(label)
        self._doc, self._old, self._new = doc, old, new

    def redo(self) -> None:
        self._doc._set_project(*self._new)

    def undo(self) -> None:
        self._doc._set_project(*self._old)
