"""The regroup-by-mastery job, run by ``tasks.TaskRunner`` in a worker process (no Qt, no
OR-Tools at import): the window sends the school, the timetable and the levels it read, and gets
the new enrolments and a plain report back."""

from __future__ import annotations

from dataclasses import dataclass, field

from scheduler.model import Enrollment, SchoolData, Solution


@dataclass(frozen=True)
class RegroupJob:
    data_json: str
    solution_json: str
    levels: tuple[tuple[str, str, int], ...]
    """(student, course, level) rows of the levels file."""
    section_levels: tuple[tuple[str, int], ...] = ()
    """(section, level); empty: derived from the students' levels."""
    tolerance: int = 0
    time_limit_s: float = 10.0


@dataclass(frozen=True)
class RegroupOutcome:
    enrollments: tuple[Enrollment, ...]
    report: dict = field(default_factory=dict)
    """``Regrouping.to_dict()``: moves, mismatch before and after, section levels, status."""
    hard_before: int = 0
    hard_after: int = 0
    """Hard violations the checker finds in the timetable before and after the regrouping."""


def regroup_job(job: RegroupJob, report, cancel) -> RegroupOutcome:
    from scheduler.solver.check import check
    from scheduler.solver.stages.regroup import regroup

    data = SchoolData.model_validate_json(job.data_json)
    before = Solution.model_validate_json(job.solution_json)
    report("regrouping")
    result = regroup(
        data,
        before,
        {(s, c): level for s, c, level in job.levels},
        section_levels=dict(job.section_levels) or None,
        tolerance=job.tolerance,
        time_limit_s=job.time_limit_s,
    )
    after = before.model_copy(update={"enrollments": result.enrollments})
    was, now = check(data, before).hard_violations, check(data, after).hard_violations
    return RegroupOutcome(result.enrollments, result.to_dict(), was, now)
