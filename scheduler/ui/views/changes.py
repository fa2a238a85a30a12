"""The dialog that shows timetable changes read back from Excel and the checker's verdict.

Nothing is applied from here: the dialog only answers with the name of the new scenario (or
None). Changes that break a hard rule cannot be saved; the rules are listed in plain words.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from scheduler.solver.import_changes import Review, plain


class ChangesDialog(QDialog):
    def __init__(
        self, review: Review, name: str, taken: set[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import timetable changes")
        self.resize(720, 520)
        self.taken = taken
        layout = QVBoxLayout(self)
        count = len(review.changes)
        heading = QLabel(
            f"<b>{count} change(s)</b> to scenario <b>{review.scenario}</b> read from the "
            "Meetings sheet:"
        )
        layout.addWidget(heading)
        self.changes_list = QListWidget()
        self.changes_list.addItems([f"Row {c.row}: {c.text}" for c in review.changes])
        layout.addWidget(self.changes_list, 2)

        self.verdict_label = QLabel(review.verdict())
        self.verdict_label.setWordWrap(True)
        colour = "#9c0006" if review.new_hard else "#1e6b2e"
        self.verdict_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        layout.addWidget(self.verdict_label)
        self.violations_list = QListWidget()
        self.violations_list.addItems([plain(v) for v in review.new_hard])
        self.violations_list.setVisible(bool(review.new_hard))
        layout.addWidget(self.violations_list, 1)

        form = QFormLayout()
        self.name_edit = QLineEdit(name)
        form.addRow("Save as the new scenario:", self.name_edit)
        layout.addLayout(form)
        note = QLabel(f"Scenario {review.scenario!r} stays as it is.")
        note.setStyleSheet("color: palette(mid);")
        layout.addWidget(note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            "Save as New Scenario", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.accepted_review = review.accepted
        self.name_edit.textChanged.connect(self._enable)
        self.name_edit.setEnabled(review.accepted)
        self._enable()

    def _enable(self, *_args) -> None:
        name = self.name_edit.text().strip()
        self.save_button.setEnabled(self.accepted_review and bool(name) and name not in self.taken)

    def name(self) -> str:
        return self.name_edit.text().strip()


def ask_changes(review: Review, name: str, taken: set[str], parent: QWidget) -> str | None:
    """Show the dialog; the new scenario's name when the user saves, else None."""
    dialog = ChangesDialog(review, name, taken, parent)
    return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else None
