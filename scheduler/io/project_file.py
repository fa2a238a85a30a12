"""The ``.flexday`` project file: JSON with a schema version, written atomically.

Saving writes a temporary file in the same folder, flushes and fsyncs it, keeps the previous file as
``<name>.bak`` and then replaces the original in one rename, so a crash or a full disk leaves either
the old or the new project on disk, never a mix.

Loading turns every way a file can be wrong (not JSON, cut short, from a newer Flexday, a field of
the wrong type) into one ``FileFormatError`` whose message names the file and the place in it, so
the UI can show it as it is.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scheduler.io import guards, migrations
from scheduler.io.atomic import atomic_write
from scheduler.io.errors import FileFormatError
from scheduler.model import Project

log = logging.getLogger(__name__)
FORMAT = "flexday"
SUFFIX = ".flexday"


def load_project(path: str | Path) -> Project:
    try:
        project = _load(Path(path))
    except FileFormatError as exc:
        log.warning("could not open %s: %s", Path(path).name, exc.detail)
        raise
    log.info("opened %s (%d scenario(s))", Path(path).name, len(project.scenarios))
    return project


def _load(path: Path) -> Project:
    guards.check_size(path, guards.MAX_PROJECT_BYTES, what="Flexday project")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(path, "no such file") from None
    except OSError as exc:
        raise FileFormatError(path, f"cannot be read ({exc.strerror or exc})") from None
    return project_from_bytes(raw, path=path)


def project_from_bytes(raw: bytes, *, path: str | Path = "project.flexday") -> Project:
    if len(raw) > guards.MAX_PROJECT_BYTES:
        raise FileFormatError(path, "is too large to be a Flexday project")
    doc = _parse_json(raw, path)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise FileFormatError(path, "is not a Flexday project (no 'format': 'flexday' header)")
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
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
        raise FileFormatError(
            path, f"could not be upgraded from schema version {version}: {exc}"
        ) from None
    project = doc.get("project")
    if not isinstance(project, dict):
        raise FileFormatError(path, "has no project data (the 'project' section is missing)")
    _check_sizes(project, path)
    try:
        return Project.model_validate(project)
    except ValidationError as exc:
        raise FileFormatError(path, describe_validation_error(exc, project)) from None
    except (TypeError, ValueError, RecursionError) as exc:  # a validator tripped on odd input
        raise FileFormatError(path, f"invalid project data: {exc}") from None


def _check_sizes(project: dict[str, Any], path: str | Path) -> None:
    """Refuse an absurd school (a million students) before building it: that would take minutes
    and gigabytes, and no school has one."""
    scenarios = project.get("scenarios")
    if not isinstance(scenarios, list):
        return  # validation names the problem
    if len(scenarios) > guards.MAX_SCENARIOS:
        raise FileFormatError(
            path, f"has {len(scenarios):,} scenarios; Flexday handles up to {guards.MAX_SCENARIOS}"
        )
    for i, scenario in enumerate(scenarios):
        data = scenario.get("data") if isinstance(scenario, dict) else None
        if isinstance(data, dict):
            name = scenario.get("name")
            where = f"scenario {name[:60]!r}" if isinstance(name, str) else f"scenario #{i + 1}"
            counts = {k: len(v) for k, v in data.items() if isinstance(v, list)}
            guards.check_counts(path, counts, where=where)


def _parse_json(raw: bytes, path: str | Path) -> Any:
    if not raw.strip():
        raise FileFormatError(path, "is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileFormatError(path, "is not a Flexday project (not UTF-8 text)") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise FileFormatError(path, "is damaged: it ends too early (cut short?)") from None
        raise FileFormatError(
            path, f"is damaged: invalid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})"
        ) from None
    except RecursionError:
        raise FileFormatError(path, "is damaged: its data is nested too deeply") from None
    except ValueError:  # absurdly long numbers
        raise FileFormatError(path, "is damaged: not valid JSON") from None


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

    def keep_previous() -> None:
        if backup and path.exists():
            _write_backup(path)

    try:
        atomic_write(path, lambda tmp: tmp.write_bytes(data), before_replace=keep_previous)
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        log.warning("could not save %s: %s", path.name, reason)
        raise FileFormatError(
            path, f"could not be saved ({reason}); the file on disk was not changed"
        ) from exc
    log.info("saved %s (%d bytes)", path.name, len(data))


def backup_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".bak")


def _write_backup(path: Path) -> None:
    """Copy (not move) the old file, so the project file itself never disappears, even briefly."""
    atomic_write(backup_path(path), lambda tmp: shutil.copyfile(path, tmp))


def describe_validation_error(exc: ValidationError, doc: Any, *, limit: int = 10) -> str:
    """Turn pydantic's error list into lines that name the entity (by id) and the field."""
    errors = _relevant(exc.errors())
    lines = [f"{_locate(err['loc'], doc)}: {_message(err)}" for err in errors[:limit]]
    more = len(errors) - limit
    if more > 0:
        lines.append(f"… and {more} more")
    return "invalid project data:\n  " + "\n  ".join(lines)


def _relevant(errors: list[Any]) -> list[Any]:
    """Drop 'tuple too short after validation' echoes of a failure in one of its items."""
    return [
        err
        for err in errors
        if not (
            err["type"] == "too_short"
            and any(
                other is not err and tuple(other["loc"][: len(err["loc"])]) == tuple(err["loc"])
                for other in errors
            )
        )
    ]


def _message(err: Any) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind == "union_tag_invalid":
        return f"unknown kind {ctx.get('tag')!r} (known kinds: {ctx.get('expected_tags')})"
    if kind == "union_tag_not_found":
        return "has no 'kind'"
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)"
    msg = err["msg"].removeprefix("Value error, ")
    value = err.get("input")
    if kind != "value_error" and isinstance(value, str | int | float):
        shown = repr(value)
        msg += f" (found {shown if len(shown) <= 40 else shown[:37] + '…'})"
    return msg


_SINGULAR = {
    "activities": "activity",
    "unavailable": "unavailable slot",
    "room_types": "room type",
}


def _singular(key: str) -> str:
    if key in _SINGULAR:
        return _SINGULAR[key]
    return key[:-1] if key.endswith("s") else key


def _locate(loc: tuple[Any, ...], doc: Any) -> str:
    """('scenarios', 0, 'data', 'teachers', 3, 'name') -> 'scenario "Main" › teacher "T4" › name'.

    List items are named by their id (or name) when they have one, else by position from 1;
    the tag pydantic adds for a constraint's kind is skipped, since the id already names it.
    """
    parts: list[str] = []
    node = doc
    for i, key in enumerate(loc):
        parent_key = loc[i - 1] if i else None
        if isinstance(key, int):
            child = node[key] if isinstance(node, list) and 0 <= key < len(node) else None
            if isinstance(parent_key, str) and parts:
                ident = child.get("id", child.get("name")) if isinstance(child, dict) else None
                label = _singular(parent_key)
                if isinstance(ident, str | int) and not isinstance(ident, bool):
                    parts[-1] = f'{label} "{str(ident)[:60]}"'
                else:
                    parts[-1] = f"{label} #{key + 1}"
            else:
                parts.append(f"#{key + 1}")
        elif isinstance(node, dict) and key not in node and node.get("kind") == key:
            continue  # the discriminator tag of a union member: stay on the same item
        else:
            child = node.get(key) if isinstance(node, dict) else None
            if key not in ("data", "project"):
                parts.append(str(key))
        node = child
    return " › ".join(parts) or "project"
