"""Flex data: problems name the entity and field, files round-trip, old files still load."""

from __future__ import annotations

import json

from scheduler.io.project_file import load_project, project_from_bytes, project_to_bytes
from scheduler.model import FlexOffering, FlexRequest, Project, SlotRef, find_problems
from tests.solver.flex.school import flex_school


def problems(data) -> set[str]:
    return {str(p) for p in find_problems(data)}


def test_unknown_references_name_entity_and_field() -> None:
    data = flex_school()
    bad = data.model_copy(
        update={
            "flex_blocks": (
                data.flex_blocks[0].model_copy(
                    update={"slots": (SlotRef(day="SUN", slot="FLEX"),), "groups": ("Y13",)}
                ),
            ),
            "flex_offerings": (
                *data.flex_offerings,
                FlexOffering(id="F9", block="NOPE", teacher="T99", room="R99", advisees=("S99",)),
            ),
            "flex_requests": (FlexRequest(student="S99", offering="F0", by="T42"),),
        }
    )
    found = {(p.entity, p.field) for p in find_problems(bad)}
    assert {
        ("flex block", "slots"),
        ("flex block", "groups"),
        ("flex offering", "block"),
        ("flex offering", "teacher"),
        ("flex offering", "room"),
        ("flex offering", "advisees"),
        ("flex request", "student"),
        ("flex request", "offering"),
        ("flex request", "by"),
    } <= found
    assert 'flex offering "F9": unknown teacher "T99"' in problems(bad)


def test_one_teacher_or_room_per_block_and_one_default_advisory() -> None:
    data = flex_school(advisees=("S1",))
    twice = FlexOffering(id="F4", block="FLEX", teacher="T1", room="R1", advisees=("S1",))
    found = problems(data.model_copy(update={"flex_offerings": (*data.flex_offerings, twice)}))
    assert 'flex offering "F4": teacher "T1" already runs "F1" in flex block "FLEX"' in found
    assert 'flex offering "F4": room "R1" already runs "F1" in flex block "FLEX"' in found
    assert any('"S1" already has "F3" as default' in p for p in found)


def test_flex_data_round_trips_and_old_files_load(tmp_path) -> None:
    data = flex_school(requests=(FlexRequest(student="S1", offering="F1", tier="mandatory"),))
    project = Project.of(data)
    assert project_from_bytes(project_to_bytes(project)) == project
    doc = json.loads(project_to_bytes(project))
    school = doc["project"]["scenarios"][0]["data"]
    for key in ("flex_blocks", "flex_offerings", "flex_requests"):
        del school[key]
    path = tmp_path / "old.flexday"
    path.write_text(json.dumps(doc))
    old = load_project(path).scenario().data
    assert old.flex_blocks == () and old.flex_requests == ()
