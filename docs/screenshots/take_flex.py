"""Screenshots of flex time in the real app, grabbed from the X root window.

    flexday solve samples/northside-academy.flexday --save   # on a copy: it needs a timetable
    xvfb-run -s "-screen 0 1600x1000x24" python docs/screenshots/take_flex.py COPY docs/screenshots

Opens the solved project, clears any stored flex routing, clicks "Route flex" on the Flex page
(the routing runs in a worker process), shows the report, the requests table, and a student's
week with their flex offering in Tuesday's and Thursday's FLEX slot; then closes without saving.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scheduler.ui.app import application


def main(project: Path, out: Path) -> None:
    os.environ.setdefault("FLEXDAY_DATA_DIR", tempfile.mkdtemp())
    app = application()
    from scheduler.ui.main_window import MainWindow

    win = MainWindow()
    win.files.timer.stop()
    win.setGeometry(0, 0, 1600, 1000)
    win.show()
    win.files.open_path(project)
    doc = win.doc
    if doc.solution is None:
        raise SystemExit(f"{project} has no timetable: run `flexday solve --save` on it first")
    if doc.solution.flex:
        doc.apply_solution(doc.solution.model_copy(update={"flex": ()}), "Clear flex")

    def settle(seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str) -> None:
        settle()
        subprocess.run(["import", "-window", "root", str(out / f"{name}.png")], check=True)

    win.show_page("Flex")
    page = win.pages["Flex"]
    settle()
    page.panel.route.click()
    deadline = time.monotonic() + 60
    while page.runner.busy and time.monotonic() < deadline:
        settle(0.1)
    page.tables.editors[0].select_row(0)
    shot("flex-routed")
    page.tables.tabs.setCurrentIndex(1)
    page.tables.editors[1].select_row(0)
    shot("flex-requests")
    mandatory = next(r for r in doc.data.flex_requests if r.tier == "mandatory")
    win.show_page("Timetable")
    view = win.pages["Timetable"].view
    view.show_week_of("student", mandatory.student)
    shot("timetable-student-flex")
    win.files.dialogs.unsaved = lambda *_: "discard"
    win.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots"))
