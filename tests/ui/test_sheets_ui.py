"""File > Import spreadsheet / Export data: a clean import replaces the project, a failed one
lists every problem and changes nothing."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from scheduler.io.sheets import example_school, import_school, write_template
from scheduler.ui.sheets import ProblemsDialog


class SheetAnswers:
    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.save: Path | None = None
        self.shown: list[tuple[str, list[str]]] = []

    def open_paths(self) -> list[Path]:
        return self.paths

    def save_path(self, suggested: str) -> Path | None:
        return self.save

    def problems(self, source: str, problems: list[str]) -> None:
        self.shown.append((source, problems))


def run(window, qtbot, action) -> None:
    with qtbot.waitSignal(window.sheets.done, timeout=20_000):
        assert action()


def test_menu_has_both_actions(window) -> None:
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Import &Spreadsheet…" in texts and "Export &Data…" in texts


def test_import_replaces_the_project_as_unsaved_work(window, qtbot, tmp_path) -> None:
    answers = window.sheets.dialogs = SheetAnswers()
    answers.paths = [write_template(tmp_path / "school.xlsx")]
    run(window, qtbot, window.sheets.import_spreadsheet)
    assert window.doc.data == example_school()
    assert window.doc.modified and window.doc.path is None
    assert answers.shown == []


def test_failed_import_lists_every_problem_and_changes_nothing(window, qtbot, tmp_path) -> None:
    answers = window.sheets.dialogs = SheetAnswers()
    path = write_template(tmp_path / "school.xlsx")
    wb = load_workbook(path)
    wb["Requests"]["B3"] = "Chem 2"
    wb["Teachers"]["D2"] = "ten"
    wb.save(path)
    answers.paths = [path]
    before = window.doc.project
    run(window, qtbot, window.sheets.import_spreadsheet)
    assert window.doc.project is before and not window.doc.modified
    assert answers.shown == [
        (
            "school.xlsx",
            [
                "Teachers!D2: expected a whole number, got 'ten'",
                "Requests!B3: unknown course 'Chem 2'",
            ],
        )
    ]


def test_problems_dialog_shows_the_list(qtbot) -> None:
    dialog = ProblemsDialog("school.xlsx", ["Requests!B3: unknown course 'Chem 2'"])
    qtbot.addWidget(dialog)
    assert "unknown course 'Chem 2'" in dialog.text.toPlainText()


def test_export_data_writes_the_open_school(window, qtbot, tmp_path) -> None:
    answers = window.sheets.dialogs = SheetAnswers()
    answers.save = tmp_path / "data"  # .xlsx is added
    run(window, qtbot, window.sheets.export_data)
    assert import_school(tmp_path / "data.xlsx").data == window.doc.data
