"""How a domain field appears in a table cell and how typed text turns back into a value.

Parsers raise ``ValueError`` with a message a scheduler understands; the model shows it on the
cell and in the status line and leaves the value as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from typing import Any, Literal

from pydantic import ValidationError

from scheduler.model import SlotRef

Kind = Literal["text", "int", "bool", "ids", "durations", "color", "slots", "time", "choice"]


@dataclass(frozen=True)
class Column:
    title: str
    field: str | None
    """The domain field edited through this column; None for a read-only column."""
    kind: Kind = "text"
    get: Callable[[Any], Any] | None = None
    """Value shown, when not simply the field (read-only columns, summaries)."""
    tip: str = ""
    width: int = 120
    optional: bool = False
    """For numbers: an empty cell means 'not set' (None)."""
    choices: tuple[str, ...] = ()
    """For a 'choice' column: the values offered in a drop-down."""

    @property
    def editable(self) -> bool:
        return self.field is not None

    def value(self, item: Any) -> Any:
        return self.get(item) if self.get else getattr(item, self.field or "")

    def display(self, item: Any) -> str:
        return show(self.value(item), self.kind)

    def parse(self, text: Any) -> Any:
        value = parse(text, self.kind, optional=self.optional)
        if self.choices and value not in self.choices:
            raise ValueError(f"choose one of {', '.join(self.choices)}")
        return value


def show(value: Any, kind: Kind = "text") -> str:
    if value is None:
        return ""
    if kind == "durations":
        return "+".join(str(v) for v in value)
    if kind == "time":
        return f"{value:%H:%M}"
    if kind == "slots":
        return ", ".join(f"{r.day} {r.slot}" for r in value)
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return str(value)


def parse(text: Any, kind: Kind, *, optional: bool = False) -> Any:
    if kind == "bool":
        return bool(text)
    raw = "" if text is None else str(text).strip()
    if kind == "int":
        if not raw:
            if optional:
                return None
            raise ValueError("a whole number is needed")
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"{raw!r} is not a whole number") from None
    if kind == "ids":
        return tuple(dict.fromkeys(p.strip() for p in re.split(r"[,;]", raw) if p.strip()))
    if kind == "durations":
        parts = [p for p in re.split(r"[+,;\s]+", raw) if p]
        try:
            return tuple(int(p) for p in parts)
        except ValueError:
            raise ValueError(
                "meetings are lengths in slots joined by '+', e.g. '2 + 1 + 1'"
            ) from None
    if kind == "time":
        m = re.fullmatch(r"(\d{1,2})[:.h]?(\d{2})", raw)
        if not m or int(m[1]) > 23 or int(m[2]) > 59:
            raise ValueError(f"{raw!r} is not a clock time such as 08:30")
        return time(int(m[1]), int(m[2]))
    if kind == "color":
        if not raw:
            return None
        return raw if raw.startswith("#") else f"#{raw}"
    if kind == "slots":
        refs = []
        for part in (p.strip() for p in raw.split(",")):
            if not part:
                continue
            bits = part.split()
            if len(bits) != 2:
                raise ValueError(f"{part!r}: write a slot as 'DAY SLOT', e.g. 'MON P1'")
            refs.append(SlotRef(day=bits[0], slot=bits[1]))
        return tuple(refs)
    if not raw and optional:
        return None
    return raw


def explain(exc: Exception) -> str:
    """One line for the status bar from a parse or validation error."""
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        msg = first.get("msg", str(exc))
        msg = msg.removeprefix("Value error, ")
        return msg[0].lower() + msg[1:] if msg else msg
    return str(exc)


def unique_id(prefix: str, taken: set[str] | frozenset[str] | dict) -> str:
    """``prefix`` followed by the smallest number not in use: T31, R23, ACT5."""
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"
