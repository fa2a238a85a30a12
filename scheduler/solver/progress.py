"""How a running solve reports to its caller and how the caller stops it: plain Python, no Qt."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model


@dataclass(frozen=True, slots=True)
class Progress:
    elapsed_s: float
    solutions: int
    objective: float | None
    best_bound: float | None
    stage: str = "timetable"

    @property
    def gap(self) -> float | None:
        """Relative distance between the best timetable and the bound (0 = proven optimal)."""
        if self.objective is None or self.best_bound is None:
            return None
        if self.objective == 0:
            return 0.0
        return max(0.0, (self.objective - self.best_bound) / abs(self.objective))


ProgressCallback = Callable[[Progress], None]


class CancelToken:
    """Thread-safe: ``cancel()`` may be called from any thread; the solve stops within a moment
    and returns the best timetable found so far."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._solver: cp_model.CpSolver | None = None

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            if self._solver is not None:
                self._solver.stop_search()

    def attach(self, solver: cp_model.CpSolver | None) -> None:
        """Follow a solver while it runs (``None`` when it is done). CP-SAT forgets a stop that
        arrives before or just as its search starts, so a watcher repeats it until detached."""
        with self._lock:
            self._solver = solver
        if solver is not None:
            threading.Thread(target=self._watch, args=(solver,), daemon=True).start()

    def _watch(self, solver: cp_model.CpSolver) -> None:
        while True:
            with self._lock:
                if self._solver is not solver:
                    return
                if self._event.is_set():
                    solver.stop_search()
            time.sleep(0.05)


class Reporter(cp_model.CpSolverSolutionCallback):
    """Turns CP-SAT's solution and bound callbacks into ``Progress`` values."""

    def __init__(self, callback: ProgressCallback | None, clock: Callable[[], float]) -> None:
        super().__init__()
        self._callback = callback
        self._clock = clock
        self.solutions = 0
        self.objective: float | None = None
        self.bound: float | None = None
        self.first_solution_s: float | None = None
        self.stop_after: float | None = None
        """On ``clock``: once past it, the next timetable found ends the search."""

    def on_solution_callback(self) -> None:
        self.solutions += 1
        self.objective = self.objective_value
        self.bound = self.best_objective_bound
        if self.first_solution_s is None:
            self.first_solution_s = self._clock()
        self._emit()
        if self.stop_after is not None and self._clock() >= self.stop_after:
            self.stop_search()

    def on_bound(self, bound: float) -> None:
        self.bound = bound
        self._emit()

    def _emit(self) -> None:
        if self._callback is not None:
            self._callback(Progress(self._clock(), self.solutions, self.objective, self.bound))


def solve_watched(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    cancel: CancelToken | None,
    callback: cp_model.CpSolverSolutionCallback | None = None,
) -> int:
    """``solver.solve(model)``, stopped early when ``cancel`` is cancelled meanwhile."""
    if cancel is not None:
        cancel.attach(solver)
    try:
        return solver.solve(model, callback)
    finally:
        if cancel is not None:
            cancel.attach(None)
