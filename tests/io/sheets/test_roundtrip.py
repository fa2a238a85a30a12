"""import(export(school)) == school: for generated schools, for the samples, through CSV too."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from scheduler.io.project_file import load_project
from scheduler.io.sheets import export_data, import_school
from scheduler.model import Project
from tests.io.sheets.schools import schools

SAMPLES = Path(__file__).parents[3] / "samples"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(school=schools())
def test_workbook_round_trip_keeps_every_value(school, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("rt") / "school.xlsx"
    export_data(school, path)
    imported = import_school(path)
    assert imported.data == school
    assert Project.of(imported.data) == Project.of(school)
    assert imported.warnings == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(school=schools())
def test_csv_round_trip_keeps_every_value(school, tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("csv")
    export_data(school, folder / "data")
    assert import_school(folder / "data").data == school


@pytest.mark.parametrize("name", ["tiny", "riverside-high", "northside-academy"])
def test_samples_round_trip(name: str, tmp_path: Path) -> None:
    data = load_project(SAMPLES / f"{name}.flexday").scenario().data
    export_data(data, tmp_path / "data.xlsx")
    imported = import_school(tmp_path / "data.xlsx")
    assert imported.data == data
    assert imported.checks == []
