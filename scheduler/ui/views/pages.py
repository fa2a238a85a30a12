"""The editor pages of the main window: entity tables, some with an availability panel beside."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from scheduler.model import Target
from scheduler.ui.document import Document
from scheduler.ui.models import entities
from scheduler.ui.models.constraints import ADDABLE, RULE_TITLES, ConstraintModel
from scheduler.ui.models.requests import RequestModel
from scheduler.ui.models.table import EntityTableModel
from scheduler.ui.views.availability import AvailabilityEditor
from scheduler.ui.views.editors import EntityEditor


class Page(QWidget):
    """A page the Edit menu can act on: it knows which of its tables is in use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: list[EntityEditor] = []

    def active_editor(self) -> EntityEditor | None:
        for editor in self.editors:
            if editor.isVisible() and editor.table.hasFocus():
                return editor
        visible = [e for e in self.editors if e.isVisible()]
        return visible[0] if visible else (self.editors[0] if self.editors else None)


def _editor(doc: Document, model: type[EntityTableModel], plural: str, parent) -> EntityEditor:
    return EntityEditor(model(doc), plural=plural, parent=parent)


class EntityPage(Page):
    """One table; with ``kind``, the availability of the current row beside it."""

    def __init__(
        self,
        doc: Document,
        model: type[EntityTableModel],
        plural: str,
        *,
        kind: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = _editor(doc, model, plural, self)
        self.editors = [self.editor]
        self.availability: AvailabilityEditor | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if kind is None:
            layout.addWidget(self.editor)
            return
        self.kind = kind
        self.availability = AvailabilityEditor(doc, self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.editor)
        split.addWidget(self.availability)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 460])
        split.setChildrenCollapsible(False)
        layout.addWidget(split)
        self.editor.currentItemChanged.connect(self._show)

    def _show(self, item) -> None:
        if self.availability is not None:
            target = Target(kind=self.kind, id=item.id) if item is not None else None
            self.availability.set_target(target)


class TabbedPage(Page):
    def __init__(self, pages: list[tuple[str, Page]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for title, page in pages:
            self.tabs.addTab(page, title)
            self.editors.extend(page.editors)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def active_editor(self) -> EntityEditor | None:
        page = self.tabs.currentWidget()
        return page.active_editor() if isinstance(page, Page) else None


def subjects_and_courses(doc: Document) -> Page:
    return TabbedPage(
        [
            ("Courses", EntityPage(doc, entities.CourseModel, "courses")),
            ("Subjects", EntityPage(doc, entities.SubjectModel, "subjects")),
        ]
    )


def students_and_groups(doc: Document) -> Page:
    return TabbedPage(
        [
            ("Groups", EntityPage(doc, entities.GroupModel, "groups", kind="group")),
            ("Students", EntityPage(doc, entities.StudentModel, "students", kind="student")),
        ]
    )


def constraints(doc: Document) -> Page:
    page = EntityPage(doc, ConstraintModel, "rules")
    editor, model = page.editor, page.editor.model
    assert isinstance(model, ConstraintModel)

    def adder(kind: str):
        def run() -> None:
            model.next_kind = kind
            editor.add()

        return run

    editor.add_menu([(RULE_TITLES[k], adder(k)) for k in ADDABLE])
    return page


def editor_pages(doc: Document) -> dict[str, Page]:
    """Navigation title -> page, in the order of the navigation list."""
    return {
        "Teachers": EntityPage(doc, entities.TeacherModel, "teachers", kind="teacher"),
        "Rooms": EntityPage(doc, entities.RoomModel, "rooms", kind="room"),
        "Subjects & Courses": subjects_and_courses(doc),
        "Activities / Sections": EntityPage(doc, entities.ActivityModel, "activities"),
        "Students & Groups": students_and_groups(doc),
        "Requests": EntityPage(doc, RequestModel, "requests"),
        "Constraints": constraints(doc),
        "Personal time": _personal_time(doc),
    }


def _personal_time(doc: Document) -> Page:
    from scheduler.ui.views.personal_page import personal_time  # it builds on this module

    return personal_time(doc)
