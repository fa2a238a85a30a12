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
from scheduler.solver.progress import CancelToken, solve_watched

INFEASIBLE, FEASIBLE, UNKNOWN = "infeasible", "feasible", "unknown"


@dataclass(frozen=True)
class CoreResult:
    status: str
    """Of the whole school with every rule on."""
    core: tuple[int, ...] = ()
    minimal: bool = False
    """True when every rule left in ``core`` was shown necessary."""
    fixes: dict[tuple[int, ...], str] | None = None
    """Group indexes -> ``feasible`` / ``infeasible`` / ``unknown`` with only those groups off."""
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
        self.hint: dict[int, int] = {}
        """Meeting -> start of the last timetable seen (the school's own, then each one found):
        most feasibility checks move only a few lessons from it."""

    def set_hint(self, starts: dict[int, int]) -> None:
        self.hint = dict(starts)
        self.g.model.clear_hints()
        self.g.variables.hint(self.hint)

    def left(self) -> float:
        return self.deadline - self.clock()

    def stopped(self) -> bool:
        return self.left() <= 0.05 or (self.cancel is not None and self.cancel.cancelled)

    def check(self, on: list[int], limit: float, *, core: bool) -> tuple[str, list[int]]:
        """Solve with the switches ``on`` assumed true (the others free, so off)."""
        model = self.g.model
        model.clear_assumptions()
        if core:
            model.add_assumptions([self.g.switches[i] for i in on])
        else:
            # Switches fixed outright let presolve drop every start they rule out, which makes
            # a feasibility check about as fast as a normal solve; assumptions would not.
            model = model.clone()
            chosen = set(on)
            for i, switch in enumerate(self.g.switches):
                model.add(switch == int(i in chosen))
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, min(limit, self.left()))
        solver.parameters.num_workers = self.workers
        solver.parameters.random_seed = 0
        status = solve_watched(solver, model, self.cancel)
        self.solves += 1
        if status == cp_model.INFEASIBLE:
            used = set(solver.sufficient_assumptions_for_infeasibility()) if core else set()
            index = {self.g.switches[i].index: i for i in on}
            return INFEASIBLE, sorted(index[v] for v in used if v in index)
        if status in (cp_model.FEASIBLE, cp_model.OPTIMAL):
            self.set_hint(self.g.variables.extract(solver))
            return FEASIBLE, []
        return UNKNOWN, []

    def run(
        self,
        *,
        first_limit: float,
        step_limit: float,
        focus: list[int] | None = None,
        max_fixes: int = 8,
    ) -> CoreResult:
        """``focus``: rule groups about what the pre-checks named; when they alone are already
        infeasible (a quick check, with presolve), the search starts from them."""
        everything = list(range(len(self.g.switches)))
        if focus:
            status, _ = self.check(focus, first_limit / 2, core=False)
            if status == INFEASIBLE:
                core, minimal = self._shrink(list(focus), step_limit)
                return self._fixes(core, minimal, everything, step_limit, max_fixes)
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
        return self._fixes(core, minimal, everything, step_limit, max_fixes)

    def _fixes(self, core, minimal, everything, step_limit, max_fixes) -> CoreResult:
        fixes: dict[tuple[int, ...], str] = {}
        for i in core[:max_fixes]:
            if self.stopped():
                break
            fixes[(i,)] = self.try_without([i], everything, 2 * step_limit)
        if core and FEASIBLE not in fixes.values():
            # No single change does it: lift every rule about one entity of the set (all the
            # days a teacher is away), then give back what is not needed, one rule at a time.
            for together in self._bundles(core):
                if self.stopped() or together in fixes:
                    break
                fixes[together] = self.try_without(list(together), everything, 2 * step_limit)
                if fixes[together] == FEASIBLE:
                    smaller = self._trim(list(together), everything, 2 * step_limit)
                    if smaller != together:
                        del fixes[together]
                        fixes[smaller] = FEASIBLE
                    break
        if not minimal and len(core) > 1:
            core, minimal = self._confirm(core)
            fixes = {k: v for k, v in fixes.items() if len(k) > 1 or k[0] in core}
        return CoreResult(INFEASIBLE, tuple(core), minimal, fixes, self.solves)

    def _confirm(self, core: list[int]) -> tuple[list[int], bool]:
        """With the time left, show each rule of the set necessary (without it, a timetable)."""
        confirmed = 0
        for i in list(core):
            left = self.left()
            if left < 1.0 or self.stopped() or len(core) == 1:
                break
            rest = [j for j in core if j != i]
            status, _ = self.check(rest, left / max(1, len(core) - confirmed), core=False)
            if status == INFEASIBLE:
                core = rest
            elif status == FEASIBLE:
                confirmed += 1
        return core, confirmed == len(core)

    def _trim(self, off: list[int], everything: list[int], limit: float) -> tuple[int, ...]:
        for i in list(off):
            if self.stopped() or len(off) == 1:
                break
            rest = [j for j in off if j != i]
            if self.try_without(rest, everything, limit) == FEASIBLE:
                off = rest
        return tuple(off)

    def try_without(self, off: list[int], everything: list[int], limit: float) -> str:
        """Is there a timetable with every rule on but ``off``?"""
        drop = set(off)
        status, _ = self.check([j for j in everything if j not in drop], limit, core=False)
        return status

    def _bundles(self, core: list[int]) -> list[tuple[int, ...]]:
        """Per entity named first by a rule of the core: every rule group about it."""

        def owner(i: int):
            entities = self.g.groups[i].entities
            return (entities[0].kind, entities[0].id) if entities else None

        out = []
        for who in dict.fromkeys(owner(i) for i in core):
            if who is not None:
                mine = tuple(j for j in range(len(self.g.groups)) if owner(j) == who)
                if len(mine) > 1 and mine not in out:
                    out.append(mine)
        if len(core) > 1 and tuple(core) not in out:
            out.append(tuple(core))
        return out

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
                if not trial:  # nothing but the always-on rules: not worth a full solve
                    i += chunk
                    continue
                status, used = self.check(trial, limit, core=False)
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
