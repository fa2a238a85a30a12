"""What every rule module receives (the model, variables, problem) and what it hands back."""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.model import SchoolData
from scheduler.solver.compile import Problem
from scheduler.solver.variables import Variables


@dataclass(frozen=True, slots=True)
class Penalty:
    """``weight`` points for each unit of ``amount`` (a CP-SAT linear expression)."""

    rule: str
    source: str
    weight: int
    amount: cp_model.LinearExprT


@dataclass
class Build:
    model: cp_model.CpModel
    vars: Variables
    problem: Problem
    penalties: list[Penalty] = field(default_factory=list)
    extra_pairs: dict[tuple[str, str], int] = field(default_factory=dict)
    """Course pairs that blocked students in an earlier round, with extra weight."""

    @property
    def data(self) -> SchoolData:
        return self.problem.data

    def penalize(self, rule: str, source: str, weight: int, amount) -> None:
        self.penalties.append(Penalty(rule, source, weight, amount))

    def active(self, kind: str):
        """The active constraints of one kind."""
        return [c for c in self.data.constraints if c.kind == kind and c.active]

    def excess(self, amount, limit: int, name: str, upper: int) -> cp_model.IntVar:
        """A variable at least ``amount - limit`` and at least 0: minimising it counts overflow."""
        var = self.model.new_int_var(0, max(0, upper - limit), name)
        self.model.add(var >= amount - limit)
        return var
