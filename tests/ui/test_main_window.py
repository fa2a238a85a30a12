"""The main window: every page is there, shortcuts and menus act on the page on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from scheduler.model import Placement, Solution
from scheduler.ui import operations
from scheduler.ui.main_window import MainWindow

PAGES = [
    "Calendar",
    "Teachers",
    "Rooms",
    "Subjects & Courses",
    "Activities / Sections",
    "Students & Groups",
    "Requests",
    "Constraints",
    "Personal time",
    "Timetable",
    "Flex",
    "Scenarios",
    "Explain",
]


def test_navigation_lists_every_page(window, doc):
    win = window
    assert [win.nav.item(i).text() for i in range(win.nav.count())] == PAGES
    for i in range(len(PAGES)):
        win.show_page(i)
        assert win.stack.currentIndex() == i


def test_edit_menu_acts_on_the_table_on_screen(window, doc):
    win = window
    win.show()
    win.show_page("Rooms")
    win.add_action.trigger()
    assert len(doc.data.rooms) == 3
    assert win.isWindowModified()
    assert win.undo_action.text().replace("&", "") == 'Undo Add room "New room"'
    win.undo_action.trigger()
    assert len(doc.data.rooms) == 2
    win.redo_action.trigger()
    assert len(doc.data.rooms) == 3


def test_status_bar_counts_problems_and_names_the_scenario(window, doc):
    win = window
    assert win.problems_label.text() == "No problems"
    assert win.scenario_label.text() == "Scenario: Main"
    math, french = doc.data.activities
    broken = (math.model_copy(update={"teachers": ("T9",)}), french)
    doc.replace_data(doc.data.model_copy(update={"activities": broken}), "Break")
    assert win.problems_label.text() == "1 problem"


def test_window_layout_is_remembered(window, doc):
    win = window
    win.show_page("Constraints")
    win.save_layout()
    assert QSettings().value("window/page") == "Constraints"  # by title: pages get added
    again = MainWindow(doc)
    again.files.dialogs = win.files.dialogs
    assert again.nav.currentRow() == 7
    QSettings().setValue("window/page", 3)  # as an older version saved it
    assert MainWindow(doc).nav.currentRow() == 3


def test_moves_and_pins_are_undoable_with_readable_labels(doc):
    doc.apply_solution(
        Solution(
            placements=(Placement(activity="FR-7", meeting=0, day="Mon", slot="P1", room="R1"),)
        ),
        "Apply",
    )
    assert operations.move_meeting(doc=doc, activity="FR-7", meeting=0, day="Tue", slot="P2")
    assert doc.undo_stack.undoText() == "Move FR-7 (Zoë) to Tue P2 in R1"
    assert doc.solution.placement("FR-7", 0).day == "Tue"
    assert operations.toggle_pin(doc=doc, activity="FR-7", meeting=0)
    assert doc.data.activity_by_id["FR-7"].pin(0).start.slot == "P2"
    assert operations.toggle_pin(doc=doc, activity="FR-7", meeting=0)
    assert doc.data.activity_by_id["FR-7"].pin(0) is None
    for _ in range(3):
        doc.undo_stack.undo()
    assert doc.solution.placement("FR-7", 0).day == "Mon"


def test_large_sample_opens_and_counts_its_students(window, qtbot):
    # How fast it opens is measured by benchmarks.ui_stall, not here.
    win = window
    win.show()
    assert win.files.open_path(Path("samples/large.flexday"))
    win.show_page("Students & Groups")
    qtbot.wait(1)
    assert "2500 students" in win.pages["Students & Groups"].editors[1].count.text()


def test_a_solve_result_is_applied_as_one_undoable_step(window, doc):
    from types import SimpleNamespace

    solution = Solution(
        placements=(Placement(activity="FR-7", meeting=0, day="Mon", slot="P1", room="R1"),),
        status="feasible",
    )
    sectioned = doc.data.model_copy(update={"name": "With sections"})
    outcome = SimpleNamespace(
        result=SimpleNamespace(solution=solution, status="feasible", data=sectioned)
    )
    page = window.pages["Timetable"]
    if page.solve_panel is not None:
        page.solve_panel.resultReady.emit(outcome)
    else:
        operations.apply_result(doc=doc, outcome=outcome)
    assert doc.solution == solution and doc.data.name == "With sections"
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Apply solved timetable (feasible)"
    doc.undo_stack.undo()
    assert doc.solution is None and doc.data.name == "Riverside Test"
