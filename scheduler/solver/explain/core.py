"""A small set of hard rules that cannot hold together, and single changes that would fix it.

The guarded model is solved with every switch assumed on. When CP-SAT proves it infeasible,
``sufficient_assumptions_for_infeasibility`` names the switches it used: a conflicting set, often
larger than needed. It is shrunk by deletion (drop a chunk of the set, keep the drop if the rest
is still infeasible, halving the chunk until single rules), each check with a short time limit.
Then each rule of the set is switched off alone, with every other rule of the school on: when a
timetable then exists, that single relaxation is reported, verified by that solve.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from scheduler.solver.explain.guards import Guarded
from scheduler.solver.progress import CancelToken

INFEASIBLE, FEASIBLE, UNKNOWN = "infeasible", "feasible", "unknown"


@dataclass(frozen=True)
class CoreResult:
    status: str
    """Of the whole school with every rule on."""
    core: tuple[int, ...] = ()
    minimal: bool = False
    """True when every rule left in ``core`` was shown necessary."""
    fixes: dict[int, str] | None = None
    """Group index -> ``feasible`` / ``infeasible`` / ``unknown`` with only that group off."""
    solves: int = 0


class CoreSearch:
    def __init__(
        self,
        guarded: Guarded,
        *,
        deadline: float,
        workers: int | None = None,
        cancel: CancelToken | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.g = guarded
        self.deadline = deadline
        self.workers = workers or min(2, os.cpu_count() or 1)
        self.cancel = cancel
        self.clock = clock
        self.solves = 0

    def left(self) -> float:
        return self.deadline - self.clock()

    def stopped(self) -> bool:
        return self.left() <= 0.05 or (self.cancel is not None and self.cancel.cancelled)

    def check(self, on: list[int], limit: float, *, core: bool) -> tuple[str, list[int]]:
        """Solve with the switches ``on`` assumed true (the others free, so off)."""
        model = self.g.model
        model.clear_assumptions()
        model.add_assumptions([self.g.switches[i] for i in on])
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, min(limit, self.left()))
        # One worker keeps the core small and reproducible; feasibility checks may use more.
        solver.parameters.num_workers = 1 if core else self.workers
        solver.parameters.random_seed = 0
        if self.cancel is not None:
            self.cancel.attach(solver)
        try:
            status = solver.solve(model)
        finally:
            if self.cancel is not None:
                self.cancel.attach(None)
        self.solves += 1
        if status == cp_model.INFEASIBLE:
            used = set(solver.sufficient_assumptions_for_infeasibility()) if core else set()
            index = {self.g.switches[i].index: i for i in on}
            return INFEASIBLE, sorted(index[v] for v in used if v in index)
        if status in (cp_model.FEASIBLE, cp_model.OPTIMAL):
            return FEASIBLE, []
        return UNKNOWN, []

    def run(self, *, first_limit: float, step_limit: float, max_fixes: int = 8) -> CoreResult:
        everything = list(range(len(self.g.switches)))
        status, used = self.check(everything, first_limit, core=True)
        if status != INFEASIBLE:
            return CoreResult(status, solves=self.solves)
        core = used if used or not everything else everything
        if not used:
            # No switch needed: the background alone (one lesson at a time, room counts,
            # every meeting placed) is infeasible. Confirm with nothing on.
            again, _ = self.check([], step_limit, core=True)
            if again == INFEASIBLE:
                return CoreResult(INFEASIBLE, (), True, {}, self.solves)
        core, minimal = self._shrink(core, step_limit)
        fixes: dict[int, str] = {}
        for i in core[:max_fixes]:
            if self.stopped():
                break
            others = [j for j in everything if j != i]
            fixes[i], _ = self.check(others, 2 * step_limit, core=False)
        return CoreResult(INFEASIBLE, tuple(core), minimal, fixes, self.solves)

    def _shrink(self, core: list[int], limit: float) -> tuple[list[int], bool]:
        """Deletion with chunks: try dropping ``chunk`` rules at a time, halving down to one."""
        minimal = True
        chunk = max(1, len(core) // 2)
        while True:
            i = 0
            while i < len(core):
                if self.stopped():
                    return core, False
                trial = core[:i] + core[i + chunk :]
                status, used = self.check(trial, limit, core=True)
                if status == INFEASIBLE:
                    keep = set(used) if used else set(trial)
                    core = [j for j in trial if j in keep]
                    if not core:
                        return core, True
                    continue
                if status == UNKNOWN and chunk == 1:
                    minimal = False
                i += chunk
            if chunk == 1:
                return core, minimal
            chunk = max(1, chunk // 2)
