"""Cell values: how each kind of column reads what people type and writes what Flexday holds.

A reader gets what openpyxl or the csv module hands over (text, numbers, booleans, times) and
either returns a domain value or raises ``ValueError`` with a short message for the user, such as
``expected a whole number, got 'ten'``. Lists are comma separated; an item holding a comma is
quoted the way CSV quotes it (``"Smith, J", T2``), so any id survives a round trip.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

YES = ("yes", "y", "true", "1", "x", "on")
NO = ("no", "n", "false", "0", "off")


def text(raw: object) -> str:
    """A cell as text: Excel's whole numbers lose their '.0', times print as clock times."""
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.isoformat(sep=" ")
    if isinstance(raw, time):
        return raw.strftime("%H:%M")
    return str(raw).strip()


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def split_list(raw: object) -> tuple[str, ...]:
    """'a, b, "c, d"' -> ('a', 'b', 'c, d'); blank items are dropped."""
    line = text(raw).replace("\n", ",").replace(";", ",") if not _quoted(raw) else text(raw)
    # a quoted list may still hold line breaks (Alt+Enter in Excel): outside quotes they part
    # items like commas, inside quotes they belong to the item
    try:
        rows = list(csv.reader(io.StringIO(line, newline=""), skipinitialspace=True))
    except csv.Error as exc:
        raise ValueError(f"cannot read the list {_short(line)!r} ({exc})") from None
    return tuple(item.strip() for row in rows for item in row if item.strip())


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _quoted(raw: object) -> bool:
    return isinstance(raw, str) and '"' in raw


def join_list(items) -> str:
    """The inverse of ``split_list``: quote only the items that need it."""
    out = []
    for item in items:
        item = str(item)
        if any(ch in item for ch in ',;"\n') or item != item.strip():
            item = '"' + item.replace('"', '""') + '"'
        out.append(item)
    return ", ".join(out)


class Kind:
    """One kind of cell: ``parse`` reads a non-blank cell, ``cell`` writes a value back."""

    label = "text"

    def parse(self, raw: object) -> object:
        return text(raw)

    def cell(self, value: object) -> object:
        return value

    def choices(self) -> tuple[str, ...]:
        return ()


class Text(Kind):
    pass


@dataclass(frozen=True)
class Int(Kind):
    minimum: int | None = None
    label: str = "whole number"

    def parse(self, raw: object) -> int:
        value = _whole(raw)
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"must be at least {self.minimum}, got {value}")
        return value


def _whole(raw: object) -> int:
    if isinstance(raw, bool):
        raise ValueError(f"expected a whole number, got {text(raw)!r}")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    s = text(raw)
    if re.fullmatch(r"[+-]?\d+(\.0*)?", s):
        return int(float(s)) if "." in s else int(s)
    raise ValueError(f"expected a whole number, got {s!r}")


class Bool(Kind):
    label = "yes or no"

    def parse(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        s = text(raw).lower()
        if s in YES:
            return True
        if s in NO:
            return False
        raise ValueError(f"expected yes or no, got {text(raw)!r}")

    def cell(self, value: object) -> object:
        return "yes" if value else "no"

    def choices(self) -> tuple[str, ...]:
        return ("yes", "no")


@dataclass(frozen=True)
class Choice(Kind):
    options: tuple[str, ...] = ()
    label: str = "one of a list"

    def parse(self, raw: object) -> str:
        s = text(raw)
        for option in self.options:
            if _key(option) == _key(s):
                return option
        shown = ", ".join(self.options[:12]) + (", …" if len(self.options) > 12 else "")
        raise ValueError(f"{s!r} is not one of: {shown}")

    def choices(self) -> tuple[str, ...]:
        return self.options


def _key(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.lower())


class TextList(Kind):
    label = "comma-separated list"

    def parse(self, raw: object) -> tuple[str, ...]:
        return split_list(raw)

    def cell(self, value: object) -> object:
        return join_list(value) if value else None


class IntList(Kind):
    label = "comma-separated whole numbers"

    def parse(self, raw: object) -> tuple[int, ...]:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return (_whole(raw),)
        return tuple(_whole(item) for item in split_list(raw))

    def cell(self, value: object) -> object:
        if value and len(value) == 1:
            return value[0]  # a number, so Excel does not flag a number stored as text
        return ", ".join(str(v) for v in value) if value else None


class Clock(Kind):
    label = "clock time (hh:mm)"

    def parse(self, raw: object) -> time:
        if isinstance(raw, datetime):
            raw = raw.time()
        if isinstance(raw, time):
            return _round_to_second(raw)
        if isinstance(raw, float | int) and not isinstance(raw, bool) and 0 <= raw < 1:
            seconds = round(raw * 86400)
            return (datetime.min + timedelta(seconds=seconds)).time()
        s = text(raw)
        m = re.fullmatch(r"(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*(?:([ap])\.?m\.?)?", s.lower())
        hour = int(m[1]) if m else 99
        if m and m[4]:  # 12-hour clock: 12:30 am is 00:30, 1:15 pm is 13:15
            hour = hour % 12 + (12 if m[4] == "p" else 0) if 1 <= hour <= 12 else 99
        if not m or hour > 23 or int(m[2]) > 59 or int(m[3] or 0) > 59:
            raise ValueError(f"expected a clock time such as 08:30, got {s!r}")
        return time(hour, int(m[2]), int(m[3] or 0))

    def cell(self, value: object) -> object:
        assert isinstance(value, time)
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _round_to_second(t: time) -> time:
    """Excel keeps times as fractions of a day; a float can come back a hair under the minute."""
    total = t.hour * 3600 + t.minute * 60 + t.second + round(t.microsecond / 1e6)
    total = min(total, 86399)
    return time(total // 3600, total % 3600 // 60, total % 60)


class Colour(Kind):
    label = "colour (#RRGGBB)"

    def parse(self, raw: object) -> str:
        s = text(raw)
        s = s if s.startswith("#") else "#" + s
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", s):
            raise ValueError(f"expected a colour such as #AEC7E8, got {text(raw)!r}")
        return s


TEXT = Text()
BOOL = Bool()
TEXT_LIST = TextList()
INT_LIST = IntList()
CLOCK = Clock()
COLOUR = Colour()


def read_csv_text(data: str) -> list[list[str]]:
    """Rows of a CSV file; the delimiter (comma, semicolon or tab) is guessed from the header."""
    first = data.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if first else ","
    return list(csv.reader(io.StringIO(data), delimiter=delimiter))
