"""The document: edits are undoable, the clean state is 'saved', scenarios switch every view."""

from __future__ import annotations

from pathlib import Path

from scheduler.model import Placement, Project, Solution


def test_replace_data_is_one_undoable_step(doc, qtbot):
    before = doc.data
    renamed = before.model_copy(update={"name": "Hillside"})
    with qtbot.waitSignal(doc.changed):
        doc.replace_data(renamed, "Rename school")
    assert doc.data.name == "Hillside"
    assert doc.modified
    assert doc.undo_stack.undoText() == "Rename school"
    doc.undo_stack.undo()
    assert doc.data is before
    assert not doc.modified


def test_an_edit_that_changes_nothing_is_not_recorded(doc):
    doc.replace_data(doc.data.model_copy(), "Nothing")
    assert doc.undo_stack.count() == 0


def test_apply_solution_and_undo(doc):
    solution = Solution(placements=(Placement(activity="FR-7", meeting=0, day="Mon", slot="P2"),))
    doc.apply_solution(solution, "Apply timetable")
    assert doc.solution == solution
    doc.undo_stack.undo()
    assert doc.solution is None


def test_undo_of_an_edit_in_another_scenario_shows_that_scenario(doc, qtbot):
    doc.replace_project(doc.project.clone_scenario("Main", "Try"), "Clone", show="Try")
    assert doc.scenario_name == "Try"
    doc.replace_data(doc.data.model_copy(update={"name": "Changed"}), "Rename")
    doc.switch_scenario("Main")
    assert doc.data.name == "Riverside Test"
    with qtbot.waitSignal(doc.scenarioSwitched) as blocker:
        doc.undo_stack.undo()
    assert blocker.args == ["Try"]
    assert doc.project.scenario("Try").data.name == "Riverside Test"


def test_load_starts_a_fresh_history(doc, school):
    doc.replace_data(school.model_copy(update={"name": "X"}), "Rename")
    doc.load(Project.of(school, scenario="Other"), Path("x.flexday"))
    assert doc.undo_stack.count() == 0
    assert not doc.modified
    assert doc.scenario_name == "Other"
    assert doc.title == "x.flexday"


def test_saved_project_opens_on_the_scenario_on_screen(doc):
    doc.replace_project(doc.project.clone_scenario("Main", "B"), "Clone", show="B")
    assert doc.project_to_save().active == "B"


def test_problems_are_computed_once_per_version(doc, school):
    assert doc.problems() == []
    math, french = school.activities
    broken = school.model_copy(
        update={"activities": (math.model_copy(update={"teachers": ("T9",)}), french)}
    )
    doc.replace_data(broken, "Break")
    assert [str(p) for p in doc.problems()] == ['activity "MA-7A": unknown teacher "T9"']
    assert doc.problems() is doc.problems()
