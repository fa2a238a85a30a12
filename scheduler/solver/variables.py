"""The CP-SAT variables of a timetable: one boolean per meeting and allowed start."""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from scheduler.solver.compile import Problem, Resource


class Variables:
    """``start(m, t)`` is true when meeting ``m`` starts at slot ``t``; everything else (which slots
    a meeting occupies, which day it falls on, when a resource is busy) derives from these."""

    def __init__(
        self, model: cp_model.CpModel, problem: Problem, fixed: dict[int, int] | None = None
    ) -> None:
        """``fixed`` keeps some meetings where they are (a re-solve of part of a timetable):
        they get only that start, so the model is as small as the part that may move."""
        self.model = model
        self.problem = problem
        self._x: list[dict[int, cp_model.IntVar]] = []
        self._covering: list[dict[int, list[cp_model.IntVar]]] = []
        fixed = fixed or {}
        for m, meeting in enumerate(problem.meetings):
            domain = meeting.starts
            if m in fixed and fixed[m] in domain:
                domain = (fixed[m],)
            starts = {t: model.new_bool_var(f"m{m}@{t}") for t in domain}
            model.add_exactly_one(starts.values())
            covering: dict[int, list[cp_model.IntVar]] = defaultdict(list)
            for t, var in starts.items():
                for s in meeting.covers(t):
                    covering[s].append(var)
            self._x.append(starts)
            self._covering.append(covering)
        self._busy: dict[tuple[str, str], dict[int, cp_model.IntVar]] = {}
        self._days: dict[int, list[list[cp_model.IntVar]]] = {}
        self._day_sums: dict[tuple[int, int], cp_model.LinearExprT] = {}
        self._start_index: dict[int, cp_model.LinearExpr] = {}
        self._start_var: dict[int, cp_model.IntVar] = {}

    def starts(self, m: int) -> dict[int, cp_model.IntVar]:
        return self._x[m]

    def covering(self, m: int, s: int) -> list[cp_model.IntVar]:
        """Start literals of meeting ``m`` that make it occupy slot ``s`` (at most one is true)."""
        return self._covering[m].get(s, [])

    def occupied_slots(self, m: int):
        return self._covering[m].keys()

    def on_day(self, m: int, d: int) -> list[cp_model.IntVar]:
        return self.by_day(m)[d]

    def by_day(self, m: int) -> list[list[cp_model.IntVar]]:
        """The start literals of meeting ``m`` on each day (computed once per meeting)."""
        days = self._days.get(m)
        if days is None:
            day_of = self.problem.grid.day_of
            days = [[] for _ in range(self.problem.grid.days)]
            for t, var in self._x[m].items():
                days[day_of[t]].append(var)
            self._days[m] = days
        return days

    def day_sum(self, m: int, d: int) -> cp_model.LinearExprT:
        """A boolean true when meeting ``m`` falls on day ``d`` (its start literal when it has one
        start that day, else a new variable equal to their sum; cached)."""
        key = (m, d)
        expr = self._day_sums.get(key)
        if expr is None:
            lits = self.by_day(m)[d]
            if len(lits) == 1:
                expr = lits[0]
            else:
                expr = self.model.new_bool_var(f"day:{m}@{d}")
                self.model.add(expr == sum(lits))
            self._day_sums[key] = expr
        return expr

    def start_var(self, m: int) -> cp_model.IntVar:
        """An integer variable equal to the start slot of meeting ``m`` (created once), for rules
        that compare starts: many short constraints instead of many long sums."""
        var = self._start_var.get(m)
        if var is None:
            domain = cp_model.Domain.from_values(list(self._x[m]))
            var = self.model.new_int_var_from_domain(domain, f"start:{m}")
            self.model.add(var == self.start_index(m))
            self._start_var[m] = var
        return var

    def start_index(self, m: int) -> cp_model.LinearExpr:
        expr = self._start_index.get(m)
        if expr is None:
            x = self._x[m]
            expr = cp_model.LinearExpr.weighted_sum(list(x.values()), list(x))
            self._start_index[m] = expr
        return expr

    def slot_literals(self, resource: Resource) -> dict[int, list[cp_model.IntVar]]:
        """For each slot, every literal that puts one of the resource's meetings there."""
        by_slot: dict[int, list[cp_model.IntVar]] = defaultdict(list)
        for m in resource.meetings:
            for s, lits in self._covering[m].items():
                by_slot[s].extend(lits)
        return by_slot

    def busy(self, resource: Resource) -> dict[int, cp_model.IntVar]:
        """A boolean per slot the resource could be busy in (slots it can never use are absent).
        Relies on the no-overlap rule, which keeps each sum at most one."""
        key = (resource.kind, resource.id)
        if key not in self._busy:
            out = {}
            for s, lits in sorted(self.slot_literals(resource).items()):
                if len(lits) == 1:
                    out[s] = lits[0]
                    continue
                var = self.model.new_bool_var(f"busy:{resource.kind}:{resource.id}@{s}")
                self.model.add(var == sum(lits))
                out[s] = var
            self._busy[key] = out
        return self._busy[key]

    def hint(self, starts: dict[int, int]) -> None:
        for m, t in starts.items():
            for start, var in self._x[m].items():
                self.model.add_hint(var, start == t)

    def extract(self, solver: cp_model.CpSolver) -> dict[int, int]:
        """Meeting -> chosen start slot."""
        out = {}
        for m, starts in enumerate(self._x):
            for t, var in starts.items():
                if solver.boolean_value(var):
                    out[m] = t
                    break
        return out
