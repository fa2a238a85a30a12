"""FET's timetables scored by our checker, and our timetables written back for FET."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from scheduler.io.fet import export_fet, import_fet, read_fet_timetable
from scheduler.io.project_file import load_project
from scheduler.solver.check import check
from scheduler.solver.solve import SolveOptions, solve

FET_CL = shutil.which("fet-cl")


def data_of(path):
    return import_fet(path).project.scenario().data


@pytest.mark.parametrize(
    ("school", "timetable", "penalty"),
    [
        # fet-cl reported 8.55 soft conflicts: nine 95 % min-days pairs at 9500 each.
        ("EEBLJ-Noturno.fet", "EEBLJ-Noturno_data_and_timetable.fet", 85500),
        ("Khoi-chieu.fet", "Khoi-chieu_data_and_timetable.fet", 0),
        ("Khoi-chieu.fet", "Khoi-chieu_teachers.xml", 0),
    ],
)
def test_checker_agrees_with_fet_on_its_timetables(fet_file, school, timetable, penalty):
    data = data_of(fet_file(school))
    solution = read_fet_timetable(fet_file(timetable), data=data)
    report = check(data, solution)
    assert report.placed == report.meetings
    assert report.hard_violations == 0, [v.message for v in report.violations if v.hard]
    assert report.soft_penalty == penalty


def test_round_trip_keeps_school_and_locked_timetable(fet_file, tmp_path):
    data = data_of(fet_file("EEBLJ-Noturno.fet"))
    result = solve(data, SolveOptions(time_limit_s=10, workers=1))
    assert result.solution is not None
    out = tmp_path / "back.fet"
    report = export_fet(data, out, solution=result.solution)
    assert report.activities == 74 and not report.skipped
    again = data_of(out)
    assert [a.id for a in again.activities] == [a.id for a in data.activities]
    read = read_fet_timetable(out, data=again)
    ours = {(p.activity, p.day, p.slot) for p in result.solution.placements}
    assert {(p.activity, p.day, p.slot) for p in read.placements} == ours
    assert check(again, read).soft_penalty == check(data, result.solution).soft_penalty


@pytest.mark.skipif(FET_CL is None, reason="fet-cl is not installed (apt-get install fet)")
def test_fet_accepts_the_export_and_keeps_the_locked_timetable(fet_file, tmp_path):
    data = data_of(fet_file("small-school.fet"))
    result = solve(data, SolveOptions(time_limit_s=5, workers=1))
    out = tmp_path / "locked.fet"
    export_fet(data, out, solution=result.solution)
    run = subprocess.run(
        [FET_CL, f"--inputfile={out}", f"--outputdir={tmp_path / 'fet'}", "--timelimitseconds=30"],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert "Simulation successful" in run.stdout, run.stdout[-2000:]
    back = next((tmp_path / "fet" / "timetables").rglob("*_data_and_timetable.fet"))
    read = read_fet_timetable(back, data=data)
    assert {(p.activity, p.day, p.slot) for p in read.placements} == {
        (p.activity, p.day, p.slot) for p in result.solution.placements
    }


def test_a_native_school_exports_what_fet_can_hold_and_counts_the_rest(tmp_path):
    root = Path(__file__).resolve().parents[3]
    data = load_project(root / "samples" / "riverside-high.flexday").scenario().data
    out = tmp_path / "riverside.fet"
    report = export_fet(data, out)
    assert report.skipped["individual students (FET knows only students sets)"] == len(
        data.students
    )
    assert all(n > 0 for n in report.skipped.values())
    again = import_fet(out)
    assert again.report.activities == sum(len(a.meetings) for a in data.activities)
    assert again.report.complete
