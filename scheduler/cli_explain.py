"""``flexday explain``: why is there no timetable? Pre-checks, a conflicting set of hard rules,
and the single changes that make a timetable possible, as plain sentences (and JSON)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from scheduler.model import Project
from scheduler.solver.explain import Explanation, Finding, explain, precheck


def run_explain(
    project: Project,
    name: str,
    *,
    time_limit: float,
    workers: int | None,
    out: Path | None,
) -> int:
    """Exit 0 when a timetable is possible, 1 when it is not (or could not be shown possible)."""
    scenario = project.scenario(name)
    data = scenario.data
    print(f"Explaining {data.name!r}, scenario {name!r} (limit {time_limit:g} s)")
    live = sys.stderr.isatty()

    def step(what: str) -> None:
        if live:
            print(f"  … {what}", file=sys.stderr)

    result = explain(
        data, time_limit_s=time_limit, workers=workers, step=step, hint=scenario.solution
    )
    print_explanation(result)
    if out is not None:
        from scheduler.io.atomic import write_bytes

        doc = {"scenario": name, **result.to_dict()}
        write_bytes(out, (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode())
        print(f"wrote {out}")
    return 0 if result.status == "feasible" else 1


def print_explanation(result: Explanation) -> None:
    print(f"\n{result.summary}\n")
    for n, finding in enumerate(result.findings, 1):
        print_finding(n, finding)
    if result.timings:
        t = result.timings
        parts = [f"{k} {v:.2f} s" for k, v in t.items() if k != "solves"]
        solves = f", {int(t['solves'])} solve(s)" if "solves" in t else ""
        print(f"\n({', '.join(parts)}{solves}; {result.groups} rule group(s))")


def print_finding(n: int, finding: Finding) -> None:
    where = "conflict" if finding.source == "core" else "pre-check"
    print(f"{n:>3}. [{where}: {finding.rule}] {finding.message}")
    if finding.entities:
        names = ", ".join(
            f"{e.kind} {e.label}" + ("" if e.label == e.id else f" ({e.id})")
            for e in finding.entities[:8]
        )
        more = f" and {len(finding.entities) - 8} more" if len(finding.entities) > 8 else ""
        print(f"       involves: {names}{more}")
    if finding.fix:
        if finding.verified:
            print(f"       fix: {finding.fix}  [verified by a solve]")
        else:
            print(f"       suggestion: {finding.fix}")


def print_prechecks(data, stream=None) -> None:
    """After a solve that found no timetable: the fast checks, and where to look next."""
    stream = stream or sys.stdout
    findings = precheck(data)
    for n, finding in enumerate(findings, 1):
        print(f"{n:>3}. {finding.message}", file=stream)
    print(
        "  run `flexday explain PROJECT` for the hard rules that conflict and what would fix them",
        file=stream,
    )
