"""Flexday rules written back as FET constraint elements (the reverse of the map_* modules)."""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element, SubElement

from scheduler.model import Calendar, SchoolData, SlotRef, Solution


@dataclass(frozen=True)
class Grid:
    """FET's rectangle: day names, hour names (slot positions of the longest day), and each
    Flexday slot's (day, hour) cell."""

    days: list[str]
    hours: list[str]
    cell: dict[tuple[str, str], tuple[str, str]]
    breaks: list[tuple[str, str]]

    @classmethod
    def of(cls, calendar: Calendar) -> Grid:
        longest = max(calendar.days, key=lambda d: len(d.slots))
        hours = [s.id for s in longest.slots]
        cell, breaks = {}, []
        for day in calendar.days:
            for i, hour in enumerate(hours):
                slot = day.slots[i] if i < len(day.slots) else None
                if slot is not None:
                    cell[(day.id, slot.id)] = (day.id, hour)
                if slot is None or not slot.teaching:
                    breaks.append((day.id, hour))
        return cls([d.id for d in calendar.days], hours, cell, breaks)


def activity_ids(data: SchoolData) -> dict[tuple[str, int], int]:
    """FET Ids for every (activity, meeting): an imported activity keeps its number; others get
    fresh numbers after the largest one in use."""
    ids: dict[tuple[str, int], int] = {}
    used = {int(a.id) for a in data.activities if a.id.isdigit() and len(a.meetings) == 1}
    nxt = max(used, default=0) + 1
    for a in data.activities:
        if a.id.isdigit() and len(a.meetings) == 1:
            ids[(a.id, 0)] = int(a.id)
            continue
        for k in range(len(a.meetings)):
            ids[(a.id, k)] = nxt
            nxt += 1
    return ids


def percent(rule) -> str:
    if rule.hard:
        return "100"
    return f"{min(99.99, rule.weight / 100):g}"


class Writer:
    def __init__(self, data, grid: Grid, ids, time_list: Element, space_list: Element, report):
        self.data, self.grid, self.ids = data, grid, ids
        self.time, self.space, self.report = time_list, space_list, report

    # -- helpers ---------------------------------------------------------------------------------

    def add(self, section: Element, tag: str, percent: str, fields: list, *, active=True):
        el = SubElement(section, f"Constraint{tag}")
        SubElement(el, "Weight_Percentage").text = percent
        for name, value in fields:
            if isinstance(value, Element):
                el.append(value)
            else:
                SubElement(el, name).text = str(value)
        SubElement(el, "Active").text = "true" if active else "false"
        SubElement(el, "Comments").text = ""
        self.report.constraints += 1
        return el

    def slots(self, refs, item: str, day_tag: str, hour_tag: str) -> list:
        out = []
        for ref in refs:
            cell = self.grid.cell.get((ref.day, ref.slot))
            if cell is None:
                continue
            el = Element(item)
            SubElement(el, day_tag).text, SubElement(el, hour_tag).text = cell
            out.append((item, el))
        return out

    def sub_ids(self, activities) -> list[int]:
        return [
            self.ids[(a, k)]
            for a in activities
            if a in self.data.activity_by_id
            for k in range(len(self.data.activity_by_id[a].meetings))
        ]

    # -- sections --------------------------------------------------------------------------------

    def basics(self) -> None:
        self.add(self.time, "BasicCompulsoryTime", "100", [])
        if self.grid.breaks:
            items = self.slots(
                [SlotRef(day=d, slot=h) for d, h in self.grid.breaks], "Break_Time", "Day", "Hour"
            )
            fields = [("Number_of_Break_Times", len(items)), *items]
            self.add(self.time, "BreakTimes", "100", fields)
        self.add(self.space, "BasicCompulsorySpace", "100", [])
        for kind, items, tag in (
            ("Teacher", self.data.teachers, "Teacher"),
            ("StudentsSet", self.data.groups, "Students"),
            ("Room", self.data.rooms, "Room"),
        ):
            for item in items:
                if item.unavailable:
                    self.unavailable(kind, tag, item.id, item.unavailable, "100", True)
        for a in self.data.activities:
            subs = self.sub_ids([a.id])
            if a.min_days_between and len(subs) > 1:
                self.min_days(subs, a.min_days_between, "100", False, True)
            if a.rooms:
                for i in subs:
                    self.rooms(i, a.rooms, "100", True)
            for pin in a.pins:
                i = self.ids[(a.id, pin.meeting)]
                if pin.start is not None:
                    self._start(i, pin.start, locked=True)
                if pin.room is not None:
                    self.rooms(i, (pin.room,), "100", True, locked=True)

    def unavailable(self, kind, tag, who, refs, percent, active) -> None:
        items = self.slots(refs, "Not_Available_Time", "Day", "Hour")
        section = self.space if kind == "Room" else self.time
        fields = [(tag, who), ("Number_of_Not_Available_Times", len(items)), *items]
        self.add(section, f"{kind}NotAvailableTimes", percent, fields, active=active)

    def min_days(self, subs, days, percent, same_day, active) -> None:
        fields = [
            ("Consecutive_If_Same_Day", "true" if same_day else "false"),
            ("Number_of_Activities", len(subs)),
            *[("Activity_Id", i) for i in subs],
            ("MinDays", days),
        ]
        self.add(self.time, "MinDaysBetweenActivities", percent, fields, active=active)

    def rooms(self, i, rooms, percent, active, *, locked=False) -> None:
        if len(rooms) == 1:
            fields = [
                ("Activity_Id", i),
                ("Room", rooms[0]),
                ("Permanently_Locked", str(locked).lower()),
            ]
            self.add(self.space, "ActivityPreferredRoom", percent, fields, active=active)
            return
        fields = [("Activity_Id", i), ("Number_of_Preferred_Rooms", len(rooms))]
        fields += [("Preferred_Room", r) for r in rooms]
        self.add(self.space, "ActivityPreferredRooms", percent, fields, active=active)

    def _start(self, i, ref: SlotRef, *, locked: bool) -> None:
        cell = self.grid.cell.get((ref.day, ref.slot))
        if cell is None:
            return
        fields = [
            ("Activity_Id", i),
            ("Preferred_Day", cell[0]),
            ("Preferred_Hour", cell[1]),
            ("Permanently_Locked", str(locked).lower()),
        ]
        self.add(self.time, "ActivityPreferredStartingTime", "100", fields)

    def lock(self, solution: Solution) -> None:
        for p in solution.placements:
            i = self.ids.get((p.activity, p.meeting))
            if i is None:
                continue
            self._start(i, SlotRef(day=p.day, slot=p.slot), locked=True)
            if p.room is not None:
                self.rooms(i, (p.room,), "100", True, locked=True)
