"""What ``flexday solve`` says about course requests: the plan, the figures, the unmet ones."""

from __future__ import annotations

from collections import Counter

from scheduler.model import SchoolData, Solution
from scheduler.model.demand import course_pairs
from scheduler.solver.plan import Plan
from scheduler.solver.requests import RequestStats


def print_plan(plan: Plan | None) -> None:
    if plan is None or not plan.changed:
        return
    print(
        f"planned {sum(plan.created.values())} new section(s) of {len(plan.created)} course(s); "
        f"chose teachers for {len(plan.staffed)}"
    )
    for problem in plan.problems[:10]:
        print(f"  ! {problem}")


def print_requests(stats: RequestStats | None) -> None:
    if stats is None:
        return
    print(
        f"requests: {stats.met_pct:.1f}% met ({stats.met}/{stats.requests}), "
        f"{stats.first_choice_pct:.1f}% first choice, required {stats.required_met_pct:.1f}%, "
        f"alternates used {stats.alternates_used}; students fully scheduled "
        f"{stats.fully_scheduled}/{stats.students} ({stats.fully_scheduled_pct:.1f}%)"
    )
    reasons = Counter(_kind(u.reason) for u in stats.unmet)
    for reason, n in reasons.most_common(5):
        print(f"  {n:>5} unmet: {reason}")


_KINDS = (
    ("is full", "every section that fits their timetable is full"),
    ("clashes with", "every section clashes with their timetable"),
    ("is offered", "no section is offered"),
    ("fits, but", "a section fits, but seating them there cost more elsewhere"),
)


def _kind(reason: str) -> str:
    return next((text for marker, text in _KINDS if marker in reason), reason)


def report(
    data: SchoolData,
    solution: Solution | None,
    plan: Plan | None,
    stats: RequestStats | None,
    first_full: float | None,
) -> dict:
    """The sectioning part of the JSON report (empty for a class-based school)."""
    if stats is None:
        return {}
    matrix = course_pairs(data)
    top = sorted(matrix.items(), key=lambda kv: (-kv[1], kv[0]))[:100]
    sections = {a.id: a for a in data.activities if a.course and not a.groups}
    singles = {
        c
        for c in {a.course for a in sections.values()}
        if sum(1 for a in sections.values() if a.course == c) == 1
    }
    loads: Counter[str] = Counter()
    for a in data.activities:
        for t in a.teachers:
            loads[t] += sum(a.meetings)
    return {
        "plan": {
            "sections_created": dict(plan.created) if plan else {},
            "sections_staffed": len(plan.staffed) if plan else 0,
            "problems": list(plan.problems) if plan else [],
        },
        "first_full_schedule_s": None if first_full is None else round(first_full, 3),
        "requests": stats.to_dict(),
        "section_sizes": [
            {
                "section": s.section,
                "course": s.course,
                "enrolled": s.enrolled,
                "capacity": s.capacity,
            }
            for s in stats.sections
        ],
        "singletons": sorted(singles),
        "singleton_conflicts": _singleton_conflicts(data, solution, singles, matrix),
        "teacher_loads": dict(sorted(loads.items())),
        "course_pair_conflicts": [{"courses": list(pair), "students": n} for pair, n in top],
    }


def _singleton_conflicts(data, solution, singles, matrix) -> list[dict]:
    """Pairs of single-section courses requested together whose sections meet at once."""
    if solution is None:
        return []
    slots: dict[str, set[tuple[str, str]]] = {}
    for p in solution.placements:
        a = data.activity_by_id.get(p.activity)
        if a is not None and a.course in singles:
            slots.setdefault(a.course, set()).add((p.day, p.slot))
    out = []
    for (c1, c2), n in sorted(matrix.items()):
        if c1 in slots and c2 in slots and slots[c1] & slots[c2]:
            out.append({"courses": [c1, c2], "students": n})
    return out
