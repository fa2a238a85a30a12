"""Comparing scenarios as a plain job for ``tasks.TaskRunner`` (no Qt here: a spawned worker
process imports this module). The window sends the project as JSON and gets the ``Comparison``
back; for a 2,500-student school the comparison takes seconds, too long for the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from scheduler.model import Project, Scenario, SchoolData, Solution


@dataclass(frozen=True)
class CompareRequest:
    """The scenarios compared, as JSON; a school shared by clones is sent once."""

    schools_json: tuple[str, ...]
    scenarios: tuple[tuple[str, int, str | None], ...]
    """(name, index into ``schools_json``, timetable JSON or None), base first."""

    @classmethod
    def of(cls, project: Project, names: list[str]) -> CompareRequest:
        schools: list[SchoolData] = []
        scenarios = []
        for name in names:
            s = project.scenario(name)
            index = next((i for i, d in enumerate(schools) if d is s.data), len(schools))
            if index == len(schools):
                schools.append(s.data)
            timetable = s.solution.model_dump_json() if s.solution is not None else None
            scenarios.append((name, index, timetable))
        return cls(tuple(d.model_dump_json() for d in schools), tuple(scenarios))


def compare_job(request: CompareRequest, report, cancel):
    from scheduler.solver.compare import compare

    schools = [SchoolData.model_validate_json(j) for j in request.schools_json]
    project = Project(
        scenarios=tuple(
            Scenario(
                name=name,
                data=schools[index],
                solution=Solution.model_validate_json(timetable) if timetable else None,
            )
            for name, index, timetable in request.scenarios
        )
    )
    return compare(project, [name for name, _, _ in request.scenarios])


def size_of(project: Project, names: list[str]) -> int:
    """Students plus placed meetings over the scenarios compared: what the comparison walks."""
    total = 0
    for name in names:
        scenario = project.scenario(name)
        placed = len(scenario.solution.placements) if scenario.solution else 0
        total += len(scenario.data.students) + placed
    return total
