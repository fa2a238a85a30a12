"""The Students sheet lists each student's lunch wave and named time away beside their lessons."""

from __future__ import annotations

from datetime import time

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


def test_each_students_week_draws_their_lunch_wave_and_internship_at_their_times(tmp_path):
    block = PersonalBlock(id="b", name="Clinic placement", place="City Clinic", students=("ANA",),
                          days=("Tue",), start="09:40", end="10:30")  # fmt: skip
    wave = LunchWave(id="A", name="Wave A", days=("Mon",), start="12:00", end="12:40")
    data = small_school(students=(Student(id="ANA", name="Ana"), Student(id="BO")),
                        personal_blocks=(block,), lunch_waves=(wave,))  # fmt: skip
    path = tmp_path / "t.xlsx"
    export_timetable(data, Solution(lunches=(LunchAssignment(student="ANA", wave="A"),)), path)
    ws = load_workbook(path)["Student timetables"]
    rows = list(ws.iter_rows(values_only=True))
    starts = [k for k, r in enumerate(rows) if r[0] and str(r[0]).startswith(("Ana", "BO"))]
    ana, bo = rows[starts[0] : starts[1]], rows[starts[1] :]
    header = ana[1]
    cell = {  # text -> (clock of its first row, day)
        v: (r[0], header[c]) for r in ana[2:] for c, v in enumerate(r) if c and isinstance(v, str)
    }
    away = "Internship: Clinic placement\nCity Clinic\n09:40–10:30"
    assert cell[away] == ("09:40–09:50", "Tuesday")  # the grid gains a row where it starts
    lunch = "Lunch: Wave A\n12:00–12:40"
    assert cell[lunch] == ("12:00–12:40", "Monday")
    flat = [v for r in bo for v in r if isinstance(v, str)]
    assert not any("Clinic" in v or "Wave A" in v for v in flat)  # only Ana's own time


def test_a_band_names_the_kind_and_place_once():
    from scheduler.io.xlsx.personal import PersonalTime
    from scheduler.io.xlsx.student_weeks import _personal_text

    p = PersonalTime(1, time(13), time(15, 30), "Internship: Lakeside", "internship", "Lakeside")
    assert _personal_text(p) == "Internship: Lakeside\n13:00–15:30"
