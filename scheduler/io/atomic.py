"""Write a file so that readers only ever see the old or the new content, never half of it."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def atomic_write(
    path: str | Path,
    write: Callable[[Path], None],
    *,
    before_replace: Callable[[], None] | None = None,
) -> Path:
    """Let ``write`` fill a temporary file beside ``path``, fsync it, then rename it over ``path``.
    If anything fails the temporary file is removed and ``path`` is untouched. The new file keeps
    the old one's permissions (or the usual ones for a new file, not mkstemp's private 0600)."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        _copy_mode(path, tmp)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path


def write_bytes(path: str | Path, data: bytes) -> Path:
    return atomic_write(path, lambda tmp: tmp.write_bytes(data))


def _copy_mode(original: Path, tmp: Path) -> None:
    with contextlib.suppress(OSError):
        if original.exists():
            shutil.copymode(original, tmp)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); best effort where folders cannot be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
