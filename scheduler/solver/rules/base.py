"""What every rule module receives (the model, variables, problem) and what it hands back."""

from __future__ import annotations

from collections.abc import Callable
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
    cache: dict = field(default_factory=dict)
    """Auxiliary variables several rules share, e.g. whether a person has lessons on a day."""
    relax: Callable[[object], bool] | None = None
    """Repair mode: hard rules for which this returns True are stated softly (1 point per unit of
    violation) and only their violations are minimised; the school's soft rules are stated but
    cost nothing. A timetable of penalty 0 then keeps every hard rule."""
    relaxed: set[str] = field(default_factory=set)
    """Sources (rule ids) stated softly because of ``relax``."""
    unscored: list[Penalty] = field(default_factory=list)
    """Repair mode: penalties of the school's soft rules, left out of the objective."""

    @property
    def data(self) -> SchoolData:
        return self.problem.data

    def penalize(self, rule: str, source: str, weight: int, amount) -> None:
        penalty = Penalty(rule, source, weight, amount)
        if self.relax is not None and source not in self.relaxed:
            self.unscored.append(penalty)
        else:
            self.penalties.append(penalty)

    def active(self, kind: str):
        """The active constraints of one kind (in repair mode, relaxed ones as soft copies)."""
        out = [c for c in self.data.constraints if c.kind == kind and c.active]
        if self.relax is None:
            return out
        return [self._relaxed(c) if c.hard and self.relax(c) else c for c in out]

    def relaxed_hard(self, source: str, hard: bool, weight: int) -> tuple[bool, int]:
        """(hard, weight) for a built-in hard limit (e.g. a teacher's maximum a day)."""
        if hard and self.relax is not None and self.relax(source):
            self.relaxed.add(source)
            return False, 1
        return hard, weight

    def _relaxed(self, c):
        self.relaxed.add(c.id)
        return c.model_copy(update={"hard": False, "weight": 1})

    def excess(self, amount, limit: int, name: str, upper: int) -> cp_model.IntVar:
        """A variable at least ``amount - limit`` and at least 0: minimising it counts overflow."""
        var = self.model.new_int_var(0, max(0, upper - limit), name)
        self.model.add(var >= amount - limit)
        return var
