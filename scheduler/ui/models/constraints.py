"""Scheduling rules of every kind in one table: what each is about, hard or soft, its limit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from scheduler.model import (
    Availability,
    ForbiddenTimes,
    MaxGapsPerDay,
    MaxPerDay,
    MaxPerWeek,
    MinDaysBetween,
    PreferredTimes,
    SchoolData,
    Target,
)
from scheduler.ui.models.columns import Column, parse
from scheduler.ui.models.table import EntityTableModel

RULE_TITLES = {
    "availability": "Availability",
    "max_per_day": "Max slots a day",
    "max_per_week": "Max slots a week",
    "min_days_between": "Days between meetings",
    "preferred_times": "Preferred times",
    "forbidden_times": "Forbidden times",
    "max_gaps_per_day": "Max gaps a day",
    "unsupported": "Imported (not used)",
}
_LIMIT = {"max_per_day": "max_slots", "max_per_week": "max_slots",
          "min_days_between": "min_days", "max_gaps_per_day": "max_gaps"}  # fmt: skip
_NEW = {
    "availability": (Availability, {"slots": (), "hard": False}),
    "max_per_day": (MaxPerDay, {"max_slots": 6}),
    "max_per_week": (MaxPerWeek, {"max_slots": 25}),
    "max_gaps_per_day": (MaxGapsPerDay, {"max_gaps": 1, "hard": False}),
    "min_days_between": (MinDaysBetween, {"min_days": 1}),
    "preferred_times": (PreferredTimes, {"slots": ()}),
    "forbidden_times": (ForbiddenTimes, {"slots": ()}),
}
ADDABLE = tuple(_NEW)


def applies_to(rule: Any) -> str:
    target = getattr(rule, "target", None)
    if target is not None:
        return f"{target.kind} {target.id}"
    if hasattr(rule, "activities"):
        return ", ".join(rule.activities)
    return rule.summary or rule.type


def _limit(rule: Any) -> int | None:
    field = _LIMIT.get(rule.kind)
    return getattr(rule, field) if field else None


class ConstraintModel(EntityTableModel):
    entity, collection, prefix = "constraint", "constraints", "K"
    columns = (
        Column("ID", "id", width=110),
        Column("Rule", None, get=lambda c: RULE_TITLES.get(c.kind, c.kind), width=150),
        Column("Applies to", "_applies", get=applies_to, width=160,
               tip="'teacher T01', 'group 9A', 'room R101', 'student S1', or activity ids"),
        Column("Limit", "_limit", "int", optional=True, get=_limit, width=60,
               tip="Slots a day or week, days apart, or gaps allowed"),
        Column("Slots", "slots", "slots", get=lambda c: getattr(c, "slots", None), width=160,
               tip="Slots as 'DAY SLOT', comma separated"),
        Column("Hard", "hard", "bool", width=50, tip="Must hold (else: a penalty per violation)"),
        Column("Weight", "weight", "int", width=60, tip="Penalty per violation when soft"),
        Column("Active", "active", "bool", width=55),
        Column("Note", "note", width=200),
    )  # fmt: skip

    next_kind = "max_per_day"
    """The kind of rule ``add`` creates next (the editor's Add menu sets it)."""

    def describe(self, item: Any) -> str:
        return f'rule "{item.id}"'

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid():
            rule, col = self.item(index.row()), self.columns[index.column()]
            fixed = rule.kind == "unsupported" and col.field not in ("active", "note")
            if fixed or (col.field == "_limit" and rule.kind not in _LIMIT):
                flags &= ~self._editable_flags()
            if col.field == "slots" and not hasattr(rule, "slots"):
                flags &= ~self._editable_flags()
        return flags

    @staticmethod
    def _editable_flags() -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable

    def edited(self, item: Any, col: Column, value: Any) -> SchoolData | None:
        if col.field == "_applies":
            return self._retarget(item, value)
        if col.field == "_limit":
            if value is None or value == _limit(item):
                return None
            col = Column(col.title, _LIMIT[item.kind], "int")
        return super().edited(item, col, value)

    def _retarget(self, item: Any, text: str) -> SchoolData | None:
        if text == applies_to(item):
            return None
        if hasattr(item, "target"):
            bits = text.split()
            if len(bits) != 2:
                raise ValueError("write the kind and the id, e.g. 'teacher T01'")
            update = {"target": Target(kind=bits[0].lower(), id=bits[1])}
        else:
            update = {"activities": parse(text, "ids")}
        new = item.model_copy(update=update)
        return self._store(self._replace_row(item, new))

    def new_item(self) -> Any:
        data = self.doc.data
        cls, fields = _NEW[self.next_kind]
        if "target" not in cls.model_fields:
            if not data.activities:
                raise ValueError("Add an activity first: this rule is about activities.")
            fields = {**fields, "activities": (data.activities[0].id,)}
        else:
            pool = [("teacher", data.teachers), ("group", data.groups), ("student", data.students)]
            if self.next_kind == "availability":
                pool.append(("room", data.rooms))
            kind, items = next(((k, v) for k, v in pool if v), ("", ()))
            if not items:
                raise ValueError("Add a teacher, group or student first: this rule is about one.")
            fields = {**fields, "target": Target(kind=kind, id=items[0].id)}
        return cls(id=self.unique_id(), **fields)
