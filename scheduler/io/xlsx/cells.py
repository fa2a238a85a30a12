"""Putting user text into a workbook so that Excel shows it and never runs it.

Names, ids and labels come from the school's data, which may come from anyone. openpyxl turns a
string that starts with ``=`` into a formula and ``#N/A`` into an error value; a spreadsheet turns
``+``, ``-`` and ``@`` into formulas once someone edits the cell. So every user-derived string is
written through :func:`put_text`: a plain string cell, with Excel's quote prefix when it could be
read as a formula.
"""

from __future__ import annotations

import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.rich_text import CellRichText

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_CHARS = 32_767
MAX_TITLE_CHARS = 31

_BAD_TITLE_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")


def clean(text: str) -> str:
    """Drop control characters that a workbook cannot hold; keep tab and line breaks."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(text))[:MAX_CELL_CHARS]


def put_text(cell, text: str | CellRichText) -> None:
    """Store text as a string cell, whatever it starts with."""
    if isinstance(text, CellRichText):
        cell.value = text
        plain = str(text)
    else:
        plain = clean(text)
        cell.value = plain or None
    if cell.value is None:
        return
    cell.data_type = "s"
    if plain.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def sheet_title(prefix: str, name: str, taken: set[str]) -> str:
    """A valid, unique sheet title such as ``T · Ms Ortiz``; ``taken`` holds casefolded titles.

    Excel limits titles to 31 characters, forbids ``[]:*?/\\`` and a leading or trailing
    apostrophe, and compares titles without regard to case.
    """
    base = " ".join(_BAD_TITLE_CHARS.sub(" ", name).split()).strip("'") or "unnamed"
    full = f"{prefix} · {base}"
    title = _fit(full, "")
    n = 2
    while title.casefold() in taken:
        title = _fit(full, f" ({n})")
        n += 1
    taken.add(title.casefold())
    return title


def _fit(text: str, suffix: str) -> str:
    return text[: MAX_TITLE_CHARS - len(suffix)].rstrip(" '") + suffix


def footer_text(text: str, limit: int = 80) -> str:
    """Header and footer text treats ``&`` as a code; double it and keep within Excel's limit."""
    text = " ".join(clean(text).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("&", "&&")
