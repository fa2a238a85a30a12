"""The Flex sheets: every offering's roster and one row per routed student."""

from __future__ import annotations

from openpyxl import load_workbook

from scheduler.io.xlsx import export_timetable
from scheduler.solver.stages.flex import routed
from tests.solver.flex.school import flex_school, timetable, want


def test_flex_sheets_list_rosters_and_students(tmp_path) -> None:
    data = flex_school(requests=(want("S1", "F1", "mandatory"), want("S2", "F2", rank=1)))
    solution, _ = routed(data, timetable())
    path = export_timetable(data, solution, tmp_path / "t.xlsx")
    wb = load_workbook(path)
    assert {"Flex", "Flex students"} <= set(wb.sheetnames)
    rows = list(wb["Flex students"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 6
    by_student = {r[0]: r for r in rows}
    assert by_student["S1"][4] == "F1" and by_student["S1"][8] == "mandatory"
    assert by_student["S2"][4] == "F2" and by_student["S2"][8] == "choice 1"
    roster = [c for row in wb["Flex"].iter_rows(values_only=True) for c in row if c]
    assert any(str(c).startswith("F1 · Intervention") for c in roster)


def test_no_flex_sheets_without_a_routing(tmp_path) -> None:
    path = export_timetable(flex_school(), timetable(), tmp_path / "t.xlsx")
    assert "Flex" not in load_workbook(path).sheetnames


def test_students_sheet_and_student_timetables_show_the_flex_offering(tmp_path) -> None:
    data = flex_school(requests=(want("S1", "F1", "mandatory"),))
    solution, _ = routed(data, timetable())
    wb = load_workbook(export_timetable(data, solution, tmp_path / "t.xlsx"))
    rows = [r for r in wb["Students"].iter_rows(min_row=2, values_only=True) if r[0] == "S1"]
    flex = [r for r in rows if "flex" in r]
    assert len(flex) == 2 and all("F1" in r for r in flex)
    weeks = wb["Student timetables"]
    assert any("F1" in str(c) for row in weeks.iter_rows(values_only=True) for c in row if c)
