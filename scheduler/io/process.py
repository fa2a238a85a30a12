"""Is a process still running? Used to tell a crashed writer's leftovers from a live one's."""

from __future__ import annotations

import os


def pid_alive(pid: object) -> bool:
    """True when ``pid`` is a running process on this machine, or when that cannot be told.

    Erring on "alive" is the safe side: a live process's lock or temporary file is never taken
    away. On Windows ``os.kill`` would end the process, so there the answer is always True and
    callers rely on age instead.
    """
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True
