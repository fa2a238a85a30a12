"""The Flex page: blocks, offerings and requests on the left, routing and its report on the right
(beside it, on a second tab, regrouping by mastery: ``regroup_panel``).

"Route flex" sends the school and the timetable to a worker process (the window never waits),
and the routing comes back as one undoable step on the timetable. The report says how many
mandatory and teacher requests were honoured, the share of first and second choices, how full
each offering is, and why any request could not be honoured.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from scheduler.ui.document import Document
from scheduler.ui.flex_job import FlexJob, FlexOutcome, route_job
from scheduler.ui.models.flex import FlexBlockModel, FlexOfferingModel, FlexRequestModel
from scheduler.ui.tasks import TaskRunner
from scheduler.ui.views.pages import EntityPage, Page, TabbedPage
from scheduler.ui.views.regroup_panel import RegroupPanel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
KIND = {"intervention": "Intervention", "enrichment": "Enrichment"}
KIND.update({"study_hall": "Study hall", "advisory": "Advisory"})


def apply_routing(*, doc: Document, outcome: FlexOutcome, routed_from) -> bool:
    """Store the routing on the timetable it was computed for, as one undoable step."""
    if doc.solution is None or doc.solution is not routed_from:
        doc.message.emit("The timetable changed while routing; route flex again.")
        return False
    new = doc.solution.model_copy(update={"flex": outcome.assignments})
    doc.apply_solution(new, f"Route flex ({len(outcome.assignments)} students)")
    return True


class FlexPanel(QWidget):
    """The routing action and its report; emits ``routeRequested`` and shows an outcome."""

    routeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.route = QPushButton("Route flex")
        self.route.setToolTip(
            "Send every student to one offering of each flex block, on the current timetable"
        )
        self.route.clicked.connect(self.routeRequested)
        self.state = QLabel("", objectName="flexState")
        self.state.setWordWrap(True)
        self.summary = QLabel("", objectName="flexSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.sizes = QTableWidget(0, 4)
        self.sizes.setHorizontalHeaderLabels(["Offering", "Kind", "Students", "Seats"])
        self.sizes.verticalHeader().setVisible(False)
        self.sizes.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sizes.horizontalHeader().setStretchLastSection(True)
        self.sizes.setColumnWidth(0, 210)
        self.sizes.setColumnWidth(1, 95)
        self.sizes.setColumnWidth(2, 70)
        top = QHBoxLayout()
        top.addWidget(self.route)
        top.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.sizes, 1)

    def set_ready(self, ready: bool, why: str = "") -> None:
        self.route.setEnabled(ready)
        if why:
            self.state.setText(why)

    def show_outcome(self, outcome: FlexOutcome, names: dict[str, tuple[str, str]]) -> None:
        r = outcome.report
        lines = [
            f"<b>{r['routed']} of {r['participants']} students routed</b> in {r['wall_s']:.2f} s"
            + (f"; {len(r['away'])} busy in the window" if r["away"] else ""),
        ]
        for tier in ("mandatory", "teacher"):
            t = r[tier]
            mark = "✓" if t["honoured"] == t["asked"] else "!"
            lines.append(
                f"{mark} {tier.capitalize()} requests honoured: {t['honoured']} of {t['asked']} "
                f"({t['pct']:.1f}%)"
            )
        c = r["choices"]
        lines.append(
            f"Choices ({c['students']} students): first {c['first_pct']:.1f}%, "
            f"second {c['second_pct']:.1f}%, later {c['other']}, none {c['none']}"
        )
        lines.append(f"Default advisory: {r['advisory_default']} students")
        for u in r["unhonoured"][:8]:
            lines.append(
                f"<span style='color:#b42318'>{html.escape(u['tier'])} request "
                f"{html.escape(u['student'])} → {html.escape(u['offering'])}: "
                f"{html.escape(u['reason'])}</span>"
            )
        if len(r["unhonoured"]) > 8:
            lines.append(f"… and {len(r['unhonoured']) - 8} more (see the Excel export)")
        for rule, count in outcome.hard.items():
            lines.append(f"<span style='color:#b42318'>Checker: {rule} × {count}</span>")
        if not outcome.hard:
            lines.append("<span style='color:#15803d'>Checker: no flex violations</span>")
        self.summary.setText("<br>".join(lines))
        rows = r["offerings"]
        self.sizes.setRowCount(len(rows))
        for i, o in enumerate(rows):
            label, kind = names.get(o["offering"], (o["offering"], ""))
            seats = "—" if o["capacity"] is None else str(o["capacity"])
            cells = [label, KIND.get(kind, kind), str(o["size"]), seats]
            if o["closed"]:
                cells[3] = f"closed: {o['closed']}"
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j in (2, 3) and not o["closed"]:
                    item.setTextAlignment(RIGHT)
                full = o["capacity"] is not None and o["size"] >= o["capacity"] > 0
                if full and j == 2:
                    item.setToolTip("Full")
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.sizes.setItem(i, j, item)


class FlexPage(Page):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.tables = TabbedPage(
            [
                ("Offerings", EntityPage(doc, FlexOfferingModel, "flex offerings")),
                ("Requests", EntityPage(doc, FlexRequestModel, "flex requests")),
                ("Blocks", EntityPage(doc, FlexBlockModel, "flex blocks")),
            ]
        )
        self.editors = self.tables.editors
        self.panel = FlexPanel(self)
        self.regroup = RegroupPanel(doc, self)
        self.actions = QTabWidget(self)
        self.actions.addTab(self.panel, "Flex routing")
        self.actions.addTab(self.regroup, "Regroup by mastery")
        self.runner = TaskRunner(self)
        self._routed_from = None
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tables)
        split.addWidget(self.actions)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([720, 460])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.panel.routeRequested.connect(self.route)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.busyChanged.connect(lambda busy: self._refresh())
        doc.changed.connect(self._refresh)
        self._refresh()

    def active_editor(self):
        return self.tables.active_editor()

    def _refresh(self) -> None:
        if self.runner.busy:
            self.panel.set_ready(False, "Routing…")
            return
        data, solution = self.doc.data, self.doc.solution
        if not data.flex_blocks:
            self.panel.set_ready(False, "No flex blocks yet: add one on the Blocks tab.")
        elif solution is None:
            self.panel.set_ready(False, "No timetable yet: solve first, then route flex.")
        else:
            routed = len(solution.flex)
            self.panel.set_ready(
                True,
                f"{routed} students routed in the stored timetable."
                if routed
                else "Not routed yet.",
            )

    def route(self) -> None:
        solution = self.doc.solution
        if solution is None or not self.doc.data.flex_blocks or self.runner.busy:
            return
        self._routed_from = solution
        job = FlexJob(self.doc.data.model_dump_json(), solution.model_dump_json())
        self.runner.start("flex routing", route_job, job)

    def _finished(self, outcome: FlexOutcome) -> None:
        names = {o.id: (o.label, o.kind) for o in self.doc.data.flex_offerings}
        self.panel.show_outcome(outcome, names)
        apply_routing(doc=self.doc, outcome=outcome, routed_from=self._routed_from)
        self._routed_from = None

    def _failed(self, message: str) -> None:
        self.panel.state.setText(f"Routing failed: {message}")
        self.doc.message.emit(f"Flex routing failed: {message}")
