"""The calendar as two tables: the days of the cycle, and the slots of the day picked."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from scheduler.model import Day, SchoolData, Slot, Solution
from scheduler.model.references import SlotKey, remap_slots
from scheduler.ui.models.columns import Column, explain
from scheduler.ui.models.table import EntityTableModel


def _with_days(data: SchoolData, days: tuple[Day, ...]) -> SchoolData:
    return data.model_copy(update={"calendar": data.calendar.model_copy(update={"days": days})})


def _remapped_solution(solution: Solution | None, f) -> Solution | None:
    if solution is None:
        return None
    out = []
    for p in solution.placements:
        new = f((p.day, p.slot))
        if new is not None:
            out.append(p.model_copy(update={"day": new[0], "slot": new[1]}))
    return solution.model_copy(update={"placements": tuple(out)})


class _CalendarModel(EntityTableModel):
    """Renaming or deleting a day or slot carries every reference to its slots along."""

    def _push_remap(self, new: SchoolData, label: str, f) -> None:
        new = remap_slots(new, f)
        solution = self.doc.solution
        moved = _remapped_solution(solution, f)
        if moved == solution:
            self.doc.replace_data(new, label)
            return
        self.doc.undo_stack.beginMacro(label)
        self.doc.replace_data(new, label)
        self.doc.apply_solution(moved, label)
        self.doc.undo_stack.endMacro()

    def _slot_refs(self, keys: set[SlotKey]) -> int:
        data = self.doc.data
        found = remap_slots(data, lambda k: None if k in keys else k)
        n = 0
        for name in ("teachers", "rooms", "groups", "students", "activities", "constraints"):
            n += sum(a != b for a, b in zip(getattr(data, name), getattr(found, name), strict=True))
        return n


class DayModel(_CalendarModel):
    entity, prefix = "day", "D"
    columns = (
        Column("ID", "id", width=70),
        Column("Name", "name", width=120),
        Column("Lessons", None, "int", get=lambda d: sum(s.teaching for s in d.slots), width=70,
               tip="Teaching slots"),
        Column("Hours", None, get=lambda d: (
            f"{d.slots[0].start:%H:%M}–{d.slots[-1].end:%H:%M}" if d.slots else ""), width=100),
    )  # fmt: skip

    def _fetch(self) -> tuple:
        return self.doc.data.calendar.days

    def _store(self, rows: tuple) -> SchoolData:
        return _with_days(self.doc.data, rows)

    def describe(self, item: Any) -> str:
        return f'day "{item.label}"'

    def new_item(self) -> Day:
        days = self.doc.data.calendar.days
        slots = days[-1].slots if days else ()
        return Day(id=self.unique_id(), name="New day", slots=slots)

    def _rename(self, item: Day, new_id: str) -> SchoolData:
        new_id = new_id.strip()
        if any(d.id == new_id for d in self._rows):
            raise ValueError(f'"{new_id}" is already the id of another day')
        renamed = item.model_copy(update={"id": new_id})
        return self._store(self._replace_row(item, renamed))

    def _push(self, new, label, *, ids=None) -> None:
        if not ids:
            return super()._push(new, label, ids=ids)

        def f(key: SlotKey) -> SlotKey | None:
            if key[0] not in ids:
                return key
            return None if ids[key[0]] is None else (ids[key[0]], key[1])

        self._push_remap(new, label, f)

    def _day_ids_gone(self, rows: list[int]) -> set[str]:
        return {self._rows[r].id for r in rows}

    def dependents(self, rows: list[int]) -> list[str]:
        gone = self._day_ids_gone(rows)
        n = self._slot_refs({(d.id, s.id) for d in self._rows if d.id in gone for s in d.slots})
        return [f"{n} teachers, rooms, people, activities or rules name its slots"] if n else []

    def remove(self, rows: list[int]) -> None:
        gone = self._day_ids_gone(rows)
        keep = tuple(d for d in self._rows if d.id not in gone)
        first = self.describe(self._rows[rows[0]]) if len(rows) == 1 else f"{len(rows)} days"
        self._push(self._store(keep), f"Delete {first}", ids=dict.fromkeys(gone))

    def move(self, row: int, step: int) -> int:
        other = row + step
        if not (0 <= row < len(self._rows) and 0 <= other < len(self._rows)):
            return row
        days = list(self._rows)
        days[row], days[other] = days[other], days[row]
        self.doc.replace_data(self._store(tuple(days)), f"Move {self.describe(days[other])}")
        return other


class SlotModel(_CalendarModel):
    entity, prefix = "slot", "P"
    columns = (
        Column("ID", "id", width=60),
        Column("Name", "name", width=110),
        Column("Start", "start", "time", width=60),
        Column("End", "end", "time", width=60),
        Column("Minutes", None, "int", get=lambda s: s.minutes, width=65),
        Column("Kind", "kind", "choice", width=90, choices=("teaching", "break", "lunch", "flex"),
               tip="Breaks and lunch hold no lessons"),
    )  # fmt: skip

    def __init__(self, doc, parent=None) -> None:
        self.day_id: str | None = None
        super().__init__(doc, parent)

    @property
    def day(self) -> Day | None:
        return self.doc.data.calendar.day(self.day_id) if self.day_id else None

    def set_day(self, day_id: str | None) -> None:
        self.beginResetModel()
        self.day_id = day_id
        self._rows = self._fetch()
        self._rejected.clear()
        self.endResetModel()

    def _fetch(self) -> tuple:
        day = self.day
        return day.slots if day else ()

    def _store(self, rows: tuple) -> SchoolData:
        day = self.day
        if day is None:
            raise ValueError("Pick a day first.")
        new_day = day.model_copy(update={"slots": rows})
        days = tuple(new_day if d is day else d for d in self.doc.data.calendar.days)
        return _with_days(self.doc.data, days)

    def describe(self, item: Any) -> str:
        return f'slot "{item.label}" of {self.day.label if self.day else "?"}'

    def new_item(self) -> Slot:
        last = self._rows[-1] if self._rows else None
        return self._after(last, self.unique_id())

    def _after(self, slot: Slot | None, new_id: str) -> Slot:
        if slot is None:
            return Slot(id=new_id, name=f"Period {new_id[1:]}", start="08:00", end="08:50")
        start = datetime.combine(datetime.today(), slot.end) + timedelta(minutes=5)
        end = start + timedelta(minutes=slot.minutes)
        if end.date() != start.date() or start.date() != datetime.today().date():
            raise ValueError("No room for another slot after this one today.")
        return Slot(id=new_id, name=f"Period {new_id[1:]}", start=start.time(), end=end.time())

    def add(self, after: int | None = None) -> int | None:
        after = len(self._rows) - 1 if after is None else after
        try:
            item = self._after(self._rows[after] if self._rows else None, self.unique_id())
            rows = (*self._rows[: after + 1], item, *self._rows[after + 1 :])
            new = self._store(rows)
        except ValueError as exc:
            self.doc.message.emit(f"Cannot add a slot there: {explain(exc)}")
            return None
        self.doc.replace_data(new, f"Add {self.describe(item)}")
        return after + 1

    def duplicate(self, rows: list[int]) -> list[int]:
        row = self.add(rows[-1]) if rows else None
        return [] if row is None else [row]

    def _rename(self, item: Slot, new_id: str) -> SchoolData:
        new_id = new_id.strip()
        if any(s.id == new_id for s in self._rows):
            raise ValueError(f'"{new_id}" is already the id of another slot of this day')
        return self._store(self._replace_row(item, item.model_copy(update={"id": new_id})))

    def _push(self, new, label, *, ids=None) -> None:
        if not ids:
            return super()._push(new, label, ids=ids)
        day = self.day_id

        def f(key: SlotKey) -> SlotKey | None:
            if key[0] != day or key[1] not in ids:
                return key
            return None if ids[key[1]] is None else (key[0], ids[key[1]])

        self._push_remap(new, label, f)

    def dependents(self, rows: list[int]) -> list[str]:
        n = self._slot_refs({(self.day_id or "", self._rows[r].id) for r in rows})
        return [f"{n} teachers, rooms, people, activities or rules name it"] if n else []

    def remove(self, rows: list[int]) -> None:
        gone = {self._rows[r].id for r in rows}
        keep = tuple(s for s in self._rows if s.id not in gone)
        first = self.describe(self._rows[rows[0]]) if len(rows) == 1 else f"{len(rows)} slots"
        self._push(self._store(keep), f"Delete {first}", ids=dict.fromkeys(gone))

    def copy_to_all_days(self) -> None:
        day = self.day
        if day is None:
            return
        days = tuple(d.model_copy(update={"slots": day.slots}) for d in self.doc.data.calendar.days)
        self.doc.replace_data(
            _with_days(self.doc.data, days), f"Copy the slots of {day.label} to every day"
        )

    def _sync(self) -> None:
        if self.day_id is not None and self.day is None:
            self.set_day(None)
        super()._sync()
