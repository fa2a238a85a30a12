"""The Explain page: a real explanation of an infeasible tiny school in a worker process, listed
finding by finding; clicking an entity under a finding selects it in its editor."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from scheduler.model import Project, SlotRef, Teacher
from scheduler.ui.document import Document
from tests.solver.school import lesson, school
from tests.ui.conftest import Answers


def _infeasible():
    away = tuple(SlotRef(day="Mon", slot=s) for s in ("P1", "P2"))
    ortiz = Teacher(id="T1", name="Ms Ortiz", unavailable=away)
    return school(
        lesson("A", group="G1"),
        lesson("B", group="G2"),
        slots=3,
        teachers=(ortiz, Teacher(id="T2", name="Mr Bo")),
    )


def _window(qtbot):
    from scheduler.ui.main_window import MainWindow

    win = MainWindow(Document(Project.of(_infeasible())))
    qtbot.addWidget(win)
    win.files.dialogs = Answers()
    return win


def test_explain_lists_findings_and_links_select_the_teacher(qtbot):
    win = _window(qtbot)
    win.show_page("Explain")
    panel = win.explain_panel
    panel.limit.setValue(10)
    panel.explain_button.click()
    qtbot.waitUntil(lambda: panel.explanation is not None, timeout=60_000)
    assert panel.explanation.status == "infeasible"
    assert "Ms Ortiz" in panel.summary.text()
    assert panel.headline.text() == "No timetable can exist."
    text = panel.view.toPlainText()
    assert "Ms Ortiz (T1) teaches 2 lesson slot(s)" in text
    assert "Fix, verified by a solve: Allowing Ms Ortiz (T1) to teach on Mon" in text
    link = panel.links.index(("teacher", "T1"))
    panel.view.anchorClicked.emit(QUrl(f"#e{link}"))
    assert win.current_page() is win.pages["Teachers"]
    assert win.pages["Teachers"].editor.current_item().id == "T1"


def test_quick_check_and_stale_notice(qtbot):
    win = _window(qtbot)
    panel = win.explain_panel
    panel.quick_button.click()
    qtbot.waitUntil(lambda: panel.explanation is not None, timeout=60_000)
    assert {f.rule for f in panel.explanation.findings} == {"teacher_load", "forced_clash"}
    win.doc.replace_data(win.doc.data.model_copy(update={"name": "Changed"}), "Rename")
    assert panel.stale.isVisibleTo(panel)


def test_explain_why_under_an_infeasible_solve_opens_explain_and_starts_it(qtbot):
    from scheduler.ui import jobs

    win = _window(qtbot)
    summary = win.pages["Timetable"].solve_panel.summary
    outcome = jobs.SolveOutcome(
        status="infeasible",
        solution=None,
        objective=None,
        best_bound=None,
        wall_s=0.1,
        time_to_first_solution_s=None,
        meetings=2,
        placed=0,
        reasons=("Ms Ortiz (T1) teaches 2 lesson slot(s) a week but is free for only 1",),
    )
    summary.show_outcome(outcome)
    assert "Explain why" in summary.details.text()
    summary.details.linkActivated.emit("explain")
    assert win.current_page() is win.explain_panel
    assert win.explain_panel.runner.busy
    qtbot.waitUntil(lambda: win.explain_panel.explanation is not None, timeout=60_000)


def test_the_empty_findings_area_says_what_to_do(qtbot):
    from scheduler.model import Placement, Solution

    win = _window(qtbot)
    panel = win.explain_panel
    assert panel.view.toPlainText().startswith("Press Quick check")
    solution = Solution(placements=(Placement(activity="A", meeting=0, day="Mon", slot="P1"),))
    panel.set_data(win.doc.data, solution)
    assert panel.view.toPlainText().startswith("This scenario has a timetable")
    panel.quick_button.click()
    assert panel.view.toPlainText() == ""  # the hint goes while it runs
    qtbot.waitUntil(lambda: panel.explanation is not None, timeout=60_000)
    assert "teaches" in panel.view.toPlainText()  # the findings replace the hint
    panel.explain_button.click()
    assert panel.view.toPlainText() == "" and panel.view.placeholderText() == ""
    panel.cancel()
    qtbot.waitUntil(lambda: not panel.runner.busy, timeout=10_000)
