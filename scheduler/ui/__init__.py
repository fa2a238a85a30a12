"""The Flexday desktop app (PySide6): the only package that imports Qt.

It edits a ``Project`` through a document and an undo stack, and calls the domain, file and solver
functions for everything else; no scheduling rule lives here.
"""

from __future__ import annotations
