"""Shared pieces of every domain model: frozen values and id strings."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
"""A stable identifier that files and other entities use to refer to an entity."""


class Frozen(BaseModel):
    """An immutable value: edits make a new value (``model_copy(update=...)``), which keeps undo,
    scenario cloning and solver input simple and safe to share."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
