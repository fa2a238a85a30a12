"""Errors a reader or writer raises: each names the file and, where it can, the place in it."""

from __future__ import annotations

from pathlib import Path


class FileFormatError(Exception):
    """A file could not be read or written; the message is meant for the user as it is."""

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = Path(path)
        self.detail = message
        super().__init__(f"{self.path.name}: {message}")
