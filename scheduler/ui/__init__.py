"""The Flexday desktop app (PySide6): the only package that imports Qt.

It edits a ``Project`` through a document and an undo stack, and calls the domain, file and solver
functions for everything else; no scheduling rule lives here.
"""

from __future__ import annotations

import ctypes
import sys


def _keep_booleans_alive() -> None:
    """Work around a reference-count bug in PySide6's ``SignalInstance.emit``.

    In PySide6 6.12, ``emit()`` returns ``True`` without taking a reference to it, so every signal
    emitted from Python drops one reference that ``True`` never had. On Python 3.11, where ``True``
    is an ordinary object, a few thousand emits (one solve's progress, a long editing session)
    bring its count to zero and the interpreter aborts with "bool_dealloc: deallocating True or
    False". Python 3.12 and later make ``True``/``False`` immortal; on older versions we do the
    same by giving them a count no session can use up. They are never freed anyway.

    ``None`` suffers the same way from many void methods (``QPainter.save()``/``restore()`` drop
    one reference each), so painting a busy timetable aborted with "none_dealloc" at exit; it
    gets the same treatment.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for value in (True, False, None):
        count = ctypes.c_ssize_t.from_address(id(value))
        if count.value < 1 << 40:
            count.value += 1 << 40


_keep_booleans_alive()
