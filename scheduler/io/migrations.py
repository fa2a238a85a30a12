"""Small, named steps that bring an older project file up to the current schema.

Each step takes the raw JSON document of version N and returns version N + 1. Add one function per
schema change with ``@migration(N)`` (or register it in ``MIGRATIONS`` under the version it
upgrades *from*), say in its docstring what changed, and bump ``SCHEMA_VERSION``. Old files then
keep opening, and each step stays small enough to test on its own.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

Document = dict[str, Any]
Step = Callable[[Document], Document]

SCHEMA_VERSION = 1

MIGRATIONS: dict[int, Step] = {}


def migration(from_version: int) -> Callable[[Step], Step]:
    """Register the decorated function as the step from ``from_version`` to the next version."""

    def register(step: Step) -> Step:
        if from_version in MIGRATIONS:
            raise ValueError(f"two migrations from schema version {from_version}")
        MIGRATIONS[from_version] = step
        return step

    return register


def migrate(doc: Document, *, version: int, target: int | None = None) -> Document:
    """Run every step from ``version`` up to ``target`` (default: the current ``SCHEMA_VERSION``).

    The steps work on a copy, so a step that fails half-way leaves the caller's document as it
    was. A missing step is an error rather than a silent skip.
    """
    target = SCHEMA_VERSION if target is None else target
    if version >= target:
        return doc  # nothing to do: no copy (a large school's document is big)
    doc = copy.deepcopy(doc)
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise LookupError(f"no migration from schema version {version}")
        doc = step(doc)
        if not isinstance(doc, dict):
            raise TypeError(f"the step from schema version {version} did not return a document")
        version += 1
        doc["schema_version"] = version
    return doc
