"""The .flexday file: exact round trips, atomic saves, and clear errors for damaged files."""

from __future__ import annotations

import errno
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import small_school
from pydantic import ValidationError

from scheduler.io import migrations, project_file
from scheduler.io.errors import FileFormatError
from scheduler.io.project_file import (
    backup_path,
    describe_validation_error,
    load_project,
    project_from_bytes,
    project_to_bytes,
    save_project,
)
from scheduler.model import RULE_KINDS, Placement, Project, Scenario, Solution, Teacher


def rich_project() -> Project:
    """Two scenarios, a solution, every rule kind, pins and names beyond ASCII."""
    school = small_school()
    school = school.model_copy(
        update={"teachers": (*school.teachers, Teacher(id="T-ß", name="Ŝiân Ø'Brïen 李"))}
    )
    solution = Solution(
        placements=(
            Placement(activity="MA-7A", meeting=0, day="Mon", slot="P1", room="R1"),
            Placement(activity="MA-7A", meeting=1, day="Tue", slot="P1", room="R1"),
            Placement(activity="FR-7", meeting=0, day="Wed", slot="P2"),
        ),
        status="optimal",
        objective=12,
        best_bound=12.0,
        wall_s=0.25,
        created=datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
    )
    project = Project(
        scenarios=(Scenario(name="Main", data=school, solution=solution, notes="Été 2025 ✓"),),
        active="Main",
    )
    return project.clone_scenario("Main", "Variante «B»")


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# --- round trip -------------------------------------------------------------------------------


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    project = rich_project()
    path = tmp_path / "école.flexday"
    save_project(project, path)
    loaded = load_project(path)
    assert loaded == project
    assert {c.kind for c in loaded.scenario("Variante «B»").data.constraints} == set(RULE_KINDS)
    assert loaded.scenario().solution.placements[0].room == "R1"
    assert files_in(tmp_path) == {"école.flexday"}


def test_file_has_a_header_and_refers_by_id(tmp_path: Path) -> None:
    path = tmp_path / "p.flexday"
    save_project(rich_project(), path)
    text = path.read_text(encoding="utf-8")
    doc = json.loads(text)
    assert doc["format"] == "flexday"
    assert doc["schema_version"] == migrations.SCHEMA_VERSION
    activity = doc["project"]["scenarios"][0]["data"]["activities"][0]
    assert activity["teachers"] == ["T1"]
    assert activity["groups"] == ["7A"]
    assert "Ŝiân" in text  # readable, not \u-escaped


def test_bytes_round_trip_is_stable() -> None:
    raw = project_to_bytes(rich_project())
    assert project_to_bytes(project_from_bytes(raw)) == raw


# --- atomic save ------------------------------------------------------------------------------


def test_second_save_keeps_the_previous_file_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "p.flexday"
    first = Project.of(small_school())
    save_project(first, path)
    first_bytes = path.read_bytes()
    save_project(rich_project(), path)
    assert backup_path(path).read_bytes() == first_bytes
    assert load_project(backup_path(path)) == first
    assert load_project(path) == rich_project()
    assert files_in(tmp_path) == {"p.flexday", "p.flexday.bak"}


def test_backup_can_be_turned_off(tmp_path: Path) -> None:
    path = tmp_path / "p.flexday"
    save_project(rich_project(), path)
    save_project(rich_project(), path, backup=False)
    assert files_in(tmp_path) == {"p.flexday"}


def disk_full(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "p.flexday"
    save_project(Project.of(small_school()), path, backup=False)
    return path


def test_disk_full_while_writing_keeps_the_original(saved: Path, monkeypatch) -> None:
    before = saved.read_bytes()
    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(FileFormatError) as info:
        save_project(rich_project(), saved)
    assert str(info.value) == (
        "p.flexday: could not be saved (No space left on device); the file on disk was not changed"
    )
    assert saved.read_bytes() == before
    assert files_in(saved.parent) == {"p.flexday"}


def test_failed_rename_keeps_the_original(saved: Path, monkeypatch) -> None:
    before = saved.read_bytes()
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        if Path(dst) == saved:
            raise PermissionError(errno.EACCES, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(
        FileFormatError, match=r"p\.flexday: could not be saved \(Permission denied"
    ):
        save_project(rich_project(), saved)
    assert saved.read_bytes() == before
    assert backup_path(saved).read_bytes() == before
    assert files_in(saved.parent) == {"p.flexday", "p.flexday.bak"}


def test_failed_backup_keeps_the_original(saved: Path, monkeypatch) -> None:
    before = saved.read_bytes()
    monkeypatch.setattr(project_file.shutil, "copyfile", disk_full)
    with pytest.raises(FileFormatError, match="No space left on device"):
        save_project(rich_project(), saved)
    assert saved.read_bytes() == before
    assert files_in(saved.parent) == {"p.flexday"}


def test_interrupted_save_cleans_up_and_is_not_disguised(saved: Path, monkeypatch) -> None:
    def interrupt(*args: Any) -> None:
        raise KeyboardInterrupt

    before = saved.read_bytes()
    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_project(rich_project(), saved, backup=False)
    assert saved.read_bytes() == before
    assert files_in(saved.parent) == {"p.flexday"}


def test_save_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"p\.flexday: could not be saved \(No such file"):
        save_project(rich_project(), tmp_path / "gone" / "p.flexday")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_save_keeps_the_file_permissions(saved: Path) -> None:
    saved.chmod(0o640)
    save_project(rich_project(), saved)
    assert saved.stat().st_mode & 0o777 == 0o640


# --- damaged files ----------------------------------------------------------------------------


def header(project: Any = None, **fields: Any) -> bytes:
    doc = {"format": "flexday", "schema_version": 1, "project": project, **fields}
    return json.dumps(doc).encode()


def good_doc() -> dict[str, Any]:
    return json.loads(project_to_bytes(Project.of(small_school())))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "is empty"),
        (b" \n\t", "is empty"),
        (b"nonsense", "is damaged: invalid JSON at line 1, column 1 (Expecting value)"),
        (b'{"format": "flexday",\n "schema_version" 1}', "invalid JSON at line 2, column 19"),
        (bytes(range(256)) * 4, "is not a Flexday project (not UTF-8 text)"),
        (b"[" * 100_000, "is damaged: its data is nested too deeply"),
        (b"[1, 2]", "is not a Flexday project (no 'format': 'flexday' header)"),
        (b'{"scenarios": []}', "is not a Flexday project (no 'format': 'flexday' header)"),
        (b'{"format": "flexday"}', "has an invalid schema_version None"),
        (b'{"format": "flexday", "schema_version": "1"}', "has an invalid schema_version '1'"),
        (b'{"format": "flexday", "schema_version": true}', "has an invalid schema_version True"),
        (b'{"format": "flexday", "schema_version": 1}', "has no project data"),
        (
            b'{"format": "flexday", "schema_version": 99, "project": {}}',
            "was saved by a newer Flexday (schema version 99); this version reads up to 1",
        ),
    ],
)
def test_damaged_file(tmp_path: Path, raw: bytes, expected: str) -> None:
    path = tmp_path / "broken.flexday"
    path.write_bytes(raw)
    with pytest.raises(FileFormatError) as info:
        load_project(path)
    assert str(info.value).startswith("broken.flexday: ")
    assert expected in str(info.value)
    assert info.value.path == path


def test_truncated_file_says_it_is_cut_short(tmp_path: Path) -> None:
    raw = project_to_bytes(rich_project())
    path = tmp_path / "cut.flexday"
    for end in (1, len(raw) // 3, len(raw) // 2, len(raw) - 1):
        path.write_bytes(raw[:end])
        with pytest.raises(FileFormatError, match=r"cut\.flexday: is damaged"):
            load_project(path)
    path.write_bytes(raw[: len(raw) - 1])
    with pytest.raises(FileFormatError, match="ends too early"):
        load_project(path)


def test_every_truncation_is_a_file_format_error() -> None:
    raw = project_to_bytes(Project.of(small_school()))
    for end in range(0, len(raw), 11):
        with pytest.raises(FileFormatError):
            project_from_bytes(raw[:end])


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"^nope\.flexday: no such file$"):
        load_project(tmp_path / "nope.flexday")


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="cannot be read"):
        load_project(tmp_path)


def test_a_byte_order_mark_is_fine() -> None:
    raw = project_to_bytes(rich_project())
    assert project_from_bytes(b"\xef\xbb\xbf" + raw) == rich_project()


def test_wrong_field_type_names_the_entity_and_field() -> None:
    doc = good_doc()
    teachers = doc["project"]["scenarios"][0]["data"]["teachers"]
    teachers.append({"id": "T4", "max_slots_per_day": "lots"})
    with pytest.raises(FileFormatError) as info:
        project_from_bytes(json.dumps(doc).encode(), path="/x/school.flexday")
    assert str(info.value) == (
        "school.flexday: invalid project data:\n"
        '  scenario "Main" › teacher "T4" › max_slots_per_day: Input should be a valid integer, '
        "unable to parse string as an integer (found 'lots')"
    )


def test_unknown_constraint_kind() -> None:
    doc = good_doc()
    doc["project"]["scenarios"][0]["data"]["constraints"][1]["kind"] = "teleport"
    with pytest.raises(FileFormatError) as info:
        project_from_bytes(json.dumps(doc).encode())
    assert 'scenario "Main" › constraint "K2": unknown kind \'teleport\' (known kinds: ' in str(
        info.value
    )


def test_errors_inside_a_constraint_skip_the_kind_tag() -> None:
    doc = good_doc()
    doc["project"]["scenarios"][0]["data"]["constraints"][1]["max_slots"] = -2
    with pytest.raises(FileFormatError, match='constraint "K2" › max_slots: Input should be'):
        project_from_bytes(json.dumps(doc).encode())


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["calendar"]["days"][1]["slots"].append({"id": "P9", "start": "7:00"}),
            'scenario "Main" › calendar › day "Tue" › slot "P9" › end: is missing',
        ),
        (
            lambda d: d["calendar"]["days"][0]["slots"][0].update(end="07:00"),
            'day "Mon" › slot "P1": slot \'P1\' ends at 07:00, not after its start',
        ),
        (
            lambda d: d["activities"][0].update(meetings=[1, "long"]),
            'activity "MA-7A" › meeting #2: Input should be a valid integer',
        ),
        (
            lambda d: d["activities"][0]["pins"][0].update(meeting=-1),
            'activity "MA-7A" › pin #1 › meeting: Input should be greater than or equal to 0',
        ),
        (
            lambda d: d["teachers"][1].update(unavailable=[{"day": "Wed"}]),
            'teacher "T2" › unavailable slot #1 › slot: is missing',
        ),
        (
            lambda d: d["students"][0]["requests"][1].update(priority=0),
            'student "S1" › request #2 › priority: Input should be greater than or equal to 1',
        ),
        (
            lambda d: d["rooms"][0].update(colour="red"),
            'room "R1" › colour: is not a known field',
        ),
        (
            lambda d: d["constraints"].append({"id": "K8"}),
            "constraint \"K8\": has no 'kind'",
        ),
    ],
)
def test_locations_read_well(change: Any, expected: str) -> None:
    doc = good_doc()
    change(doc["project"]["scenarios"][0]["data"])
    with pytest.raises(FileFormatError) as info:
        project_from_bytes(json.dumps(doc).encode())
    assert expected in str(info.value)


def test_project_level_problems() -> None:
    doc = good_doc()
    doc["project"]["scenarios"] = []
    with pytest.raises(FileFormatError, match="scenarios: needs at least 1 item"):
        project_from_bytes(json.dumps(doc).encode())
    doc = good_doc()
    doc["project"]["active"] = "Other"
    with pytest.raises(FileFormatError, match="project: active scenario 'Other' is not in"):
        project_from_bytes(json.dumps(doc).encode())


def test_many_errors_are_summarised() -> None:
    doc = good_doc()
    doc["project"]["scenarios"][0]["data"]["teachers"] = [{"id": 1}] * 15
    with pytest.raises(FileFormatError) as info:
        project_from_bytes(json.dumps(doc).encode())
    lines = str(info.value).splitlines()
    assert len(lines) == 12
    assert lines[-1] == "  … and 5 more"


def leaves(node: Any, path: tuple = ()) -> list[tuple]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in leaves(v, (*path, k))] + [path]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in leaves(v, (*path, i))] + [path]
    return [path]


@pytest.mark.parametrize("odd", [None, "x", -1, 2.5, [], {}, {"id": []}])
def test_any_odd_value_anywhere_is_a_file_format_error_or_fine(odd: Any) -> None:
    """A damaged file must never surface as a raw traceback, whatever value lands wherever."""
    base = good_doc()
    for path in leaves(base["project"]):
        if not path:
            continue
        doc = json.loads(json.dumps(base))
        node = doc["project"]
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = odd
        try:
            project_from_bytes(json.dumps(doc).encode())
        except FileFormatError as exc:
            assert str(exc).startswith("project.flexday: invalid project data:\n  ")


def test_describe_validation_error_without_a_document() -> None:
    """Without the raw document, items are named by position."""
    with pytest.raises(ValidationError) as info:
        Project.model_validate({"scenarios": [{"name": "A", "data": {"teachers": [{}]}}]})
    assert describe_validation_error(info.value, None) == (
        "invalid project data:\n  scenario #1 › teacher #1 › id: is missing"
    )
