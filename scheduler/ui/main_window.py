"""The main window: assembles the pages, menus, toolbar and status bar around one document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from scheduler import __version__
from scheduler.ui import icons
from scheduler.ui.document import Document
from scheduler.ui.files import Files, fet_importer
from scheduler.ui.navigate import select_entity
from scheduler.ui.sheets import SheetFiles
from scheduler.ui.views.calendar_editor import CalendarEditor
from scheduler.ui.views.explain_panel import ExplainPanel
from scheduler.ui.views.flex_page import FlexPage
from scheduler.ui.views.pages import Page, editor_pages
from scheduler.ui.views.scenarios import ScenariosView
from scheduler.ui.wiring import TimetablePage

SP = icons.SP
PAGE_ICONS = {
    "Calendar": SP.SP_FileDialogContentsView,
    "Teachers": SP.SP_DirHomeIcon,
    "Rooms": SP.SP_DirIcon,
    "Subjects & Courses": SP.SP_FileDialogListView,
    "Activities / Sections": SP.SP_FileIcon,
    "Students & Groups": SP.SP_DirLinkIcon,
    "Requests": SP.SP_DialogApplyButton,
    "Constraints": SP.SP_MessageBoxWarning,
    "Timetable": SP.SP_FileDialogDetailedView,
    "Scenarios": SP.SP_BrowserReload,
    "Flex": SP.SP_DialogYesButton,
    "Explain": SP.SP_MessageBoxQuestion,
    "Personal time": SP.SP_FileDialogInfoView,
}


class MainWindow(QMainWindow):
    def __init__(self, doc: Document | None = None) -> None:
        super().__init__()
        self.doc = doc or Document(parent=self)
        self.files = Files(self.doc, self)
        self.sheets = SheetFiles(self.doc, self.files, self)
        self.setWindowIcon(icons.app_icon())
        self.resize(1360, 860)
        self.setMinimumSize(QSize(900, 600))

        self.pages: dict[str, QWidget] = {"Calendar": CalendarEditor(self.doc)}
        self.pages.update(editor_pages(self.doc))
        self.pages["Timetable"] = TimetablePage(self.doc)
        self.pages["Flex"] = FlexPage(self.doc)  # routes students over the timetable: next to it
        self.pages["Scenarios"] = ScenariosView(self.doc)
        self.pages["Explain"] = self.explain_panel = ExplainPanel(self)
        self.explain_panel.entityActivated.connect(lambda k, i: select_entity(self, k, i))
        self.doc.changed.connect(
            lambda: self.explain_panel.set_data(self.doc.data, self.doc.solution)
        )
        self.explain_panel.set_data(self.doc.data, self.doc.solution)
        solve_panel = getattr(self.pages["Timetable"], "solve_panel", None)
        if solve_panel is not None:  # "Explain why" under a solve that found no timetable
            solve_panel.summary.explainRequested.connect(self._explain_now)
        self._build_navigation()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()

        self.doc.undo_stack.cleanChanged.connect(self._clean_changed)
        self.doc.pathChanged.connect(self._update_title)
        self.doc.changed.connect(self._update_status)
        self.doc.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.files.recentChanged.connect(self._fill_recent)
        self._update_title()
        self._update_status()
        self._restore_layout()

    # -- parts ----------------------------------------------------------------------------------
    def _build_navigation(self) -> None:
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setSpacing(1)
        self.nav.setFixedWidth(200)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setStyleSheet(
            "QListWidget { background: #f1f5f9; padding-top: 8px;"
            " border-right: 1px solid #cbd5e1; }"
            "QListWidget::item { padding-left: 8px; }"
        )
        self.stack = QStackedWidget()
        for title, page in self.pages.items():
            item = QListWidgetItem(icons.standard(PAGE_ICONS[title]), title)
            item.setSizeHint(QSize(0, 32))
            self.nav.addItem(item)
            holder = QWidget()
            lay = QVBoxLayout(holder)
            lay.setContentsMargins(12, 10, 12, 6)
            heading = QLabel(title)
            font = heading.font()
            font.setPointSizeF(font.pointSizeF() + 4)
            font.setBold(True)
            heading.setFont(font)
            lay.addWidget(heading)
            lay.addWidget(page, 1)
            self.stack.addWidget(holder)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _action(self, text: str, slot, shortcut=None, icon=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(icon)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        std, f = QKeySequence.StandardKey, self.files
        self.new_action = self._action(
            "&New", f.new, std.New, icons.standard(SP.SP_FileIcon), "Start a new project"
        )
        self.open_action = self._action(
            "&Open…", f.open, std.Open, icons.standard(SP.SP_DialogOpenButton), "Open a project"
        )
        self.save_action = self._action(
            "&Save", f.save, std.Save, icons.standard(SP.SP_DialogSaveButton), "Save the project"
        )
        self.save_as_action = self._action("Save &As…", f.save_as, std.SaveAs)
        self.import_action = self._action(
            "&Import FET…", f.import_fet, tip="Import a school from a FET file"
        )
        self.export_action = self._action(
            "&Export to Excel…",
            f.export_excel,
            "Ctrl+E",
            icons.spreadsheet(),
            "Export the timetable as an Excel workbook",
        )
        self.import_sheet_action = self._action(
            "Import &Spreadsheet…",
            self.sheets.import_spreadsheet,
            tip="Import a school from a filled-in template (.xlsx, or CSV files)",
        )
        self.export_data_action = self._action(
            "Export &Data…",
            self.sheets.export_data,
            tip="Export the school data in the spreadsheet template's format",
        )
        self.import_changes_action = self._action(
            "Import Timetable &Changes…",
            f.import_changes,
            tip="Read back meetings changed in an exported workbook, as a new scenario",
        )
        self.quit_action = self._action("&Quit", self.close, std.Quit)
        self.undo_action = self.doc.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(std.Undo)
        self.undo_action.setIcon(icons.standard(SP.SP_ArrowBack))
        self.redo_action = self.doc.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence(std.Redo), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(icons.standard(SP.SP_ArrowForward))
        self.add_action = self._action("&Add Row", lambda: self._edit("add"), "Ctrl+Shift+N",
                                       icons.add(), "Add a row to the table on screen")  # fmt: skip
        self.duplicate_action = self._action(
            "D&uplicate Rows", lambda: self._edit("duplicate"), "Ctrl+D", icons.duplicate()
        )
        self.delete_action = self._action(
            "&Delete Rows", lambda: self._edit("delete"), None, icons.remove()
        )
        self.find_action = self._action("&Find…", self._find, std.Find)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        file.addActions([self.new_action, self.open_action])
        self.recent_menu = file.addMenu("Open &Recent")
        file.addSeparator()
        file.addActions([self.save_action, self.save_as_action])
        file.addSeparator()
        file.addActions([self.import_action, self.export_action])
        file.addActions([self.import_sheet_action, self.export_data_action])
        file.addAction(self.import_changes_action)
        file.addSeparator()
        file.addAction(self.quit_action)
        self._fill_recent()
        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        edit.addActions([self.add_action, self.duplicate_action, self.delete_action])
        edit.addSeparator()
        edit.addAction(self.find_action)
        view = bar.addMenu("&View")
        for i, title in enumerate(self.pages):
            key = f"Ctrl+{(i + 1) % 10}" if i < 10 else None  # Ctrl+1..9, 0: the first ten
            view.addAction(self._action(title, lambda _=False, i=i: self.show_page(i), key))
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About Flexday", self._about))
        fet = fet_importer() is not None
        self.import_action.setEnabled(fet)
        if not fet:
            self.import_action.setText("&Import FET… (not installed)")

    def _build_toolbar(self) -> None:
        tools = self.addToolBar("Main")
        tools.setObjectName("main-toolbar")
        tools.setMovable(False)
        tools.setIconSize(QSize(18, 18))
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tools.addActions([self.new_action, self.open_action, self.save_action])
        tools.addSeparator()
        tools.addActions([self.undo_action, self.redo_action])
        for action in (self.undo_action, self.redo_action):  # their text names the edit: too long
            button = tools.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        tools.addSeparator()
        tools.addAction(self.export_action)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.problems_label = QToolButton(autoRaise=True)
        self.problems_label.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.problems_label.clicked.connect(self._show_problems)
        self.scenario_label = QLabel()
        self.timetable_label = QLabel()
        for w in (self.problems_label, self.timetable_label, self.scenario_label):
            status.addPermanentWidget(w)
        status.insertPermanentWidget(0, self.files.excel.status)  # busy, then Open file/folder

    # -- behaviour ------------------------------------------------------------------------------
    def show_page(self, index: int | str) -> None:
        row = list(self.pages).index(index) if isinstance(index, str) else index
        self.nav.setCurrentRow(row)

    def _explain_now(self) -> None:
        self.show_page("Explain")
        self.explain_panel.start()

    def current_page(self) -> QWidget:
        return list(self.pages.values())[self.nav.currentRow()]

    def _edit(self, what: str) -> None:
        page = self.current_page()
        editor = page.active_editor() if isinstance(page, Page) else None
        if editor is None:
            self.statusBar().showMessage("There is no table on this page.", 4000)
            return
        getattr(editor, what)()

    def _find(self) -> None:
        page = self.current_page()
        editor = page.active_editor() if isinstance(page, Page) else None
        if editor is not None:
            editor.search.setFocus()
            editor.search.selectAll()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.files.recent()
        for i, path in enumerate(recent):
            action = self.recent_menu.addAction(f"&{i + 1} {path.name}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.files.open(p))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear Recent Files", self.files.clear_recent)
        self.recent_menu.setEnabled(bool(recent))

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _update_title(self, *_args) -> None:
        self.setWindowTitle(f"{self.doc.title}[*] — Flexday")
        self.setWindowModified(self.doc.modified)

    def _update_status(self) -> None:
        problems = self.doc.problems()
        if problems:
            self.problems_label.setIcon(icons.standard(SP.SP_MessageBoxWarning))
            self.problems_label.setText(f"{len(problems)} problem{'s' * (len(problems) != 1)}")
            shown = "\n".join(f"• {p}" for p in problems[:15])
            self.problems_label.setToolTip(shown + ("\n…" if len(problems) > 15 else ""))
        else:
            self.problems_label.setIcon(icons.standard(SP.SP_DialogApplyButton))
            self.problems_label.setText("No problems")
            self.problems_label.setToolTip("Every reference resolves and every lesson can fit")
        solution = self.doc.solution
        self.timetable_label.setText(
            "Not solved" if solution is None else f"Timetable: {len(solution.placements)} placed"
        )
        self.scenario_label.setText(f"Scenario: {self.doc.scenario_name}")

    def _show_problems(self) -> None:
        problems = self.doc.problems()
        if not problems:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Problems in the school data", "", parent=self)
        box.setText(f"{len(problems)} problem(s) to fix before solving:")
        box.setInformativeText("\n".join(f"• {p}" for p in problems[:40]))
        box.exec()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Flexday",
            f"<b>Flexday {__version__}</b><p>Design, solve, check and export flexible school "
            "timetables. Solving uses Google OR-Tools CP-SAT; an independent checker scores "
            "every timetable.</p>",
        )

    # -- window layout and closing --------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        page = settings.value("window/page", 0)  # a title; a row number before pages moved
        if page in self.pages:
            self.show_page(page)
        elif str(page).isdigit() and int(page) < len(self.pages):
            self.show_page(int(page))

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/page", list(self.pages)[self.nav.currentRow()])

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.files.discard_recovery()
        self.sheets.runner.shutdown()
        self.files.excel.shutdown()
        self.files.locks.release()
        self.save_layout()
        panel = getattr(self.pages["Timetable"], "solve_panel", None)
        if panel is not None:
            panel.shutdown()  # stop a running solve's worker process with the window
        self.pages["Flex"].runner.shutdown()
        self.explain_panel.shutdown()
        event.accept()

    def open_at_start(self, path: Path | None) -> None:
        """Open the file given on the command line, or offer work left by a crash."""
        if path is not None:
            self.files.open_path(path)
        else:
            self.files.offer_recovery()
