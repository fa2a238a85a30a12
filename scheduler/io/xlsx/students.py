"""Every student's timetable: one filterable table of all students, and optional weekly sheets.

A student attends the sections they are enrolled in (the solution's enrollments, or an activity
that lists them) and the class lessons of their groups and every group above them. The table has
one row per student and meeting, so a filter on the name column gives one student's week and a
filter on the section column gives a class list with its times.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.styles import Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import FORMULA_STARTS, clean, put_text, sheet_title
from scheduler.io.xlsx.layout import TimeGrid
from scheduler.io.xlsx.lessons import Lesson, Names
from scheduler.io.xlsx.weekly import write_weekly
from scheduler.model import SchoolData, Solution, Student

SECTION = "section"
CLASS_LESSON = "class lesson"

COLUMNS: tuple[tuple[str, float, float], ...] = (
    # heading, narrowest and widest width
    ("Student id", 10, 14),
    ("Name", 14, 28),
    ("Grade", 7, 7),
    ("Day", 9, 14),
    ("Period", 8, 18),
    ("Time", 12, 12),
    ("Course", 14, 34),
    ("Section", 10, 18),
    ("Teacher", 12, 28),
    ("Room", 8, 18),
    ("Kind", 12, 12),
)
FIRST = "Flexday first row"
"""A named style with a line above each student's first row, so one student's week reads as a
block when printed. Only first rows get it: styling every cell would double the export time of
a large school."""


@dataclass(frozen=True, slots=True)
class Attended:
    lesson: Lesson
    kind: str


def student_lessons(
    data: SchoolData, solution: Solution, lessons: Sequence[Lesson]
) -> dict[str, list[Attended]]:
    """Student id -> the meetings they attend, by day and time; every known student has a key.

    Students named only by an enrollment (unknown to the data) are kept too, so nothing the
    solution says is hidden.
    """
    by_activity: dict[str, list[Lesson]] = defaultdict(list)
    by_group: dict[str, list[Lesson]] = defaultdict(list)
    for lesson in lessons:
        by_activity[lesson.activity.id].append(lesson)
        for gid in dict.fromkeys(lesson.activity.groups):
            by_group[gid].append(lesson)

    enrolled: dict[str, list[str]] = defaultdict(list)
    for activity in data.activities:
        for sid in activity.students:
            enrolled[sid].append(activity.id)
    for sid, sections in solution.sections_by_student.items():
        enrolled[sid].extend(sections)

    above: dict[tuple[str, ...], list[Lesson]] = {}
    out: dict[str, list[Attended]] = {}
    ids = [s.id for s in data.students] + [s for s in enrolled if s not in data.student_by_id]
    for sid in dict.fromkeys(ids):
        seen: set[tuple[str, int]] = set()
        mine: list[Attended] = []
        for aid in dict.fromkeys(enrolled.get(sid, ())):
            for lesson in by_activity.get(aid, ()):
                seen.add((aid, lesson.meeting))
                mine.append(Attended(lesson, SECTION))
        student = data.student_by_id.get(sid)
        groups = student.groups if student is not None else ()
        if groups not in above:
            ancestors = set().union(*(data.ancestors(g) for g in groups))
            above[groups] = [x for g in sorted(ancestors) for x in by_group.get(g, ())]
        for lesson in above[groups]:
            key = (lesson.activity.id, lesson.meeting)
            if key not in seen:
                seen.add(key)
                mine.append(Attended(lesson, CLASS_LESSON))
        mine.sort(key=lambda a: (a.lesson.day, a.lesson.first, a.lesson.activity.id))
        out[sid] = mine
    return out


def period_text(data: SchoolData, lesson: Lesson) -> str:
    slots = data.calendar.days[lesson.day].slots
    first, last = slots[lesson.first], slots[lesson.last]
    return first.label if first is last else f"{first.label}–{last.label}"


def time_text(data: SchoolData, lesson: Lesson) -> str:
    slots = data.calendar.days[lesson.day].slots
    return f"{slots[lesson.first].start:%H:%M}–{slots[lesson.last].end:%H:%M}"


def course_text(data: SchoolData, names: Names, lesson: Lesson) -> str:
    course = data.course_by_id.get(lesson.activity.course or "")
    return course.label if course is not None else names.lesson_title(lesson.activity)


def write_students(
    ws: Worksheet,
    *,
    data: SchoolData,
    attended: dict[str, list[Attended]],
    names: Names,
    footer: str,
) -> None:
    """One row per student and meeting under a bold, frozen, filterable header."""
    for col, (heading, _, _) in enumerate(COLUMNS, start=1):
        cell = ws.cell(1, col, heading)
        cell.font, cell.fill, cell.alignment = styles.HEADER_FONT, styles.HEADER_FILL, styles.LEFT
        cell.border = styles.BORDER
    longest = [len(h) + 3 for h, _, _ in COLUMNS]  # room for the filter button
    first = _first_row_style(ws)
    risky: list[tuple[int, int, str]] = []
    meetings: dict[tuple[str, int, str] | None, list[str | None]] = {}
    row = 2
    for sid, mine in attended.items():
        student = data.student_by_id.get(sid)
        name = clean(student.name) if student is not None else ""
        who = [clean(sid), name or None, student.grade if student is not None else None]
        for n, item in enumerate(mine or [None]):
            key = (item.lesson.activity.id, item.lesson.meeting, item.kind) if item else None
            if key not in meetings:  # a section's meeting is shared by up to 30 rows
                meetings[key] = [clean(v) or None for v in _meeting_values(data, names, item)]
            plain = [*who, *meetings[key]]
            # Appending is several times faster than cell by cell, which counts at 2,500
            # students; text that could read as a formula is left out here and put in after.
            ws.append([None if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v
                       for v in plain])  # fmt: skip
            for col, value in enumerate(plain, start=1):
                if n == 0:
                    ws.cell(row, col).style = first
                if isinstance(value, str):
                    longest[col - 1] = max(longest[col - 1], len(value))
                    if value.startswith(FORMULA_STARTS):
                        risky.append((row, col, value))
            row += 1
    for r, col, value in risky:
        put_text(ws.cell(r, col), value)  # after the row style, which would drop its quote prefix
    last_row = max(row - 1, 1)
    last_col = get_column_letter(len(COLUMNS))
    for col, (_, narrowest, widest) in enumerate(COLUMNS, start=1):
        width = min(max(longest[col - 1] + 2, narrowest), widest)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{last_col}{last_row}"
    styles.set_page(ws, footer=footer, title_rows="1:1", centered=False)
    ws.print_options.gridLines = True  # a long table of unstyled cells reads better ruled


def _first_row_style(ws: Worksheet) -> str:
    workbook = ws.parent
    if FIRST not in workbook.named_styles:
        line = Side(style="medium", color="404040")  # stands out from printed gridlines
        font = Font(name=styles.FONT_NAME, size=11)  # the workbook's default, as on other rows
        workbook.add_named_style(NamedStyle(name=FIRST, font=font, border=Border(top=line)))
    return FIRST


def _meeting_values(
    data: SchoolData, names: Names, item: Attended | None
) -> tuple[str, str, str, str, str, str, str, str]:
    if item is None:
        return ("", "", "", "(no lessons)", "", "", "", "")
    lesson = item.lesson
    return (
        data.calendar.days[lesson.day].label,
        period_text(data, lesson),
        time_text(data, lesson),
        course_text(data, names, lesson),
        lesson.activity.id,
        names.teachers(lesson.activity),
        names.room(lesson.room),
        item.kind,
    )


def write_student_sheets(
    wb: Workbook,
    *,
    data: SchoolData,
    attended: dict[str, list[Attended]],
    grid: TimeGrid,
    names: Names,
    colours: dict[str, str],
    footer: str,
    taken: set[str],
) -> list[tuple[str, str]]:
    """One weekly grid per known student; returns (sheet title, what it shows) for the index."""

    def details(x: Lesson) -> list[str]:
        return [names.teachers(x.activity), names.room(x.room)]

    index: list[tuple[str, str]] = []
    for student in data.students:
        title = sheet_title("S", student.label, taken)
        index.append((title, f"Student: {student.label}"))
        write_weekly(
            wb.create_sheet(title),
            data=data,
            grid=grid,
            heading=_heading(student),
            lessons=[a.lesson for a in attended.get(student.id, ())],
            details=details,
            names=names,
            colours=colours,
            footer=footer,
        )
    return index


def _heading(student: Student) -> str:
    grade = f" · Grade {student.grade}" if student.grade is not None else ""
    return f"{student.label} ({student.id}){grade}" if student.name else f"{student.id}{grade}"
