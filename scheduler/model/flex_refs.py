"""Renaming or deleting flex blocks and offerings, carried over to what refers to them.

A block's offerings name it, and requests name an offering: renaming follows the id everywhere,
deleting a block deletes its offerings, and deleting an offering deletes the requests for it.
"""

from __future__ import annotations

from collections.abc import Collection

from scheduler.model.school import SchoolData


def flex_dependents(data: SchoolData, kind: str, ids: Collection[str]) -> list[str]:
    """Readable names of what a delete takes along."""
    ids = set(ids)
    offerings = {o.id for o in data.flex_offerings if kind == "flex block" and o.block in ids}
    found = [f'flex offering "{o}"' for o in sorted(offerings)]
    gone = offerings | (ids if kind == "flex offering" else set())
    asked = sum(1 for r in data.flex_requests if r.offering in gone)
    if asked:
        found.append(f"{asked} flex request(s)")
    return found


def flex_without(data: SchoolData, kind: str, ids: Collection[str]) -> SchoolData:
    ids = set(ids)
    blocks = tuple(b for b in data.flex_blocks if not (kind == "flex block" and b.id in ids))
    offerings = tuple(
        o
        for o in data.flex_offerings
        if not (kind == "flex block" and o.block in ids)
        and not (kind == "flex offering" and o.id in ids)
    )
    kept = {o.id for o in offerings}
    requests = tuple(r for r in data.flex_requests if r.offering in kept)
    return data.model_copy(
        update={"flex_blocks": blocks, "flex_offerings": offerings, "flex_requests": requests}
    )


def flex_renamed(data: SchoolData, kind: str, old: str, new: str) -> SchoolData:
    if kind == "flex block":
        blocks = tuple(
            b.model_copy(update={"id": new}) if b.id == old else b for b in data.flex_blocks
        )
        offerings = tuple(
            o.model_copy(update={"block": new}) if o.block == old else o
            for o in data.flex_offerings
        )
        return data.model_copy(update={"flex_blocks": blocks, "flex_offerings": offerings})
    offerings = tuple(
        o.model_copy(update={"id": new}) if o.id == old else o for o in data.flex_offerings
    )
    requests = tuple(
        r.model_copy(update={"offering": new}) if r.offering == old else r
        for r in data.flex_requests
    )
    return data.model_copy(update={"flex_offerings": offerings, "flex_requests": requests})
