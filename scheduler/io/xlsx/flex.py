"""Flex sheets: who goes where in each flex block, per offering and per student.

"Flex" lists every offering with its teacher, room, seats and roster, for the teachers who take
attendance. "Flex students" has one row per student and block (filterable), with the tier that
put the student there, for the front office answering "where is this student on Tuesday?".
"""

from __future__ import annotations

from collections import defaultdict

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import put_text
from scheduler.io.xlsx.lessons import Lesson
from scheduler.io.xlsx.students import Attended
from scheduler.model import Activity, FlexOffering, SchoolData, Solution

FLEX = "flex"
"""The kind of a flex row in the Students sheet, beside 'section' and 'class lesson'."""

KIND = {
    "intervention": "Intervention",
    "enrichment": "Enrichment",
    "study_hall": "Study hall",
    "advisory": "Advisory",
}


def has_flex(data: SchoolData, solution: Solution) -> bool:
    """Whether the timetable routes anyone to a flex offering (the flex sheets are then added)."""
    return bool(solution.flex and data.flex_offerings)


def write_flex_rosters(ws: Worksheet, *, data: SchoolData, solution: Solution, footer: str) -> None:
    """The "Flex" sheet: every offering with its teacher, room, seats and roster."""
    offerings = {o.id: o for o in data.flex_offerings}
    roster: dict[str, list[str]] = defaultdict(list)
    for a in solution.flex:
        if a.offering in offerings:
            roster[a.offering].append(a.student)
    _rosters(ws, data, offerings, roster, _reasons(data, solution), footer)


def write_flex_students(
    ws: Worksheet, *, data: SchoolData, solution: Solution, footer: str
) -> None:
    """The "Flex students" sheet: one row per student and block, with the tier that placed them."""
    offerings = {o.id: o for o in data.flex_offerings}
    assigned = [
        (a.student, offerings[a.offering]) for a in solution.flex if a.offering in offerings
    ]
    _students(ws, data, assigned, _reasons(data, solution), footer)


def with_flex_lessons(
    data: SchoolData, solution: Solution, attended: dict[str, list[Attended]]
) -> dict[str, list[Attended]]:
    """Each student's meetings with their flex offering added in the flex slots, so the Students
    sheet and the per-student weekly sheets show where a student is during flex time."""
    if not solution.flex:
        return attended
    blocks = {b.id: b for b in data.flex_blocks}
    lessons: dict[str, list[Lesson]] = {}
    for o in data.flex_offerings:
        block = blocks.get(o.block)
        if block is None:
            continue
        activity = Activity(
            id=o.id,
            name=o.label,
            subject=KIND[o.kind],
            teachers=(o.teacher,) if o.teacher else (),
            meetings=tuple(1 for _ in block.slots),
            needs_room=False,
        )
        cells = [data.calendar.position(ref) for ref in block.slots]
        lessons[o.id] = [
            Lesson(activity, i, cell[0], cell[1], cell[1], o.room)
            for i, cell in enumerate(cells)
            if cell is not None
        ]
    out = {sid: list(mine) for sid, mine in attended.items()}
    for a in solution.flex:
        if a.student in out:
            out[a.student].extend(Attended(x, FLEX) for x in lessons.get(a.offering, ()))
    for mine in out.values():
        mine.sort(key=lambda x: (x.lesson.day, x.lesson.first, x.lesson.activity.id))
    return out


def _reasons(data: SchoolData, solution: Solution) -> dict[tuple[str, str], str]:
    """(student, offering) -> why the student is there: the request tier that placed them."""
    out: dict[tuple[str, str], str] = {}
    order = {"mandatory": 0, "teacher": 1, "choice": 2}
    for r in sorted(data.flex_requests, key=lambda r: (order[r.tier], r.rank)):
        text = f"choice {r.rank}" if r.tier == "choice" else r.tier
        if r.tier == "teacher" and r.by:
            text = f"teacher ({r.by})"
        out.setdefault((r.student, r.offering), text)
    for o in data.flex_offerings:
        for s in o.advisees:
            out.setdefault((s, o.id), "advisory")
    return out


def _head(ws: Worksheet, row: int, titles: list[str]) -> None:
    for col, title in enumerate(titles, start=1):
        cell = ws.cell(row, col)
        put_text(cell, title)
        cell.font = styles.HEADER_FONT
        cell.fill = styles.HEADER_FILL
        cell.border = styles.BORDER


def _body(ws: Worksheet, row: int, values: list) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col)
        if isinstance(value, str):
            put_text(cell, value)
        else:
            cell.value = value
        cell.font = styles.BODY_FONT
        cell.border = styles.BORDER


def _where(data: SchoolData, o: FlexOffering) -> tuple[str, str, str]:
    teacher = data.teacher_by_id.get(o.teacher) if o.teacher else None
    room = data.room_by_id.get(o.room) if o.room else None
    block = next((b for b in data.flex_blocks if b.id == o.block), None)
    return (
        teacher.label if teacher else "",
        room.label if room else "",
        block.label if block else o.block,
    )


def _seats(data: SchoolData, o: FlexOffering) -> int | None:
    room = data.room_by_id.get(o.room) if o.room else None
    caps = [c for c in (o.capacity, room.capacity if room else None) if c is not None]
    return min(caps) if caps else None


def _rosters(ws, data, offerings, roster, why, footer) -> None:
    put_text(ws.cell(1, 1), "Flex offerings and rosters")
    ws.cell(1, 1).font = styles.TITLE_FONT
    row = 3
    for o in sorted(offerings.values(), key=lambda o: (o.block, o.label.casefold())):
        teacher, room, block = _where(data, o)
        seats = _seats(data, o)
        students = sorted(roster.get(o.id, ()), key=lambda s: _name(data, s).casefold())
        size = f"{len(students)} / {seats}" if seats is not None else str(len(students))
        heading = f"{o.label} · {KIND[o.kind]} · {block} · {teacher or 'no teacher'}"
        put_text(ws.cell(row, 1), heading + (f" · room {room}" if room else "") + f" · {size}")
        ws.cell(row, 1).font = styles.HEADER_FONT
        row += 1
        if not students:
            put_text(ws.cell(row, 1), "no students")
            ws.cell(row, 1).font = styles.EMPTY_FONT
            row += 2
            continue
        _head(ws, row, ["Student", "Name", "Grade", "Placed by"])
        row += 1
        for sid in students:
            s = data.student_by_id.get(sid)
            grade = s.grade if s else None
            _body(ws, row, [sid, _name(data, sid), grade, why.get((sid, o.id), "open seat")])
            row += 1
        row += 1
    _widths(ws, [12, 28, 7, 18])
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = footer


def _students(ws, data, assigned, why, footer) -> None:
    titles = ["Student", "Name", "Grade", "Block", "Offering", "Kind", "Teacher", "Room"]
    titles.append("Placed by")
    _head(ws, 1, titles)
    row = 2
    for sid, o in sorted(assigned, key=lambda a: (_name(data, a[0]).casefold(), a[0], a[1].block)):
        s = data.student_by_id.get(sid)
        teacher, room, block = _where(data, o)
        values = [sid, _name(data, sid), s.grade if s else None, block, o.label, KIND[o.kind]]
        _body(ws, row, [*values, teacher, room, why.get((sid, o.id), "open seat")])
        row += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{max(row - 1, 1)}"
    ws.freeze_panes = "A2"
    _widths(ws, [12, 28, 7, 14, 34, 13, 24, 14, 18])
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = footer


def _name(data: SchoolData, sid: str) -> str:
    s = data.student_by_id.get(sid)
    return s.label if s else sid


def _widths(ws: Worksheet, widths: list[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
