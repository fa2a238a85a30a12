"""Screenshots of the two safety questions: a project open elsewhere, and work left by a crash.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python docs/screenshots/take_reliability.py OUT_DIR

Each question is the real dialog the app shows, grabbed as a widget while it waits for an answer.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main(out: Path) -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["FLEXDAY_DATA_DIR"] = str(tmp / "data")
    os.environ["FLEXDAY_LOG_DIR"] = str(tmp / "logs")
    from scheduler.io.lock import lock_path
    from scheduler.ui.app import application
    from scheduler.ui.main_window import MainWindow

    app = application()
    project = tmp / "riverside-high.flexday"
    shutil.copy("samples/riverside-high.flexday", project)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    lock = {"pid": 1, "host": socket.gethostname(), "user": "mrivera", "program": "Flexday",
            "since": now, "refreshed": now, "token": "other"}  # fmt: skip
    lock_path(project).write_text(json.dumps(lock), encoding="utf-8")

    def grab_and_close(name: str) -> None:
        box = QApplication.activeModalWidget()
        assert box is not None, f"no dialog for {name}"
        box.grab().save(str(out / f"{name}.png"))
        box.reject()

    win = MainWindow()
    win.files.timer.stop()
    win.resize(1200, 800)
    win.show()
    QTimer.singleShot(400, lambda: grab_and_close("project-open-elsewhere"))
    opened = win.files.open_path(project)
    print("opened anyway" if opened else "cancelled: nothing opened")

    # Work left by a crash: an autosaved copy whose session is gone.
    win.files.open_path(Path("samples/tiny.flexday"))
    win.doc.replace_data(win.doc.data.model_copy(update={"name": "Tiny (edited)"}), "Rename")
    win.files.autosave()
    meta = win.files.recovery_file.with_suffix(".json")
    meta.write_text(meta.read_text().replace(f'"pid": {os.getpid()}', '"pid": 0'))
    later = MainWindow()
    later.files.timer.stop()
    later.show()
    QTimer.singleShot(400, lambda: grab_and_close("recover-unsaved-work"))
    later.files.offer_recovery()
    for w in (win, later):
        w.files.dialogs.unsaved = lambda _title: "discard"
        w.close()
    app.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
