"""Schema migrations, simulated: MIGRATIONS and SCHEMA_VERSION are swapped for a pretend v1 → v2
step, as napari's settings tests do, so the machinery is tested before a real step exists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import small_school

from scheduler.io import migrations
from scheduler.io.errors import FileFormatError
from scheduler.io.project_file import backup_path, load_project, project_to_bytes, save_project
from scheduler.model import Project


def good_doc() -> dict:
    return json.loads(project_to_bytes(Project.of(small_school())))


def v1_file(tmp_path: Path) -> Path:
    """A file from a pretend version 1, where a teacher's name was called ``full_name``."""
    doc = good_doc()
    doc["schema_version"] = 1
    for teacher in doc["project"]["scenarios"][0]["data"]["teachers"]:
        teacher["full_name"] = teacher.pop("name")
    path = tmp_path / "old.flexday"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def rename_full_name(doc: dict) -> dict:
    """v1 → v2: teachers' ``full_name`` became ``name``."""
    for scenario in doc["project"]["scenarios"]:
        for teacher in scenario["data"]["teachers"]:
            teacher["name"] = teacher.pop("full_name")
    return doc


def test_an_old_file_is_upgraded_on_load(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: rename_full_name})
    path = v1_file(tmp_path)
    loaded = load_project(path)
    assert loaded == Project.of(small_school())
    assert loaded.scenario().data.teacher_by_id["T2"].name == "Zoë"
    save_project(loaded, path)
    assert json.loads(path.read_bytes())["schema_version"] == 2
    assert json.loads(backup_path(path).read_bytes())["schema_version"] == 1


def test_steps_are_registered_with_a_decorator(monkeypatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    step = migrations.migration(1)(rename_full_name)
    assert {1: step} == migrations.MIGRATIONS
    with pytest.raises(ValueError, match="two migrations from schema version 1"):
        migrations.migration(1)(rename_full_name)


def test_migrate_sets_the_version_and_leaves_the_input_alone(monkeypatch) -> None:
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: lambda d: {**d, "a": 1}, 2: lambda d: d})
    doc = {"schema_version": 1}
    assert migrations.migrate(doc, version=1) == {"schema_version": 3, "a": 1}
    assert doc == {"schema_version": 1}
    assert migrations.migrate(doc, version=1, target=2) == {"schema_version": 2, "a": 1}


def test_a_missing_step_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    with pytest.raises(
        FileFormatError,
        match=r"old\.flexday: could not be upgraded from schema version 1: "
        r"no migration from schema version 1",
    ):
        load_project(v1_file(tmp_path))


def test_a_failing_step_is_a_file_format_error(tmp_path: Path, monkeypatch) -> None:
    def broken(doc: dict) -> dict:
        raise KeyError("teachers")

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: broken})
    with pytest.raises(FileFormatError, match="could not be upgraded from schema version 1"):
        load_project(v1_file(tmp_path))


def test_a_step_that_returns_nothing_is_caught(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: lambda doc: None})
    with pytest.raises(FileFormatError, match="did not return a document"):
        load_project(v1_file(tmp_path))
