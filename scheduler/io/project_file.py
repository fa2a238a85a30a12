"""The ``.flexday`` project file: JSON with a schema version, written atomically.

Saving writes a temporary file in the same folder, flushes and fsyncs it, keeps the previous file as
``<name>.bak`` and then replaces the original in one rename, so a crash or a full disk leaves either
the old or the new project on disk, never a mix.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scheduler.io import migrations
from scheduler.io.errors import FileFormatError
from scheduler.model import Project

FORMAT = "flexday"
SUFFIX = ".flexday"


def load_project(path: str | Path) -> Project:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(path, "no such file") from None
    except OSError as exc:
        raise FileFormatError(path, f"cannot be read ({exc.strerror})") from None
    return project_from_bytes(raw, path=path)


def project_from_bytes(raw: bytes, *, path: str | Path = "project.flexday") -> Project:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise FileFormatError(path, "is not a Flexday project (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            path, f"is damaged: invalid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})"
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise FileFormatError(path, "is not a Flexday project (no 'format': 'flexday' header)")
    version = doc.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise FileFormatError(path, f"has an invalid schema_version {version!r}")
    if version > migrations.SCHEMA_VERSION:
        raise FileFormatError(
            path,
            f"was saved by a newer Flexday (schema version {version}); this version reads up to "
            f"{migrations.SCHEMA_VERSION}. Update Flexday to open it.",
        )
    try:
        doc = migrations.migrate(doc, version=version)
    except Exception as exc:  # a migration step failing is a damaged or unexpected file
        raise FileFormatError(path, f"could not be upgraded from version {version}: {exc}") from None
    try:
        return Project.model_validate(doc.get("project"))
    except ValidationError as exc:
        raise FileFormatError(path, describe_validation_error(exc, doc.get("project"))) from None


def project_to_bytes(project: Project) -> bytes:
    doc = {
        "format": FORMAT,
        "schema_version": migrations.SCHEMA_VERSION,
        "project": project.model_dump(mode="json"),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def save_project(project: Project, path: str | Path, *, backup: bool = True) -> None:
    """Write atomically; on any failure the file already on disk is left exactly as it was."""
    path = Path(path)
    data = project_to_bytes(project)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if backup and path.exists():
            _write_backup(path)
        os.replace(tmp, path)
        _fsync_dir(folder)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise FileFormatError(path, f"could not be saved ({exc.strerror or exc})") from exc
        raise


def backup_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".bak")


def _write_backup(path: Path) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".bak.tmp", dir=path.parent)
    os.close(fd)
    try:
        shutil.copyfile(path, tmp_name)
        with open(tmp_name, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp_name, backup_path(path))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def describe_validation_error(exc: ValidationError, doc: Any, *, limit: int = 10) -> str:
    """Turn pydantic's error list into lines that name the entity (by id) and the field."""
    lines = []
    for err in exc.errors()[:limit]:
        lines.append(f"{_locate(err['loc'], doc)}: {err['msg']}")
    more = len(exc.errors()) - limit
    if more > 0:
        lines.append(f"… and {more} more")
    return "invalid project data:\n  " + "\n  ".join(lines)


def _locate(loc: tuple, doc: Any) -> str:
    """('scenarios', 0, 'data', 'teachers', 3, 'name') -> 'scenario "Main" › teacher "T4" › name'."""
    parts: list[str] = []
    node = doc
    for i, key in enumerate(loc):
        parent_key = loc[i - 1] if i else None
        child = None
        if isinstance(key, int) and isinstance(node, list) and 0 <= key < len(node):
            child = node[key]
        elif isinstance(key, str) and isinstance(node, dict):
            child = node.get(key)
        if isinstance(key, int) and isinstance(parent_key, str):
            label = parent_key[:-1] if parent_key.endswith("s") else parent_key
            ident = child.get("id", child.get("name")) if isinstance(child, dict) else None
            parts[-1] = f'{label} "{ident}"' if ident is not None else f"{label} #{key + 1}"
        elif isinstance(key, str) and key not in ("data", "project"):
            parts.append(key)
        node = child
    return " › ".join(parts) or "project"
