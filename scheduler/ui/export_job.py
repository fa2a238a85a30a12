"""File > Export to Excel as a plain job for ``tasks.TaskRunner`` (no Qt here: a spawned worker
process imports this module).

The window sends the school and timetable as JSON; the worker checks the timetable and writes the
workbook through ``scheduler.solver.export.export_checked``, whose writer is atomic. A file that
cannot be written is an answer (``ExportFailed``), not a crash. When the window stops the worker
(Cancel), SIGTERM becomes ``SystemExit`` so the writer still removes its temporary file.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from scheduler.io.errors import FileFormatError
from scheduler.model import SchoolData, Solution


@dataclass(frozen=True)
class ExportRequest:
    data_json: str
    solution_json: str
    path: str
    scenario: str = ""


@dataclass(frozen=True)
class ExportDone:
    path: Path


@dataclass(frozen=True)
class ExportCancelled:
    path: Path


@dataclass(frozen=True)
class ExportFailed:
    path: Path
    message: str


def export_job(
    request: ExportRequest, report, cancel
) -> ExportDone | ExportFailed | ExportCancelled:
    _exit_on_sigterm()
    from scheduler.solver.export import export_checked

    path = Path(request.path)
    report("reading")
    data = SchoolData.model_validate_json(request.data_json)
    solution = Solution.model_validate_json(request.solution_json)
    if cancel is not None and cancel.is_set():
        return ExportCancelled(path)
    report("writing")
    try:
        return ExportDone(export_checked(data, solution, path, scenario=request.scenario))
    except (FileFormatError, OSError) as exc:
        return ExportFailed(path, str(exc))


def _exit_on_sigterm() -> None:
    """In a worker process's main thread: let a terminate unwind (and clean up) like an exit."""
    if threading.current_thread() is not threading.main_thread():
        return
    with contextlib.suppress(ValueError, AttributeError):
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
