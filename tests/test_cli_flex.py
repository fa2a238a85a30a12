"""``flexday flex`` and ``flexday regroup`` on small projects: report, save, bad input."""

from __future__ import annotations

import json

from scheduler.cli import main
from scheduler.io.project_file import load_project, save_project
from scheduler.model import Project
from tests.solver.flex.school import flex_school, timetable, want


def project(tmp_path, *, solved: bool = True):
    data = flex_school(requests=(want("S1", "F1", "mandatory"), want("S2", "F1", "teacher")))
    scenario = Project.of(data).scenario()
    if solved:
        scenario = scenario.model_copy(update={"solution": timetable()})
    path = tmp_path / "school.flexday"
    save_project(Project(scenarios=(scenario,)), path)
    return path


def test_flex_routes_reports_and_saves(tmp_path, capsys) -> None:
    path = project(tmp_path)
    out = tmp_path / "flex.json"
    assert main(["flex", str(path), "--save", "--report", str(out)]) == 0
    text = capsys.readouterr().out
    assert "routed 6/6 students" in text and "mandatory requests honoured: 1/1" in text
    report = json.loads(out.read_text())
    assert report["mandatory"] == {"asked": 1, "honoured": 1, "pct": 100.0}
    saved = load_project(path).scenario().solution
    assert len(saved.flex) == 6 and saved.placements == timetable().placements


def test_flex_needs_a_timetable(tmp_path, capsys) -> None:
    assert main(["flex", str(project(tmp_path, solved=False))]) == 1
    assert "no timetable yet" in capsys.readouterr().err


def test_regroup_reads_levels_and_names_bad_rows(tmp_path, capsys) -> None:
    path = project(tmp_path)
    levels = tmp_path / "levels.csv"
    levels.write_text("student,course,level\nS1,NOPE,2\nS9,X,1\n")
    assert main(["regroup", str(path), str(levels)]) == 2
    err = capsys.readouterr().err
    assert "levels.csv: 2 bad row(s)" in err and 'row 2: unknown course "NOPE"' in err


def test_regroup_moves_students_and_saves(tmp_path, capsys) -> None:
    from tests.solver.flex.test_regroup import school

    data, solution = school({"S1": ["A"], "S2": ["A"], "S3": ["B"], "S4": ["B"]})
    scenario = Project.of(data).scenario().model_copy(update={"solution": solution})
    path = tmp_path / "school.flexday"
    save_project(Project(scenarios=(scenario,)), path)
    levels, sections = tmp_path / "levels.csv", tmp_path / "sections.csv"
    levels.write_text("student,course,level\nS1,MATH,3\nS2,MATH,1\nS3,MATH,1\nS4,MATH,3\n")
    sections.write_text("section,level\nA,1\nB,3\n")
    args = ["regroup", str(path), str(levels), "--section-levels", str(sections), "--save"]
    assert main(args) == 0
    assert "2 of 4 students moved" in capsys.readouterr().out
    saved = load_project(path).scenario().solution.sections_by_student
    assert saved["S1"] == ("B",) and saved["S3"] == ("A",) and saved["S2"] == ("A",)
