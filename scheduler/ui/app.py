"""Start the desktop app: ``flexday gui [PROJECT]``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from scheduler.ui import icons


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Flexday")
    app.setOrganizationName("Flexday")
    app.setApplicationDisplayName("Flexday")
    app.setStyle("Fusion")
    app.setWindowIcon(icons.app_icon())
    return app


def run_gui(path: str | Path | None = None) -> int:
    from scheduler.logs import setup_logging

    setup_logging(program="Flexday app", argv=[str(path)] if path else [])
    app = application()
    from scheduler.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    window.open_at_start(Path(path) if path else None)
    return app.exec()
