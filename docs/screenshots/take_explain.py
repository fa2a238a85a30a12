"""Screenshots of the Explain page on an infeasible school, grabbed from the X root window.

    xvfb-run -s "-screen 0 1600x1000x24" python docs/screenshots/take_explain.py docs/screenshots

Riverside High with its busiest teacher made unavailable from Tuesday to Friday (a scenario made
in memory, never saved): the quick checks, then the full explanation, then a click on the teacher
under a finding, which opens the Teachers page on that teacher.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from scheduler.io.project_file import load_project
from scheduler.model import SlotRef
from scheduler.ui.app import application


def away_most_of_the_week(project):
    """The teacher with the most lesson slots, unavailable on every day but the first."""
    scenario = project.scenario()
    data = scenario.data
    load: Counter[str] = Counter()
    for a in data.activities:
        for t in a.teachers:
            load[t] += sum(a.meetings)
    busiest = load.most_common(1)[0][0]
    first = data.calendar.days[0].id
    away = tuple(
        SlotRef(day=d.id, slot=s.id)
        for d in data.calendar.days
        if d.id != first
        for s in d.slots
        if s.teaching
    )
    teachers = tuple(
        t.model_copy(update={"unavailable": away}) if t.id == busiest else t for t in data.teachers
    )
    changed = data.model_copy(update={"teachers": teachers})
    return project.replace_scenario(scenario.model_copy(update={"data": changed}))


def main(out: Path, limit: int = 60) -> None:
    os.environ.setdefault("FLEXDAY_DATA_DIR", tempfile.mkdtemp())
    app = application()
    from scheduler.ui.main_window import MainWindow

    win = MainWindow()
    win.files.timer.stop()
    win.setGeometry(0, 0, 1600, 1000)
    win.show()
    win.doc.load(away_most_of_the_week(load_project(Path("samples/riverside-high.flexday"))), None)

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
    panel.explain_button.click()
    settle(60)
    shot("explain-running")
    while panel.runner.busy:
        settle(10)
    shot("explain-result")
    print(panel.explanation.summary)
    print(panel.explanation.timings)
    for i in range(panel.tree.topLevelItemCount()):
        item = panel.tree.topLevelItem(i)
        for k in range(item.childCount()):
            if item.child(k).text(0).startswith("Teacher"):
                panel.tree.itemClicked.emit(item.child(k), 0)
                shot("explain-link-teacher")
                win.files.dialogs.unsaved = lambda *_: "discard"
                win.close()
                return


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"), *map(int, sys.argv[2:3]))
