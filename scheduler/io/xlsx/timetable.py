"""Export a solved timetable to an Excel workbook people can print and share.

Sheets: a Summary, the Master schedule (teachers by teaching slots), Students (one row per student
and meeting) and Rosters (per section) when the school has students or sections, then one weekly
grid per teacher, per student group and per room, and optionally per student. The workbook is
written to a temporary file beside the target and renamed over it, so a failed export never leaves
a half-written or damaged file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from scheduler.io.errors import FileFormatError
from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import footer_text, sheet_title
from scheduler.io.xlsx.flex import with_flex_lessons, write_flex
from scheduler.io.xlsx.layout import time_grid
from scheduler.io.xlsx.lessons import Lesson, Names, group_lessons, read_lessons
from scheduler.io.xlsx.master import write_master
from scheduler.io.xlsx.matrix import write_matrix
from scheduler.io.xlsx.personal import add_personal_rows
from scheduler.io.xlsx.rosters import roster_sections, write_rosters
from scheduler.io.xlsx.students import student_lessons, write_student_sheets, write_students
from scheduler.io.xlsx.summary import write_summary
from scheduler.io.xlsx.weekly import write_weekly
from scheduler.model import SchoolData, Solution


def export_timetable(
    data: SchoolData,
    solution: Solution,
    path: str | Path,
    *,
    scenario: str = "",
    per_student: bool = False,
) -> Path:
    """Write the workbook to ``path`` and return it; raises FileFormatError if it cannot.

    ``per_student`` adds a weekly sheet for every student: off by default, since a large school
    would get thousands of sheets.
    """
    path = Path(path)
    workbook = build_workbook(data, solution, scenario=scenario, per_student=per_student)
    _save_atomically(workbook, path)
    return path


def build_workbook(
    data: SchoolData, solution: Solution, *, scenario: str = "", per_student: bool = False
) -> Workbook:
    lessons, unplaced = read_lessons(data, solution)
    names = Names(data)
    colours = styles.subject_colours(data.subjects)
    grid = time_grid(data.calendar)
    footer = footer_text(data.name) + (f" · {footer_text(scenario)}" if scenario else "")
    teachers = sorted(data.teachers, key=lambda t: (t.label.casefold(), t.id))

    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    master = wb.create_sheet("Master")
    write_master(
        master,
        data=data,
        teachers=teachers,
        lessons=lessons,
        names=names,
        colours=colours,
        footer=footer,
    )

    taken = {"summary", "master"}
    index: list[tuple[str, str]] = [("Master", "Master schedule: teachers by period")]
    attended = with_flex_lessons(data, solution, student_lessons(data, solution, lessons))
    if attended:
        write_students(
            wb.create_sheet("Students"), data=data, attended=attended, names=names, footer=footer
        )
        add_personal_rows(wb["Students"], data=data, solution=solution)
        taken.add("students")
        index.append(("Students", "Every student's lessons, one row per meeting (filterable)"))
    sections = roster_sections(data, solution)
    if sections:
        write_rosters(
            wb.create_sheet("Rosters"),
            data=data,
            solution=solution,
            sections=sections,
            lessons=lessons,
            names=names,
            colours=colours,
            footer=footer,
        )
        taken.add("rosters")
        index.append(("Rosters", "Section rosters: teacher, times, room and enrolled students"))

    if any(s.requests for s in data.students):
        write_matrix(wb.create_sheet("Course pairs"), data=data, footer=footer)
        taken.add("course pairs")
        index.append(("Course pairs", "Course-pair conflict matrix: students requesting both"))

    index += write_flex(wb, data=data, solution=solution, footer=footer, taken=taken)

    def for_teacher(x: Lesson) -> list[str]:
        return [names.groups(x.activity), names.room(x.room)]

    def for_group(x: Lesson) -> list[str]:
        return [names.teachers(x.activity), names.room(x.room)]

    def for_room(x: Lesson) -> list[str]:
        return [names.teachers(x.activity), names.groups(x.activity)]

    attends = group_lessons(data, lessons)
    sheets: list[tuple[str, str, str, list[Lesson], Callable[[Lesson], list[str]]]] = [
        *(
            (
                "T",
                "Teacher",
                t.label,
                [x for x in lessons if t.id in x.activity.teachers],
                for_teacher,
            )
            for t in teachers
        ),
        *(("G", "Group", g.label, attends[g.id], for_group) for g in data.groups if attends[g.id]),
        *(
            ("R", "Room", r.label, [x for x in lessons if x.room == r.id], for_room)
            for r in data.rooms
        ),
    ]
    for prefix, kind, label, mine, details in sheets:
        title = sheet_title(prefix, label, taken)
        index.append((title, f"{kind}: {label}"))
        write_weekly(
            wb.create_sheet(title),
            data=data,
            grid=grid,
            heading=label,
            lessons=mine,
            details=details,
            names=names,
            colours=colours,
            footer=footer,
        )

    if per_student:
        index += write_student_sheets(
            wb,
            data=data,
            attended=attended,
            grid=grid,
            names=names,
            colours=colours,
            footer=footer,
            taken=taken,
        )

    write_summary(
        summary,
        data=data,
        solution=solution,
        scenario=scenario,
        lessons=lessons,
        unplaced=unplaced,
        names=names,
        colours=colours,
        sheets=index,
        footer=footer,
    )
    return wb


def _save_atomically(workbook: Workbook, path: Path) -> None:
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise FileFormatError(path, f"the folder {folder} does not exist") from None
    except OSError as exc:
        raise FileFormatError(path, f"could not be written ({exc.strerror or exc})") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        workbook.save(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise FileFormatError(path, f"could not be written ({exc.strerror or exc})") from exc
        raise
