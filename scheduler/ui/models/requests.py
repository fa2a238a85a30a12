"""Course requests, one row per request, across all students (they live inside each student)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scheduler.model import CourseRequest, Problem, SchoolData, Student
from scheduler.ui.models.columns import Column
from scheduler.ui.models.table import EntityTableModel


@dataclass(frozen=True, slots=True)
class RequestRow:
    student: Student
    index: int

    @property
    def request(self) -> CourseRequest:
        return self.student.requests[self.index]

    @property
    def id(self) -> str:
        return f"{self.student.id}#{self.index + 1}"

    # Columns read request fields through the row.
    def __getattr__(self, name: str) -> Any:
        return getattr(self.student.requests[self.index], name)


class RequestModel(EntityTableModel):
    entity, collection = "request", "students"
    columns = (
        Column("Student", None, get=lambda r: f"{r.student.label} ({r.student.id})", width=200),
        Column("Course", "course", width=90),
        Column("Required", "required", "bool", width=70, tip="Required, not an elective"),
        Column("Priority", "priority", "int", width=70, tip="1 is the most wanted elective"),
        Column("Alternates", "alternates", "ids", width=140, tip="Courses to take instead"),
    )

    def _fetch(self) -> tuple:
        data = self.doc.data
        if getattr(self, "_fetched", (None,))[0] is not data:
            rows = tuple(RequestRow(s, i) for s in data.students for i in range(len(s.requests)))
            self._fetched = (data, rows)
        return self._fetched[1]

    def _same_row(self, a: RequestRow, b: RequestRow) -> bool:
        return a.index == b.index and a.request is b.request and a.student.id == b.student.id

    def row_key(self, item: RequestRow) -> str:
        return item.id

    def describe(self, item: RequestRow) -> str:
        return f'request of "{item.student.label}" for {item.request.course}'

    def _row_problems(self, item: RequestRow) -> list[Problem]:
        if self._problems is None:
            self._problems = self.doc.problems_by_entity()
        mine = {item.request.course, *item.request.alternates}
        found = self._problems.get(("student", item.student.id), [])
        return [p for p in found if p.field == "requests" and any(c in p.message for c in mine)]

    def _with_requests(self, student: Student, requests: tuple) -> SchoolData:
        new = student.model_copy(update={"requests": requests})
        students = tuple(new if s is student else s for s in self.doc.data.students)
        return self.doc.data.model_copy(update={"students": students})

    def edited(self, item: RequestRow, col: Column, value: Any) -> SchoolData | None:
        req = item.request
        if getattr(req, col.field or "") == value:
            return None
        changed = req.model_copy(update={col.field: value})
        reqs = list(item.student.requests)
        reqs[item.index] = changed
        return self._with_requests(item.student, tuple(reqs))

    def new_item(self) -> Any:  # pragma: no cover - rows are added through ``add``
        raise ValueError("Add a request from a student row")

    def add(self, after: int | None = None) -> int | None:
        data = self.doc.data
        if not data.students:
            self.doc.message.emit("Add a student first: every request belongs to one.")
            return None
        if not data.courses:
            self.doc.message.emit("Add a course first: a request asks for one.")
            return None
        rows = self._rows
        student = rows[after].student if after is not None and rows else data.students[0]
        asked = {r.course for r in student.requests}
        course = next((c.id for c in data.courses if c.id not in asked), data.courses[0].id)
        request = CourseRequest(course=course)
        self.doc.replace_data(
            self._with_requests(student, (*student.requests, request)),
            f'Add request of "{student.label}" for {course}',
        )
        new_student = self.doc.data.student_by_id[student.id]
        return next(
            i
            for i, r in enumerate(self._rows)
            if r.student is new_student and r.index == len(new_student.requests) - 1
        )

    def duplicate(self, rows: list[int]) -> list[int]:
        self.doc.message.emit("Requests cannot be duplicated; add one and choose its course.")
        return []

    def dependents(self, rows: list[int]) -> list[str]:
        return []

    def remove(self, rows: list[int]) -> None:
        if not rows:
            return
        gone: dict[str, set[int]] = {}
        for r in rows:
            gone.setdefault(self._rows[r].student.id, set()).add(self._rows[r].index)
        students = tuple(
            s.model_copy(
                update={
                    "requests": tuple(q for i, q in enumerate(s.requests) if i not in gone[s.id])
                }
            )
            if s.id in gone
            else s
            for s in self.doc.data.students
        )
        label = self.describe(self._rows[rows[0]]) if len(rows) == 1 else f"{len(rows)} requests"
        self.doc.replace_data(
            self.doc.data.model_copy(update={"students": students}), f"Delete {label}"
        )
