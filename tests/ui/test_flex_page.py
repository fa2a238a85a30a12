"""The Flex page: editable tables, routing off the UI thread as one undoable step, and the
student's week showing the offering in the flex slot."""

from __future__ import annotations

import pytest

from scheduler.model import Project
from tests.solver.flex.school import flex_school, timetable, want


@pytest.fixture
def flex_doc(qapp):
    from scheduler.ui.document import Document

    data = flex_school(requests=(want("S1", "F1", "mandatory"), want("S2", "F2", rank=1)))
    scenario = Project.of(data).scenario().model_copy(update={"solution": timetable()})
    return Document(Project(scenarios=(scenario,)))


def test_models_pass_the_model_tester(flex_doc, qtmodeltester) -> None:
    from scheduler.ui.models.flex import FlexBlockModel, FlexOfferingModel, FlexRequestModel

    for model in (FlexBlockModel, FlexOfferingModel, FlexRequestModel):
        qtmodeltester.check(model(flex_doc))


def test_renaming_an_offering_follows_into_requests_and_delete_takes_them(flex_doc) -> None:
    from scheduler.ui.models.flex import FlexOfferingModel

    model = FlexOfferingModel(flex_doc)
    assert model.setData(model.index(0, 0), "SUPPORT")
    assert {r.offering for r in flex_doc.data.flex_requests} == {"SUPPORT", "F2"}
    assert model.dependents([0]) == ["1 flex request(s)"]
    model.remove([0])
    assert [r.offering for r in flex_doc.data.flex_requests] == ["F2"]
    flex_doc.undo_stack.undo()
    assert len(flex_doc.data.flex_requests) == 2


def test_a_bad_tier_is_refused_on_the_cell(flex_doc) -> None:
    from scheduler.ui.models.flex import FlexRequestModel

    model = FlexRequestModel(flex_doc)
    assert not model.setData(model.index(0, 2), "urgent")
    assert flex_doc.data.flex_requests[0].tier == "mandatory"


def test_route_flex_runs_in_a_worker_and_is_undoable(flex_doc, qtbot) -> None:
    from scheduler.ui.views.flex_page import FlexPage

    page = FlexPage(flex_doc)
    qtbot.addWidget(page)
    assert page.panel.route.isEnabled()
    with qtbot.waitSignal(page.runner.finished, timeout=60_000):
        page.panel.route.click()
    routed = {a.student: a.offering for a in flex_doc.solution.flex}
    assert routed["S1"] == "F1" and routed["S2"] == "F2" and len(routed) == 6
    assert "Mandatory requests honoured: 1 of 1" in page.panel.summary.text()
    assert page.panel.sizes.rowCount() == 3
    assert flex_doc.undo_stack.undoText().startswith("Route flex")
    flex_doc.undo_stack.undo()
    assert flex_doc.solution.flex == ()


def test_the_students_week_shows_the_offering_and_it_cannot_be_dragged(flex_doc, qtbot) -> None:
    from PySide6.QtCore import Qt

    from scheduler.solver.stages.flex import routed
    from scheduler.ui.views.timetable import TimetableView

    solution, _ = routed(flex_doc.data, flex_doc.solution)
    view = TimetableView()
    qtbot.addWidget(view)
    view.set_content(flex_doc.data, solution)
    view.show_week_of("student", "S1")
    cards = [c for c, _ in view.grid._placed if c.fixed]
    assert len(cards) == 2 and {c.title for c in cards} == {"F1"}
    view.grid.pick_up(cards[0])
    assert view.grid.carry is None
    view.grid.selected = cards[0].key
    qtbot.keyClick(view.grid, Qt.Key.Key_Space)
    assert view.grid.carry is None and "flex" in view.status.text()
