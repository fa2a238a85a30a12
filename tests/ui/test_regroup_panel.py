"""Regroup by mastery on the Flex page: levels read all or nothing, the regrouping runs in a
worker and comes back as one undoable step with its moves listed by name."""

from __future__ import annotations

import pytest

from scheduler.model import Project
from tests.solver.flex.test_regroup import school


@pytest.fixture
def regroup_doc(qapp):
    from scheduler.ui.document import Document

    data, solution = school({"S1": ["A"], "S2": ["A"], "S3": ["B"], "S4": ["B"]})
    students = tuple(s.model_copy(update={"name": f"Pupil {s.id}"}) for s in data.students)
    data = data.model_copy(update={"students": students})
    scenario = Project.of(data).scenario().model_copy(update={"solution": solution})
    return Document(Project(scenarios=(scenario,)))


def _panel(doc, qtbot):
    from scheduler.ui.views.flex_page import FlexPage

    page = FlexPage(doc)
    qtbot.addWidget(page)
    return page.regroup


def test_regrouping_moves_the_mismatched_students_as_one_undoable_step(
    regroup_doc, qtbot, tmp_path
) -> None:
    levels, sections = tmp_path / "levels.csv", tmp_path / "sections.csv"
    levels.write_text("student,course,level\nS1,MATH,3\nS2,MATH,1\nS3,MATH,1\nS4,MATH,3\n")
    sections.write_text("section,level\nA,1\nB,3\n")
    panel = _panel(regroup_doc, qtbot)
    assert not panel.run.isEnabled()  # no levels file chosen yet
    panel.levels.setText(str(levels))
    panel.sections.setText(str(sections))
    assert panel.run.isEnabled()
    before = regroup_doc.solution
    with qtbot.waitSignal(panel.runner.finished, timeout=60_000):
        panel.run.click()
    seated = regroup_doc.solution.sections_by_student
    assert {s: set(secs) for s, secs in seated.items()} == {
        "S1": {"B"}, "S2": {"A"}, "S3": {"A"}, "S4": {"B"}
    }  # fmt: skip
    text = panel.summary.text()
    assert "2 of 4 students moved" in text and "Level mismatch: 4 → 0" in text
    rows = {
        tuple(panel.moves.item(i, j).text() for j in range(4))
        for i in range(panel.moves.rowCount())
    }
    assert rows == {("Pupil S1 (S1)", "MATH", "A", "B"), ("Pupil S3 (S3)", "MATH", "B", "A")}
    assert regroup_doc.undo_stack.undoText() == "Regroup by mastery (2 students moved)"
    regroup_doc.undo_stack.undo()
    assert regroup_doc.solution == before


def test_a_bad_levels_file_is_shown_row_by_row_and_nothing_changes(
    regroup_doc, qtbot, tmp_path
) -> None:
    levels = tmp_path / "levels.csv"
    levels.write_text("student,course,level\nS1,NOPE,2\nS2,MATH,high\n")
    panel = _panel(regroup_doc, qtbot)
    shown: list[str] = []
    panel.error = lambda title, text: shown.append(text)
    panel.levels.setText(str(levels))
    before, steps = regroup_doc.solution, regroup_doc.undo_stack.count()
    panel.run.click()
    assert not panel.runner.busy
    assert len(shown) == 1 and "levels.csv" in shown[0]
    assert 'row 2: unknown course "NOPE"' in shown[0]
    assert 'row 3: level "high" is not a whole number' in shown[0]
    assert "nothing was changed" in panel.state.text()
    assert regroup_doc.solution is before and regroup_doc.undo_stack.count() == steps
