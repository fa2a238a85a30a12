"""The Explain job, run by ``tasks.TaskRunner`` in a worker process (no Qt here, and OR-Tools only
inside the job, so the window never loads it)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from scheduler.model import SchoolData
from scheduler.ui.jobs import CancelEvent, Report


@dataclass(frozen=True)
class ExplainRequest:
    data_json: str
    time_limit_s: float
    quick: bool = False
    """Only the pre-checks (counting, no search)."""
    workers: int | None = None
    hint_json: str | None = None
    """The scenario's timetable, as a starting point for the checks that a timetable exists."""


def explain_job(request: ExplainRequest, report: Report, cancel: CancelEvent):
    """An ``Explanation``: pre-checks, then (unless quick) the conflicting rules and fixes."""
    from scheduler.model import Solution
    from scheduler.solver.explain import Explanation, explain, precheck
    from scheduler.solver.progress import CancelToken

    data = SchoolData.model_validate_json(request.data_json)
    if request.quick:
        findings = tuple(precheck(data))
        summary = (
            f"{len(findings)} pre-check finding(s): no timetable can exist."
            if findings
            else "The quick checks find nothing wrong; run Explain for the full search."
        )
        return Explanation("infeasible" if findings else "unknown", findings, summary)
    token = CancelToken()

    def relay() -> None:
        cancel.wait()
        token.cancel()

    threading.Thread(target=relay, daemon=True).start()
    return explain(
        data,
        time_limit_s=request.time_limit_s,
        workers=request.workers,
        step=report,
        cancel=token,
        hint=Solution.model_validate_json(request.hint_json) if request.hint_json else None,
    )
