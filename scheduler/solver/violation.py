"""One broken rule in a timetable, as the checker reports it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    source: str
    """The constraint id, or the entity whose own field states the rule (e.g. 'teacher T01')."""
    hard: bool
    count: int
    penalty: int
    message: str
    slot: str = ""
    """Where in the week ('Monday Period 3') when the violation is about one slot, else ''."""
