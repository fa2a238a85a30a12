"""Projects and scenarios: cheap, independent clones, and edits that stay valid."""

from __future__ import annotations

from typing import get_args

import pytest
from conftest import small_school
from pydantic import ValidationError

from scheduler.model import (
    RULE_KINDS,
    Constraint,
    Placement,
    Project,
    Scenario,
    SchoolData,
    Solution,
    Teacher,
)


def two_scenarios() -> Project:
    return Project.of(small_school()).clone_scenario("Main", "Four-day week")


def test_of_makes_one_main_scenario() -> None:
    project = Project.of(small_school())
    assert [s.name for s in project.scenarios] == ["Main"]
    assert project.scenario().name == "Main"
    assert project.scenario("Main").data == small_school()


def test_clone_is_cheap_it_shares_the_school_data() -> None:
    project = two_scenarios()
    main, clone = project.scenarios
    assert clone.name == "Four-day week"
    assert clone.data is main.data
    assert project.active is None


def test_clone_is_independent_of_the_original() -> None:
    project = two_scenarios()
    clone = project.scenario("Four-day week")
    data = clone.data
    data.teacher_by_id  # noqa: B018 - fill the cached look-up before editing
    edited = data.model_copy(update={"teachers": (*data.teachers, Teacher(id="T3"))})
    project = project.replace_scenario(clone.model_copy(update={"data": edited}))
    assert "T3" in project.scenario("Four-day week").data.teacher_by_id
    assert "T3" not in project.scenario("Main").data.teacher_by_id
    assert project.scenario("Main").data == small_school()


def test_clone_keeps_the_solution_and_notes() -> None:
    solution = Solution(placements=(Placement(activity="FR-7", meeting=0, day="Tue", slot="P1"),))
    project = Project(
        scenarios=(Scenario(name="A", data=small_school(), solution=solution, notes="n"),)
    )
    clone = project.clone_scenario("A", "B").scenario("B")
    assert (clone.solution, clone.notes) == (solution, "n")


def test_clone_name_is_checked() -> None:
    project = two_scenarios()
    with pytest.raises(ValueError, match="a scenario named 'Main' already exists"):
        project.clone_scenario("Four-day week", "  Main ")
    with pytest.raises(ValidationError):
        project.clone_scenario("Main", "   ")
    with pytest.raises(KeyError, match="no scenario named 'Nope'"):
        project.clone_scenario("Nope", "X")


def test_scenario_names_are_unique_and_active_must_exist() -> None:
    main = Scenario(name="Main", data=SchoolData())
    with pytest.raises(ValidationError, match="repeated: Main"):
        Project(scenarios=(main, main))
    with pytest.raises(ValidationError, match="active scenario 'Other' is not in the project"):
        Project(scenarios=(main,), active="Other")
    with pytest.raises(ValidationError):
        Project(scenarios=())


def test_active_scenario_follows_a_rename() -> None:
    project = two_scenarios().model_copy(update={"active": "Four-day week"})
    assert project.scenario().name == "Four-day week"
    renamed = project.scenario().model_copy(update={"name": "4 days"})
    project = project.replace_scenario(renamed, name="Four-day week")
    assert project.active == "4 days"
    assert [s.name for s in project.scenarios] == ["Main", "4 days"]


def test_edits_are_validated() -> None:
    teacher = Teacher(id="T1", subjects=("MA",))
    assert teacher.model_copy(update={"subjects": ["MA"]}) == teacher  # list becomes a tuple
    with pytest.raises(ValidationError):
        teacher.model_copy(update={"max_slots_per_day": -1})
    with pytest.raises(ValidationError):
        teacher.model_copy(update={"no_such_field": 1})
    with pytest.raises(ValidationError):
        two_scenarios().model_copy(update={"active": "Nope"})


def test_values_are_frozen() -> None:
    with pytest.raises(ValidationError):
        small_school().teachers[0].name = "Changed"  # type: ignore[misc]


def test_rule_kinds_name_every_member_of_the_constraint_union() -> None:
    union = get_args(Constraint)[0]
    members = get_args(union)
    assert tuple(m.model_fields["kind"].default for m in members) == RULE_KINDS
    assert {c.kind for c in small_school().constraints} == set(RULE_KINDS)


def test_every_rule_can_be_hard_or_soft_with_a_weight() -> None:
    for rule in small_school().constraints:
        soft = rule.model_copy(update={"hard": False, "weight": 7})
        assert (soft.hard, soft.weight, soft.kind) == (False, 7, rule.kind)
        with pytest.raises(ValidationError):
            rule.model_copy(update={"weight": 0})
