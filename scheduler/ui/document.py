"""The open project: its file, the scenario on screen, and the undo stack every edit goes through.

Views never change domain values themselves; they call ``replace_data`` or ``apply_solution`` (or
push a command), which swaps one immutable value for another. The undo stack's clean state is the
"unsaved changes" flag.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from scheduler.model import Problem, Project, Scenario, SchoolData, Solution, find_problems
from scheduler.ui.commands import ReplaceData, ReplaceProject, ReplaceSolution


def empty_project() -> Project:
    return Project.of(SchoolData(name="New school"))


class Document(QObject):
    changed = Signal()
    """The active scenario's data or timetable, or the list of scenarios, changed."""
    scenarioSwitched = Signal(str)
    """Another scenario is on screen (a new project, an open, a switch, an undo elsewhere)."""
    pathChanged = Signal()
    message = Signal(str)
    """A short message for the status line (a rejected edit, a saved file)."""

    def __init__(
        self,
        project: Project | None = None,
        path: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._project = project or empty_project()
        self._path = path
        self._scenario = self._project.scenario().name
        self._problems: tuple[SchoolData, list[Problem]] | None = None

    # -- reading ------------------------------------------------------------------------------
    @property
    def project(self) -> Project:
        return self._project

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def scenario_name(self) -> str:
        return self._scenario

    @property
    def scenario(self) -> Scenario:
        return self._project.scenario(self._scenario)

    @property
    def data(self) -> SchoolData:
        return self.scenario.data

    @property
    def solution(self) -> Solution | None:
        return self.scenario.solution

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def title(self) -> str:
        return self._path.name if self._path else "Untitled"

    def problems(self) -> list[Problem]:
        """Cross-entity problems of the data on screen, computed once per version of the data."""
        data = self.data
        if self._problems is None or self._problems[0] is not data:
            self._problems = (data, find_problems(data))
        return self._problems[1]

    def problems_by_entity(self) -> dict[tuple[str, str], list[Problem]]:
        out: dict[tuple[str, str], list[Problem]] = defaultdict(list)
        for p in self.problems():
            out[(p.entity, p.id)].append(p)
        return out

    def project_to_save(self) -> Project:
        """The project as it should be written: opening it again shows the scenario on screen."""
        if self._project.active == self._scenario:
            return self._project
        return Project(scenarios=self._project.scenarios, active=self._scenario)

    # -- whole-document changes (not undoable) ------------------------------------------------
    def load(self, project: Project, path: Path | None) -> None:
        """Show another project; the undo history starts afresh."""
        self.undo_stack.clear()
        self._project = project
        self._scenario = project.scenario().name
        self._path = path
        self.undo_stack.setClean()
        self.pathChanged.emit()
        self.scenarioSwitched.emit(self._scenario)
        self.changed.emit()

    def mark_saved(self, path: Path) -> None:
        self.undo_stack.setClean()
        if path != self._path:
            self._path = path
            self.pathChanged.emit()

    def switch_scenario(self, name: str) -> None:
        self._project.scenario(name)  # KeyError for a name that is not there
        if name != self._scenario:
            self._scenario = name
            self.scenarioSwitched.emit(name)
            self.changed.emit()

    # -- undoable edits -------------------------------------------------------------------------
    def replace_data(self, new: SchoolData, label: str) -> None:
        old = self.data
        if new != old:
            self.undo_stack.push(ReplaceData(self, self._scenario, old, new, label))

    def apply_solution(
        self, solution: Solution | None, label: str, *, data: SchoolData | None = None
    ) -> None:
        """Put a timetable on the scenario as one undoable step; ``data`` too when a solve
        changed the school (sections created), so the timetable and its data stay together."""
        old = self.solution
        new_data = data is not None and data != self.data
        if not new_data and solution == old:
            return
        if new_data:
            self.undo_stack.beginMacro(label)
            self.undo_stack.push(ReplaceData(self, self._scenario, self.data, data, label))
        if solution != old:
            self.undo_stack.push(ReplaceSolution(self, self._scenario, old, solution, label))
        if new_data:
            self.undo_stack.endMacro()

    def replace_project(self, new: Project, label: str, *, show: str | None = None) -> None:
        """Clone, rename or delete scenarios; ``show`` names the scenario to show afterwards."""
        target = show if show is not None else self._scenario
        new.scenario(target)
        self.undo_stack.push(
            ReplaceProject(self, (self._project, self._scenario), (new, target), label)
        )

    # -- called by the commands only ----------------------------------------------------------
    def _set_data(self, scenario: str, data: SchoolData) -> None:
        current = self._project.scenario(scenario)
        self._replace(current.model_copy(update={"data": data}))
        self._show(scenario)

    def _set_solution(self, scenario: str, solution: Solution | None) -> None:
        current = self._project.scenario(scenario)
        self._replace(current.model_copy(update={"solution": solution}))
        self._show(scenario)

    def _set_project(self, project: Project, scenario: str) -> None:
        self._project = project
        self._show(scenario)

    def _replace(self, scenario: Scenario) -> None:
        self._project = self._project.replace_scenario(scenario)

    def _show(self, scenario: str) -> None:
        if scenario != self._scenario:
            self._scenario = scenario
            self.scenarioSwitched.emit(scenario)
        self.changed.emit()
