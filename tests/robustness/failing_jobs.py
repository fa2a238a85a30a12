"""Jobs that fail in the ways a solve can, for the worker-process tests (module level: a spawned
worker imports them by name)."""

from __future__ import annotations

import os
import signal


def raising_job(payload, report, cancel):
    raise ZeroDivisionError("the solver divided by zero")


def dying_job(payload, report, cancel):
    """The worker process is killed outright, as by a crash in native code or the OOM killer."""
    os.kill(os.getpid(), signal.SIGKILL)
