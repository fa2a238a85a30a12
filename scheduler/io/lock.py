"""A lock file beside an open project, so a second Flexday (or ``flexday solve --save``) can warn
before two copies of the same project overwrite each other's work.

The lock for ``school.flexday`` is ``.school.flexday.lock``, a small JSON note: who holds it
(process id, host, user name, program), since when, and a ``refreshed`` time the holder renews
every ``REFRESH_S`` seconds while the project stays open. It is advice, not enforcement: the user
may open the project anyway. A lock is stale, and silently taken over, when its holder is gone:
on the same host its process has ended, or on any host it has not been refreshed for
``STALE_AFTER_S`` (a crashed app on another computer sharing the folder, or a reused pid).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from scheduler.io.atomic import write_bytes
from scheduler.io.process import pid_alive

REFRESH_S = 60
STALE_AFTER_S = 10 * 60


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    user: str
    program: str
    since: str
    refreshed: str
    token: str

    def describe(self) -> str:
        """'by Ann on LAPTOP-3 (Flexday, process 4242) since 12 Nov 2026 09:14'."""
        since = _parse_time(self.since)
        when = since.astimezone().strftime("%d %b %Y %H:%M") if since else "an unknown time"
        return f"by {self.user} on {self.host} ({self.program}, process {self.pid}) since {when}"


def lock_path(project: str | Path) -> Path:
    project = Path(project)
    return project.with_name(f".{project.name}.lock")


def read_lock(project: str | Path) -> LockInfo | None:
    """The lock as written, or None when there is none (or it is unreadable rubbish)."""
    try:
        doc = json.loads(lock_path(project).read_text(encoding="utf-8"))
        return LockInfo(**{k: doc[k] for k in LockInfo.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(info: LockInfo, *, now: datetime | None = None) -> bool:
    now = now or datetime.now(UTC)
    refreshed = _parse_time(info.refreshed)
    if refreshed is None or (now - refreshed).total_seconds() > STALE_AFTER_S:
        return True
    return info.host == socket.gethostname() and not pid_alive(info.pid)


class ProjectLock:
    """This process's claim on one project file."""

    def __init__(self, project: str | Path, *, program: str = "Flexday") -> None:
        self.project = Path(project)
        self.path = lock_path(self.project)
        self.program = program
        self.token = uuid.uuid4().hex
        self.held = False

    def other_holder(self) -> LockInfo | None:
        """Whoever else has the project open now; None when it is free, stale or ours."""
        info = read_lock(self.project)
        if info is None or info.token == self.token or is_stale(info):
            return None
        return info

    def acquire(self, *, force: bool = False) -> LockInfo | None:
        """Take the lock; when someone else holds it (and not ``force``), return them instead."""
        other = self.other_holder()
        if other is not None and not force:
            return other
        self._write(since=None)
        return None

    def refresh(self) -> None:
        """Renew the lock while the project stays open (also restores one deleted by hand)."""
        if not self.held:
            return
        info = read_lock(self.project)
        if info is not None and info.token != self.token and not is_stale(info):
            self.held = False  # someone chose to open it anyway: theirs now
            return
        self._write(since=info.since if info is not None and info.token == self.token else None)

    def release(self) -> None:
        """Remove the lock if it is still ours."""
        if not self.held:
            return
        self.held = False
        info = read_lock(self.project)
        if info is not None and info.token == self.token:
            with contextlib.suppress(OSError):
                self.path.unlink()

    def _write(self, *, since: str | None) -> None:
        now = _now()
        info = LockInfo(
            pid=os.getpid(),
            host=socket.gethostname(),
            user=_user(),
            program=self.program,
            since=since or now,
            refreshed=now,
            token=self.token,
        )
        try:
            write_bytes(self.path, json.dumps(asdict(info)).encode("utf-8"))
        except OSError:
            return  # a read-only folder: the project still opens, without a lock
        self.held = True


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _parse_time(text: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "someone"
