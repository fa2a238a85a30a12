"""Screenshot of a failed spreadsheet import, grabbed from the X root window.

    xvfb-run -s "-screen 0 1600x1000x24" python docs/screenshots/take_sheets.py docs/screenshots

Exports Riverside High's data, spoils a few cells as a hurried person might, imports it through
File > Import Spreadsheet… and shoots the dialog that lists every problem. Nothing is saved.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

from scheduler.io.project_file import load_project
from scheduler.io.sheets import export_data
from scheduler.ui.app import application


def spoiled_workbook(folder: Path) -> Path:
    data = load_project("samples/riverside-high.flexday").scenario().data
    path = folder / "riverside-data.xlsx"
    export_data(data, path)
    wb = load_workbook(path)
    wb["Requests"]["B14"] = "Chem 2"
    wb["Requests"]["D20"] = "first"
    wb["Teachers"]["A5"] = wb["Teachers"]["A4"].value
    wb["Rooms"]["C3"] = "thirty"
    wb["Calendar"]["F4"] = "9:70"
    wb["Activities"]["E7"] = "T03, Mr Smith"
    wb["Availability"]["C2"] = "Funday"
    wb["Students"]["D30"] = "10Z"
    del wb["Subjects"]["C1"]
    wb.save(path)
    return path


def main(out: Path) -> None:
    os.environ.setdefault("FLEXDAY_DATA_DIR", tempfile.mkdtemp())
    app = application()
    from scheduler.ui.main_window import MainWindow
    from scheduler.ui.sheets import ProblemsDialog

    win = MainWindow()
    win.files.timer.stop()
    win.setGeometry(0, 0, 1600, 1000)
    win.show()
    win.files.open_path(Path("samples/riverside-high.flexday"))
    path = spoiled_workbook(Path(tempfile.mkdtemp()))

    def settle(rounds: int = 15) -> None:
        for _ in range(rounds):
            app.processEvents()
            time.sleep(0.02)

    shown: list[ProblemsDialog] = []

    class Answers:
        def open_paths(self) -> list[Path]:
            return [path]

        def problems(self, source: str, problems: list[str]) -> None:
            dialog = ProblemsDialog(source, problems, win)
            dialog.show()
            shown.append(dialog)

    win.sheets.dialogs = Answers()
    win.sheets.import_spreadsheet()
    deadline = time.monotonic() + 60
    while not shown and time.monotonic() < deadline:
        settle(1)
    dialog = shown[0]
    geo = dialog.frameGeometry()
    dialog.move(win.frameGeometry().center() - geo.center() + geo.topLeft())
    settle(20)
    subprocess.run(["import", "-window", "root", str(out / "import-problems.png")], check=True)
    dialog.close()
    win.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
