"""The flexday command as a user runs it: exit codes, reports, saved timetables, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scheduler.cli import main
from scheduler.io.project_file import load_project, save_project
from scheduler.model import Project, Teacher

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.flexday"
    shutil.copy(SAMPLES / "tiny.flexday", path)
    return path


def test_solve_writes_report_and_workbook_and_check_agrees(tiny, tmp_path, capsys):
    report, xlsx = tmp_path / "r.json", tmp_path / "t.xlsx"
    args = [str(tiny), "--time-limit", "20", "--workers", "1", "--report", str(report)]
    code = main(["solve", *args, "--xlsx", str(xlsx), "--save"])
    assert code == 0, capsys.readouterr()
    doc = json.loads(report.read_text())
    assert doc["status"] in ("optimal", "feasible")
    assert doc["hard_violations"] == 0
    assert doc["meetings_placed"] == doc["meetings"] > 0
    for key in ("soft_penalty", "best_bound", "time_to_first_solution_s", "wall_s", "activities"):
        assert key in doc
    assert xlsx.stat().st_size > 0
    saved = load_project(tiny).scenario()
    assert saved.solution is not None

    check_report = tmp_path / "c.json"
    assert main(["check", str(tiny), "--report", str(check_report)]) == 0
    checked = json.loads(check_report.read_text())
    assert checked["hard_violations"] == 0
    assert checked["soft_penalty"] == doc["soft_penalty"]

    out = tmp_path / "again.xlsx"
    assert main(["export", str(tiny), "-o", str(out)]) == 0
    assert out.exists()


def test_check_and_export_without_a_timetable_exit_1(tiny, tmp_path, capsys):
    project = load_project(tiny)
    bare = project.scenario().model_copy(update={"solution": None})
    save_project(project.replace_scenario(bare), tiny)
    assert main(["check", str(tiny)]) == 1
    assert main(["export", str(tiny), "-o", str(tmp_path / "x.xlsx")]) == 1
    assert "no timetable yet" in capsys.readouterr().err


def test_infeasible_school_exits_1_with_a_reason(tiny, capsys):
    project = load_project(tiny)
    scenario = project.scenario()
    data = scenario.data
    everything = tuple(
        ref
        for day in data.calendar.days
        for slot in day.slots
        for ref in [{"day": day.id, "slot": slot.id}]
    )
    teacher = data.activities[0].teachers[0]
    teachers = tuple(
        t.model_copy(update={"unavailable": everything}) if t.id == teacher else t
        for t in data.teachers
    )
    changed = scenario.model_copy(update={"data": data.model_copy(update={"teachers": teachers})})
    save_project(project.replace_scenario(changed), tiny)
    assert main(["solve", str(tiny), "--time-limit", "10"]) == 1
    out = capsys.readouterr().out
    assert "infeasible" in out and "no possible time" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "invalid JSON"),
        (b"", "empty"),
        (b'{"format": "flexday", "schema_version": 999, "project": {}}', "newer Flexday"),
    ],
)
def test_bad_files_exit_2_with_a_message(tmp_path, capsys, content, expected):
    bad = tmp_path / "bad.flexday"
    bad.write_bytes(content)
    assert main(["solve", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.flexday" in err and expected in err


def test_missing_file_and_unknown_scenario_exit_2(tiny, tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.flexday")]) == 2
    assert main(["solve", str(tiny), "--scenario", "Nope"]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "Nope" in err


def test_invalid_school_data_exits_2_naming_the_problem(tiny, capsys):
    project = load_project(tiny)
    scenario = project.scenario()
    bad = scenario.data.model_copy(
        update={"teachers": (*scenario.data.teachers, Teacher(id=scenario.data.teachers[0].id))}
    )
    save_project(Project(scenarios=(scenario.model_copy(update={"data": bad}),)), tiny)
    assert main(["solve", str(tiny)]) == 2
    assert "id is used by 2 teacher entries" in capsys.readouterr().err


def test_python_dash_m_scheduler_runs():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "scheduler", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "flexday" in done.stdout


def test_run_solves_a_sample_into_a_folder_and_says_where(tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["run", str(SAMPLES / "tiny.flexday"), "--out", str(out), "--time-limit", "20"])
    assert code == 0
    printed = capsys.readouterr().out
    assert str((out / "tiny.xlsx").resolve()) in printed
    assert json.loads((out / "tiny-report.json").read_text())["hard_violations"] == 0
