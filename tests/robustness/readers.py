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
]


def by_name(name: str) -> Reader:
    return next(r for r in READERS if r.name == name)


class Crash(AssertionError):
    """A reader broke its contract on one input."""


def try_input(reader: Reader, data: bytes, folder: Path) -> str:
    """Write ``data`` to a file, read it; 'ok' or 'refused', or raise ``Crash``."""
    path = folder / f"input{reader.suffix}"
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
