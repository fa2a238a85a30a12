"""One table model per entity list: the columns a scheduler edits, and what a new row looks like."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt

from scheduler.model import Activity, Course, Room, Student, StudentGroup, Subject, Teacher
from scheduler.ui.models.columns import Column
from scheduler.ui.models.table import SORT_ROLE, EntityTableModel


def _count(noun: str):
    def get(item: Any) -> str:
        n = len(item.unavailable)
        return f"{n} {noun}{'s' if n != 1 else ''}" if n else ""

    return get


_ID = Column("ID", "id", tip="Stable identifier used in files and references", width=75)
_NAME = Column("Name", "name", width=170)
_UNAVAILABLE = Column(
    "Unavailable", None, get=_count("slot"), tip="Edit in the availability grid", width=100
)


class TeacherModel(EntityTableModel):
    entity, collection, prefix = "teacher", "teachers", "T"
    columns = (
        _ID,
        _NAME,
        Column("Subjects", "subjects", "ids", tip="Subject ids, comma separated", width=100),
        Column("Max/day", "max_slots_per_day", "int", optional=True, width=80,
               tip="Hard cap on teaching slots a day (empty: no cap)"),
        Column("Max/week", "max_slots_per_week", "int", optional=True, width=80,
               tip="Hard cap on teaching slots over the cycle (empty: no cap)"),
        Column("Load", None, "int", tip="Teaching slots a week in the activities", width=70),
        _UNAVAILABLE,
    )  # fmt: skip

    def __init__(self, doc, parent=None) -> None:
        self._load: tuple[Any, Counter] | None = None
        super().__init__(doc, parent)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and self.columns[index.column()].title == "Load":
            load = self.load().get(self.item(index.row()).id, 0)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return str(load)
            if role == SORT_ROLE:
                return load
        return super().data(index, role)

    def load(self) -> Counter:
        data = self.doc.data
        if self._load is None or self._load[0] is not data:
            slots: Counter = Counter()
            for a in data.activities:
                for t in a.teachers:
                    slots[t] += sum(a.meetings)
            self._load = (data, slots)
        return self._load[1]

    def new_item(self) -> Teacher:
        return Teacher(id=self.unique_id(), name="New teacher")


class RoomModel(EntityTableModel):
    entity, collection, prefix = "room", "rooms", "R"
    columns = (
        _ID,
        _NAME,
        Column("Type", "type", tip="Activities ask for a room type, e.g. lab or gym", width=100),
        Column("Capacity", "capacity", "int", optional=True, width=80, tip="Seats (empty: any)"),
        Column("Building", "building", optional=True, width=100),
        Column("Features", "features", "ids", width=140),
        _UNAVAILABLE,
    )

    def new_item(self) -> Room:
        return Room(id=self.unique_id(), name="New room", type="classroom")


class SubjectModel(EntityTableModel):
    entity, collection, prefix = "subject", "subjects", "SUB"
    columns = (
        _ID,
        _NAME,
        Column("Colour", "color", "color", tip="Card colour, e.g. #3B82F6", width=100),
    )

    def new_item(self) -> Subject:
        return Subject(id=self.unique_id(), name="New subject", color="#64748B")


def _first_subject(model: EntityTableModel, what: str) -> str:
    subjects = model.doc.data.subjects
    if not subjects:
        raise ValueError(f"Add a subject first: every {what} belongs to one.")
    return subjects[0].id


class CourseModel(EntityTableModel):
    entity, collection, prefix = "course", "courses", "C"
    columns = (
        _ID,
        _NAME,
        Column("Subject", "subject", width=90),
        Column("Grade", "grade", "int", optional=True, width=60),
        Column("Meetings", "meetings", "durations", width=100,
               tip="Length in slots of each weekly meeting, e.g. 2 + 1 + 1"),
        Column("Section size", "section_capacity", "int", optional=True, width=90),
        Column("Sections", "sections", "int", optional=True, width=70,
               tip="Fixed number of sections (empty: as many as requests need)"),
    )  # fmt: skip

    def new_item(self) -> Course:
        subject = _first_subject(self, "course")
        return Course(id=self.unique_id(), name="New course", subject=subject, meetings=(1,))


class GroupModel(EntityTableModel):
    entity, collection, prefix = "group", "groups", "G"
    columns = (
        _ID,
        _NAME,
        Column("Parents", "parents", "ids", tip="Groups this one is part of", width=120),
        Column("Size", "size", "int", tip="Students, for room capacity", width=60),
        _UNAVAILABLE,
    )

    def new_item(self) -> StudentGroup:
        return StudentGroup(id=self.unique_id(), name="New group")


class StudentModel(EntityTableModel):
    entity, collection, prefix = "student", "students", "S"
    columns = (
        _ID,
        _NAME,
        Column("Grade", "grade", "int", optional=True, width=60),
        Column("Groups", "groups", "ids", width=140),
        Column("Requests", None, "int", get=lambda s: len(s.requests), width=80,
               tip="Course requests (edit them on the Requests page)"),
        _UNAVAILABLE,
    )  # fmt: skip

    def new_item(self) -> Student:
        return Student(id=self.unique_id(), name="New student")


class ActivityModel(EntityTableModel):
    entity, collection, prefix = "activity", "activities", "A"
    columns = (
        _ID,
        _NAME,
        Column("Subject", "subject", width=80),
        Column("Course", "course", optional=True, width=80),
        Column("Teachers", "teachers", "ids", width=90),
        Column("Groups", "groups", "ids", width=90),
        Column("Students", "students", "ids", width=90, tip="Students enrolled one by one"),
        Column("Meetings", "meetings", "durations", width=90,
               tip="Length in slots of each weekly meeting, e.g. 2 + 1 + 1"),
        Column("Days apart", "min_days_between", "int", width=80,
               tip="Meetings at least this many days apart"),
        Column("Room types", "room_types", "ids", width=100),
        Column("Rooms", "rooms", "ids", width=90, tip="Allowed rooms (empty: any of the types)"),
        Column("Room", "needs_room", "bool", width=50, tip="Needs a room"),
        Column("Size", "size", "int", optional=True, width=60,
               tip="Expected attendance (empty: from the groups)"),
        Column("Pins", None, "int", get=lambda a: len(a.pins), width=50,
               tip="Meetings pinned to a time or room (pin them in the timetable)"),
    )  # fmt: skip

    def new_item(self) -> Activity:
        subject = _first_subject(self, "activity")
        return Activity(id=self.unique_id(), name="New activity", subject=subject, meetings=(1,))

    def _push(self, new, label, *, ids=None) -> None:
        """A renamed or deleted activity takes its placed meetings along, in the same step."""
        solution = self.doc.solution
        if not ids or solution is None or not any(p.activity in ids for p in solution.placements):
            return super()._push(new, label, ids=ids)
        placements = tuple(
            p if p.activity not in ids else p.model_copy(update={"activity": ids[p.activity]})
            for p in solution.placements
            if ids.get(p.activity, p.activity) is not None
        )
        stack = self.doc.undo_stack
        stack.beginMacro(label)
        super()._push(new, label, ids=ids)
        self.doc.apply_solution(solution.model_copy(update={"placements": placements}), label)
        stack.endMacro()
