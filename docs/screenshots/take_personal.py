"""Screenshots of the Personal time page on Northside Academy, grabbed from the X root window.

    xvfb-run -s "-screen 0 1600x1000x24" python docs/screenshots/take_personal.py docs/screenshots \
        [SOLVED.flexday]

Opens the sample (or a solved copy of it, e.g. from ``flexday solve --save``), shows each tab
of the page (internships, late starts, lunch waves, lunch windows), changes an internship's days
through the table model (as a cell edit does), shows a student's week with their lunch wave and
internship when the project is solved, then undoes everything and closes without saving.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scheduler.ui.app import application
from scheduler.ui.views.timetable import TimetableView

SHOTS = (
    ("personal-internships", 0),
    ("personal-day-rules", 1),
    ("personal-lunch-waves", 2),
    ("personal-lunch-windows", 3),
)


STUDENT = "S0001"


def main(out: Path, project: Path) -> None:
    os.environ.setdefault("FLEXDAY_DATA_DIR", tempfile.mkdtemp())
    app = application()
    from scheduler.ui.main_window import MainWindow

    win = MainWindow()
    win.files.timer.stop()
    win.setGeometry(0, 0, 1600, 1000)
    win.show()
    win.files.open_path(project)

    def settle(rounds: int = 15) -> None:
        for _ in range(rounds):
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str) -> None:
        settle()
        subprocess.run(["import", "-window", "root", str(out / f"{name}.png")], check=True)

    win.show_page("Personal time")
    page = win.pages["Personal time"]
    for name, tab in SHOTS:
        page.tabs.setCurrentIndex(tab)
        settle()
        editor = page.active_editor()
        if editor is not None and editor.model.rowCount():
            editor.select_row(0)
        if tab == 0:  # a scheduler moves an internship to Tuesday and Wednesday afternoons
            days = next(i for i, c in enumerate(editor.model.columns) if c.title == "Days")
            editor.model.setData(editor.model.index(0, days), "TUE, WED")
        shot(name)
    while win.doc.undo_stack.canUndo():
        win.doc.undo_stack.undo()
    if win.doc.solution is not None:  # a solved copy: the student's week shows lunch and time away
        win.show_page("Timetable")
        view = win.pages["Timetable"].findChild(TimetableView)
        view.show_week_of("student", STUDENT)
        shot("personal-timetable-student")
    win.files.dialogs.unsaved = lambda *_: "discard"
    win.close()


if __name__ == "__main__":
    here = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    main(here, Path(sys.argv[2] if len(sys.argv) > 2 else "samples/northside-academy.flexday"))
