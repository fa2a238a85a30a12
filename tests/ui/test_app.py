"""Start-up pieces: the app icon, and the guard against PySide6's emit reference bug."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import scheduler.ui  # noqa: F401  (applies the guard)
from scheduler.ui import icons


class Emitter(QObject):
    fired = Signal()


def test_many_emits_never_use_up_the_booleans(qapp):
    before = sys.getrefcount(True)
    emitter = Emitter()
    for _ in range(20_000):
        emitter.fired.emit()
    assert sys.getrefcount(True) > 1_000_000
    assert before - sys.getrefcount(True) <= 20_000


def test_the_app_icon_has_every_size(qapp):
    sizes = {s.width() for s in icons.app_icon().availableSizes()}
    assert {16, 32, 256} <= sizes


def test_cli_has_a_gui_command(monkeypatch):
    from scheduler import cli

    opened = []
    monkeypatch.setattr("scheduler.ui.app.run_gui", lambda path: opened.append(path) or 0)
    assert cli.main(["gui", "samples/tiny.flexday"]) == 0
    assert str(opened[0]) == "samples/tiny.flexday"
