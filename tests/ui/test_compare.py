"""The Compare screen: opened from Scenarios, figures coloured, change list filtered, exported."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt

from scheduler.ui.document import Document
from scheduler.ui.models.compare import BETTER, WORSE, ChangesModel, FiguresModel
from scheduler.ui.views.scenarios import ScenariosView
from tests.solver.test_compare import _project, _timetable


def _open(qtbot, project=None):
    doc = Document(project or _project())
    page = ScenariosView(doc)
    qtbot.addWidget(page)
    assert page.compare_button.isEnabled()
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    dialog = page.compare_dialog
    qtbot.addWidget(dialog)
    return doc, dialog.view


def _figure(view, label: str) -> int:
    model = view.figures_model
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == label)


def test_scenarios_side_by_side_with_better_and_worse_coloured(qtbot):
    _doc, view = _open(qtbot)
    assert view.chosen() == ["Main", "Try"]
    model = view.figures_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Figure",
        "Main",
        "Try",
    ]
    moved = _figure(view, "Meetings moved")
    assert model.index(moved, 1).data() == "0" and model.index(moved, 2).data() == "1"
    assert model.index(moved, 2).data(Qt.ItemDataRole.BackgroundRole).color() == WORSE
    assert model.index(moved, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "1 meeting moved, 1 room change, 0 student timetables changed" in view.headline.text()


def test_a_better_figure_is_green_and_the_base_can_change(qtbot):
    clash = _timetable(
        ("MA", 0, "Mon", "P1", "R1"),
        ("MA", 1, "Tue", "P1", "R1"),
        ("EN", 0, "Mon", "P1", "R2"),
        ("SC", 0, "Tue", "P3", "R1"),
    )
    _doc, view = _open(qtbot, _project(clash))
    view.base.setCurrentText("Try")  # the timetable with a clash becomes the base
    assert view.chosen() == ["Try", "Main"]
    view.run()
    hard = _figure(view, "Hard violations")
    cell = view.figures_model.index(hard, 2)
    assert cell.data() == "0"
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == BETTER
    assert "better than Try" in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_change_list_filters_by_kind_and_name(qtbot):
    _doc, view = _open(qtbot)
    assert view.changes_model.rowCount() == 5
    view.kind.setCurrentText("Rooms")
    assert view.filter.rowCount() == 3
    assert view.shown.text() == "3 of 5"
    view.kind.setCurrentText("Everyone")
    qtbot.keyClicks(view.search, "lee")
    rows = [view.filter.index(r, 2).data() for r in range(view.filter.rowCount())]
    assert rows == ["Mr Lee", "R2"]  # Mr Lee, and the room his lesson moved into


def test_export_writes_a_workbook(qtbot, tmp_path):
    doc, view = _open(qtbot)
    out = tmp_path / "compare.xlsx"
    view.ask_path = lambda parent, suggested: out
    messages = []
    doc.message.connect(messages.append)
    view.export_button.click()
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Comparison", "Changes", "Teachers"]
    assert messages and str(out) in messages[0]


def test_a_new_scenario_appears_among_the_choices(qtbot):
    doc, view = _open(qtbot)
    doc.replace_project(doc.project.clone_scenario("Main", "Third"), "Clone")
    assert view.others.count() == 2
    assert "changed since" in view.headline.text()


def test_unticked_scenarios_stay_unticked(qtbot):
    doc, view = _open(qtbot)
    doc.replace_project(doc.project.clone_scenario("Main", "Third"), "Clone")
    view.others.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert view.chosen() == ["Main", "Try"]
    view.base.setCurrentText("Try")
    assert view.chosen() == ["Try", "Main"]
    view.others.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert not view.compare_button.isEnabled()


def test_models_pass_the_qt_model_tester(qtbot, qtmodeltester):
    _doc, view = _open(qtbot)
    for model in (view.figures_model, view.changes_model, FiguresModel(), ChangesModel()):
        qtmodeltester.check(model, force_py=True)


def test_a_repair_is_applied_as_one_step_named_for_it():
    from types import SimpleNamespace

    from scheduler.ui import operations
    from tests.solver.test_compare import OTHER

    doc = Document(_project())
    result = SimpleNamespace(solution=OTHER, status="feasible", data=None, changes={})
    assert operations.apply_result(doc=doc, outcome=result)
    assert doc.undo_stack.undoText() == "Apply repaired timetable (feasible)"


def test_a_large_comparison_runs_in_a_worker_with_the_same_figures(qtbot):
    _doc, view = _open(qtbot)
    inline = [
        [view.figures_model.index(r, c).data() for c in range(3)]
        for r in range(view.figures_model.rowCount())
    ]
    view.inline_size = 0  # as for a large school
    with qtbot.waitSignal(view.computed, timeout=60_000):
        view.run()
        assert view.headline.text() == "Comparing Main with Try…"
        assert not view.compare_button.isEnabled() and not view.export_button.isEnabled()
    assert [
        [view.figures_model.index(r, c).data() for c in range(3)]
        for r in range(view.figures_model.rowCount())
    ] == inline
    assert "1 meeting moved" in view.headline.text()
    assert view.compare_button.isEnabled() and view.export_button.isEnabled()


def test_an_edit_during_a_worker_comparison_marks_it_out_of_date(qtbot):
    doc, view = _open(qtbot)
    view.inline_size = 0
    with qtbot.waitSignal(view.computed, timeout=60_000):
        view.run()
        doc.replace_project(doc.project.clone_scenario("Main", "Third"), "Clone")
    assert "changed since" in view.headline.text()
