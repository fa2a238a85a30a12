"""Why is there no timetable? Pre-checks in plain words, then a small conflicting set of hard rules
and the single relaxations that would make a timetable possible.

``explain(data)`` is what the CLI (``flexday explain``) and the app's Explain panel call.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from scheduler.model import SchoolData, Solution
from scheduler.solver.compile import compile_problem
from scheduler.solver.explain.core import FEASIBLE, INFEASIBLE, CoreSearch
from scheduler.solver.explain.findings import EntityRef, Explanation, Finding
from scheduler.solver.explain.guards import build_guarded
from scheduler.solver.explain.prechecks import data_findings, prechecks
from scheduler.solver.explain.relax import relax, relax_all
from scheduler.solver.explain.words import Words
from scheduler.solver.plan import plan_sections
from scheduler.solver.progress import CancelToken
from scheduler.solver.stages.timetable import hint_starts

__all__ = ["EntityRef", "Explanation", "Finding", "explain", "precheck", "relax", "relax_all"]

StepCallback = Callable[[str], None]
REQUEST_RULES = frozenset({"required_courses"})
"""Pre-check findings about course requests: a timetable may exist, the requests go unmet."""


def precheck(data: SchoolData) -> list[Finding]:
    """Only the fast checks (no search): data problems, then counting arguments."""
    invalid = data_findings(data)
    if invalid:
        return invalid
    work = _work(data)
    return prechecks(work, compile_problem(work))


def explain(
    data: SchoolData,
    *,
    time_limit_s: float = 30.0,
    workers: int | None = None,
    step: StepCallback | None = None,
    cancel: CancelToken | None = None,
    hint: Solution | None = None,
) -> Explanation:
    """``hint``: a timetable of (nearly) this school, e.g. the scenario's last one: checks that
    a timetable exists start from it, which makes them much faster."""
    began = time.monotonic()
    timings: dict[str, float] = {}

    def note(what: str) -> None:
        if step is not None:
            step(what)

    note("checking the data")
    invalid = data_findings(data)
    if invalid:
        timings["prechecks"] = time.monotonic() - began
        return Explanation(
            "infeasible",
            tuple(invalid),
            f"The school data has {len(invalid)} problem(s) to fix before any timetable can "
            "be made.",
            timings,
        )
    work = _work(data)
    problem = compile_problem(work)
    pre = prechecks(work, problem)
    timings["prechecks"] = time.monotonic() - began
    note(f"{len(pre)} pre-check finding(s); building the model with switchable rules")
    words = Words(work, problem.grid)
    guarded = build_guarded(work, words)
    timings["build"] = time.monotonic() - began - timings["prechecks"]
    if guarded is None:
        return Explanation("infeasible", tuple(pre), _pre_summary(pre), timings)
    note(f"searching for conflicting rules among {len(guarded.groups)} rule group(s)")
    left = max(1.0, time_limit_s - (time.monotonic() - began))
    search = CoreSearch(guarded, deadline=time.monotonic() + left, workers=workers, cancel=cancel)
    if hint is not None:
        search.set_hint(hint_starts(guarded.problem, hint))
    named = {(e.kind, e.id) for f in pre if f.rule not in REQUEST_RULES for e in f.entities}
    focus = [
        i for i, g in enumerate(guarded.groups) if any((e.kind, e.id) in named for e in g.entities)
    ]
    step_limit = max(1.0, min(10.0, left / 6))
    result = search.run(first_limit=0.5 * left, step_limit=step_limit, focus=focus)
    timings["search"] = time.monotonic() - began - timings["prechecks"] - timings["build"]
    timings["total"] = time.monotonic() - began
    timings["solves"] = float(result.solves)
    if result.status == FEASIBLE:
        summary = "Every hard rule can hold: a timetable is possible."
        unmet = sum(1 for f in pre if f.rule in REQUEST_RULES)
        if unmet:
            summary += f" But {unmet} student(s) cannot get every required course (see below)."
        if len(pre) > unmet:
            summary += " (Some pre-checks disagree; please report this.)"
        return Explanation("feasible", tuple(pre), summary, timings, len(guarded.groups))
    blocking = [f for f in pre if f.rule not in REQUEST_RULES]
    if result.status != INFEASIBLE:
        status = "infeasible" if blocking else "unknown"
        summary = (
            _pre_summary(blocking)
            if blocking
            else (
                "Neither a timetable nor a proof that none exists was found in "
                f"{time_limit_s:g} s; try a longer time limit."
            )
        )
        return Explanation(status, tuple(pre), summary, timings, len(guarded.groups))
    core = []
    fixes = result.fixes or {}
    for i in result.core:
        group = guarded.groups[i]
        works = fixes.get((i,)) == FEASIBLE
        core.append(
            Finding(
                group.rule,
                _sentence(group.statement),
                group.entities,
                words.refs(group.slots),
                fix=_sentence(group.relax + " makes a timetable possible") if works else None,
                verified=works,
                source="core",
                relaxations=(group.key,) if works else (),
            )
        )
    for together, status in fixes.items():
        if len(together) > 1 and status == FEASIBLE:
            groups = [guarded.groups[i] for i in together]
            entities = tuple(dict.fromkeys(e for g in groups for e in g.entities))
            fix = _join([g.relax for g in groups]) + " together make a timetable possible"
            fix = _sentence(fix)
            core.append(
                Finding(
                    "relaxation",
                    "No single one of these rules, lifted alone, makes a timetable possible; "
                    "lifting them together does.",
                    entities,
                    words.refs(frozenset().union(*(g.slots for g in groups))),
                    fix=fix,
                    verified=True,
                    source="core",
                    relaxations=tuple(g.key for g in groups),
                )
            )
    summary = _core_summary(core, pre, result.minimal)
    return Explanation("infeasible", (*pre, *core), summary, timings, len(guarded.groups))


def _work(data: SchoolData) -> SchoolData:
    """The data the timetable step sees: with sections planned when students request courses."""
    if any(s.requests for s in data.students):
        plan = plan_sections(data)
        if plan.changed:
            return plan.data
    return data


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _pre_summary(pre: list[Finding]) -> str:
    if not pre:
        return "No timetable can exist, but no single reason was found."
    return f"No timetable can exist: {len(pre)} pre-check finding(s) show why."


def _core_summary(core: list[Finding], pre: list[Finding], minimal: bool) -> str:
    if not core:
        head = "No timetable can exist even with every availability, pin and hard rule off:"
        return f"{head} the lessons themselves do not fit ({len(pre)} pre-check finding(s))."
    small = "" if minimal else " (a smaller set may exist: the search ran out of time)"
    rules = [f for f in core if f.rule != "relaxation"]
    these = (
        "this hard rule cannot hold"
        if len(rules) == 1
        else (f"these {len(rules)} hard rules cannot all hold together")
    )
    these += (
        " alongside the rules that always hold (every lesson placed, one lesson at a time per "
        "person, enough rooms, each activity's own settings)"
    )
    text = (
        f"No timetable can exist: {these}: "
        + "; ".join(f.message.rstrip(".") for f in rules)
        + f"{small}."
    )
    single = [f.fix for f in rules if f.fix]
    if single:
        text += " " + " Or: ".join(single)
    else:
        text += " No single one of them, lifted alone, makes a timetable possible."
        text += "".join(" " + f.fix for f in core if f.rule == "relaxation" and f.fix)
    return text
