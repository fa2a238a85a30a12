"""Screenshot of the solve panel on one of FET's example schools, grabbed from the X root window.

    xvfb-run -s "-screen 0 1400x900x24" python docs/screenshots/take_fet_solve.py docs/screenshots

Imports Pioneers Boys School (Namibia, PBS.fet from Debian's fet-data), solves it for 20 s in the
panel (the solve runs in a worker process) and shows the result: the constructed first timetable,
then what the improvement step finds in the time left (it may find nothing better).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from scheduler.io.fet import import_fet
from scheduler.ui.views.solve_panel import SolvePanel

PBS = Path("/usr/share/doc/fet-data/examples/FET-5-official/Namibia/by-Bobby/set-1/PBS.fet")


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data = import_fet(PBS).project.scenario().data

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    panel = SolvePanel()
    panel.setGeometry(0, 0, 1400, 900)
    panel.show()
    panel.set_data(data)
    panel.limit.setValue(20)
    panel.start()
    while panel.busy:
        settle(0.2)
    settle(1.0)
    subprocess.run(["import", "-window", "root", str(out / "solve-fet-school.png")], check=True)
    panel.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
