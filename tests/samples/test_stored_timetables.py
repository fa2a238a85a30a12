"""The bundled samples are feasible: the timetables stored with them pass the checker."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.io.project_file import load_project
from scheduler.solver.check import check

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize("name", ["tiny.flexday", "riverside-high.flexday"])
def test_stored_timetable_has_no_hard_violation(name: str) -> None:
    scenario = load_project(SAMPLES / name).scenario()
    assert scenario.solution is not None
    report = check(scenario.data, scenario.solution)
    assert report.hard_violations == 0, [v.message for v in report.violations if v.hard][:5]
    assert report.placed == report.meetings
    assert report.soft_penalty == scenario.solution.objective
