"""Every file reader Flexday has, as one entry each, for the fuzz tests and the long fuzz run.

The contract a reader must keep on any bytes at all: return a valid result (then ``check`` runs on
it), or raise one of ``errors`` (``FileFormatError``) whose ``path`` is the file read. Anything else
(an uncaught exception, or a run longer than the fuzz run's time limit) is a crash.

To add a reader (an Excel workbook, a CSV, a changes sheet), append one ``Reader`` to ``READERS``:
a name, the file suffix, a function that reads a path, a function that returns a few small valid
files as bytes, and the mutators that suit the format (``mutate.BYTE_MUTATORS`` for any format; a
workbook is best damaged by ``XLSX_MUTATORS``, which rewrite cells inside the zip). Nothing else
changes: ``test_fuzz_readers.py`` and ``fuzz.py`` pick it up.
"""

from __future__ import annotations

import math
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from scheduler.io.errors import FileFormatError
from tests.robustness import mutate

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Reader:
    name: str
    suffix: str
    read: Callable[[Path], object]
    seeds: Callable[[], list[bytes]]
    mutators: dict[str, mutate.Mutator]
    check: Callable[[object], None] = lambda result: None
    """Run on a successful read: what a valid result must satisfy."""
    errors: tuple[type[BaseException], ...] = field(default=(FileFormatError,))
    ci_share: float = 1.0
    """Of the CI run's inputs per mutator, the share this reader gets (a slow reader less)."""
    stem: str = "input"
    """The name the input is written under (a CSV's name says which sheet it holds)."""


# -- .flexday -------------------------------------------------------------------------------------
def read_flexday(path: Path) -> object:
    from scheduler.io.project_file import load_project

    return load_project(path)


@cache
def flexday_seeds() -> list[bytes]:
    from scheduler.io.project_file import project_to_bytes
    from scheduler.model import Project
    from tests.conftest import small_school

    tiny = (ROOT / "samples" / "tiny.flexday").read_bytes()
    return [tiny, project_to_bytes(Project.of(small_school()))]


def check_project(project: object) -> None:
    """A project that opens can be saved and opens again the same (so it can never be lost)."""
    from scheduler.io.project_file import project_from_bytes, project_to_bytes
    from scheduler.model import Project

    assert isinstance(project, Project)
    again = project_from_bytes(project_to_bytes(project))
    assert again == project or _has_nan(project), "a project changed on save and reopen"


def _has_nan(project: object) -> bool:
    return "NaN" in project.model_dump_json()  # NaN != NaN; the file still round-trips


# -- .fet -----------------------------------------------------------------------------------------
def read_fet(path: Path) -> object:
    from scheduler.io.fet import import_fet

    return import_fet(path)


@cache
def fet_seeds() -> list[bytes]:
    folder = ROOT / "tests" / "data" / "fet"
    return [(folder / name).read_bytes() for name in ("small-school.fet", "EEBLJ-Noturno.fet")]


def check_fet(result: object) -> None:
    project = result.project  # type: ignore[attr-defined]
    check_project(project)
    for w in (c.weight for s in project.scenarios for c in s.data.constraints):
        assert isinstance(w, int) and not math.isnan(w)


# -- .xlsx, through the guard every workbook reader uses -----------------------------------------
def read_workbook(path: Path) -> object:
    """What every xlsx reader does first: ``guards.open_workbook``, then read every cell."""
    from scheduler.io.guards import open_workbook, sheet_rows

    wb = open_workbook(path)
    try:
        return [list(sheet_rows(path, ws, values_only=True)) for ws in wb.worksheets]
    finally:
        wb.close()


@cache
def workbook_seeds() -> list[bytes]:
    import tempfile

    from scheduler.io.project_file import load_project
    from scheduler.io.xlsx import export_timetable

    scenario = load_project(ROOT / "samples" / "tiny.flexday").scenario()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tiny.xlsx"
        export_timetable(scenario.data, scenario.solution, path, scenario=scenario.name)
        return [path.read_bytes()]


# -- the school-data spreadsheet importer (scheduler.io.sheets) ------------------------------------
def _tiny_scenario():
    from scheduler.io.project_file import load_project

    return load_project(ROOT / "samples" / "tiny.flexday").scenario()


def read_school_workbook(path: Path) -> object:
    from scheduler.io.sheets import import_school

    return import_school(path)


@cache
def school_workbook_seeds() -> list[bytes]:
    """The template (its example school) and tiny.flexday's data exported as a workbook."""
    import tempfile

    from scheduler.io.sheets import export_data, write_template

    with tempfile.TemporaryDirectory() as tmp:
        template = write_template(Path(tmp) / "template.xlsx")
        (export,) = export_data(_tiny_scenario().data, Path(tmp) / "tiny.xlsx")
        return [template.read_bytes(), export.read_bytes()]


def check_school_import(result: object) -> None:
    """An imported school is a valid ``SchoolData`` that survives a dump and validate."""
    from scheduler.io.sheets import SheetImport
    from scheduler.model import SchoolData

    assert isinstance(result, SheetImport)
    assert SchoolData.model_validate(result.data.model_dump()) == result.data


CSV_SHEET = "Activities"
"""The sheet the CSV reader's input holds: the one with the most kinds of column."""


@cache
def _tiny_csv_folder() -> Path:
    """tiny.flexday's data exported as CSV files, kept for the whole run."""
    import atexit
    import shutil
    import tempfile

    from scheduler.io.sheets import export_data

    folder = Path(tempfile.mkdtemp(prefix="flexday-fuzz-csv-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    export_data(_tiny_scenario().data, folder / "tiny")
    return folder / "tiny"


def read_school_csv(path: Path) -> object:
    """``import_school`` on CSV files: the input as the Activities sheet, tiny's other sheets as
    exported. The input comes first, so a refusal names it."""
    from scheduler.io.sheets import import_school

    others = sorted(p for p in _tiny_csv_folder().iterdir() if p.stem != CSV_SHEET)
    return import_school([path, *others])


@cache
def school_csv_seeds() -> list[bytes]:
    return [(_tiny_csv_folder() / f"{CSV_SHEET}.csv").read_bytes()]


# -- the timetable-changes reader (the Meetings sheet of an exported timetable) ------------------
def read_meetings_sheet(path: Path) -> object:
    from scheduler.io.xlsx.meetings import read_meetings

    return read_meetings(path, _tiny_data())


@cache
def _tiny_data():
    return _tiny_scenario().data


def check_meetings(rows: object) -> None:
    """Every row read back names a real meeting, day, slot and room of the school."""
    data = _tiny_data()
    assert isinstance(rows, list)
    for row in rows:
        activity = data.activity_by_id[row.activity]
        assert 0 <= row.meeting < len(activity.meetings)
        assert (row.day is None) == (row.slot is None)
        if row.day is not None:
            assert row.slot in {s.id for s in data.calendar.day(row.day).slots}
        assert row.room is None or row.room in {r.id for r in data.rooms}


READERS: list[Reader] = [
    Reader(
        "flexday",
        ".flexday",
        read_flexday,
        flexday_seeds,
        mutate.JSON_MUTATORS,
        check=check_project,
    ),
    Reader("fet", ".fet", read_fet, fet_seeds, mutate.XML_MUTATORS, check=check_fet),
    Reader("workbook", ".xlsx", read_workbook, workbook_seeds, mutate.XLSX_MUTATORS, ci_share=0.25),
    Reader(
        "sheets",
        ".xlsx",
        read_school_workbook,
        school_workbook_seeds,
        mutate.XLSX_MUTATORS,
        check=check_school_import,
        ci_share=0.25,
    ),
    Reader(
        "csv",
        ".csv",
        read_school_csv,
        school_csv_seeds,
        mutate.CSV_MUTATORS,
        check=check_school_import,
        stem=CSV_SHEET,
    ),
    Reader(
        "meetings",
        ".xlsx",
        read_meetings_sheet,
        workbook_seeds,
        mutate.XLSX_MUTATORS,
        check=check_meetings,
        ci_share=0.25,
    ),
]


def by_name(name: str) -> Reader:
    return next(r for r in READERS if r.name == name)


class Crash(AssertionError):
    """A reader broke its contract on one input."""


def try_input(reader: Reader, data: bytes, folder: Path) -> str:
    """Write ``data`` to a file, read it; 'ok' or 'refused', or raise ``Crash``."""
    path = folder / f"{reader.stem}{reader.suffix}"
    path.write_bytes(data)
    try:
        result = reader.read(path)
    except reader.errors as exc:
        where = getattr(exc, "path", None)
        if where is not None and Path(where).name != path.name:
            raise Crash(f"{reader.name}: the error names {where}, not the file read") from exc
        if not str(exc).strip():
            raise Crash(f"{reader.name}: an empty error message") from exc
        return "refused"
    except Exception as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        message = f"{reader.name}: uncaught {type(exc).__name__} at {where}: {exc}"
        raise Crash(message[:500]) from exc
    try:
        reader.check(result)
    except Exception as exc:
        raise Crash(f"{reader.name}: accepted an input that is not valid: {exc}"[:500]) from exc
    return "ok"
