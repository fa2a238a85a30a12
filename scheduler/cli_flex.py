"""``flexday flex`` and ``flexday regroup``: weekly changes on top of a locked timetable.

Both read a scenario with a stored timetable, change only the flex assignments (flex) or who sits
in which section (regroup), judge the result with the checker, and save it with ``--save``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scheduler.model import Project, Scenario, ensure_valid


def add_commands(sub, project_args) -> None:
    p = sub.add_parser("flex", help="route students to flex offerings on the stored timetable")
    project_args(p)
    p.add_argument("--save", action="store_true", help="store the routing in the project file")
    p.add_argument("--report", type=Path, metavar="OUT.json", help="write a JSON report")
    p.set_defaults(run=_flex)

    p = sub.add_parser("regroup", help="move students between sections to match mastery levels")
    project_args(p)
    p.add_argument("levels", type=Path, metavar="LEVELS.csv", help="columns student,course,level")
    p.add_argument(
        "--section-levels", type=Path, metavar="CSV", help="columns section,level (else derived)"
    )
    p.add_argument("--tolerance", type=int, default=0, help="levels apart that still match")
    p.add_argument("--time-limit", type=float, default=10.0, metavar="S")
    p.add_argument("--save", action="store_true", help="store the new sections in the project")
    p.add_argument("--report", type=Path, metavar="OUT.json", help="write a JSON report")
    p.set_defaults(run=_regroup)


def _scenario(args: argparse.Namespace) -> tuple[Project, Scenario] | None:
    from scheduler.cli import _load

    project, name = _load(args)
    scenario = project.scenario(name)
    if scenario.solution is None:
        print(
            f"scenario {name!r} has no timetable yet: run `flexday solve --save` first",
            file=sys.stderr,
        )
        return None
    ensure_valid(scenario.data)
    return project, scenario


def _flex(args: argparse.Namespace) -> int:
    from scheduler.solver.check import check
    from scheduler.solver.stages.flex import routed

    loaded = _scenario(args)
    if loaded is None:
        return 1
    project, scenario = loaded
    data = scenario.data
    if not data.flex_blocks:
        print(f"scenario {scenario.name!r} has no flex blocks", file=sys.stderr)
        return 1
    solution, routing = routed(data, scenario.solution)
    checked = check(data, solution)
    print_routing(routing, data)
    hard = {r: c for r, (c, _) in checked.by_rule(hard=True).items() if r.startswith("flex")}
    print("checker: " + (", ".join(f"{r} {c}" for r, c in hard.items()) or "no flex violations"))
    if args.save:
        _save(project, scenario, solution, args.project)
    if args.report:
        from scheduler.cli import _write_json

        doc = {"scenario": scenario.name, **routing.to_dict(), "hard_by_rule": hard}
        _write_json(args.report, doc)
    return 0 if not hard else 1


def print_routing(r, data) -> None:
    print(
        f"routed {r.routed}/{r.participants} students in {r.wall_s:.2f} s "
        f"({len(r.away)} away in class or personal time)"
    )
    for tier in ("mandatory", "teacher"):
        asked, honoured = r.requests.get(tier, [0, 0])
        print(f"  {tier} requests honoured: {honoured}/{asked} ({r.honoured_pct(tier):.1f}%)")
    c = r.choices
    print(
        f"  choices: {c.get('students', 0)} students, first {r.choice_pct('first'):.1f}%, "
        f"second {r.choice_pct('second'):.1f}%, later {c.get('other', 0)}, "
        f"none of them {c.get('none', 0)}; default advisory {r.advisory}"
    )
    for u in r.unhonoured[:20]:
        print(f"  ! {u.tier} request {u.student} → {u.offering}: {u.reason}")
    if len(r.unhonoured) > 20:
        print(f"  … and {len(r.unhonoured) - 20} more")
    for sid, block, why in r.unrouted[:10]:
        print(f"  ! {sid} not routed in {block}: {why}")
    offerings = {o.id: o for o in data.flex_offerings}
    print(f"  {'offering':<12} {'kind':<12} {'name':<34} {'block':<8} {'size':>5} {'seats':>6}")
    for o in r.sizes:
        seats = "—" if o.capacity is None else str(o.capacity)
        note = f"  closed: {o.closed}" if o.closed else ""
        known = offerings.get(o.offering)
        kind, name = (known.kind, known.label[:34]) if known else ("", "")
        print(f"  {o.offering:<12} {kind:<12} {name:<34} {o.block:<8} {o.size:>5} {seats:>6}{note}")


def _regroup(args: argparse.Namespace) -> int:
    from scheduler.io.levels import read_levels, read_section_levels
    from scheduler.solver.check import check
    from scheduler.solver.stages.regroup import regroup

    loaded = _scenario(args)
    if loaded is None:
        return 1
    project, scenario = loaded
    data, before = scenario.data, scenario.solution
    levels = read_levels(args.levels, data)
    fixed = read_section_levels(args.section_levels, data) if args.section_levels else None
    result = regroup(
        data,
        before,
        levels,
        section_levels=fixed,
        tolerance=args.tolerance,
        time_limit_s=args.time_limit,
    )
    solution = before.model_copy(update={"enrollments": result.enrollments})
    was, now = check(data, before).hard_violations, check(data, solution).hard_violations
    print(
        f"regroup {result.status} in {result.wall_s:.1f} s: {len(result.moved)} of "
        f"{result.students} students moved; level mismatch {result.mismatch_before} → "
        f"{result.mismatch_after}; hard violations {was} → {now}"
    )
    for sid, course, old, new in result.changes[:30]:
        print(f"  {sid}: {course} {old} → {new}")
    if len(result.changes) > 30:
        print(f"  … and {len(result.changes) - 30} more")
    if args.save:
        _save(project, scenario, solution, args.project)
    if args.report:
        from scheduler.cli import _write_json

        _write_json(args.report, {"scenario": scenario.name, **result.to_dict()})
    return 0 if now <= was else 1


def _save(project: Project, scenario: Scenario, solution, path: Path) -> None:
    from scheduler.io.project_file import save_project

    save_project(project.replace_scenario(scenario.model_copy(update={"solution": solution})), path)
    print(f"saved into {path}")
