"""Shared pieces of every domain model: frozen values and id strings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, StringConstraints

Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
"""A stable identifier that files and other entities use to refer to an entity."""


class Frozen(BaseModel):
    """An immutable value: edits make a new value (``model_copy(update=...)``), which keeps undo,
    scenario cloning and solver input simple and safe to share."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """Like pydantic's, but an edit is validated and starts with fresh look-ups.

        Pydantic's own copy skips validation (so a list or a negative count could slip in and break
        equality with the same value loaded from a file) and copies cached look-ups such as
        ``SchoolData.teacher_by_id``, which would then describe the data *before* the edit.
        Nested values are not re-validated, so an edit costs little even on a large school.
        """
        if not update:
            return super().model_copy(deep=deep)
        values = {name: getattr(self, name) for name in type(self).model_fields}
        values.update(update)
        return type(self).model_validate(values)
