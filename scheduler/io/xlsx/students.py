"""Every student's timetable as one filterable table (their weekly grids: ``student_weeks``).

A student attends the sections they are enrolled in (the solution's enrollments, or an activity
that lists them) and the class lessons of their groups and every group above them. The table has
one row per student and meeting, so a filter on the name column gives one student's week and a
filter on the section column gives a class list with its times.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.styles import Border, Font, Side
from openpyxl.utils import get_column_letter

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import clean
from scheduler.io.xlsx.lessons import Lesson, Names
from scheduler.io.xlsx.stream import Line, RowWriter, StyleCache
from scheduler.model import SchoolData, Solution

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
    ws,
    *,
    data: SchoolData,
    attended: dict[str, list[Attended]],
    names: Names,
    footer: str,
    extra: list[list[object]] | None = None,
) -> None:
    """One row per student and meeting under a bold, frozen, filterable header; ``extra`` rows
    (lunch waves and time away, see ``scheduler.io.xlsx.personal``) follow in the same columns.

    ``ws`` is a write-only sheet (a large school has a hundred thousand rows): widths are found
    first, since columns must be set before the first row; rows are then appended as plain
    values, with a line above where a student's block starts (see ``stream.RowWriter``).
    """
    meetings: dict[tuple[str, int, str] | None, list[str | None]] = {}
    longest = [len(h) + 3 for h, _, _ in COLUMNS]  # room for the filter button
    rows = 0
    for mine in attended.values():
        for item in mine or [None]:
            key = (item.lesson.activity.id, item.lesson.meeting, item.kind) if item else None
            if key not in meetings:  # a section's meeting is shared by up to 30 rows
                values = [clean(v) or None for v in _meeting_values(data, names, item)]
                meetings[key] = values
                for col, value in enumerate(values, start=4):
                    if value:
                        longest[col - 1] = max(longest[col - 1], len(value))
            rows += 1
    for sid in attended:
        student = data.student_by_id.get(sid)
        longest[0] = max(longest[0], len(sid))
        if student is not None:
            longest[1] = max(longest[1], len(student.name))
    for col, (_, narrowest, widest) in enumerate(COLUMNS, start=1):
        width = min(max(longest[col - 1] + 2, narrowest), widest)
        ws.column_dimensions[get_column_letter(col)].width = width
    extra = extra or []
    for values in extra:
        for col, value in enumerate(values[3:], start=4):
            if isinstance(value, str):
                longest[col - 1] = max(longest[col - 1], len(value))
    last_row = max(rows + len(extra) + 1, 1)
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last_row}"
    styles.set_page(ws, footer=footer, title_rows="1:1", centered=False)
    ws.print_options.gridLines = True  # a long table of unstyled cells reads better ruled

    rows_out = RowWriter(ws, StyleCache(ws.parent), spliced=True)
    head = rows_out.style_id("head", font=styles.HEADER_FONT, fill=styles.HEADER_FILL,
                             alignment=styles.LEFT, border=styles.BORDER)  # fmt: skip
    rows_out.append(Line([h for h, _, _ in COLUMNS], head))
    line = Side(style="medium", color="404040")  # stands out from printed gridlines
    first = rows_out.style_id(
        "first", font=Font(name=styles.FONT_NAME, size=11), border=Border(top=line)
    )
    xml: dict[tuple[object, int], str] = {}  # (meeting, style) -> its cells, written once
    for sid, mine in attended.items():
        student = data.student_by_id.get(sid)
        name = clean(student.name) if student is not None else ""
        who = [clean(sid), name or None, student.grade if student is not None else None]
        plain = rows_out.cells(who)
        for n, item in enumerate(mine or [None]):
            key = (item.lesson.activity.id, item.lesson.meeting, item.kind) if item else None
            style = first if n == 0 else 0
            if (key, style) not in xml:
                xml[(key, style)] = rows_out.cells(meetings[key], style)
            mine_xml = rows_out.cells(who, first) if n == 0 else plain
            rows_out.append_xml(mine_xml + xml[(key, style)])
    for values in extra:
        rows_out.append(Line([clean(v) if isinstance(v, str) else v for v in values]))
    rows_out.close()


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
