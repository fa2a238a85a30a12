"""Comparing scenarios as a plain job for ``tasks.TaskRunner`` (no Qt here: a spawned worker
process imports this module). The window sends the project as JSON and gets the ``Comparison``
back; for a 2,500-student school the comparison takes seconds, too long for the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from scheduler.model import Project


@dataclass(frozen=True)
class CompareRequest:
    project_json: str
    names: tuple[str, ...]


def compare_job(request: CompareRequest, report, cancel):
    from scheduler.solver.compare import compare

    project = Project.model_validate_json(request.project_json)
    return compare(project, list(request.names))


def size_of(project: Project, names: list[str]) -> int:
    """Students plus placed meetings over the scenarios compared: what the comparison walks."""
    total = 0
    for name in names:
        scenario = project.scenario(name)
        placed = len(scenario.solution.placements) if scenario.solution else 0
        total += len(scenario.data.students) + placed
    return total
