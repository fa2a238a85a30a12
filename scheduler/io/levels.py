"""Mastery levels from a CSV file, for regrouping students between sections of a course.

Two shapes are read. Student levels: columns ``student``, ``course``, ``level`` (an integer, e.g.
1 = needs support .. 4 = mastered). Section levels (optional): columns ``section``, ``level``,
the level each section teaches at. Reading is all-or-nothing: every bad row is reported at once,
by row number, and nothing is returned unless the whole file is good.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from scheduler.io.errors import FileFormatError
from scheduler.model import SchoolData


def read_levels(path: str | Path, data: SchoolData) -> dict[tuple[str, str], int]:
    """(student, course) -> level."""
    rows = _rows(path, ("student", "course", "level"))
    out: dict[tuple[str, str], int] = {}
    problems = []
    for n, row in rows:
        sid, course, level = row["student"], row["course"], _int(row["level"])
        if sid not in data.student_by_id:
            problems.append(f'row {n}: unknown student "{sid}"')
        elif course not in data.course_by_id:
            problems.append(f'row {n}: unknown course "{course}"')
        elif level is None:
            problems.append(f'row {n}: level "{row["level"]}" is not a whole number')
        elif (sid, course) in out:
            problems.append(f'row {n}: a second level for "{sid}" in "{course}"')
        else:
            out[(sid, course)] = level
    _raise(path, problems)
    return out


def read_section_levels(path: str | Path, data: SchoolData) -> dict[str, int]:
    """Section (activity id) -> the level it teaches at."""
    out: dict[str, int] = {}
    problems = []
    for n, row in _rows(path, ("section", "level")):
        aid, level = row["section"], _int(row["level"])
        a = data.activity_by_id.get(aid)
        if a is None or a.course is None or a.groups:
            problems.append(f'row {n}: "{aid}" is not a section of a course')
        elif level is None:
            problems.append(f'row {n}: level "{row["level"]}" is not a whole number')
        else:
            out[aid] = level
    _raise(path, problems)
    return out


def _rows(path: str | Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise FileFormatError(path, "no such file") from None
    except UnicodeDecodeError:
        raise FileFormatError(path, "is not UTF-8 text") from None
    except OSError as exc:
        raise FileFormatError(path, f"cannot be read ({exc.strerror or exc})") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in columns if c not in header]
    if missing:
        raise FileFormatError(
            path, f"needs the columns {', '.join(columns)}; missing: {', '.join(missing)}"
        )
    reader.fieldnames = header
    out = []
    for n, row in enumerate(reader, start=2):
        values = {c: (row.get(c) or "").strip() for c in columns}
        if any(values.values()):
            out.append((n, values))
    if not out:
        raise FileFormatError(path, "has no rows")
    return out


def _int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _raise(path: str | Path, problems: list[str]) -> None:
    if problems:
        shown = "; ".join(problems[:20])
        more = f" … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise FileFormatError(path, f"{len(problems)} bad row(s): {shown}{more}")
