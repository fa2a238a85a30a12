"""Checks a reader runs before it parses a file, so a hostile or absurd file is refused quickly.

A school's real files are small: the 2,500-student sample project is 4 MB, its FET files are under
2 MB, its workbooks under 1 MB. The limits below leave a wide margin over that and still refuse, in
well under a second and without loading the file, the things that would take minutes or gigabytes:
a zip bomb posing as a workbook, a sheet declaring a million rows, a project of a million students.

Readers call these functions; each raises ``FileFormatError`` naming the file and the limit:

- ``check_size(path, max_bytes)``: any file, before reading it (CSV, FET, .flexday).
- ``check_xlsx(path)``: an ``.xlsx`` before openpyxl sees it: the zip's declared member sizes and
  compression ratios, then each worksheet's declared dimension.
- ``open_workbook(path, read_only=True, data_only=True)``: ``check_xlsx`` then openpyxl's
  ``load_workbook``, with openpyxl's and zipfile's own errors turned into ``FileFormatError``.
- ``sheet_rows(path, sheet, values_only=True)``: a sheet's rows; a read-only workbook parses a
  sheet only while it is iterated, so damage inside it surfaces here, as ``FileFormatError``.
- ``check_counts(path, counts)``: entity counts of a parsed school against ``MAX_ENTITIES``.

Why declared sizes are enough: Python's ``zipfile`` (which openpyxl uses) stops decompressing a
member at its declared size and fails its CRC check when the data is longer, so a member cannot
inflate past the size the guard has already accepted.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scheduler.io.errors import FileFormatError

MiB = 1024 * 1024

MAX_PROJECT_BYTES = 64 * MiB
"""A .flexday file: 16 times the 2,500-student sample (4 MB)."""
MAX_FET_BYTES = 16 * MiB
"""A .fet file: real ones are a few MB at most. Parsing costs about 0.1-0.3 s per MB (measured
by ``benchmarks.hostile_files``), so this also bounds the time before any refusal."""
MAX_CSV_BYTES = 32 * MiB

MAX_ENTITIES: dict[str, int] = {
    "students": 100_000,
    "teachers": 20_000,
    "rooms": 20_000,
    "groups": 50_000,
    "subjects": 20_000,
    "courses": 50_000,
    "activities": 200_000,
    "constraints": 200_000,
}
"""Per scenario: forty times a 2,500-student school, far beyond any one school."""
MAX_SCENARIOS = 200


@dataclass(frozen=True)
class XlsxLimits:
    """What an .xlsx may declare before openpyxl is allowed to open it."""

    max_file_bytes: int = 64 * MiB
    max_members: int = 2_000
    max_total_uncompressed: int = 512 * MiB
    max_member_uncompressed: int = 256 * MiB
    max_ratio: float = 200.0
    """Uncompressed / compressed, checked for members over ``ratio_floor`` bytes. Real sheets
    compress 5-20 times; a zip bomb 1,000 times or more."""
    ratio_floor: int = 1 * MiB
    max_rows: int = 200_000
    max_columns: int = 2_000
    max_cells: int = 5_000_000


XLSX_LIMITS = XlsxLimits()

_DIMENSION = re.compile(
    rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?\""
)
_SHEET_HEAD_BYTES = 64 * 1024


def check_size(path: str | Path, max_bytes: int, *, what: str = "file") -> int:
    """The file's size in bytes; a ``FileFormatError`` when it is over ``max_bytes``."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FileFormatError(path, "no such file") from None
    except OSError as exc:
        raise FileFormatError(path, f"cannot be read ({exc.strerror or exc})") from None
    if size > max_bytes:
        raise FileFormatError(
            path,
            f"is too large to be a {what} ({_mb(size)}; Flexday reads up to {_mb(max_bytes)})",
        )
    return size


def check_counts(path: str | Path, counts: Mapping[str, int], *, where: str = "") -> None:
    """Refuse a school with more of some entity than ``MAX_ENTITIES`` allows."""
    for key, count in counts.items():
        limit = MAX_ENTITIES.get(key)
        if limit is not None and count > limit:
            place = f"{where}: " if where else ""
            raise FileFormatError(
                path,
                f"{place}has {count:,} {key}; Flexday handles up to {limit:,} per school",
            )


def check_xlsx(path: str | Path, *, limits: XlsxLimits = XLSX_LIMITS) -> None:
    """Refuse an .xlsx whose zip or sheets declare more than ``limits`` allow, before loading."""
    path = Path(path)
    check_size(path, limits.max_file_bytes, what="workbook")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_members(path, infos, limits)
            for info in infos:
                if _is_worksheet(info.filename):
                    _check_dimension(path, zf, info, limits)
    except zipfile.BadZipFile:
        raise FileFormatError(path, "is not an Excel workbook (.xlsx): not a zip file") from None
    except (zlib.error, EOFError) as exc:  # a part's compressed data is damaged
        raise FileFormatError(path, f"is a damaged workbook ({exc})") from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError) as exc:
        raise FileFormatError(path, f"is not a readable Excel workbook ({exc})") from None
    except OSError as exc:
        raise FileFormatError(path, f"cannot be read ({exc.strerror or exc})") from None


def open_workbook(
    path: str | Path,
    *,
    read_only: bool = True,
    data_only: bool = True,
    limits: XlsxLimits = XLSX_LIMITS,
) -> Any:
    """``openpyxl.load_workbook`` after ``check_xlsx``; every failure is a ``FileFormatError``.

    Close a read-only workbook when done (``wb.close()``): it keeps the file open.
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    check_xlsx(path, limits=limits)
    try:
        return load_workbook(path, read_only=read_only, data_only=data_only)
    except InvalidFileException as exc:
        raise FileFormatError(path, f"is not an Excel workbook (.xlsx): {exc}") from None
    except zipfile.BadZipFile as exc:
        raise FileFormatError(path, f"is a damaged workbook ({exc})") from None
    except (KeyError, ValueError, TypeError, IndexError, AttributeError, EOFError) as exc:
        # openpyxl on a zip that lacks a part or holds malformed XML
        raise _damaged(path, exc) from None
    except OSError as exc:
        raise FileFormatError(path, f"cannot be read ({exc.strerror or exc})") from None
    except Exception as exc:  # lxml/ElementTree parse errors and the like
        raise _damaged(path, exc) from None


def sheet_rows(path: str | Path, sheet: Any, **options: Any) -> Iterator[tuple]:
    """``sheet.iter_rows(**options)`` of a workbook from ``open_workbook``, with the damage that
    a read-only workbook only meets while streaming a sheet (broken XML inside it) turned into a
    ``FileFormatError`` naming the file and the sheet."""
    try:
        yield from sheet.iter_rows(**options)
    except Exception as exc:
        raise FileFormatError(
            path, f"sheet {sheet.title!r} is damaged ({type(exc).__name__}: {exc})"
        ) from None


def _damaged(path: Path, exc: BaseException) -> FileFormatError:
    return FileFormatError(path, f"is a damaged workbook ({type(exc).__name__}: {exc})")


def _check_members(path: Path, infos: list[zipfile.ZipInfo], limits: XlsxLimits) -> None:
    if len(infos) > limits.max_members:
        raise FileFormatError(
            path, f"holds {len(infos):,} parts; a workbook has at most {limits.max_members:,}"
        )
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > limits.max_member_uncompressed:
            raise FileFormatError(
                path,
                f"refused: part {info.filename!r} unpacks to {_mb(size)} "
                f"(limit {_mb(limits.max_member_uncompressed)})",
            )
        if size > limits.ratio_floor and size > limits.max_ratio * max(info.compress_size, 1):
            ratio = size / max(info.compress_size, 1)
            raise FileFormatError(
                path,
                f"refused: part {info.filename!r} is compressed {ratio:,.0f} times "
                f"(a zip bomb?); real workbooks compress at most {limits.max_ratio:g} times",
            )
    if total > limits.max_total_uncompressed:
        raise FileFormatError(
            path,
            f"refused: unpacks to {_mb(total)} (limit {_mb(limits.max_total_uncompressed)})",
        )


def _is_worksheet(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml") and "/_rels/" not in name


def _check_dimension(
    path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: XlsxLimits
) -> None:
    """A sheet's ``<dimension ref="A1:Z100"/>`` (near its start) against the row/column limits.

    A sheet without one (some writers omit it) is bounded by the member size limits instead.
    """
    with zf.open(info) as f:
        head = f.read(_SHEET_HEAD_BYTES)
    match = _DIMENSION.search(head)
    if match is None:
        return
    last_col = match.group(3) or match.group(1)
    last_row = match.group(4) or match.group(2)
    rows = int(last_row) if last_row else 1
    cols = _column_number(last_col) if last_col else 1
    sheet = info.filename.rsplit("/", 1)[-1].removesuffix(".xml")
    if rows > limits.max_rows:
        raise FileFormatError(
            path, f"refused: {sheet} declares {rows:,} rows (limit {limits.max_rows:,})"
        )
    if cols > limits.max_columns:
        raise FileFormatError(
            path, f"refused: {sheet} declares {cols:,} columns (limit {limits.max_columns:,})"
        )
    if rows * cols > limits.max_cells:
        raise FileFormatError(
            path,
            f"refused: {sheet} declares {rows * cols:,} cells (limit {limits.max_cells:,})",
        )


def _column_number(letters: bytes) -> int:
    n = 0
    for code in letters:
        n = n * 26 + code - 64
    return n


def _mb(n: int) -> str:
    return f"{n / MiB:,.1f} MB"
