"""One runner for long jobs (solve now; import and export later), off the UI thread.

A job (see ``jobs``) runs in a spawned worker process, or in a thread for light work. Its
messages come back through a queue that a QTimer on the UI thread drains, so progress and results
arrive as ordinary signals on the UI thread and no widget is ever touched from a worker. Starting
a job cancels the one before. Cancelling sets an event the job watches (a solve then calls CP-SAT's
``stop_search`` and returns its best timetable); a worker process that has not answered within
``grace_s`` is terminated, so a cancel always takes effect within a second.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from scheduler.ui import jobs

log = logging.getLogger(__name__)


@dataclass
class _Running:
    name: str
    outbox: Any
    cancel: Any
    process: Any = None
    thread: threading.Thread | None = None
    inbox: Any = None
    """Kept referenced: the worker opens its semaphores by name after the start."""
    cancelling: bool = False

    def alive(self) -> bool:
        worker = self.process if self.process is not None else self.thread
        return worker is not None and worker.is_alive()


class TaskRunner(QObject):
    """Runs one job at a time; every signal is emitted on the thread that owns the runner."""

    started = Signal(str)
    progress = Signal(object)
    finished = Signal(object)
    """The job's result (for a cancelled solve: the best timetable found, if any)."""
    failed = Signal(str)
    cancelled = Signal()
    """The job was stopped before it could hand back a result."""
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, poll_ms: int = 40, grace_s: float = 0.8):
        super().__init__(parent)
        self._ctx = mp.get_context("spawn")
        self._job: _Running | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._drain)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(int(grace_s * 1000))
        self._deadline.timeout.connect(self._force_stop)

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def name(self) -> str | None:
        return self._job.name if self._job else None

    def start(self, name: str, job: jobs.Job, payload: Any, *, process: bool = True) -> None:
        """Run ``job(payload, report, cancel)``; a module-level function when ``process``."""
        if self._job is not None:
            self._abandon()
        log.info("%s started: %s", name, _settings(payload))
        if process:
            outbox, inbox, cancel = self._ctx.Queue(), self._ctx.Queue(), self._ctx.Event()
            worker = self._ctx.Process(
                target=jobs.process_main,
                args=(job, inbox, outbox, cancel),
                name=f"flexday-{name}",
                daemon=True,
            )
            worker.start()
            inbox.put(payload)  # sent by the queue's feeder thread, not this one
            self._job = _Running(name, outbox, cancel, process=worker, inbox=inbox)
        else:
            outbox, cancel = queue.SimpleQueue(), threading.Event()
            thread = threading.Thread(
                target=jobs.run, args=(job, payload, outbox.put, cancel), daemon=True
            )
            self._job = _Running(name, outbox, cancel, thread=thread)
            thread.start()
        self._poll.start()
        self.started.emit(name)
        self.busyChanged.emit(True)

    def cancel(self) -> None:
        """Ask the job to stop; it answers with its result, or is stopped for it."""
        job = self._job
        if job is None or job.cancelling:
            return
        job.cancelling = True
        job.cancel.set()
        if job.process is not None:
            self._deadline.start()

    def shutdown(self) -> None:
        """Stop any job without signals: for closing the window."""
        if self._job is not None:
            self._abandon()

    # -- internals ------------------------------------------------------------------------------
    def _drain(self) -> None:
        job = self._job
        if job is None:
            return
        alive = job.alive()  # read first: a finished worker has flushed every message
        while self._job is job:
            try:
                message = job.outbox.get_nowait()
            except queue.Empty:
                break
            except (EOFError, OSError):
                break
            self._handle(job, message)
        if self._job is job and not alive:
            code = job.process.exitcode if job.process is not None else None
            self._end()
            if job.cancelling:
                self.cancelled.emit()
            else:
                log.error("the %s worker process ended without an answer (exit code %s)",
                          job.name, code)  # fmt: skip
                self.failed.emit(f"The {job.name} stopped unexpectedly (exit code {code}).")
            self._idle()

    def _handle(self, job: _Running, message: tuple) -> None:
        kind = message[0]
        if kind == "progress":
            self.progress.emit(message[1])
            return
        self._end()
        if kind == "done":
            self.finished.emit(message[1])
        else:
            log.error("%s failed:\n%s", job.name, message[2])
            self.failed.emit(message[1])
        self._idle()

    def _idle(self) -> None:
        if self._job is None:  # a slot may already have started the next job
            self.busyChanged.emit(False)

    def _force_stop(self) -> None:
        job = self._job
        if job is None or job.process is None:
            return
        self._drain()  # the answer may have just arrived
        if self._job is job:
            self._abandon()
            self.cancelled.emit()
            self._idle()

    def _abandon(self) -> None:
        job = self._job
        self._job = None
        self._poll.stop()
        self._deadline.stop()
        if job is None:
            return
        job.cancel.set()
        if job.process is not None and job.process.is_alive():
            job.process.terminate()
        self._release(job)

    def _end(self) -> None:
        job = self._job
        self._job = None
        self._poll.stop()
        self._deadline.stop()
        if job is not None:
            self._release(job)

    @staticmethod
    def _release(job: _Running) -> None:
        if job.process is not None:
            for q in (job.inbox, job.outbox):
                q.cancel_join_thread()
                q.close()
            job.process.join(timeout=0)
        mp.active_children()  # reaps workers that have exited


def _settings(payload: Any) -> dict[str, Any]:
    """A job's settings for the log: a solve's limits, not the school it carries."""
    fields = getattr(payload, "__dataclass_fields__", None) or {}
    return {k: getattr(payload, k) for k in fields if not k.endswith("_json")}
