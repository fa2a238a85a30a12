"""References from personalized-time rules to students, groups and activities: what a delete
must warn about, and how a rename or delete carries over (see ``scheduler.model.references``)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

PERSONAL_FIELDS = (
    "personal_blocks",
    "day_rules",
    "cycle_days",
    "lunch_windows",
    "max_minutes",
    "lunch_waves",
)
_NOUN = {
    "personal_blocks": "personal block",
    "day_rules": "day rule",
    "cycle_days": "cycle days",
    "lunch_windows": "lunch window",
    "max_minutes": "minutes cap",
    "lunch_waves": "lunch wave",
}
_FIELD_OF = {"student": "students", "group": "groups", "activity": "activities"}


def personal_dependents(data: Any, kind: str, ids: Collection[str]) -> list[str]:
    field = _FIELD_OF.get(kind)
    if field is None:
        return []
    out = []
    for name in PERSONAL_FIELDS:
        for item in getattr(data, name):
            if set(ids) & set(getattr(item, field, ())):
                out.append(f'{_NOUN[name]} "{getattr(item, "label", item.id)}"')
    return out


def personal_remap(
    rules: dict[str, tuple], kind: str, f: Callable[[str], str | None]
) -> dict[str, tuple]:
    """The personalized-time lists with renamed ids changed and deleted ones left out; a rule
    left about nobody it needs (a personal block, day rule or cycle days) is dropped."""
    field = _FIELD_OF.get(kind)
    if field is None:
        return {}
    out: dict[str, tuple] = {}
    for name, items in rules.items():
        kept = []
        for item in items:
            old = getattr(item, field, None)
            if old is None:
                kept.append(item)
                continue
            new = tuple(dict.fromkeys(n for n in map(f, old) if n is not None))
            if new == old:
                kept.append(item)
                continue
            if old and not new and name != "lunch_waves":
                others = [x for x in ("students", "groups") if x != field]
                if name == "cycle_days" or not any(getattr(item, x, ()) for x in others):
                    continue  # it was only about what is gone
            kept.append(item.model_copy(update={field: new}))
        out[name] = tuple(kept)
    return out
