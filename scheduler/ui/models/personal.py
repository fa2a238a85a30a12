"""Table models of personalized time: personal blocks (internships...), day rules (late starts,
early release), lunch waves, lunch windows, daily minutes caps and cycle days."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt

from scheduler.model.personal import (
    PERSONAL_KINDS,
    CycleDays,
    DayRule,
    LunchWave,
    LunchWindow,
    MaxMinutes,
    PersonalBlock,
)
from scheduler.ui.models.columns import Column
from scheduler.ui.models.table import SORT_ROLE, EntityTableModel

_ID = Column("ID", "id", tip="Stable identifier used in files and references", width=80)
_NAME = Column("Name", "name", width=200)
_STUDENTS = Column("Students", "students", "ids", width=160, tip="Student ids, comma separated")
_GROUPS = Column("Groups", "groups", "ids", width=110, tip="Every student of these groups")
_DAYS = Column("Days", "days", "ids", width=110, tip="Day ids, comma separated")
_EVERY_DAY = Column("Days", "days", "ids", width=110, tip="Day ids (empty: every day)")
_WHO_ALL = "Students and groups (both empty: every student)"


def _first_day(model: EntityTableModel) -> tuple[str, ...]:
    days = model.doc.data.calendar.days
    if not days:
        raise ValueError("Add days to the calendar first.")
    return (days[0].id,)


def _count(item) -> str:
    n = len(item.students)
    return str(n) if n else ""


class PersonalBlockModel(EntityTableModel):
    entity, collection, prefix = "personal block", "personal_blocks", "AWAY"
    columns = (
        _ID,
        _NAME,
        Column("Kind", "kind", "choice", width=150, choices=tuple(PERSONAL_KINDS),
               tip=", ".join(f"{k}: {v}" for k, v in PERSONAL_KINDS.items())),
        Column("Place", "place", width=170, tip="Employer, college or where the student is"),
        _DAYS,
        Column("From", "start", "time", width=60),
        Column("To", "end", "time", width=60),
        _STUDENTS,
        Column("#", None, "int", get=_count, width=40, tip="Students listed"),
        _GROUPS,
    )  # fmt: skip

    def new_item(self) -> PersonalBlock:
        students = self.doc.data.students
        return PersonalBlock(
            id=self.unique_id(),
            name="New internship",
            days=_first_day(self),
            start=time(13, 0),
            end=time(15, 0),
            students=(students[0].id,) if students else (),
            groups=() if students else tuple(g.id for g in self.doc.data.groups[:1]),
        )


class DayRuleModel(EntityTableModel):
    entity, collection, prefix = "day rule", "day_rules", "DAY"
    columns = (
        _ID,
        _NAME,
        Column("Kind", "kind", "choice", width=110, choices=("late_start", "early_release"),
               tip="late_start: no class before the time; early_release: none from it on"),
        Column("Time", "time", "time", width=60),
        _EVERY_DAY,
        _GROUPS,
        _STUDENTS,
    )  # fmt: skip

    def new_item(self) -> DayRule:
        groups = self.doc.data.groups
        students = self.doc.data.students
        if not groups and not students:
            raise ValueError("Add a group or a student first: a day rule is about them.")
        return DayRule(
            id=self.unique_id(),
            name="Late start",
            time=time(9, 0),
            groups=(groups[0].id,) if groups else (),
            students=() if groups else (students[0].id,),
        )


class LunchWaveModel(EntityTableModel):
    entity, collection, prefix = "lunch wave", "lunch_waves", "L"
    columns = (
        _ID,
        _NAME,
        Column("From", "start", "time", width=60),
        Column("To", "end", "time", width=60),
        _EVERY_DAY,
        Column("Seats", "capacity", "int", optional=True, width=70,
               tip="Cafeteria seats in this wave (empty: no limit)"),
        Column("Groups", "groups", "ids", width=140, tip="Groups that always eat in this wave"),
        Column("Eating", None, "int", width=70, tip="Students the timetable gives this wave"),
    )  # fmt: skip

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and self.columns[index.column()].title == "Eating":
            solution = self.doc.solution
            if solution is None or role not in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.EditRole,
                SORT_ROLE,
            ):
                return None
            wave = self.item(index.row()).id
            n = sum(1 for a in solution.lunches if a.wave == wave)
            return n if role == SORT_ROLE else str(n)
        return super().data(index, role)

    def new_item(self) -> LunchWave:
        n = len(self._rows)
        start = 11 * 60 + 30 * n
        return LunchWave(
            id=self.unique_id(),
            name=f"Lunch {chr(ord('A') + n)}" if n < 26 else "New lunch wave",
            start=time(min(start // 60, 22), start % 60),
            end=time(min((start + 30) // 60, 23), (start + 30) % 60),
        )


class LunchWindowModel(EntityTableModel):
    entity, collection, prefix = "lunch window", "lunch_windows", "LW"
    columns = (
        _ID,
        Column("Minutes", "minutes", "int", width=70, tip="Free minutes in a row, at least"),
        Column("From", "start", "time", width=60),
        Column("To", "end", "time", width=60),
        _EVERY_DAY,
        Column("Groups", "groups", "ids", width=110, tip=_WHO_ALL),
        Column("Students", "students", "ids", width=160, tip=_WHO_ALL),
    )  # fmt: skip

    def describe(self, item) -> str:
        return f'lunch window "{item.id}"'

    def new_item(self) -> LunchWindow:
        return LunchWindow(id=self.unique_id(), start=time(11, 0), end=time(13, 30), minutes=30)


class MaxMinutesModel(EntityTableModel):
    entity, collection, prefix = "minutes cap", "max_minutes", "MM"
    columns = (
        _ID,
        Column("Max minutes", "max_minutes", "int", width=90, tip="Most minutes of class a day"),
        _EVERY_DAY,
        Column("Groups", "groups", "ids", width=110, tip=_WHO_ALL),
        Column("Students", "students", "ids", width=160, tip=_WHO_ALL),
    )  # fmt: skip

    def describe(self, item) -> str:
        return f'minutes cap "{item.id}"'

    def new_item(self) -> MaxMinutes:
        return MaxMinutes(id=self.unique_id(), max_minutes=360)


class CycleDaysModel(EntityTableModel):
    entity, collection, prefix = "cycle days", "cycle_days", "CD"
    columns = (
        _ID,
        Column("Activities", "activities", "ids", width=200, tip="Activity ids, comma separated"),
        Column("Days", "days", "ids", width=200, tip="The only days of the cycle they meet on"),
    )

    def describe(self, item) -> str:
        return f'cycle days "{item.id}"'

    def new_item(self) -> CycleDays:
        activities = self.doc.data.activities
        if not activities:
            raise ValueError("Add an activity first: cycle days say when activities meet.")
        return CycleDays(id=self.unique_id(), activities=(activities[0].id,), days=_first_day(self))
