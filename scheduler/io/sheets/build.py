"""Typed rows -> ``SchoolData``, or every located problem.

In order: the calendar; the ids of every sheet (duplicates are problems); every reference
(``Column.ref``) against those ids; then each entity is validated by its pydantic model with the
rows of Availability, Requests, Enrollments and Pins folded in, and pydantic's own complaints are
mapped back to the cell they came from. Every step runs, so one import reports every problem; a
school comes out only when there are none.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, get_args

from pydantic import ValidationError

from scheduler.io.sheets.problems import SheetProblem
from scheduler.io.sheets.read import Row, Table
from scheduler.io.sheets.rules import RULE, rule_dict
from scheduler.io.sheets.schema import ENTITY_SHEETS, REF_SHEETS
from scheduler.model import Calendar, Day, SchoolData, Slot, SlotRef

TARGET_SHEETS = {"teacher": "Teachers", "room": "Rooms", "group": "Groups", "student": "Students"}


def model_of(collection: str) -> type:
    return get_args(SchoolData.model_fields[collection].annotation)[0]


class Builder:
    def __init__(self, tables: dict[str, Table], problems: list[SheetProblem]) -> None:
        self.tables = tables
        self.problems = problems
        self.calendar = Calendar()
        self.ids: dict[str, set[str]] = {}
        self.unreliable: set[str] = set()
        """Sheets with rows left out for a blank id: references into them are not checked, since
        each would only echo the blank already reported."""
        self.broken_slots: set[tuple[str, str]] = set()
        """Slots whose row has a problem: known to references, so only the row is reported."""
        self.slot_refs: dict[int, tuple[SlotRef, ...]] = {}
        """Resolved slots of a Rules or Availability row, by ``id(row)``."""

    def rows(self, sheet: str) -> list[Row]:
        table = self.tables.get(sheet)
        return [r for r in table.rows if r.complete] if table else []

    def add(self, sheet: str, row: Row | None, name: str | None, message: str) -> None:
        self.problems.append(self.tables[sheet].problem(row, name, message))

    # -- the whole school ------------------------------------------------------------------------
    def build(self) -> SchoolData | None:
        self.calendar = self._calendar()
        calendar = self.tables.get("Calendar")
        if calendar is not None and not all(r.complete for r in calendar.rows):
            self.unreliable.add("Calendar")
        self._collect_ids()
        self._check_references()
        extras = self._extras()
        collections = {
            collection: self._entities(sheet, collection, extras.get(collection, {}))
            for sheet, collection in ENTITY_SHEETS.items()
        }
        constraints = self._rules()
        if self.problems:
            return None
        school = self.rows("School")
        name = school[0].values.get("name") if school else None
        return SchoolData(
            **({"name": name} if name else {}),
            calendar=self.calendar,
            constraints=constraints,
            **collections,
        )

    # -- calendar --------------------------------------------------------------------------------
    def _calendar(self) -> Calendar:
        days: dict[str, dict[str, Any]] = {}
        for row in self.rows("Calendar"):
            v = row.values
            day = days.setdefault(v["day"], {"id": v["day"], "name": "", "slots": [], "seen": {}})
            if "day_name" in v:
                if day["name"] and day["name"] != v["day_name"]:
                    msg = f"day '{v['day']}' is named '{day['name']}' on an earlier row"
                    self.add("Calendar", row, "day_name", msg)
                day["name"] = v["day_name"]
            if not any(k in v for k in ("slot", "start", "end", "slot_name", "kind")):
                continue
            slot = self._slot(row, day)
            if slot is not None:
                day["slots"].append(slot)
            elif "slot" in v:
                self.broken_slots.add((v["day"], v["slot"]))
        out = []
        for d in days.values():
            try:
                out.append(Day(id=d["id"], name=d["name"], slots=tuple(d["slots"])))
            except ValidationError as exc:  # pragma: no cover - rows were checked one by one
                self.add("Calendar", None, None, str(exc))
        return Calendar(days=tuple(out))

    def _slot(self, row: Row, day: dict[str, Any]) -> Slot | None:
        v = row.values
        if row.unreadable:
            return None
        for name, header in (("slot", "Slot"), ("start", "Start"), ("end", "End")):
            if name not in v:
                self.add("Calendar", row, name, f"{header} missing")
                return None
        if v["slot"] in day["seen"]:
            msg = f"slot '{v['slot']}' of day '{day['id']}' is also on row {day['seen'][v['slot']]}"
            self.add("Calendar", row, "slot", msg)
            return None
        day["seen"][v["slot"]] = row.number
        if v["end"] <= v["start"]:
            self.add("Calendar", row, "end", f"ends at {v['end']:%H:%M}, not after its start")
            return None
        before = day["slots"][-1] if day["slots"] else None
        if before is not None and v["start"] < before.end:
            msg = (
                f"starts at {v['start']:%H:%M}, before slot '{before.id}' ends ({before.end:%H:%M})"
            )
            self.add("Calendar", row, "start", msg)
            return None
        fields = {
            "id": v["slot"],
            "name": v.get("slot_name", ""),
            "start": v["start"],
            "end": v["end"],
            "kind": v.get("kind", "teaching"),
        }
        try:
            return Slot(**fields)
        except ValidationError as exc:  # e.g. a slot id past the model's length limit
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else None
                column = {"id": "slot", "name": "slot_name"}.get(field or "", field)
                msg = str(err["msg"]).removeprefix("Value error, ")
                self.add("Calendar", row, column, msg[:1].lower() + msg[1:])
            return None

    # -- ids and references ----------------------------------------------------------------------
    def _collect_ids(self) -> None:
        for sheet in (*ENTITY_SHEETS, "Rules"):
            table = self.tables.get(sheet)
            if table is not None and not all(r.complete for r in table.rows):
                self.unreliable.add(sheet)
            seen: dict[str, int] = {}
            for row in self.rows(sheet):
                rid = row.values.get("id")
                if rid is None:
                    continue
                if rid in seen:
                    self.add(sheet, row, "id", f"duplicate id '{rid}' (also on row {seen[rid]})")
                else:
                    seen[rid] = row.number
            self.ids[sheet] = set(seen)

    def _check_references(self) -> None:
        days = {d.id: d for d in self.calendar.days}
        for sheet, table in self.tables.items():
            refs = [c for c in table.sheet.columns if c.ref and c.field in table.letters]
            for row in self.rows(sheet):
                for column in refs:
                    value = row.values.get(column.field)
                    if value is None:
                        continue
                    self._check(sheet, row, column.field, column.ref, value, days)

    def _check(self, sheet: str, row: Row, name: str, ref: str, value, days) -> None:
        items = value if isinstance(value, tuple) else (value,)
        kind = row.values.get("target_kind") if ref == "target" else None
        into = "Calendar" if ref in ("day", "slot", "dayslot") else TARGET_SHEETS.get(kind or "")
        if into == "Calendar" and "Calendar" not in self.tables:
            return  # the missing sheet is reported, not every day and slot that names it
        if REF_SHEETS.get(ref, into) in self.unreliable:
            return
        if ref == "target":
            kind = row.values.get("target_kind")
            if kind is None:
                return
            known, what = self.ids.get(TARGET_SHEETS[kind], set()), kind
        elif ref == "day":
            known, what = days, "day"
        elif ref == "slot":
            self._check_slots(sheet, row, name, items, days)
            return
        elif ref == "dayslot":
            self._resolve_day_slots(sheet, row, name, items)
            return
        else:
            known, what = self.ids.get(REF_SHEETS[ref], set()), ref
        if not known and REF_SHEETS.get(ref, TARGET_SHEETS.get(what)) not in self.tables:
            return  # that sheet is missing or unreadable, which is reported already
        for item in items:
            if item not in known:
                self.add(sheet, row, name, f"unknown {what} '{item}'")

    def _check_slots(self, sheet: str, row: Row, name: str, items, days) -> None:
        day = days.get(row.values.get("day"))
        if day is None:
            if "day" not in row.values:
                self.add(sheet, row, "day", "Day missing: a slot needs its day")
            return
        known = {s.id for s in day.slots} | {s for d, s in self.broken_slots if d == day.id}
        for item in items:
            if item not in known:
                self.add(sheet, row, name, f"unknown slot '{item}' on day '{day.id}'")
        self.slot_refs[id(row)] = tuple(SlotRef(day=day.id, slot=s) for s in items)

    def _resolve_day_slots(self, sheet: str, row: Row, name: str, items) -> None:
        refs = []
        for item in items:
            words = item.split()
            found = [
                SlotRef(day=" ".join(words[:i]), slot=" ".join(words[i:]))
                for i in range(1, len(words))
            ]
            # ids may hold runs of spaces ('P  1'): also part the text exactly at each space
            found += [
                SlotRef(day=item[:i], slot=item[i + 1 :]) for i, ch in enumerate(item) if ch == " "
            ]
            found = list(dict.fromkeys(r for r in found if self._slot_known(r)))
            if len(found) == 1:
                refs.append(found[0])
            elif not found:
                self.add(sheet, row, name, f"unknown slot '{item}' (write it as 'Day Slot')")
            else:
                self.add(sheet, row, name, f"slot '{item}' could be read more than one way")
        self.slot_refs[id(row)] = tuple(refs)

    def _slot_known(self, ref: SlotRef) -> bool:
        return self.calendar.position(ref) is not None or (ref.day, ref.slot) in self.broken_slots

    # -- rows spread over other sheets -----------------------------------------------------------
    def _extras(self) -> dict[str, dict[str, dict[str, list]]]:
        """collection -> id -> field -> items, from the sheets that add to an entity row by row."""
        extras: dict[str, dict[str, dict[str, list]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(list))
        )
        for row in self.rows("Availability"):
            v = row.values
            refs = self.slot_refs.get(id(row))
            if "slots" not in v:
                day = self.calendar.day(v["day"])
                refs = tuple(SlotRef(day=day.id, slot=s.id) for s in day.slots) if day else ()
            collection = ENTITY_SHEETS[TARGET_SHEETS[v["target_kind"]]]
            extras[collection][v["target"]]["unavailable"].extend(refs or ())
        for row in self.rows("Requests"):
            v = row.values
            request = {k: v[k] for k in ("course", "required", "priority", "alternates") if k in v}
            extras["students"][v["student"]]["requests"].append(request)
        for row in self.rows("Enrollments"):
            extras["activities"][row.values["activity"]]["students"].append(row.values["student"])
        for row in self.rows("Pins"):
            v = row.values
            pin: dict[str, Any] = {"meeting": v["meeting"] - 1}
            if ("day" in v) != ("slot" in v):
                missing = "slot" if "day" in v else "day"
                self.add("Pins", row, missing, f"{missing.title()} missing: give both Day and Slot")
                continue
            if "day" in v:
                pin["start"] = {"day": v["day"], "slot": v["slot"]}
            if "room" in v:
                pin["room"] = v["room"]
            extras["activities"][v["activity"]]["pins"].append(pin)
        return extras

    def _entities(self, sheet: str, collection: str, extras: dict) -> tuple:
        model = model_of(collection)
        table = self.tables.get(sheet)
        periods = [c.field for c in table.sheet.columns if c.ref == "dayslot"] if table else []
        out = []
        for row in self.rows(sheet):
            values = {**row.values, **extras.get(row.values.get("id"), {})}
            for name in periods:  # 'Day Slot' cells, resolved with the references
                if name in values:
                    values[name] = self.slot_refs.get(id(row), ())
            if any(len(values[n]) < len(row.values[n]) for n in periods if n in values):
                continue  # a slot that did not resolve is reported already, or its calendar is
            try:
                out.append(model.model_validate(values))
            except ValidationError as exc:
                self._located(sheet, row, exc)
        return tuple(out)

    def _rules(self) -> tuple:
        out = []
        for row in self.rows("Rules"):
            slots = self.slot_refs.get(id(row))
            try:
                doc, bad = rule_dict(row.values, slots)
            except ValueError as exc:
                self.add("Rules", row, "options", str(exc))
                continue
            if bad == "limit":
                self.add("Rules", row, "limit", f"a {row.values['kind']} rule has no Limit")
                continue
            if bad is not None:
                self.add("Rules", row, bad, "give both Applies to and Who, or neither")
                continue
            try:
                out.append(RULE.validate_python(doc))
            except ValidationError as exc:
                self._located("Rules", row, exc, kind=row.values["kind"])
        return tuple(out)

    def _located(self, sheet: str, row: Row, exc: ValidationError, kind: str = "") -> None:
        table = self.tables[sheet]
        for err in exc.errors():
            loc = [p for p in err["loc"] if isinstance(p, str)]
            if kind and loc and loc[0] == kind:
                loc = loc[1:]
            name = loc[0] if loc else None
            msg = str(err["msg"]).removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                own = table.sheet.index.get(name or "")
                what = f"a {kind} rule" if kind else f"a {table.sheet.entity}"
                msg = (
                    f"{what} takes no {own.header}"
                    if own
                    else f"{name!r} is not a setting of {what}"
                )
            elif err["type"] == "missing":
                msg = f"{name!r} missing"
            else:
                msg = msg[:1].lower() + msg[1:]
            column = _column_for(table, name, kind)
            if err["type"] == "missing" and column == "limit":
                msg = f"Limit missing: a {kind} rule needs one"
            self.problems.append(table.problem(row, column, msg))


def _column_for(table: Table, name: str | None, kind: str) -> str | None:
    if name is None or name in table.letters:
        return name
    from scheduler.io.sheets.schema import LIMITS

    if kind and LIMITS.get(kind) == name and "limit" in table.letters:
        return "limit"
    if kind and "options" in table.letters:
        return "options"
    return None
