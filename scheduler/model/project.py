"""A project file's content: one or more named scenarios of the same school."""

from __future__ import annotations

from pydantic import Field, model_validator

from scheduler.model.base import Frozen, Id
from scheduler.model.school import SchoolData
from scheduler.model.solution import Solution


class Scenario(Frozen):
    """One version of the school and its timetable, e.g. 'Main' and 'Try 4-day week'."""

    name: Id
    data: SchoolData
    solution: Solution | None = None
    notes: str = ""


class Project(Frozen):
    """Everything one ``.flexday`` file holds; scenario names double as their ids."""

    scenarios: tuple[Scenario, ...] = Field(min_length=1)
    active: str | None = Field(None, description="Name of the scenario shown when opened.")

    @model_validator(mode="after")
    def _unique_names(self) -> Project:
        names = [s.name for s in self.scenarios]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"scenario names must be unique; repeated: {', '.join(dupes)}")
        if self.active is not None and self.active not in names:
            raise ValueError(f"active scenario {self.active!r} is not in the project")
        return self

    @classmethod
    def of(cls, data: SchoolData, *, scenario: str = "Main") -> Project:
        return cls(scenarios=(Scenario(name=scenario, data=data),))

    def scenario(self, name: str | None = None) -> Scenario:
        """The named scenario, or the active (else first) one when no name is given."""
        wanted = name if name is not None else self.active
        if wanted is None:
            return self.scenarios[0]
        for scenario in self.scenarios:
            if scenario.name == wanted:
                return scenario
        known = ", ".join(repr(s.name) for s in self.scenarios)
        raise KeyError(f"no scenario named {wanted!r}; the project has {known}")

    def replace_scenario(self, scenario: Scenario, *, name: str | None = None) -> Project:
        """A project where the scenario called ``name`` (default: the new one's name) is replaced.

        The active scenario follows a rename, so replacing never leaves ``active`` dangling.
        """
        old = name if name is not None else scenario.name
        self.scenario(old)
        scenarios = tuple(scenario if s.name == old else s for s in self.scenarios)
        active = scenario.name if self.active == old else self.active
        return Project(scenarios=scenarios, active=active)

    def clone_scenario(self, name: str, new_name: str) -> Project:
        """Add an independent copy to try a change without touching the original.

        Values are immutable, so the copy shares the school data instead of duplicating it: cloning
        is cheap, and an edit to either scenario builds new values that the other never sees.
        """
        source = self.scenario(name)
        clone = Scenario(
            name=new_name, data=source.data, solution=source.solution, notes=source.notes
        )
        if any(s.name == clone.name for s in self.scenarios):
            raise ValueError(f"a scenario named {clone.name!r} already exists")
        return Project(scenarios=(*self.scenarios, clone), active=self.active)
