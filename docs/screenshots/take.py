"""Screenshots of the real app for the README, grabbed from the X root window.

    xvfb-run -s "-screen 0 1600x1000x24" python docs/screenshots/take.py docs/screenshots

Needs Debian's ``xvfb`` and ``imagemagick`` (for ``import``). Opens Riverside High, visits each
editor page, drags a "rather not" block in the availability grid with real mouse events, clones a
scenario, then undoes everything and closes without saving.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from scheduler.model import SlotRef
from scheduler.ui.app import application


def main(out: Path) -> None:
    os.environ.setdefault("FLEXDAY_DATA_DIR", tempfile.mkdtemp())
    app = application()
    from scheduler.ui.main_window import MainWindow

    win = MainWindow()
    win.files.timer.stop()
    win.setGeometry(0, 0, 1600, 1000)
    win.show()
    win.files.open_path(Path("samples/riverside-high.flexday"))
    data = win.doc.data

    def settle(rounds: int = 15) -> None:
        for _ in range(rounds):
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str) -> None:
        settle()
        subprocess.run(["import", "-window", "root", str(out / f"{name}.png")], check=True)

    def page(title: str):
        win.show_page(title)
        settle()
        return win.pages[title]

    page("Calendar")
    shot("calendar")
    teachers = page("Teachers")
    teachers.editor.select_row([t.id for t in data.teachers].index("T03"))
    shot("teachers")
    grid = teachers.availability.grid
    teachers.availability.tools.button(1).click()

    def at(day: str, slot: str):
        return grid.cell(SlotRef(day=day, slot=slot)).rect.center().toPoint()

    left = Qt.MouseButton.LeftButton
    QTest.mousePress(grid, left, pos=at("FRI", "P5"))
    QTest.mouseMove(grid, at("FRI", "P7"))
    QTest.mouseRelease(grid, left, pos=at("FRI", "P7"))
    QTest.mousePress(grid, left, pos=at("WED", "FLEX"))  # a drag in progress shows its preview
    settle(3)
    shot("availability")
    QTest.mouseRelease(grid, left, pos=at("WED", "FLEX"))
    while win.doc.undo_stack.canUndo():
        win.doc.undo_stack.undo()
    rooms = page("Rooms")
    rooms.editor.select_row([r.id for r in data.rooms].index("GYM2"))
    shot("rooms")
    page("Subjects & Courses").editors[0].select_row(0)
    shot("subjects-courses")
    page("Activities / Sections").editor.select_row(0)
    shot("activities")
    people = page("Students & Groups")
    people.tabs.setCurrentIndex(1)
    people.editors[1].select_row(0)
    shot("students")
    people.tabs.setCurrentIndex(0)
    people.editors[0].select_row(1)
    shot("groups")
    page("Requests").editor.select_row(0)
    shot("requests")
    page("Constraints").editor.select_row(0)
    shot("constraints")
    scenarios = page("Scenarios")
    scenarios.model.clone("Main")
    scenarios.model.rename("Main (copy)", "Try a four-day week")
    win.doc.switch_scenario("Main")
    shot("scenarios")
    win.files.dialogs.unsaved = lambda *_: "discard"
    win.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
