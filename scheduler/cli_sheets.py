"""``flexday template``, ``flexday import-xlsx`` and ``flexday export-data``: school data in
spreadsheets, through the same functions the app's File menu uses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0


def add_sheet_commands(sub) -> None:
    p = sub.add_parser("template", help="write an Excel template to fill with a school's data")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="school.xlsx")
    p.set_defaults(run=_template)

    p = sub.add_parser(
        "import-xlsx",
        help="import a school from a filled template (.xlsx, or CSV files, one per sheet)",
    )
    p.add_argument("source", type=Path, nargs="+", metavar="FILE.xlsx|FOLDER|FILE.csv")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="PROJECT.flexday")
    p.add_argument("--scenario", default="Main", help="name of the scenario (default: Main)")
    p.set_defaults(run=_import)

    p = sub.add_parser(
        "export-data",
        help="export a scenario's school data in the template format (.xlsx, or a CSV folder)",
    )
    p.add_argument("project", type=Path, help="a .flexday project file")
    p.add_argument("--scenario", default=None, help="scenario name (default: the active one)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="data.xlsx|FOLDER")
    p.set_defaults(run=_export)


def _template(args: argparse.Namespace) -> int:
    from scheduler.io.sheets import write_template

    _xlsx(args.output)
    print(f"wrote {write_template(args.output)}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from scheduler.io.project_file import save_project
    from scheduler.io.sheets import import_school
    from scheduler.model import Project

    print(f"reading {', '.join(str(p) for p in args.source)}…", flush=True)
    imported = import_school(args.source)  # raises with every problem: nothing is written
    for warning in imported.warnings:
        print(f"note: {warning}", file=sys.stderr)
    save_project(Project.of(imported.data, scenario=args.scenario), args.output)
    data = imported.data
    print(
        f"imported {data.name}: {len(data.calendar.days)} days, {len(data.teachers)} teachers, "
        f"{len(data.rooms)} rooms, {len(data.students)} students, {len(data.courses)} courses, "
        f"{len(data.activities)} activities, {len(data.constraints)} rules"
    )
    if imported.checks:
        print(f"{len(imported.checks)} thing(s) to fix before solving:")
        for line in imported.checks[:30]:
            print(f"  {line}")
    print(f"wrote {args.output}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from scheduler.cli import _load
    from scheduler.io.sheets import export_data

    project, name = _load(args)
    written = export_data(project.scenario(name).data, args.output)
    where = written[0] if len(written) == 1 else f"{args.output} ({len(written)} CSV files)"
    print(f"wrote {where}")
    return EXIT_OK


def _xlsx(path: Path) -> None:
    if path.suffix.lower() != ".xlsx":
        from scheduler.cli import BadInput

        raise BadInput(f"{path}: the template is an Excel workbook; name it something.xlsx")
