"""Show one entity in its editor (page, tab, selected row): the links of Explain findings."""

from __future__ import annotations

from scheduler.ui.views.editors import EntityEditor
from scheduler.ui.views.pages import Page, TabbedPage

PAGES = {
    "teacher": ("Teachers", None),
    "room": ("Rooms", None),
    "activity": ("Activities / Sections", None),
    "group": ("Students & Groups", 0),
    "student": ("Students & Groups", 1),
    "constraint": ("Constraints", None),
}


def select_entity(window, kind: str, entity_id: str) -> bool:
    """Switch ``window`` (a MainWindow) to the entity's page and select its row; False when the
    entity is not (or no longer) there."""
    if kind not in PAGES:
        return False
    title, tab = PAGES[kind]
    page = window.pages.get(title)
    if not isinstance(page, Page):
        return False
    window.show_page(title)
    if tab is not None and isinstance(page, TabbedPage):
        page.tabs.setCurrentIndex(tab)
        inner = page.tabs.currentWidget()
        editors = inner.editors if isinstance(inner, Page) else []
    else:
        editors = page.editors
    for editor in editors:
        row = _row_of(editor, entity_id)
        if row is not None:
            editor.select_row(row)
            editor.table.setFocus()
            return True
    window.statusBar().showMessage(f"{kind} {entity_id!r} is no longer in the school.", 6000)
    return False


def _row_of(editor: EntityEditor, entity_id: str) -> int | None:
    model = editor.model
    for row in range(model.rowCount()):
        if getattr(model.item(row), "id", None) == entity_id:
            return row
    return None
