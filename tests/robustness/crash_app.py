"""The app, run offscreen in its own process, editing a project until it is killed.

    python -m tests.robustness.crash_app PROJECT EDITS

Opens PROJECT in the real main window, makes EDITS edits (renaming the school "edit 1", "edit
2"...), and after each waits for the autosave timer (set to 100 ms) to write the recovery copy,
then prints "autosaved N". Then it stops the timer, makes one more edit ("never autosaved"),
prints "edited" and waits to be killed. ``FLEXDAY_DATA_DIR`` and ``FLEXDAY_SETTINGS_DIR`` keep
its files in the test's folders.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QSettings

    from scheduler.ui.app import application

    app = application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["FLEXDAY_SETTINGS_DIR"]
    )
    from scheduler.ui.main_window import MainWindow

    path, edits = Path(sys.argv[1]), int(sys.argv[2])
    window = MainWindow()
    window.show()
    files, doc = window.files, window.doc
    assert files.open_path(path), "could not open the project"
    files.timer.setInterval(100)
    for n in range(1, edits + 1):
        name = f"edit {n}"
        doc.replace_data(doc.data.model_copy(update={"name": name}), "Rename")
        deadline = time.monotonic() + 30
        while not _holds(files.recovery_file, name):
            app.processEvents()
            time.sleep(0.01)
            if time.monotonic() > deadline:
                raise SystemExit(f"no autosave of {name!r}")
        print(f"autosaved {n}", flush=True)
    files.timer.stop()
    doc.replace_data(doc.data.model_copy(update={"name": "never autosaved"}), "Rename")
    print("edited", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)


def _holds(path: Path, name: str) -> bool:
    try:
        return f'"name": "{name}"'.encode() in path.read_bytes()
    except OSError:
        return False


if __name__ == "__main__":
    main()
