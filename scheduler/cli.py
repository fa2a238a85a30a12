"""The ``flexday`` command: thin wrappers over the same functions the app uses.

Exit codes: 0 success, 1 no timetable (infeasible, none found, or hard violations), 2 bad input,
3 an internal error (its traceback is in the log file, see ``scheduler.logs``).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from scheduler import __version__
from scheduler.io.errors import FileFormatError
from scheduler.model import InvalidSchoolError, Project

EXIT_OK, EXIT_NO_TIMETABLE, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
log = logging.getLogger(__name__)


class BadInput(Exception):
    """A problem with what the user gave us; printed as it is, exit code 2."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    from scheduler.logs import log_file, setup_logging

    setup_logging(program="flexday", argv=sys.argv[1:] if argv is None else argv)
    try:
        if getattr(args, "save", False) or getattr(args, "writes_project", False):
            _refuse_if_open(args.project)  # every command that writes the project it was given
        code = args.run(args)
    except (BadInput, FileFormatError, InvalidSchoolError) as exc:
        log.warning("refused: %s", exc)
        print(f"flexday: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        log.info("interrupted")
        print("\nflexday: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:
        log.exception("internal error")
        print(f"flexday: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print(f"flexday: the details are in {log_file()}", file=sys.stderr)
        return EXIT_INTERNAL
    log.info("finished with exit code %s", code)
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flexday", description="Design, solve, check and export school timetables."
    )
    parser.add_argument("--version", action="version", version=f"flexday {__version__}")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    p = sub.add_parser("solve", help="solve a scenario's timetable")
    _project_args(p)
    p.add_argument("--time-limit", type=float, default=60.0, metavar="S")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--workers", type=int, default=None, help="CP-SAT workers (default: all cores)")
    p.add_argument("--save", action="store_true", help="store the timetable in the project file")
    p.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="export the timetable to Excel")
    p.add_argument("--report", type=Path, metavar="OUT.json", help="write a JSON report")
    p.set_defaults(run=_solve)

    p = sub.add_parser("check", help="score the stored timetable with the independent checker")
    _project_args(p)
    p.add_argument("--report", type=Path, metavar="OUT.json")
    p.set_defaults(run=_check)

    p = sub.add_parser("export", help="export the stored timetable to Excel")
    _project_args(p)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xlsx")
    p.set_defaults(run=_export)

    from scheduler.cli_changes import add_import_changes

    add_import_changes(sub, _project_args)

    p = sub.add_parser("import-fet", help="import a FET (.fet) file into a new project")
    p.add_argument("fet", type=Path, metavar="FILE.fet")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="PROJECT.flexday")
    p.add_argument("--report", type=Path, metavar="OUT.json", help="write the import report")
    p.set_defaults(run=_import_fet)

    p = sub.add_parser("export-fet", help="export a scenario and its timetable to a .fet file")
    _project_args(p)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.fet")
    p.set_defaults(run=_export_fet)

    p = sub.add_parser("run", help="solve a sample school and write its timetable to Excel")
    p.add_argument("project", type=Path)
    p.add_argument("--out", type=Path, default=Path("out"), help="folder for the results")
    p.add_argument("--time-limit", type=float, default=60.0, metavar="S")
    p.set_defaults(run=_run)

    p = sub.add_parser("compare", help="compare two or more scenarios side by side")
    p.add_argument("project", type=Path, help="a .flexday project file")
    p.add_argument(
        "scenarios", nargs="+", metavar="SCENARIO", help="two or more; the first is the base"
    )
    p.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="write the comparison to Excel")
    p.add_argument("--json", type=Path, metavar="OUT.json", help="write the comparison as JSON")
    p.set_defaults(run=_compare)

    p = sub.add_parser("repair", help="re-solve after an edit, changing as little as possible")
    _project_args(p)
    p.add_argument("--time-limit", type=float, default=60.0, metavar="S")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--workers", type=int, default=None, help="CP-SAT workers (default: all cores)")
    p.add_argument("--save", action="store_true", help="store the repaired timetable in the file")
    p.add_argument("--report", type=Path, metavar="OUT.json", help="write a JSON report")
    p.set_defaults(run=_repair)
    p = sub.add_parser("explain", help="say why a scenario has no timetable and what would fix it")
    _project_args(p)
    p.add_argument("--time-limit", type=float, default=60.0, metavar="S")
    p.add_argument("--workers", type=int, default=None, help="CP-SAT workers (default: 2)")
    p.add_argument("--json", type=Path, metavar="OUT.json", help="write the findings as JSON")
    p.set_defaults(run=_explain)

    p = sub.add_parser("gui", help="open the desktop app")
    p.add_argument("project", type=Path, nargs="?", help="a .flexday project file to open")
    p.set_defaults(run=_gui)

    from scheduler.cli_sheets import add_sheet_commands

    add_sheet_commands(sub)

    from scheduler.cli_flex import add_commands

    add_commands(sub, _project_args)
    return parser


def _project_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("project", type=Path, help="a .flexday project file")
    p.add_argument("--scenario", default=None, help="scenario name (default: the active one)")


def _load(args) -> tuple[Project, str]:
    from scheduler.io.project_file import load_project

    project = load_project(args.project)
    try:
        scenario = project.scenario(args.scenario)
    except KeyError as exc:
        raise BadInput(f"{args.project.name}: {exc.args[0]}") from None
    return project, scenario.name


def _solve(args) -> int:
    from scheduler.cli_solve import run_solve

    project, name = _load(args)
    log.info(
        "solve scenario %r: time limit %g s, seed %s, workers %s, save %s",
        name, args.time_limit, args.seed, args.workers, args.save,
    )  # fmt: skip
    return run_solve(
        project,
        name,
        path=args.project,
        time_limit=args.time_limit,
        seed=args.seed,
        workers=args.workers,
        save=args.save,
        xlsx=args.xlsx,
        report=args.report,
    )


def _refuse_if_open(path: Path) -> None:
    """Refuse, before any work, to write a project that Flexday has open (``scheduler.io.lock``)."""
    from scheduler.io.lock import ProjectLock

    other = ProjectLock(path).other_holder()
    if other is not None:
        raise BadInput(
            f"{path.name} is open in Flexday {other.describe()}; close it there first "
            "(saving here would overwrite the changes made there, or be overwritten by them)"
        )


def _check(args) -> int:
    from scheduler.solver.check import check

    project, name = _load(args)
    scenario = project.scenario(name)
    if scenario.solution is None:
        print(
            f"scenario {name!r} has no timetable yet: run `flexday solve --save` first",
            file=sys.stderr,
        )
        return EXIT_NO_TIMETABLE
    report = check(scenario.data, scenario.solution)
    from scheduler.cli_requests import print_requests
    from scheduler.solver.requests import request_stats

    stats = request_stats(scenario.data, scenario.solution)
    print(
        f"{report.placed}/{report.meetings} meetings placed, "
        f"{report.hard_violations} hard violation(s), soft penalty {report.soft_penalty}"
    )
    for v in report.violations:
        kind = "HARD" if v.hard else f"soft {v.penalty:>4}"
        print(f"  [{kind}] {v.rule}: {v.message}")
    print_requests(stats)
    if args.report:
        requests = {"requests": stats.to_dict()} if stats is not None else {}
        _write_json(args.report, {"scenario": name, **report.to_dict(), **requests})
    return EXIT_OK if report.hard_violations == 0 else EXIT_NO_TIMETABLE


def _export(args) -> int:
    from scheduler.solver.export import export_checked as export_timetable

    project, name = _load(args)
    scenario = project.scenario(name)
    if scenario.solution is None:
        print(
            f"scenario {name!r} has no timetable yet: run `flexday solve --save` first",
            file=sys.stderr,
        )
        return EXIT_NO_TIMETABLE
    out = export_timetable(scenario.data, scenario.solution, args.output, scenario=name)
    print(f"wrote {out}")
    return EXIT_OK


def _import_fet(args) -> int:
    from scheduler.io.fet import import_fet
    from scheduler.io.project_file import save_project

    _refuse_if_open(args.output)
    imported = import_fet(args.fet)
    save_project(imported.project, args.output)
    print(imported.report.summary())
    print(f"wrote {args.output}")
    if args.report:
        _write_json(args.report, imported.report.to_dict())
    return EXIT_OK


def _export_fet(args) -> int:
    from scheduler.io.fet import export_fet

    project, name = _load(args)
    scenario = project.scenario(name)
    report = export_fet(scenario.data, args.output, solution=scenario.solution)
    locked = "with its timetable locked" if scenario.solution else "without a timetable"
    print(f"wrote {args.output} ({locked})")
    for what, count in sorted(report.skipped.items()):
        print(f"  not written, FET cannot hold it: {count} × {what}")
    return EXIT_OK


def _run(args) -> int:
    from scheduler.cli_solve import run_solve
    from scheduler.io.project_file import load_project

    project = load_project(args.project)
    name = project.scenario().name
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.project.stem
    xlsx = args.out / f"{stem}.xlsx"
    report = args.out / f"{stem}-report.json"
    code = run_solve(
        project,
        name,
        path=args.project,
        time_limit=args.time_limit,
        seed=0,
        workers=None,
        save=False,
        xlsx=xlsx,
        report=report,
    )
    if code == EXIT_OK:
        print(f"\nTimetable workbook: {xlsx.resolve()}\nReport: {report.resolve()}")
    return code


def _compare(args) -> int:
    from scheduler.cli_compare import run_compare
    from scheduler.io.project_file import load_project

    project = load_project(args.project)
    if len(args.scenarios) < 2:
        raise BadInput("compare needs at least two scenarios")
    for name in args.scenarios:
        try:
            project.scenario(name)
        except KeyError as exc:
            raise BadInput(f"{args.project.name}: {exc.args[0]}") from None
    return run_compare(project, args.scenarios, xlsx=args.xlsx, report=args.json)


def _repair(args) -> int:
    from scheduler.cli_repair import run_repair

    project, name = _load(args)
    return run_repair(
        project,
        name,
        path=args.project,
        time_limit=args.time_limit,
        seed=args.seed,
        workers=args.workers,
        save=args.save,
        report=args.report,
    )


def _explain(args) -> int:
    from scheduler.cli_explain import run_explain

    project, name = _load(args)
    return run_explain(
        project, name, time_limit=args.time_limit, workers=args.workers, out=args.json
    )


def _gui(args) -> int:
    from scheduler.ui.app import run_gui

    return run_gui(args.project)


def _write_json(path: Path, doc: dict) -> None:
    from scheduler.io.atomic import write_bytes

    try:
        write_bytes(path, (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode())
    except OSError as exc:
        raise BadInput(f"{path}: cannot write the report ({exc.strerror or exc})") from None
