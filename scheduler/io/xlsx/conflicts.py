"""The Conflicts sheet: every rule the checker found broken, one row each, filterable.

Hard violations first (what makes a timetable unusable), then soft ones by penalty. The rule
names are the checker's own, the same the app, the CLI and the Summary use.
"""

from __future__ import annotations

from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import put_text
from scheduler.io.xlsx.findings import Findings

COLUMNS = (("Rule", 22), ("Kind", 7), ("Count", 7), ("Penalty", 8), ("Who or what", 24),
           ("When", 18), ("Details", 80))  # fmt: skip
HARD_FILL = PatternFill("solid", fgColor="F8CBAD")
HARD_FONT = Font(name=styles.FONT_NAME, size=10, bold=True, color="9C0006")


def write_conflicts(ws: Worksheet, *, findings: Findings, footer: str) -> None:
    put_text(ws.cell(1, 1), f"Conflicts: {findings.hard_violations} hard violation(s), "
                            f"soft penalty {findings.soft_penalty}")  # fmt: skip
    ws.cell(1, 1).font = styles.TITLE_FONT
    header = 3
    for col, (heading, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(header, col, heading)
        cell.font, cell.fill, cell.border = styles.HEADER_FONT, styles.HEADER_FILL, styles.BORDER
        ws.column_dimensions[cell.column_letter].width = width
    rows = sorted(findings.findings, key=lambda f: (not f.hard, -f.penalty, f.rule, f.entity))
    for r, f in enumerate(rows, start=header + 1):
        values = (f.rule, "hard" if f.hard else "soft", f.count, f.penalty, f.entity, f.slot,
                  f.message)  # fmt: skip
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col)
            if isinstance(value, int):
                cell.value = value
            else:
                put_text(cell, value)
            cell.border = styles.BORDER
            cell.alignment = styles.LEFT
            cell.font = styles.BODY_FONT
        if f.hard:
            ws.cell(r, 2).font = HARD_FONT
            ws.cell(r, 2).fill = HARD_FILL
    if not rows:
        put_text(ws.cell(header + 1, 1), "The checker found no broken rule.")
    last = header + max(len(rows), 1)
    ws.auto_filter.ref = f"A{header}:G{last}"
    ws.freeze_panes = ws.cell(header + 1, 1)
    styles.set_page(ws, footer=footer, title_rows=f"{header}:{header}", centered=False)
