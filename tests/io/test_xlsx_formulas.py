"""Formula injection: text from the school's data that starts like a formula stays text.

Every name (school, days, slots, teachers, rooms, subjects, courses, groups, students,
activities) starts with one of ``=``, ``+``, ``-``, ``@``, tab or carriage return; the timetable
has a clash so the Conflicts sheet has rows. Each kind of sheet must show such text, and every
such cell must be a plain string with Excel's quote prefix: never a formula.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl
import pytest

from scheduler.io.xlsx.cells import FORMULA_STARTS
from scheduler.model import Placement, SchoolData
from scheduler.solver.export import export_checked

_spec = importlib.util.spec_from_file_location(
    "xlsx_students_school", Path(__file__).with_name("test_xlsx_students.py")
)
_school = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_school)

KINDS = ("Summary", "Conflicts", "Master", "Meetings", "Room use", "Students",
         "Student timetables", "Rosters", "Course pairs", "T · ", "G · ", "R · ")  # fmt: skip


def risky(prefix: str) -> SchoolData:
    data = _school.school()

    def named(items, field="name"):
        return tuple(x.model_copy(update={field: prefix + (getattr(x, field) or x.id)})
                     for x in items)  # fmt: skip

    days = tuple(
        d.model_copy(update={"name": prefix + d.label, "slots": named(d.slots)})
        for d in data.calendar.days
    )
    return data.model_copy(update={
        "name": prefix + data.name,
        "calendar": data.calendar.model_copy(update={"days": days}),
        "teachers": named(data.teachers), "rooms": named(data.rooms),
        "subjects": named(data.subjects), "courses": named(data.courses),
        "groups": named(data.groups), "students": named(data.students),
        "activities": named(data.activities),
    })  # fmt: skip


# ALG-2 moved onto ALG-1's period: Ada Brooks teaches two sections at once.
CLASH = _school.SOLUTION.model_copy(update={"placements": tuple(
    p.model_copy(update={"slot": "P1", "room": "R2"}) if p.activity == "ALG-2" else p
    for p in _school.SOLUTION.placements
)})  # fmt: skip


@pytest.mark.parametrize("prefix", FORMULA_STARTS, ids=repr)
def test_text_that_starts_like_a_formula_stays_text_on_every_sheet(prefix, tmp_path):
    assert isinstance(CLASH.placements[0], Placement)
    path = export_checked(risky(prefix), CLASH, tmp_path / "t.xlsx", scenario=prefix + "Draft")
    book = openpyxl.load_workbook(path)
    seen = dict.fromkeys(KINDS, 0)
    for ws in book.worksheets:
        kind = next(k for k in KINDS if ws.title == k or (k.endswith(" · ") and
                                                         ws.title.startswith(k)))  # fmt: skip
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    assert cell.data_type == "s", f"{ws.title}!{cell.coordinate}"
                    assert cell.quotePrefix, f"{ws.title}!{cell.coordinate} has no quote prefix"
                    seen[kind] += 1
    assert all(seen.values()), (
        f"sheet kinds without such text: {[k for k, n in seen.items() if not n]}"
    )
