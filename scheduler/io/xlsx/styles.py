"""Fonts, fills, borders and subject colours shared by every sheet of the export."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.model import Subject

FONT_NAME = "Calibri"
INK = "1F1F1F"
MUTED = "8C8C8C"

# Light tints that keep dark text readable and still tell subjects apart when printed in colour.
PALETTE = (
    "AEC7E8",
    "FFBB78",
    "98DF8A",
    "FF9896",
    "C5B0D5",
    "C49C94",
    "F7B6D2",
    "DBDB8D",
    "9EDAE5",
    "FDD0A2",
    "C7E9C0",
    "DADAEB",
)

THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
BREAK_FILL = PatternFill("solid", fgColor="EDEDED")

TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True, color=INK)
HEADER_FONT = Font(name=FONT_NAME, size=10, bold=True, color=INK)
SMALL_HEADER_FONT = Font(name=FONT_NAME, size=9, bold=True, color=INK)
BODY_FONT = Font(name=FONT_NAME, size=10, color=INK)
TIME_FONT = Font(name=FONT_NAME, size=8, color="404040")
EMPTY_FONT = Font(name=FONT_NAME, size=8, color=MUTED)
BREAK_FONT = Font(name=FONT_NAME, size=8, italic=True, color="595959")

CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)


def subject_colours(subjects: Iterable[Subject]) -> dict[str, str]:
    """Subject id -> fill colour (``RRGGBB``): its own colour, else a stable palette entry."""
    return {
        s.id: (s.color[1:].upper() if s.color else PALETTE[i % len(PALETTE)])
        for i, s in enumerate(subjects)
    }


def readable_ink(fill: str) -> str:
    """Black or white, whichever contrasts more with the fill (WCAG relative luminance)."""
    channels = [int(fill[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    lum = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    # Contrast with black is (lum + 0.05) / 0.05, with white 1.05 / (lum + 0.05).
    return INK if (lum + 0.05) ** 2 > 0.0525 else "FFFFFF"


@lru_cache(maxsize=256)
def fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


def restyle(cell, **attrs) -> None:
    """``cell.font = ...`` and the like, remembered per workbook: the same change to the same
    style is looked up once instead of hashing the style objects for every cell."""
    wb = cell.parent.parent
    cache = wb.__dict__.setdefault("_flexday_restyle", {})
    if cell._style is None:
        cell._style = StyleArray()
    key = (tuple(cell._style), tuple((k, id(v)) for k, v in attrs.items()))
    found = cache.get(key)
    if found is None:
        for name, value in attrs.items():
            setattr(cell, name, value)
        cache[key] = (StyleArray(cell._style), tuple(attrs.values()))  # keeps the ids in use
    else:
        cell._style = StyleArray(found[0])


def box(ws: Worksheet, top: int, left: int, bottom: int, right: int) -> None:
    """Thin borders on every cell of a block, merged or not, so each edge prints."""
    for row in ws.iter_rows(min_row=top, max_row=bottom, min_col=left, max_col=right):
        for cell in row:
            restyle(cell, border=BORDER)


def set_page(
    ws: Worksheet,
    *,
    footer: str,
    title_rows: str,
    title_cols: str | None = None,
    one_page: bool = False,
    centered: bool = True,
) -> None:
    """Landscape, one page wide, header rows repeated, school and page number in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = centered
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.5
    ws.page_margins.bottom = 0.6
    ws.page_margins.footer = 0.25
    ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols
    ws.oddFooter.left.text = footer
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Page &P of &N"
    ws.oddFooter.right.size = 8
