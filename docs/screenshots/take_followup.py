"""Screenshots of the Excel export in the status bar and Explain's empty page, from the real app.

    xvfb-run -s "-screen 0 1600x1000x24" python docs/screenshots/take_followup.py docs/screenshots

Opens Riverside High (its stored timetable), shows the Explain page before any explanation, then
File > Export to Excel into a temporary folder: the status bar while the worker writes, and after,
with Open file / Open folder. Closes without saving.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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

    def settle(rounds: int = 15) -> None:
        for _ in range(rounds):
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str) -> None:
        settle()
        subprocess.run(["import", "-window", "root", str(out / f"{name}.png")], check=True)

    win.show_page("Explain")
    shot("explain-empty")
    win.show_page("Timetable")
    target = Path(tempfile.mkdtemp()) / "riverside-high.xlsx"
    win.files.dialogs.save_path = lambda *_: target
    excel = win.files.excel
    win.files.export_excel()
    shot("export-running")
    while excel.busy:
        settle(5)
    shot("export-done")
    win.files.dialogs.unsaved = lambda *_: "discard"
    win.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
