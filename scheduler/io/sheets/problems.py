"""Located problems of a spreadsheet import: ``Requests!C14: unknown course 'Chem 2'``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scheduler.io.errors import FileFormatError

SHOWN = 200
"""Most problems written into the exception's message; ``problems`` keeps them all."""


@dataclass(frozen=True, slots=True)
class SheetProblem:
    sheet: str
    row: int | None
    column: str | None
    """Column letter, as Excel shows it."""
    message: str

    @property
    def where(self) -> str:
        if self.row is not None and self.column:
            return f"{self.sheet}!{self.column}{self.row}"
        if self.row is not None:
            return f"{self.sheet}, row {self.row}"
        return self.sheet

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class SpreadsheetImportError(FileFormatError):
    """Nothing was imported; ``problems`` lists every located problem found."""

    def __init__(self, path: str | Path, problems: Sequence[SheetProblem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  {p}" for p in self.problems[:SHOWN])
        more = f"\n  … and {len(self.problems) - SHOWN} more" if len(self.problems) > SHOWN else ""
        n = len(self.problems)
        super().__init__(path, f"{n} problem{'s' * (n != 1)}; nothing was imported:\n{lines}{more}")
