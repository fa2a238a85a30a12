"""The app's side of project locks: claim a project when it is opened or saved, ask first when
another Flexday has it open, keep the claim fresh, and let go on close."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from scheduler.io.lock import REFRESH_S, ProjectLock


class LockKeeper(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock: ProjectLock | None = None
        self.timer = QTimer(self, interval=REFRESH_S * 1000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def claim(self, path: Path, ask: Callable[[str], bool], *, action: str) -> bool:
        """Hold the lock of ``path``; False when another instance has it and the user declines.

        ``action`` completes the question: "open it anyway", "save over it anyway".
        """
        path = Path(path)
        if self.lock is not None and self.lock.held and _same(self.lock.project, path):
            other = self.lock.other_holder()  # someone may have opened it anyway since
            if other is None:
                self.lock.refresh()
                return True
        lock = ProjectLock(path)
        other = lock.acquire()
        if other is not None:
            text = (
                f"{path.name} is open in another Flexday window, {other.describe()}.\n\n"
                "If both save, one will overwrite the other's changes. Do you want to "
                f"{action}?"
            )
            if not ask(text):
                return False
            lock.acquire(force=True)
        self.release()
        self.lock = lock
        return True

    def refresh(self) -> None:
        if self.lock is not None:
            self.lock.refresh()

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b
