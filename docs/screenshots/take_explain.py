"""Screenshots of the Explain page on an infeasible school, grabbed from the X root window.

    xvfb-run -s "-screen 0 1600x1000x24" python docs/screenshots/take_explain.py docs/screenshots

Riverside High with its busiest teacher made unavailable from Tuesday to Friday (a scenario made
in memory, never saved): the quick checks; a solve that finds no timetable, whose "Explain why"
link opens Explain and starts it; the result; then a click on the teacher under a finding, which
opens the Teachers page on that teacher.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from samples.infeasible import away_most_of_the_week
from scheduler.io.project_file import load_project
from scheduler.ui.app import application


def main(out: Path, limit: int = 60) -> None:
    os.environ.setdefault("FLEXDAY_DATA_DIR", tempfile.mkdtemp())
    app = application()
    from scheduler.ui.main_window import MainWindow

    win = MainWindow()
    win.files.timer.stop()
    win.setGeometry(0, 0, 1600, 1000)
    win.show()
    project = load_project(Path("samples/riverside-high.flexday"))
    scenario = project.scenario()
    data, _ = away_most_of_the_week(scenario.data)
    win.doc.load(project.replace_scenario(scenario.model_copy(update={"data": data})), None)

    def settle(rounds: int = 15) -> None:
        for _ in range(rounds):
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str) -> None:
        settle()
        subprocess.run(["import", "-window", "root", str(out / f"{name}.png")], check=True)

    win.show_page("Explain")
    panel = win.explain_panel
    panel.limit.setValue(limit)
    panel.quick_button.click()
    while panel.runner.busy:
        settle(5)
    shot("explain-quick")
    win.show_page("Timetable")
    solver = win.pages["Timetable"].solve_panel
    solver.limit.setValue(30)
    solver.from_current.setChecked(False)
    solver.start()
    while solver.busy:
        settle(10)
    shot("solve-infeasible")
    solver.summary.details.linkActivated.emit("explain")  # the "Explain why" link
    settle(60)
    shot("explain-running")
    while panel.runner.busy:
        settle(10)
    shot("explain-result")
    print(panel.explanation.summary)
    print(panel.explanation.timings)
    teacher = next(i for i, (kind, _) in enumerate(panel.links) if kind == "teacher")
    panel.open_link(teacher)
    shot("explain-link-teacher")
    win.files.dialogs.unsaved = lambda *_: "discard"
    win.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"), *map(int, sys.argv[2:3]))
