"""Small, named steps that bring an older project file up to the current schema.

Each step takes the raw JSON document of version N and returns version N + 1. Add one function per
schema change, register it in ``MIGRATIONS`` under the version it upgrades *from*, and bump
``SCHEMA_VERSION``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Document = dict[str, Any]

SCHEMA_VERSION = 1

MIGRATIONS: dict[int, Callable[[Document], Document]] = {}


def migrate(doc: Document, *, version: int, target: int = SCHEMA_VERSION) -> Document:
    """Run every step from ``version`` up to ``target``; a missing step is an error."""
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise LookupError(f"no migration from schema version {version}")
        doc = step(doc)
        version += 1
    return doc
