"""Declarative sheet and column definitions, and how a header typed by a person finds its column.

A ``Column`` says which field it fills, what kind of value it holds, whether it must be there, what
it refers to (``ref``: another sheet's ids) and what the template's header comment explains. A
``Sheet`` is a named list of columns. Adding a field to the workbook is adding one ``Column`` to a
sheet in ``schema``; the reader, the writer, the template, drop-downs and reference checks follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scheduler.io.sheets.values import TEXT, Kind


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    help: str
    kind: Kind = TEXT
    required: bool = False
    ref: str | None = None
    """The kind of entity this column names (``teacher``, ``room``, ``slot``, ...), checked on
    import and offered as a drop-down in the template."""
    synonyms: tuple[str, ...] = ()
    width: int | None = None

    def keys(self, entity: str) -> set[str]:
        names = {self.header, *self.synonyms}
        keys = {header_key(n) for n in names}
        keys |= {header_key(f"{entity} {n}") for n in names}
        return keys


@dataclass(frozen=True)
class Sheet:
    name: str
    entity: str
    """Singular noun of a row, used in messages and as an optional header prefix
    ('Teacher name' matches the 'Name' column of Teachers)."""
    help: str
    columns: tuple[Column, ...]
    synonyms: tuple[str, ...] = ()
    required: bool = False
    single_row: bool = False
    id_column: str | None = "id"
    """The field whose values must be unique (the sheet's ids), if any."""
    index: dict[str, Column] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        seen: dict[str, str] = {}
        for column in self.columns:
            self.index[column.field] = column
            for key in column.keys(self.entity):
                other = seen.setdefault(key, column.header)
                if other != column.header:
                    raise ValueError(
                        f"sheet {self.name}: header {key!r} fits both {other!r} and "
                        f"{column.header!r}"
                    )

    def name_keys(self) -> set[str]:
        return {header_key(n) for n in (self.name, *self.synonyms)}

    def column(self, header: str) -> Column | None:
        key = header_key(header)
        return next((c for c in self.columns if key in c.keys(self.entity)), None)


def header_key(text: str) -> str:
    """Case, spaces, punctuation and a plural 's' do not matter: 'Max. slots / day' and
    'max slots per day' differ only in 'per', which is dropped too."""
    words = re.findall(r"[0-9a-z]+", text.lower())
    words = [w for w in words if w not in ("per", "of", "the", "a")]
    return "".join(words).removesuffix("s")


def id_column(what: str, example: str) -> Column:
    return Column(
        "ID",
        "id",
        f"Unique short code of the {what}, used on the other sheets to refer to it "
        f"(e.g. {example}).",
        required=True,
        synonyms=("code", "short name", "abbreviation", what),
    )


def name_column(what: str) -> Column:
    return Column(
        "Name",
        "name",
        f"Full name of the {what}, shown in timetables.",
        synonyms=("full name", "long name", "title"),
        width=24,
    )
