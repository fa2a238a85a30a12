"""The Students sheet lists each student's lunch wave and named time away beside their lessons."""

from __future__ import annotations

from openpyxl import load_workbook

from scheduler.io.xlsx import export_timetable
from scheduler.io.xlsx.personal import personal_rows
from scheduler.model import Solution, Student
from scheduler.model.personal import LunchAssignment, LunchWave, PersonalBlock
from tests.conftest import small_school


def _school():
    block = PersonalBlock(
        id="b", name="=Internship", place="Clinic", kind="dual_enrolment", students=("ANA",),
        days=("Tue",), start="09:40", end="10:30",
    )  # fmt: skip
    wave = LunchWave(id="A", name="Lunch A", days=("Mon",), start="12:00", end="12:40")
    return small_school(students=(Student(id="ANA", name="Ana"), Student(id="BO")),
                        personal_blocks=(block,), lunch_waves=(wave,))  # fmt: skip


def test_rows_name_the_wave_and_the_block_by_day_and_time():
    data = _school()
    solution = Solution(lunches=(LunchAssignment(student="ANA", wave="A"),))
    rows = personal_rows(data, solution)
    assert [r[0] for r in rows] == ["ANA", "ANA"]
    lunch, away = rows
    assert lunch[3:7] == ["Monday", None, "12:00–12:40", "Lunch A"] and lunch[-1] == "lunch"
    assert away[3] == "Tuesday" and away[5] == "09:40–10:30" and away[9] == "Clinic"
    assert away[-1] == "dual enrolment"


def test_the_students_sheet_holds_them_under_its_filter(tmp_path):
    data = _school()
    lunches = (LunchAssignment(student="ANA", wave="A"),)
    path = tmp_path / "t.xlsx"
    export_timetable(data, Solution(lunches=lunches), path)
    ws = load_workbook(path)["Students"]
    values = list(ws.iter_rows(values_only=True))
    kinds = [r[-1] for r in values]
    assert "lunch" in kinds and "dual enrolment" in kinds
    assert ws.auto_filter.ref.endswith(str(len(values)))
    away = next(r for r in values if r[-1] == "dual enrolment")
    assert away[6] == "=Internship"  # text, not a formula
