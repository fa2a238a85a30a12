"""Screenshots of Repair in the solve panel and of the Compare scenarios window.

    xvfb-run -s "-screen 0 1400x900x24" python docs/screenshots/take_compare.py docs/screenshots \
        [SOLVED.flexday] [--xlsx OUT.xlsx]

Takes a solved project (default: Riverside High, solved here for 60 s so the timetable and its
planned sections belong together), makes one teacher unavailable all Friday, presses Repair in
the solve panel (a real repair in the worker process), applies the result as a new scenario, then
opens Compare from the Scenarios page, shows the figures and filters the change list to one
teacher. With ``--xlsx``, the comparison is also exported there (to look at in LibreOffice).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from scheduler.io.project_file import load_project
from scheduler.model import Project, SlotRef
from scheduler.ui.app import application

ROOT = Path(__file__).resolve().parents[2]
SIZE = (1400, 900)
TEACHER = "T07"


def solved_sample() -> Project:
    from scheduler.solver.solve import SolveOptions, solve

    project = load_project(ROOT / "samples" / "riverside-high.flexday")
    main = project.scenario()
    result = solve(main.data, SolveOptions(time_limit_s=60, workers=2))
    update = {"data": result.data or main.data, "solution": result.solution}
    return project.replace_scenario(main.model_copy(update=update))


def main(out: Path, project_path: Path | None, xlsx: Path | None, teacher: str = TEACHER) -> None:
    os.environ.setdefault("FLEXDAY_DATA_DIR", tempfile.mkdtemp())
    app = application()
    from scheduler.ui.document import Document
    from scheduler.ui.main_window import MainWindow
    from scheduler.ui.views.solve_panel import SolvePanel

    project = load_project(project_path) if project_path else solved_sample()
    base = project.scenario(project.scenarios[0].name)

    def settle(seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def shot(name: str) -> None:
        settle()
        subprocess.run(["import", "-window", "root", str(out / f"{name}.png")], check=True)

    data = base.data
    friday = data.calendar.days[-1]
    away = tuple(SlotRef(day=friday.id, slot=s.id) for s in friday.slots if s.teaching)
    teachers = tuple(
        t.model_copy(update={"unavailable": away}) if t.id == teacher else t for t in data.teachers
    )
    edited = data.model_copy(update={"teachers": teachers})
    name = f"{data.teacher_by_id[teacher].label} away Fridays"

    panel = SolvePanel()
    panel.setGeometry(0, 0, *SIZE)
    panel.show()
    panel.set_data(edited, base.solution)
    panel.limit.setValue(60)
    settle()
    QTest.mouseClick(panel.repair_button, Qt.MouseButton.LeftButton)
    while panel.busy:
        settle(0.2)
    shot("solve-repair")
    outcome = panel._outcome
    panel.close()
    if outcome is None or outcome.solution is None:
        raise SystemExit("the repair found no timetable")

    repaired = base.model_copy(
        update={"name": name, "data": outcome.data or edited, "solution": outcome.solution}
    )
    project = Project(scenarios=(*project.scenarios, repaired), active=base.name)
    win = MainWindow(Document(project))
    win.files.timer.stop()
    win.setGeometry(0, 0, *SIZE)
    win.show()
    win.show_page("Scenarios")
    settle()
    scenarios = win.pages["Scenarios"]
    QTest.mouseClick(scenarios.compare_button, Qt.MouseButton.LeftButton)
    dialog = scenarios.compare_dialog
    dialog.setGeometry(0, 0, *SIZE)
    settle()
    shot("compare")
    view = dialog.view
    view.kind.setCurrentText("Teachers")
    QTest.keyClicks(view.search, data.teacher_by_id[teacher].label.split()[-1])
    shot("compare-filtered")
    if xlsx is not None:
        view.ask_path = lambda *_: xlsx
        view.export_button.click()
    dialog.close()
    win.files.dialogs.unsaved = lambda *_: "discard"
    win.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("project", type=Path, nargs="?", default=None)
    parser.add_argument("--xlsx", type=Path, default=None)
    parser.add_argument("--teacher", default=TEACHER, help="the teacher away on Fridays")
    args = parser.parse_args(sys.argv[1:])
    main(args.out, args.project, args.xlsx, args.teacher)
