"""The flex routing job, run by ``tasks.TaskRunner`` in a worker process (no Qt, no OR-Tools
at import): the window sends the school and timetable as JSON and gets plain values back."""

from __future__ import annotations

from dataclasses import dataclass, field

from scheduler.model import FlexAssignment, SchoolData, Solution


@dataclass(frozen=True)
class FlexJob:
    data_json: str
    solution_json: str


@dataclass(frozen=True)
class FlexOutcome:
    assignments: tuple[FlexAssignment, ...]
    report: dict = field(default_factory=dict)
    """``FlexRouting.to_dict()``: tiers honoured, choice shares, sizes, reasons."""
    hard: dict[str, int] = field(default_factory=dict)
    """Hard flex violations the checker found, by rule (none expected)."""


def route_job(job: FlexJob, report, cancel) -> FlexOutcome:
    from scheduler.solver.check import check
    from scheduler.solver.stages.flex import routed

    data = SchoolData.model_validate_json(job.data_json)
    solution = Solution.model_validate_json(job.solution_json)
    report("routing")
    new, routing = routed(data, solution)
    judged = check(data, new)
    hard = {r: c for r, (c, _) in judged.by_rule(hard=True).items() if r.startswith("flex")}
    return FlexOutcome(new.flex, routing.to_dict(), hard)
