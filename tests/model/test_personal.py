"""Personalized time in the domain: slots from clock times, who a rule is about, validation,
references, and files written before these fields existed."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from scheduler.io.project_file import load_project, project_to_bytes
from scheduler.model import Project, SlotRef, Student, StudentGroup, find_problems
from scheduler.model.personal import (
    DayRule,
    LunchWave,
    LunchWindow,
    PersonalBlock,
    block_slots,
    day_rule_slots,
    lunch_gaps,
    members,
    personal_away,
)
from scheduler.model.references import dependents, renamed, without
from tests.conftest import small_school


def _school(**fields):
    groups = (StudentGroup(id="Y9"), StudentGroup(id="9A", parents=("Y9",)))
    students = (Student(id="ANA", groups=("9A",)), Student(id="BO"))
    return small_school(groups=groups, students=students, **fields)


def test_clock_times_become_the_slots_they_overlap():
    data = _school()
    block = PersonalBlock(id="b", students=("ANA",), days=("Mon",), start="09:00", end="12:10")
    assert block_slots(data.calendar, block) == (
        SlotRef(day="Mon", slot="P2"),
        SlotRef(day="Mon", slot="P3"),
    )  # P1 ends 08:45, P4 starts 12:40, breaks and lunch hold no class anyway
    late = DayRule(id="late", groups=("Y9",), days=("Tue",), time="09:30")
    assert day_rule_slots(data.calendar, late) == (SlotRef(day="Tue", slot="P1"),)
    early = late.model_copy(update={"kind": "early_release", "days": ()})
    assert SlotRef(day="Mon", slot="P4") in day_rule_slots(data.calendar, early)


def test_a_group_rule_reaches_students_of_its_subgroups():
    data = _school(day_rules=(DayRule(id="late", groups=("Y9",), time="08:45"),))
    assert members(data, (), ("Y9",)) == ("ANA",)
    assert set(personal_away(data)) == {"ANA"}


def test_lunch_gaps_count_breaks_and_lunch_slots_as_free():
    data = _school()
    window = LunchWindow(id="w", start="11:00", end="13:30", minutes=30)
    gaps = lunch_gaps(data.calendar, window)
    assert gaps["Mon"] == ((),)  # no slot from 11:00, then the lunch slot: nothing to keep free
    assert gaps["Tue"] == ((),)  # the day ends at 10:25
    longer = lunch_gaps(data.calendar, window.model_copy(update={"minutes": 110}))
    assert longer["Mon"] == ((SlotRef(day="Mon", slot="P4"),),)  # 11:00-12:40 is 100 minutes
    with pytest.raises(ValidationError):
        LunchWindow(id="w", start="11:00", end="11:20", minutes=30)


def test_unknown_students_groups_and_days_are_named():
    block = PersonalBlock(id="b", students=("ZED",), groups=("G?",), days=("Sun",), start="13:00",
                          end="14:00")  # fmt: skip
    wave = LunchWave(id="A", start="12:00", end="12:30", groups=("Y9",))
    data = _school(personal_blocks=(block,), lunch_waves=(wave,))
    problems = {str(p) for p in find_problems(data) if p.entity in ("personal block", "lunch wave")}
    assert problems == {
        'personal block "b": unknown student "ZED"',
        'personal block "b": unknown group "G?"',
        'personal block "b": unknown day "Sun"',
    }


def test_renames_and_deletes_carry_over():
    block = PersonalBlock(id="b", students=("ANA", "BO"), days=("Mon",), start="13:00", end="14:00")
    data = _school(personal_blocks=(block,))
    assert dependents(data, "student", {"BO"}) == ['personal block "b"']
    assert renamed(data, "student", "BO", "BOB").personal_blocks[0].students == ("ANA", "BOB")
    assert without(data, "student", {"BO"}).personal_blocks[0].students == ("ANA",)
    assert without(data, "student", {"ANA", "BO"}).personal_blocks == ()
    assert without(data, "personal block", {"b"}).personal_blocks == ()


def test_a_file_from_before_personal_time_still_loads(tmp_path):
    old = json.loads(project_to_bytes(Project.of(_school())))
    for scenario in old["project"]["scenarios"]:
        for field in ("personal_blocks", "day_rules", "cycle_days", "lunch_windows",
                      "max_minutes", "lunch_waves"):  # fmt: skip
            scenario["data"].pop(field, None)
    path = tmp_path / "old.flexday"
    path.write_text(json.dumps(old))
    data = load_project(path).scenario().data
    assert data.lunch_waves == () and data.personal_blocks == ()
    assert data == _school()
