"""The first sheet: what was exported, how complete it is, the colour legend and what is missing."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import put_text
from scheduler.io.xlsx.findings import Findings
from scheduler.io.xlsx.lessons import Lesson, Names, Unplaced
from scheduler.io.xlsx.roomuse import room_use, teaching
from scheduler.model import SchoolData, Solution

SECTION_FONT = Font(name=styles.FONT_NAME, size=12, bold=True, color=styles.INK)
LINK_FONT = Font(name=styles.FONT_NAME, size=10, color="1F5FA8", underline="single")
STATUS = {
    "optimal": "optimal (proven best)",
    "feasible": "feasible (not proven best)",
    "infeasible": "infeasible",
    "unknown": "unknown (no timetable found)",
    "manual": "manual or imported",
}


def write_summary(
    ws: Worksheet,
    *,
    data: SchoolData,
    solution: Solution,
    scenario: str,
    lessons: Sequence[Lesson],
    unplaced: Sequence[Unplaced],
    names: Names,
    colours: dict[str, str],
    sheets: Sequence[tuple[str, str]],
    footer: str,
    findings: Findings | None = None,
) -> None:
    """``sheets`` lists (sheet title, what it shows) for the index with links; ``findings``
    (the checker's report) adds the key figures, the penalty by rule and the charts."""
    put_text(ws.cell(1, 1), data.name)
    ws.cell(1, 1).font = Font(name=styles.FONT_NAME, size=16, bold=True, color=styles.INK)
    ws.row_dimensions[1].height = 24
    total = sum(len(a.meetings) for a in data.activities)
    facts: list[tuple[str, str | int]] = [
        ("Scenario", scenario or "–"),
        ("Solution status", STATUS.get(solution.status, solution.status)),
        ("Penalty (objective)", "–" if solution.objective is None else solution.objective),
    ]
    if solution.wall_s is not None:
        facts.append(("Solve time", f"{solution.wall_s:.1f} s"))
    if solution.created is not None:
        facts.append(("Created", f"{solution.created:%Y-%m-%d %H:%M}"))
    facts += [
        ("Activities", len(data.activities)),
        ("Meetings placed", f"{len(lessons)} of {total}"),
        ("Teachers", len(data.teachers)),
        ("Student groups", len(data.groups)),
        ("Rooms", len(data.rooms)),
    ]
    if findings is not None:
        facts[2:2] = key_figures(data, lessons, findings)
    row = 3
    for label, value in facts:
        ws.cell(row, 1, label).font = styles.HEADER_FONT
        cell = ws.cell(row, 2)
        if isinstance(value, int):
            cell.value = value
        else:
            put_text(cell, value)
        cell.font, cell.alignment = styles.BODY_FONT, styles.LEFT
        row += 1

    # The charts go side by side under the key figures, so page 1 holds both; their data
    # tables follow below them.
    charts: list[BarChart] = []
    chart_row = row + 1
    if findings is not None or data.rooms:
        row += CHART_ROWS + 1
    if findings is not None:
        row = _penalty_by_rule(ws, row + 1, findings, charts)
    row = _room_use_by_day(ws, row + 1, data, lessons, charts)
    for i, chart in enumerate(charts):
        ws.add_chart(chart, f"{'AD'[i]}{chart_row}")

    row = _section(ws, row + 1, "Subjects")
    for subject in data.subjects:
        colour = colours[subject.id]
        cell = ws.cell(row, 1)
        put_text(cell, subject.label)
        cell.fill = styles.fill(colour)
        cell.font = Font(name=styles.FONT_NAME, size=10, color=styles.readable_ink(colour))
        cell.border = styles.BORDER
        row += 1

    row = _section(ws, row + 1, f"Not placed ({len(unplaced)})")
    if not unplaced:
        ws.cell(row, 1, "Every meeting has a place in the timetable.").font = styles.BODY_FONT
        row += 1
    else:
        _table_row(ws, row, ("Activity", "Meeting", "Length (slots)", "Teachers", "Groups"), True)
        for item in unplaced:
            row += 1
            a = item.activity
            values = (
                names.lesson_title(a),
                item.meeting + 1,
                item.duration,
                names.teachers(a),
                names.groups(a),
            )
            _table_row(ws, row, values, False)
        row += 1

    row = _section(ws, row + 1, "Sheets")
    for title, what in sheets:
        cell = ws.cell(row, 1)
        put_text(cell, title)
        cell.hyperlink = "#'{}'!A1".format(title.replace("'", "''"))
        cell.font = LINK_FONT
        put_text(ws.cell(row, 2), what)
        ws.cell(row, 2).font = styles.BODY_FONT
        row += 1

    for col, width in zip("ABCDE", (30, 34, 14, 30, 30), strict=True):
        ws.column_dimensions[col].width = width
    styles.set_page(ws, footer=footer, title_rows="1:1", centered=False)


def _section(ws: Worksheet, row: int, title: str) -> int:
    ws.cell(row, 1, title).font = SECTION_FONT
    return row + 1


def _table_row(ws: Worksheet, row: int, values: Sequence[str | int], header: bool) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col)
        if isinstance(value, int):
            cell.value = value
        else:
            put_text(cell, value)
        cell.border = styles.BORDER
        cell.font = styles.HEADER_FONT if header else styles.BODY_FONT
        cell.alignment = styles.LEFT
        if header:
            cell.fill = styles.HEADER_FILL


CHART_ROWS = 14
"""Rows a chart covers (6.5 cm at the default 15 pt row height)."""


def key_figures(
    data: SchoolData, lessons: Sequence[Lesson], findings: Findings
) -> list[tuple[str, str | int]]:
    """The checker's verdict and the figures a principal asks about first."""
    out: list[tuple[str, str | int]] = [
        ("Hard violations", findings.hard_violations),
        ("Soft penalty (checker)", findings.soft_penalty),
    ]
    if findings.requests:
        met = findings.requests_met or 0
        out.append(("Course requests met", _share(met, findings.requests)))
        if findings.required:
            req = findings.required_met or 0
            out.append(("Required requests met", _share(req, findings.required)))
        if findings.students:
            full = findings.fully_scheduled or 0
            out.append(("Students fully scheduled", f"{full} of {findings.students}"))
    gaps, worst = teacher_gaps(data, lessons)
    out.append(("Teacher gaps (idle periods)", f"{gaps} a week; most for one teacher {worst}"))
    used, total = _room_periods(data, lessons)
    share = f"{100 * used / total:.0f} %" if total else "–"
    out.append(("Room utilisation", f"{share} of room periods ({used} of {total})"))
    return out


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.1f} %)"


def teacher_gaps(data: SchoolData, lessons: Sequence[Lesson]) -> tuple[int, int]:
    """(idle teaching periods between a teacher's lessons of a day, summed; the most of one)."""
    periods = teaching(data)
    busy: dict[tuple[str, int], set[int]] = {}
    for lesson in lessons:
        for tid in lesson.activity.teachers:
            busy.setdefault((tid, lesson.day), set()).update(range(lesson.first, lesson.last + 1))
    per_teacher: dict[str, int] = {}
    for (tid, day), slots in busy.items():
        inside = [s for s in periods[day] if min(slots) < s < max(slots)]
        per_teacher[tid] = per_teacher.get(tid, 0) + sum(1 for s in inside if s not in slots)
    return sum(per_teacher.values()), max(per_teacher.values(), default=0)


def _room_periods(data: SchoolData, lessons: Sequence[Lesson]) -> tuple[int, int]:
    use = room_use(data, lessons)
    used = sum(len(s) for days in use.values() for s in days.values())
    return used, len(data.rooms) * sum(len(p) for p in teaching(data))


def _penalty_by_rule(ws: Worksheet, row: int, findings: Findings, charts: list) -> int:
    row = _section(ws, row, "Checker: violations by rule")
    _table_row(ws, row, ("Rule", "Kind", "Count", "Penalty"), True)
    rules = findings.by_rule()
    first = row + 1
    for rule, hard, count, penalty in rules:
        row += 1
        _table_row(ws, row, (rule, "hard" if hard else "soft", count, penalty), False)
    if not rules:
        row += 1
        ws.cell(row, 1, "No rule is broken.").font = styles.BODY_FONT
    soft = [r for r in rules if not r[1] and r[3]]
    if soft:
        chart = BarChart()
        chart.type, chart.style = "bar", 10
        chart.title, chart.legend = "Soft penalty by rule", None
        start = first + rules.index(soft[0])
        data_ref = Reference(ws, min_col=4, min_row=start, max_row=start + len(soft) - 1)
        chart.add_data(data_ref, titles_from_data=False)
        chart.set_categories(Reference(ws, min_col=1, min_row=start, max_row=start + len(soft) - 1))
        chart.y_axis.title = "penalty"
        chart.x_axis.delete = chart.y_axis.delete = False
        chart.width, chart.height = 14, 6.5
        charts.append(chart)
    return row + 1


def _room_use_by_day(
    ws: Worksheet, row: int, data: SchoolData, lessons: Sequence[Lesson], charts: list
) -> int:
    periods = teaching(data)
    if not data.rooms or not any(periods):
        return row
    use = room_use(data, lessons)
    row = _section(ws, row, "Room utilisation by day")
    _table_row(ws, row, ("Day", "Rooms in use"), True)
    first = row + 1
    for d, day in enumerate(data.calendar.days):
        if not periods[d]:
            continue
        row += 1
        used = sum(len(days.get(d, ())) for days in use.values())
        _table_row(ws, row, (day.label, ""), False)
        cell = ws.cell(row, 2, used / (len(periods[d]) * len(data.rooms)))
        cell.number_format = "0%"
    chart = BarChart()
    chart.style = 10
    chart.title, chart.legend = "Room utilisation by day", None
    chart.add_data(Reference(ws, min_col=2, min_row=first, max_row=row), titles_from_data=False)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=row))
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.width, chart.height = 14, 6.5
    charts.append(chart)
    return row + 1
