"""The Excel export with the judge's figures: check the timetable, then write the workbook.

``scheduler.io.xlsx`` may not import the checker (files sit below the solver), so this fills its
plain ``Findings`` from the checker's report and the request figures. The CLI and the app export
through here, so every workbook carries the same verdict they show.
"""

from __future__ import annotations

from pathlib import Path

from scheduler.io.xlsx import export_timetable
from scheduler.io.xlsx.findings import Finding, Findings
from scheduler.model import SchoolData, Solution
from scheduler.solver.check import CheckReport, check
from scheduler.solver.requests import request_stats


def findings_of(
    data: SchoolData, solution: Solution, report: CheckReport | None = None
) -> Findings:
    report = report if report is not None else check(data, solution)
    stats = request_stats(data, solution)
    found = tuple(
        Finding(v.rule, v.hard, v.count, v.penalty, v.source, v.slot, v.message)
        for v in report.violations
    )
    if stats is None:
        return Findings(found)
    return Findings(
        found,
        requests=stats.requests,
        requests_met=stats.met,
        required=stats.required,
        required_met=stats.required_met,
        fully_scheduled=stats.fully_scheduled,
        students=stats.students,
    )


def export_checked(
    data: SchoolData,
    solution: Solution,
    path: str | Path,
    *,
    scenario: str = "",
    report: CheckReport | None = None,
) -> Path:
    """Check (unless ``report`` is given) and export; raises FileFormatError if it cannot write."""
    return export_timetable(
        data, solution, path, scenario=scenario, findings=findings_of(data, solution, report)
    )
