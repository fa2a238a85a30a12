"""Screenshot of regrouping by mastery in the real app, grabbed from the X root window.

    flexday solve samples/northside-academy.flexday --save   # on a copy: it needs a timetable
    xvfb-run -s "-screen 0 1600x1000x24" python docs/screenshots/take_regroup.py COPY

Writes a levels file for the students of the first three sectioned courses (levels 1-4 spread
across each section, so some students sit in the wrong one), picks it on the Flex page's
"Regroup by mastery" tab, runs it (in a worker process) and shows the moves; then closes
without saving.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
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
    data = doc.data
    course_of = {a.id: a.course for a in data.activities if a.course and not a.groups}
    by_course: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for e in doc.solution.enrollments:
        if e.activity in course_of:
            by_course[course_of[e.activity]].append((e.student, e.activity))
    courses = [c for c, seats in by_course.items() if len({a for _, a in seats}) >= 2][:3]
    levels = Path(tempfile.mkdtemp()) / "levels.csv"
    with levels.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["student", "course", "level"])
        for course in courses:
            for k, (sid, _) in enumerate(sorted(by_course[course])):
                w.writerow([sid, course, 1 + (k * 7) % 4])

    def settle(seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    win.show_page("Flex")
    page = win.pages["Flex"]
    page.actions.setCurrentWidget(page.regroup)
    page.regroup.levels.setText(str(levels))
    page.regroup.tolerance.setValue(1)
    settle()
    page.regroup.run.click()
    deadline = time.monotonic() + 90
    while page.regroup.runner.busy and time.monotonic() < deadline:
        settle(0.1)
    settle()
    subprocess.run(["import", "-window", "root", str(out / "regroup-mastery.png")], check=True)
    print(doc.undo_stack.undoText())
    win.files.dialogs.unsaved = lambda *_: "discard"
    win.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots"))
