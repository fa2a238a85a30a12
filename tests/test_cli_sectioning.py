"""flexday solve on a school whose students request courses: sections planned, saved, reported."""

from __future__ import annotations

import json

import openpyxl

from scheduler.cli import main
from scheduler.io.project_file import load_project, save_project
from scheduler.model import (
    Course,
    CourseRequest,
    Project,
    Room,
    SchoolData,
    Student,
    Subject,
    Teacher,
)
from tests.solver.school import calendar


def _school() -> SchoolData:
    courses = [
        Course(id=c, subject=c, meetings=(1, 1), section_capacity=3, same_slot=True)
        for c in ("MATH", "ART", "ORCH")
    ]
    wants = {
        "S1": ("MATH", "ART"),
        "S2": ("MATH", "ORCH"),
        "S3": ("ART", "ORCH"),
        "S4": ("MATH", "ART", "ORCH"),
        "=S5": ("MATH",),
    }
    return SchoolData(
        name="Request school",
        calendar=calendar(2, 3),
        subjects=tuple(Subject(id=c.id) for c in courses),
        courses=tuple(courses),
        teachers=tuple(Teacher(id=f"T{c.id}", subjects=(c.id,)) for c in courses),
        rooms=(Room(id="R1"), Room(id="R2")),
        students=tuple(
            Student(
                id=sid.lstrip("="),
                name=sid,
                requests=tuple(CourseRequest(course=c, required=i == 0) for i, c in enumerate(cs)),
            )
            for sid, cs in wants.items()
        ),
    )


def test_solve_plans_sections_seats_students_and_saves_both(tmp_path, capsys):
    path = tmp_path / "school.flexday"
    save_project(Project.of(_school()), path)
    report, xlsx = tmp_path / "r.json", tmp_path / "t.xlsx"
    code = main(
        [
            "solve",
            str(path),
            "--time-limit",
            "10",
            "--workers",
            "1",
            "--save",
            "--report",
            str(report),
            "--xlsx",
            str(xlsx),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "planned" in out and "requests: 100.0% met" in out
    doc = json.loads(report.read_text())
    assert doc["requests"]["requests_met_pct"] == 100.0
    assert doc["requests"]["required_met_pct"] == 100.0
    assert doc["hard_violations"] == 0
    assert {p["courses"][0] for p in doc["course_pair_conflicts"]} >= {"ART", "MATH"}
    assert doc["first_full_schedule_s"] is not None
    scenario = load_project(path).scenario()
    assert {a.course for a in scenario.data.activities} == {"MATH", "ART", "ORCH"}
    assert len(scenario.solution.enrollments) == 10  # every request met
    sheets = openpyxl.load_workbook(xlsx).sheetnames
    assert {"Students", "Rosters", "Course pairs"} <= set(sheets)
    assert main(["check", str(path)]) == 0
    assert "requests: 100.0% met" in capsys.readouterr().out
