"""Write a file so that readers only ever see the old or the new content, never half of it."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from scheduler.io.process import pid_alive


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
    sweep_stale_temp_files(path)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
    )
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


def sweep_stale_temp_files(path: Path) -> int:
    """Remove the temporary files that writers of ``path`` killed mid-write left behind.

    A temporary file's name carries its writer's process id; one whose process is gone is
    rubbish. Best effort: a file that cannot be removed is left.
    """
    removed = 0
    prefix = f".{path.name}."
    with contextlib.suppress(OSError):
        for tmp in path.parent.glob(f"{glob.escape(prefix)}*.tmp"):
            pid = tmp.name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and not pid_alive(int(pid)):
                with contextlib.suppress(OSError):
                    tmp.unlink()
                    removed += 1
    return removed


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
