"""``flexday import-changes``: read an edited Meetings sheet back, show and check the changes.

Nothing is saved unless the checker accepts the changes and the user confirms (or gives
``--yes``); then they become a new scenario beside the original, which stays as it was.
Exit codes: 0 saved or nothing to do, 1 refused (a hard rule broken) or not confirmed,
2 bad input (located errors in the sheet).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_import_changes(sub, project_args) -> None:
    p = sub.add_parser(
        "import-changes",
        help="read timetable changes made in the exported Meetings sheet into a new scenario",
    )
    project_args(p)
    p.add_argument("xlsx", type=Path, metavar="FILE.xlsx", help="an exported, edited workbook")
    p.add_argument("--as", dest="new_name", metavar="NAME", help="name of the new scenario")
    p.add_argument("--yes", action="store_true", help="save without asking when accepted")
    p.set_defaults(run=run_import_changes, writes_project=True)


def run_import_changes(args: argparse.Namespace, *, ask=input) -> int:
    from scheduler.cli import BadInput
    from scheduler.io.project_file import load_project, save_project
    from scheduler.solver.import_changes import new_scenario_name, review_changes, save_as_scenario

    project = load_project(args.project)
    try:
        scenario = project.scenario(args.scenario).name
    except KeyError as exc:
        raise BadInput(f"{args.project.name}: {exc.args[0]}") from None
    review = review_changes(project, scenario, args.xlsx)
    print(f"{args.xlsx.name} against scenario {scenario!r}: {len(review.changes)} change(s)")
    for change in review.changes:
        print(f"  row {change.row}: {change.text}")
    if review.new_hard:
        from scheduler.solver.import_changes import plain

        print("Hard violations the changes add:")
        for v in review.new_hard:
            print(f"  [HARD] {plain(v)}")
    print(review.verdict())
    if not review.changes:
        return 0
    if not review.accepted:
        return 1
    name = args.new_name or new_scenario_name(project, scenario)
    if any(s.name == name for s in project.scenarios):
        raise BadInput(f"{args.project.name}: a scenario named {name!r} already exists")
    if not args.yes:
        if not sys.stdin.isatty():
            print("Not saved: run again with --yes to save the changes as a new scenario.")
            return 1
        if ask(f"Save them as the new scenario {name!r}? [y/N] ").strip().casefold() not in {
            "y",
            "yes",
        }:
            print("Not saved.")
            return 1
    save_project(save_as_scenario(project, review, name), args.project)
    print(f"saved as scenario {name!r} in {args.project}; {scenario!r} is unchanged")
    return 0
