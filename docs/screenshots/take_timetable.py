"""Screenshots of the solve panel and the timetable view, grabbed from the X root window (so
tooltips show), each widget hosted alone in a full-screen window.

    xvfb-run -s "-screen 0 1400x900x24" python docs/screenshots/take_timetable.py docs/screenshots

Solves Riverside High for real (worker process, live chart), then shows the stored Riverside
timetable (tests/data/riverside-timetable.json) as a teacher's week, a group's week, the master
grid, and a drag in progress over a slot that breaks rules.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from scheduler.io.project_file import load_project
from scheduler.model import Solution
from scheduler.ui.views.solve_panel import SolvePanel
from scheduler.ui.views.timetable import TimetableView

ROOT = Path(__file__).resolve().parents[2]
SIZE = (1400, 900)


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data = load_project(ROOT / "samples" / "riverside-high.flexday").scenario().data
    solution = Solution.model_validate_json(
        (ROOT / "tests" / "data" / "riverside-timetable.json").read_text(encoding="utf-8")
    )

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def shot(name: str) -> None:
        settle()
        subprocess.run(["import", "-window", "root", str(out / f"{name}.png")], check=True)

    panel = SolvePanel()
    panel.setGeometry(0, 0, *SIZE)
    panel.show()
    panel.set_data(data)
    panel.limit.setValue(120)
    found: list[int] = []
    panel.runner.progress.connect(lambda p: found.append(p.solutions))
    panel.start()
    while not (found and found[-1] >= 6) and panel.busy:
        settle(0.1)
    settle(1.5)
    shot("solve-running")
    while panel.busy:
        settle(0.2)
    shot("solve-result")
    panel.close()

    view = TimetableView()
    view.setGeometry(0, 0, *SIZE)
    view.show()
    view.set_content(data, solution)
    view.show_week_of("teacher", "T03")
    shot("timetable-teacher")
    view.show_week_of("group", "10B")
    shot("timetable-group")
    view.show_master()
    shot("timetable-master")

    view.show_week_of("teacher", "T03")
    settle()
    grid = view.grid
    card, rect = sorted(grid._placed, key=lambda cr: (cr[0].day, cr[0].first))[0]
    grid.pick_up(card)
    bad = next(
        cell
        for cell in grid.layout_.cells
        if sum(c.rule.endswith("conflict") for c in grid.verdict(cell)) >= 2
        and grid.verdict(cell)[0].others
    )
    grid.cancel_carry()
    start = rect.topLeft().toPoint() + QPoint(20, 8)
    QTest.mousePress(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(grid, start + QPoint(10, 10))
    target = grid.layout_.cells[bad].topLeft().toPoint() + QPoint(24, 10)
    for step in range(1, 9):  # glide, as a hand would
        QTest.mouseMove(grid, start + (target - start) * step / 8)
        settle(0.03)
    shot("timetable-drag-conflict")
    QTest.keyClick(grid, Qt.Key.Key_Escape)
    view.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
