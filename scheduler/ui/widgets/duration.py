"""A spin box for a duration in seconds, shown and typed as "45 s", "2 min" or "1 min 30 s"."""

from __future__ import annotations

import re

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

_PART = re.compile(r"(\d+)\s*(hours?|h|minutes?|mins?|m|seconds?|secs?|s)?", re.IGNORECASE)
_UNITS = {"h": 3600, "m": 60, "s": 1}


def parse_duration(text: str) -> int | None:
    """Seconds in "90", "90 s", "2 min", "1 min 30 s", "1:30" or "1 h 5 min"; None if unreadable."""
    text = text.strip().lower()
    if not text:
        return None
    if re.fullmatch(r"\d+:\d{1,2}", text):
        minutes, seconds = text.split(":")
        return int(minutes) * 60 + int(seconds)
    total, pos = 0, 0
    for match in _PART.finditer(text):
        if text[pos : match.start()].strip():
            return None
        unit = (match.group(2) or "s")[0]
        total += int(match.group(1)) * _UNITS[unit]
        pos = match.end()
    return total if not text[pos:].strip() and pos else None


def format_duration(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h"] if hours else []
    if minutes:
        parts.append(f"{minutes} min")
    if secs or not parts:
        parts.append(f"{secs} s")
    return " ".join(parts)


class DurationSpinBox(QSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccelerated(True)
        self.setMinimumWidth(110)

    def textFromValue(self, value: int) -> str:
        return format_duration(value)

    def valueFromText(self, text: str) -> int:
        seconds = parse_duration(text)
        return self.value() if seconds is None else seconds

    def validate(self, text: str, pos: int) -> object:
        seconds = parse_duration(text)
        if seconds is None:
            partial = re.fullmatch(r"[\d\s:a-z]*", text.strip().lower()) is not None
            state = QValidator.State.Intermediate if partial else QValidator.State.Invalid
            return state, text, pos
        if self.minimum() <= seconds <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:
        """Steps of 5 s below a minute, 30 s below ten minutes, then whole minutes."""
        value = self.value()
        for _ in range(abs(steps)):
            up = steps > 0
            size = (
                5
                if value < 60 or (value == 60 and not up)
                else 30
                if value < 600 or (value == 600 and not up)
                else 60
            )
            value += size if up else -size
        self.setValue(max(self.minimum(), min(self.maximum(), value)))
