"""The checked round trip: export, change the Meetings sheet as staff would, read it back.

A clean edit becomes a new scenario; an edit that breaks a hard rule is refused with the rule
named; the original scenario never changes; a bad sheet is reported cell by cell.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl
import pytest

from scheduler.cli import main
from scheduler.io.project_file import load_project, save_project
from scheduler.io.xlsx import export_timetable
from scheduler.io.xlsx.meetings import HEADINGS, MeetingsFileError, read_meetings
from scheduler.model import Project
from scheduler.solver.import_changes import review_changes, save_as_scenario

_spec = importlib.util.spec_from_file_location(
    "xlsx_export_school", Path(__file__).with_name("test_xlsx_export.py")
)
_school = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_school)
school, SOLUTION = _school.school, _school.SOLUTION


@pytest.fixture
def project(tmp_path: Path) -> Path:
    base = Project.of(school(), scenario="Draft")
    path = tmp_path / "school.flexday"
    save_project(base.replace_scenario(base.scenario().model_copy(update={"solution": SOLUTION})),
                 path)  # fmt: skip
    return path


def exported(tmp_path: Path, edits: dict[tuple[str, int], dict[str, object]]) -> Path:
    """Export the timetable, then change Meetings cells: (activity, meeting) -> {heading: value}."""
    path = export_timetable(school(), SOLUTION, tmp_path / "timetable.xlsx", scenario="Draft")
    book = openpyxl.load_workbook(path)
    ws = book["Meetings"]
    col = {h: i + 1 for i, h in enumerate(HEADINGS)}
    rows = {(ws.cell(r, 1).value, ws.cell(r, 2).value): r for r in range(2, ws.max_row + 1)}
    for (aid, number), values in edits.items():
        for heading, value in values.items():
            ws.cell(rows[(aid, number)], col[heading]).value = value
    book.save(path)
    return path


def test_meetings_sheet_has_a_row_per_meeting_with_ids(tmp_path: Path) -> None:
    path = exported(tmp_path, {})
    ws = openpyxl.load_workbook(path)["Meetings"]
    assert tuple(c.value for c in ws[1]) == HEADINGS
    keys = [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(2, ws.max_row + 1)]
    assert keys == [("a1", 1), ("a1", 2), ("a2", 1), ("a3", 1), ("a4", 1)]
    rows = read_meetings(path, school())
    assert [(r.day, r.slot, r.room, r.pinned) for r in rows][:3] == [
        ("mon", "P1", "R1", False), ("tue", "P1", "R1", False), ("wed", "B1", "R2", False)
    ]  # fmt: skip
    assert rows[-1].day is None  # Art is not placed


def test_clean_edit_becomes_a_new_scenario_and_the_original_stays(tmp_path: Path) -> None:
    path = exported(tmp_path, {("a1", 1): {"Start slot": "p2", "Room": "+1"},
                               ("a2", 1): {"Pinned": "yes"}})  # fmt: skip
    base = Project.of(school(), scenario="Draft")
    base = base.replace_scenario(base.scenario().model_copy(update={"solution": SOLUTION}))
    review = review_changes(base, "Draft", path)
    assert review.accepted and not review.new_hard
    assert [c.what for c in review.changes] == ["moved", "pinned"]
    assert "moved from Monday P1 in Lab 1 to Monday P2 in +1" in review.changes[0].text
    saved = save_as_scenario(base, review, "Draft (from Excel)")
    new = saved.scenario("Draft (from Excel)")
    assert new.solution.placement("a1", 0).slot == "P2"
    assert new.solution.placement("a1", 0).room == "R2"
    assert new.data.activity_by_id["a2"].pin(0).start.slot == "B1"
    assert saved.scenario("Draft") == base.scenario("Draft")


def test_conflicting_edit_is_refused_with_the_hard_rule_named(tmp_path: Path) -> None:
    # Science 9B (Ms "=SUM(A1)") onto Monday P3, where she takes the whole year's assembly.
    path = exported(tmp_path, {("a2", 1): {"Day": "Monday", "Start slot": "P3"}})
    base = Project.of(school(), scenario="Draft")
    base = base.replace_scenario(base.scenario().model_copy(update={"solution": SOLUTION}))
    review = review_changes(base, "Draft", path)
    assert not review.accepted
    assert {v.rule for v in review.new_hard} >= {"teacher_conflict", "group_conflict"}
    assert any('teacher "T2" has 2 lessons at Monday P3' in v.message for v in review.new_hard)
    assert "Refused" in review.verdict()
    with pytest.raises(ValueError, match="Refused"):
        save_as_scenario(base, review, "Draft 2")


def test_cli_saves_a_clean_edit_only_with_yes(tmp_path: Path, project: Path, capsys) -> None:
    path = exported(tmp_path, {("a3", 1): {"Day": "Tuesday", "Start slot": "P3"}})
    before = load_project(project).scenario("Draft")
    assert main(["import-changes", str(project), str(path)]) == 1  # not a terminal: not saved
    assert len(load_project(project).scenarios) == 1
    assert main(["import-changes", str(project), str(path), "--as", "Moved", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Assembly meeting 1: moved from Monday P3 in @x to Tuesday P3 in @x" in out
    after = load_project(project)
    assert [s.name for s in after.scenarios] == ["Draft", "Moved"]
    assert after.scenario("Draft") == before
    assert after.scenario("Moved").solution.placement("a3", 0).day == "tue"


def test_cli_refuses_a_conflict_and_leaves_the_file(tmp_path: Path, project: Path, capsys) -> None:
    path = exported(tmp_path, {("a2", 1): {"Day": "mon", "Start slot": "P3"}})
    before = project.read_bytes()
    assert main(["import-changes", str(project), str(path), "--yes"]) == 1
    out = capsys.readouterr().out
    assert "[HARD] a teacher in two lessons at once (teacher_conflict)" in out
    assert "Refused" in out
    assert project.read_bytes() == before


def test_every_bad_cell_is_reported_with_sheet_row_and_column(tmp_path: Path, project) -> None:
    path = exported(tmp_path, {
        ("a1", 1): {"Activity id": "zz"},
        ("a1", 2): {"Day": "Tusday"},
        ("a2", 1): {"Start slot": "P9", "Room": "Gym"},
        ("a3", 1): {"Pinned": "maybe", "Meeting": 7},
    })  # fmt: skip
    with pytest.raises(MeetingsFileError) as caught:
        read_meetings(path, school())
    problems = caught.value.problems
    assert "Meetings!A2: unknown activity 'zz'" in problems
    assert any(p.startswith("Meetings!G3: unknown day 'Tusday' (days: Monday") for p in problems)
    assert any(p.startswith("Meetings!H4: Wednesday has no slot 'P9'") for p in problems)
    assert "Meetings!I4: unknown room 'Gym'" in problems
    assert "Meetings!J5: 'maybe' is not yes or no" in problems
    assert any(p.startswith("Meetings!B5: activity 'a3' has no meeting '7'") for p in problems)
    assert main(["import-changes", str(project), str(path), "--yes"]) == 2


def test_a_workbook_without_a_meetings_sheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Teachers"
    book.save(path)
    with pytest.raises(MeetingsFileError, match="no sheet named 'Meetings'"):
        read_meetings(path, school())
