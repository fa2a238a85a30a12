"""A scheduling rule as one row of the Rules sheet, both ways.

Common settings have their own columns (Hard, Weight, Applies to, Who, Activities, Slots, Rooms);
the kind's one number goes in Limit (``schema.LIMITS``); anything else a kind has goes in Options as
``name=value; name=value`` (or a JSON object, which is how rules kept from other programs are
written). A new rule kind needs no change here: its extra fields travel in Options.
"""

from __future__ import annotations

import json
from typing import Any, get_args

from pydantic import TypeAdapter

from scheduler.io.sheets.schema import LIMITS
from scheduler.model import Constraint

RULE = TypeAdapter(Constraint)
RULE_CLASSES = {cls.model_fields["kind"].default: cls for cls in get_args(get_args(Constraint)[0])}
COMMON = (
    "id",
    "kind",
    "hard",
    "weight",
    "active",
    "note",
    "target",
    "activities",
    "slots",
    "rooms",
)


def parse_options(raw: str) -> dict[str, Any]:
    raw = raw.strip()
    if raw.startswith("{"):
        try:
            value = json.loads(raw)
        except ValueError as exc:
            raise ValueError(f"options look like JSON but are not valid JSON ({exc})") from None
        if not isinstance(value, dict):
            raise ValueError("options in JSON must be an object: {...}")
        return value
    out: dict[str, Any] = {}
    for part in raw.split(";"):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValueError(f"expected name=value in options, got {part.strip()!r}")
        name, value = part.split("=", 1)
        out[name.strip().lower().replace(" ", "_")] = value.strip()
    return out


def rule_dict(values: dict[str, Any], slots: tuple | None) -> tuple[dict[str, Any], str | None]:
    """The model input for one rule row, and the column of a problem found on the way."""
    kind = values["kind"]
    doc: dict[str, Any] = {
        k: values[k] for k in ("id", "kind", "hard", "weight", "active", "note") if k in values
    }
    if "target_kind" in values and "target" in values:
        doc["target"] = {"kind": values["target_kind"], "id": values["target"]}
    elif "target_kind" in values or "target" in values:
        return doc, "target" if "target_kind" in values else "target_kind"
    for name in ("activities", "rooms"):
        if name in values:
            doc[name] = values[name]
    if slots is not None or "slots" in RULE_CLASSES[kind].model_fields:
        doc["slots"] = slots or ()
    if "limit" in values:
        if kind not in LIMITS:
            return doc, "limit"
        doc[LIMITS[kind]] = values["limit"]
    if "options" in values:
        doc.update(parse_options(str(values["options"])))
    return doc, None


def rule_row(rule) -> dict[str, Any]:
    """The Rules sheet's row for a rule: domain values, formatted later by the column kinds."""
    row: dict[str, Any] = {
        "id": rule.id,
        "kind": rule.kind,
        "hard": rule.hard,
        "weight": rule.weight,
        "active": rule.active,
        "note": rule.note or None,
    }
    target = getattr(rule, "target", None)
    if target is not None:
        row["target_kind"], row["target"] = target.kind, target.id
    for name in ("activities", "rooms"):
        if getattr(rule, name, None):
            row[name] = getattr(rule, name)
    if hasattr(rule, "slots"):
        row["slots"] = rule.slots
    limit = LIMITS.get(rule.kind)
    if limit is not None:
        row["limit"] = getattr(rule, limit)
    handled = {*COMMON, "kind", limit}
    options = {
        name: getattr(rule, name)
        for name, info in type(rule).model_fields.items()
        if name not in handled and (info.is_required() or getattr(rule, name) != info.default)
    }
    if options:
        row["options"] = format_options(options, json_always=rule.kind == "unsupported")
    return row


def format_options(options: dict[str, Any], *, json_always: bool = False) -> str:
    def simple(v: Any) -> bool:
        if isinstance(v, bool | int) or v is None:
            return v is not None
        return isinstance(v, str) and v == v.strip() and not any(c in v for c in ";={}\n")

    if json_always or not all(simple(v) for v in options.values()):
        return json.dumps(options, ensure_ascii=False, default=list)
    shown = {k: ("yes" if v is True else "no" if v is False else v) for k, v in options.items()}
    return "; ".join(f"{k}={v}" for k, v in shown.items())
