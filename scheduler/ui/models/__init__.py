"""Table models over the domain lists: one per entity, read lazily, edited through the document."""

from __future__ import annotations
