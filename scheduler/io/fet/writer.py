"""Write a scenario (and its timetable, locked) as a .fet file that FET opens.

FET's week is a rectangle of days x hours: hours are the slot positions of the longest day, and
positions a shorter day lacks, like break and lunch slots, become FET break times. Each Flexday
activity becomes a FET activity, split into one sub-activity per meeting. Rules map back to their
FET constraints (``rules_out``); imported rules Flexday could not state are written back as they
came. What FET cannot express is counted in the returned report, never dropped silently.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from scheduler.io.atomic import write_bytes
from scheduler.io.fet import rules_back, rules_out
from scheduler.model import SchoolData, Solution

FET_VERSION = "6.8.5"


@dataclass
class ExportReport:
    activities: int = 0
    constraints: int = 0
    skipped: Counter = field(default_factory=Counter)
    """Flexday rule kind -> rules FET has no constraint for."""


def export_fet(
    data: SchoolData, path: str | Path, *, solution: Solution | None = None
) -> ExportReport:
    """Write ``data`` (with ``solution`` locked in place, when given) to ``path`` atomically."""
    root, report = fet_document(data, solution=solution)
    removed = _drop_illegal_characters(root)
    if removed:
        report.skipped["characters XML cannot hold (control characters), removed"] += removed
    indent(root, space="\t")
    body = tostring(root, encoding="unicode")
    write_bytes(Path(path), ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode())
    return report


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _drop_illegal_characters(root: Element) -> int:
    """XML 1.0 cannot hold control characters (or lone surrogates): a name holding one would make
    a file that neither FET nor Flexday can read back. Found by fuzzing the export."""
    removed = 0
    for el in root.iter():
        for attr in ("text", "tail"):
            value = getattr(el, attr)
            if value and _NOT_XML.search(value):
                cleaned, n = _NOT_XML.subn("", value)
                setattr(el, attr, cleaned)
                removed += n
        for key, value in el.attrib.items():
            if _NOT_XML.search(value):
                el.attrib[key], n = _NOT_XML.subn("", value)
                removed += n
    return removed


def fet_document(data: SchoolData, *, solution: Solution | None = None):
    report = ExportReport()
    grid = rules_out.Grid.of(data.calendar)
    root = Element("fet", version=FET_VERSION)
    _text(root, "Mode", "Official")
    _text(root, "Institution_Name", data.name)
    _named_list(root, "Days_List", "Number_of_Days", "Day", grid.days)
    _named_list(root, "Hours_List", "Number_of_Hours", "Hour", grid.hours)
    _named_list(root, "Subjects_List", None, "Subject", [s.id for s in data.subjects])
    SubElement(root, "Activity_Tags_List")
    _named_list(root, "Teachers_List", None, "Teacher", [t.id for t in data.teachers])
    _students(root, data)
    deep = _deeper_than_subgroups(data)
    if deep:
        report.skipped["groups below the subgroup level"] += deep
    ids = rules_out.activity_ids(data)
    _activities(root, data, ids)
    report.activities = len(ids)
    if data.students:
        report.skipped["individual students (FET knows only students sets)"] += len(data.students)
    typed = sum(1 for a in data.activities if a.room_types)
    if typed:
        report.skipped["activity room types (FET has no room types)"] += typed
    SubElement(root, "Buildings_List")
    rooms = SubElement(root, "Rooms_List")
    for r in data.rooms:
        room = SubElement(rooms, "Room")
        _text(room, "Name", r.id)
        _text(room, "Building", "")
        _text(room, "Capacity", str(r.capacity if r.capacity is not None else 30000))
        _text(room, "Virtual", "false")
    time_list = SubElement(root, "Time_Constraints_List")
    space_list = SubElement(root, "Space_Constraints_List")
    out = rules_out.Writer(data, grid, ids, time_list, space_list, report)
    out.basics()
    for c in data.constraints:
        if not rules_back.write_rule(out, c):
            report.skipped[c.kind] += 1
    if solution is not None:
        out.lock(solution)
    return root, report


def _text(parent: Element, tag: str, value: str) -> Element:
    el = SubElement(parent, tag)
    el.text = value
    return el


def _named_list(root: Element, tag: str, count: str | None, item: str, names) -> None:
    section = SubElement(root, tag)
    if count:
        _text(section, count, str(len(names)))
    for name in names:
        _text(SubElement(section, item), "Name", name)


def _students(root: Element, data: SchoolData) -> None:
    """Top groups become years, their children groups, and grandchildren subgroups. FET has no
    deeper level; such groups are left out and counted by the caller."""
    section = SubElement(root, "Students_List")
    kids = data.children
    for year in (g for g in data.groups if not g.parents):
        y = SubElement(section, "Year")
        _text(y, "Name", year.id)
        _text(y, "Number_of_Students", str(year.size))
        for gid in kids.get(year.id, ()):
            g = SubElement(y, "Group")
            _text(g, "Name", gid)
            _text(g, "Number_of_Students", str(data.group_by_id[gid].size))
            for sid in kids.get(gid, ()):
                s = SubElement(g, "Subgroup")
                _text(s, "Name", sid)
                _text(s, "Number_of_Students", str(data.group_by_id[sid].size))


def _deeper_than_subgroups(data: SchoolData) -> int:
    written = {g.id for g in data.groups if not g.parents}
    for _ in range(2):
        written |= {k for g in list(written) for k in data.children.get(g, ())}
    return len({g.id for g in data.groups} - written)


def _activities(root: Element, data: SchoolData, ids: dict[tuple[str, int], int]) -> None:
    section = SubElement(root, "Activities_List")
    for a in data.activities:
        first = ids[(a.id, 0)]
        total = str(sum(a.meetings))
        for k, duration in enumerate(a.meetings):
            el = SubElement(section, "Activity")
            for t in a.teachers:
                _text(el, "Teacher", t)
            _text(el, "Subject", a.subject)
            for g in a.groups:
                _text(el, "Students", g)
            _text(el, "Duration", str(duration))
            _text(el, "Total_Duration", total)
            _text(el, "Id", str(ids[(a.id, k)]))
            _text(el, "Activity_Group_Id", str(first if len(a.meetings) > 1 else 0))
            if a.size is not None:
                _text(el, "Number_Of_Students", str(a.size))
            _text(el, "Active", "true")
            _text(el, "Comments", a.name)
