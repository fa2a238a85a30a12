"""Export a solved timetable to an Excel workbook people can print, share and edit back.

Sheets, in order (see ``SHEETS``): a Summary with key figures and charts, the checker's Conflicts,
the Master schedule, the editable Meetings sheet, Room use (a heat map), Students (one row per
student and meeting), Student timetables (one printable week per student), Rosters, Course pairs,
then one weekly grid per teacher, per student group and per room.

The workbook is streamed (openpyxl write-only mode, see ``stream``), so a 2,500-student school is
exported with bounded memory. It is written to a temporary file beside the target and renamed
over it, so a failed export never leaves a half-written or damaged file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from scheduler.io.errors import FileFormatError
from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import footer_text, sheet_title
from scheduler.io.xlsx.conflicts import write_conflicts
from scheduler.io.xlsx.findings import Findings
from scheduler.io.xlsx.flex import (
    has_flex,
    with_flex_lessons,
    write_flex_rosters,
    write_flex_students,
)
from scheduler.io.xlsx.layout import TimeGrid, time_grid
from scheduler.io.xlsx.lessons import Lesson, Names, Unplaced, group_lessons, read_lessons
from scheduler.io.xlsx.master import write_master
from scheduler.io.xlsx.matrix import write_matrix
from scheduler.io.xlsx.meetings import write_meetings
from scheduler.io.xlsx.personal import personal_rows, personal_times
from scheduler.io.xlsx.roomuse import write_room_use
from scheduler.io.xlsx.rosters import roster_sections, write_rosters
from scheduler.io.xlsx.stream import discard, scratch, stream
from scheduler.io.xlsx.student_weeks import write_student_weeks
from scheduler.io.xlsx.students import Attended, student_lessons, write_students
from scheduler.io.xlsx.summary import write_summary
from scheduler.io.xlsx.weekly import write_weekly
from scheduler.model import SchoolData, Solution


@dataclass
class Export:
    """Everything a sheet writer may need, computed once."""

    data: SchoolData
    solution: Solution
    scenario: str
    findings: Findings | None
    lessons: list[Lesson]
    unplaced: list[Unplaced]
    names: Names
    colours: dict[str, str]
    grid: TimeGrid
    footer: str
    attended: dict[str, list[Attended]]
    index: list[tuple[str, str]] = field(default_factory=list)


Writer = Callable[..., None]
Sheet = tuple[str, str, bool, Callable[[Export], bool], Writer]
"""(title, what it shows, streamed, whether to include it, writer(ws, export)).

A drawn sheet (streamed False) is written on a scratch sheet with random access and then
streamed; a streamed one appends its rows to a write-only sheet itself (for sheets whose size
grows with the number of students)."""

SHEETS: tuple[Sheet, ...] = (
    ("Conflicts", "Every rule the checker found broken: rule, who, when", False,
     lambda x: x.findings is not None,
     lambda ws, x: write_conflicts(ws, findings=x.findings, footer=x.footer)),
    ("Master", "Master schedule: teachers by period", False, lambda x: True,
     lambda ws, x: write_master(ws, data=x.data, teachers=_teachers(x.data), lessons=x.lessons,
                                names=x.names, colours=x.colours, footer=x.footer)),
    ("Meetings", "Every meeting, editable: change day, slot, room or pin, then import back",
     False, lambda x: True,
     lambda ws, x: write_meetings(ws, data=x.data, solution=x.solution, footer=x.footer)),
    ("Room use", "Room utilisation heat map: share of teaching periods used", False,
     lambda x: bool(x.data.rooms),
     lambda ws, x: write_room_use(ws, data=x.data, lessons=x.lessons, footer=x.footer)),
    ("Students", "Every student's lessons, one row per meeting (filterable)", True,
     lambda x: bool(x.attended),
     lambda ws, x: write_students(ws, data=x.data, attended=x.attended, names=x.names,
                                  footer=x.footer, extra=personal_rows(x.data, x.solution))),
    ("Student timetables", "Each student's week on a page of its own, to print and hand out",
     True, lambda x: bool(x.data.students),
     lambda ws, x: write_student_weeks(ws, data=x.data, attended=x.attended, grid=x.grid,
                                       names=x.names, colours=x.colours, footer=x.footer,
                                       personal=personal_times(x.data, x.solution))),
    ("Rosters", "Section rosters: teacher, times, room and enrolled students", False,
     lambda x: bool(roster_sections(x.data, x.solution)),
     lambda ws, x: write_rosters(ws, data=x.data, solution=x.solution,
                                 sections=roster_sections(x.data, x.solution), lessons=x.lessons,
                                 names=x.names, colours=x.colours, footer=x.footer)),
    ("Course pairs", "Course-pair conflict matrix: students requesting both", False,
     lambda x: any(s.requests for s in x.data.students),
     lambda ws, x: write_matrix(ws, data=x.data, footer=x.footer)),
    ("Flex", "Flex offerings: teacher, room, seats and roster", False,
     lambda x: has_flex(x.data, x.solution),
     lambda ws, x: write_flex_rosters(ws, data=x.data, solution=x.solution, footer=x.footer)),
    ("Flex students", "Every student's flex offering per block (filterable)", False,
     lambda x: has_flex(x.data, x.solution),
     lambda ws, x: write_flex_students(ws, data=x.data, solution=x.solution, footer=x.footer)),
)  # fmt: skip


def export_timetable(
    data: SchoolData,
    solution: Solution,
    path: str | Path,
    *,
    scenario: str = "",
    findings: Findings | None = None,
) -> Path:
    """Write the workbook to ``path`` and return it; raises FileFormatError if it cannot.

    ``findings`` (the checker's report, see ``scheduler.solver.export``) adds the key figures and
    the Conflicts sheet.
    """
    path = Path(path)
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise FileFormatError(path, f"the folder {folder} does not exist") from None
    except OSError as exc:
        raise FileFormatError(path, f"could not be written ({exc.strerror or exc})") from None
    os.close(fd)
    tmp = Path(tmp_name)
    workbook = None
    try:
        workbook = build_workbook(data, solution, scenario=scenario, findings=findings)
        workbook.save(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        if workbook is not None:
            discard(workbook)
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise FileFormatError(path, f"could not be written ({exc.strerror or exc})") from exc
        raise
    return path


def build_workbook(
    data: SchoolData,
    solution: Solution,
    *,
    scenario: str = "",
    findings: Findings | None = None,
) -> Workbook:
    """A write-only workbook, ready to save once (rows already streamed to temporary files)."""
    lessons, unplaced = read_lessons(data, solution)
    footer = footer_text(data.name) + (f" · {footer_text(scenario)}" if scenario else "")
    x = Export(
        data=data,
        solution=solution,
        scenario=scenario,
        findings=findings,
        lessons=lessons,
        unplaced=unplaced,
        names=Names(data),
        colours=styles.subject_colours(data.subjects),
        grid=time_grid(data.calendar),
        footer=footer,
        attended=with_flex_lessons(data, solution, student_lessons(data, solution, lessons)),
    )
    wb = Workbook(write_only=True)
    summary = wb.create_sheet("Summary")  # first in the book, written last (it lists the rest)
    taken = {"summary"}
    for title, what, streamed, wanted, writer in SHEETS:
        if not wanted(x):
            continue
        taken.add(title.casefold())
        x.index.append((title, what))
        if streamed:
            writer(wb.create_sheet(title), x)
        else:
            ws = scratch(wb, title)
            writer(ws, x)
            stream(wb, ws)
    for prefix, kind, label, mine, details in _weekly_sheets(x):
        title = sheet_title(prefix, label, taken)
        x.index.append((title, f"{kind}: {label}"))
        ws = scratch(wb, title)
        write_weekly(ws, data=data, grid=x.grid, heading=label, lessons=mine, details=details,
                     names=x.names, colours=x.colours, footer=footer)  # fmt: skip
        stream(wb, ws)
    ws = scratch(wb, "Summary")
    write_summary(ws, data=data, solution=solution, scenario=scenario, lessons=lessons,
                  unplaced=unplaced, names=x.names, colours=x.colours, sheets=x.index,
                  footer=footer, findings=findings)  # fmt: skip
    stream(wb, ws, into=summary)
    return wb


def _teachers(data: SchoolData):
    return sorted(data.teachers, key=lambda t: (t.label.casefold(), t.id))


def _weekly_sheets(x: Export):
    names = x.names

    def for_teacher(lesson: Lesson) -> list[str]:
        return [names.groups(lesson.activity), names.room(lesson.room)]

    def for_group(lesson: Lesson) -> list[str]:
        return [names.teachers(lesson.activity), names.room(lesson.room)]

    def for_room(lesson: Lesson) -> list[str]:
        return [names.teachers(lesson.activity), names.groups(lesson.activity)]

    by_teacher: dict[str, list[Lesson]] = {}
    by_room: dict[str, list[Lesson]] = {}
    for lesson in x.lessons:
        for tid in dict.fromkeys(lesson.activity.teachers):
            by_teacher.setdefault(tid, []).append(lesson)
        if lesson.room is not None:
            by_room.setdefault(lesson.room, []).append(lesson)
    attends = group_lessons(x.data, x.lessons)
    for t in _teachers(x.data):
        yield "T", "Teacher", t.label, by_teacher.get(t.id, []), for_teacher
    for g in x.data.groups:
        if attends[g.id]:
            yield "G", "Group", g.label, attends[g.id], for_group
    for r in x.data.rooms:
        yield "R", "Room", r.label, by_room.get(r.id, []), for_room
