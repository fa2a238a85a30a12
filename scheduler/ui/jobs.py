"""Long jobs as plain functions, run by ``tasks.TaskRunner`` in a worker process or thread.

No Qt here: a spawned worker process imports this module, and should not pay for PySide6; and
no OR-Tools at import time: the window imports this module too. Each
job is ``job(payload, report, cancel) -> result`` where ``report`` sends a progress value to the
UI and ``cancel`` is an event (``is_set``/``wait``) the UI sets to stop the job.
"""

from __future__ import annotations

import contextlib
import os
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from scheduler.model import SchoolData, Solution
from scheduler.solver.check import CheckReport, check
from scheduler.solver.requests import RequestStats, request_stats


class CancelEvent(Protocol):
    def is_set(self) -> bool: ...
    def wait(self, timeout: float | None = None) -> bool: ...


Report = Callable[[Any], None]
Job = Callable[[Any, Report, CancelEvent], Any]


@dataclass(frozen=True)
class SolveRequest:
    """What a solve needs, as text: a school is quicker to send as JSON than as pickled models."""

    data_json: str
    time_limit_s: float
    hint_json: str | None = None
    seed: int = 0
    workers: int | None = None
    repair: bool = False
    """Repair the hint (the current timetable) instead of solving afresh: change as little as
    the rules allow."""


@dataclass(frozen=True)
class SolveProgress:
    """The solver's ``Progress``, gap included, in a class the window can read without loading
    OR-Tools (which would freeze it for a second)."""

    elapsed_s: float
    solutions: int
    objective: float | None
    best_bound: float | None
    gap: float | None
    stage: str = "timetable"


@dataclass(frozen=True)
class SolveOutcome:
    """A ``SolveResult`` (same field names) plus the checker's verdict on its timetable; like
    the progress, free of solver classes so the window never loads OR-Tools."""

    status: str
    solution: Solution | None
    objective: int | None
    best_bound: float | None
    wall_s: float
    time_to_first_solution_s: float | None
    meetings: int
    placed: int
    reasons: tuple[str, ...] = ()
    penalties: dict[str, int] = field(default_factory=dict)
    ignored: dict[str, int] = field(default_factory=dict)
    report: CheckReport | None = None
    requests: RequestStats | None = None
    cancelled: bool = False
    data_json: str | None = None
    """When the solve changed the school (sections it created), that school as JSON."""
    changes: dict[str, int] | None = None
    """For a repair: meetings moved, rooms and student timetables changed (``Changes.summary``)."""

    @property
    def solved(self) -> bool:
        return self.solution is not None

    @cached_property
    def data(self) -> SchoolData | None:
        """The school the timetable belongs to when the solve changed it, else None. Read only
        when the result is applied: a large school takes a moment to read."""
        return SchoolData.model_validate_json(self.data_json) if self.data_json else None


def solve_job(request: SolveRequest, report: Report, cancel: CancelEvent) -> SolveOutcome:
    """Solve, then judge the timetable with the independent checker, all in the worker."""
    from scheduler.solver.progress import CancelToken
    from scheduler.solver.repair import RepairOptions, repair
    from scheduler.solver.solve import SolveOptions, solve

    data = SchoolData.model_validate_json(request.data_json)
    hint = Solution.model_validate_json(request.hint_json) if request.hint_json else None
    token = CancelToken()
    threading.Thread(target=_relay_cancel, args=(cancel, token), daemon=True).start()
    options = SolveOptions(
        time_limit_s=request.time_limit_s, seed=request.seed, workers=request.workers, hint=hint
    )

    def forward(p) -> None:
        report(SolveProgress(p.elapsed_s, p.solutions, p.objective, p.best_bound, p.gap, p.stage))

    if request.repair and hint is not None:
        again = RepairOptions(
            time_limit_s=request.time_limit_s, seed=request.seed, workers=request.workers
        )
        r = repair(data, hint, again, progress=forward, cancel=token)
    else:
        r = solve(data, options, progress=forward, cancel=token)
    reasons = r.reasons
    if r.status == "infeasible":  # the quick checks say why in words; Explain says more
        from scheduler.solver.explain import precheck

        reasons = (*reasons, *(f.message for f in precheck(data)))
    solution = r.solution
    diff = getattr(r, "changes", None)
    changed = getattr(r, "data", None)  # a solve that creates sections returns its school
    judged = changed if changed is not None else data
    return SolveOutcome(
        status=r.status,
        solution=solution,
        objective=r.objective,
        best_bound=r.best_bound,
        wall_s=r.wall_s,
        time_to_first_solution_s=r.time_to_first_solution_s,
        meetings=r.meetings,
        placed=r.placed,
        reasons=reasons,
        penalties=dict(r.penalties),
        ignored=dict(r.ignored),
        report=check(judged, solution) if solution is not None else None,
        requests=_requests(r, judged, solution),
        cancelled=token.cancelled,
        data_json=changed.model_dump_json() if changed is not None else None,
        changes=diff.summary() if diff is not None else None,
    )


def _requests(result, data: SchoolData, solution: Solution | None) -> RequestStats | None:
    if solution is None:
        return None
    stats = getattr(result, "requests", None)
    return stats if stats is not None else request_stats(data, solution)


def _relay_cancel(cancel: CancelEvent, token) -> None:
    cancel.wait()
    token.cancel()


def run(job: Job, payload: Any, post: Callable[[tuple[str, Any]], None], cancel: CancelEvent):
    """Run a job, posting ("progress", value)... then ("done", result) or ("error", text)."""
    try:
        result = job(payload, lambda value: post(("progress", value)), cancel)
    except BaseException as exc:  # the UI must hear of every way a job ends
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        post(("error", text, traceback.format_exc()))
    else:
        post(("done", result))


def process_main(job: Job, inbox, outbox, cancel: CancelEvent) -> None:
    """Entry point of a worker process: the payload arrives on ``inbox`` after the start, so
    starting the process never waits for a large payload to be written."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(5)  # the window stays first in line for the CPU
    payload = inbox.get()
    run(job, payload, outbox.put, cancel)
    outbox.close()
    outbox.join_thread()
