"""Does a solve stop when it should? Time limit, cancel, and a dying worker, measured.

    python -m benchmarks.solver_limits [--quick] [--reps N]

1. Time limit: ``solve()`` with limits of 2, 5 and 10 s (quick: 2 s); the figure is the overshoot,
   wall time minus limit, for the whole call (compiling the school included). Target: <= 2 s.
2. Cancel, in the solver: ``solve()`` in a thread, ``CancelToken.cancel()`` after 0.3 s (while
   the model is being built), 2 s and 5 s; the figure is the time from cancel to ``solve()``
   returning. Target: <= 1 s.
3. Cancel, in the app: the solve panel's path, ``TaskRunner`` with the real ``solve_job`` in a
   worker process; time from ``cancel()`` to the runner's ``finished``/``cancelled`` signal.
4. A worker that dies (SIGKILL) mid-solve: time until the runner reports ``failed``.

Uses ``samples/large.flexday`` (2,500 students) and, with ``--quick``, ``riverside-high``. Prints a
table, then one JSON line of medians.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

from benchmarks.common import median, table

ROOT = Path(__file__).resolve().parents[1]


def time_limit(data, limit: float, reps: int) -> list[dict]:
    from scheduler.solver.solve import SolveOptions, solve

    out = []
    for _ in range(reps):
        began = time.perf_counter()
        r = solve(data, SolveOptions(time_limit_s=limit))
        wall = time.perf_counter() - began
        out.append({"limit": limit, "wall": wall, "over": wall - limit, "status": str(r.status)})
    return out


def solver_cancel(data, after: float, reps: int) -> list[float]:
    from scheduler.solver.progress import CancelToken
    from scheduler.solver.solve import SolveOptions, solve

    latencies = []
    for _ in range(reps):
        token = CancelToken()
        done = threading.Event()

        def run(token=token, done=done) -> None:
            solve(data, SolveOptions(time_limit_s=120), cancel=token)
            done.set()

        threading.Thread(target=run, daemon=True).start()
        time.sleep(after)
        asked = time.perf_counter()
        token.cancel()
        done.wait(120)
        latencies.append(time.perf_counter() - asked)
    return latencies


def app_paths(data_json: str, after: float, reps: int) -> tuple[list[float], list[float]]:
    """(cancel latencies, dead-worker report latencies) through the app's TaskRunner."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from scheduler.ui import jobs
    from scheduler.ui.tasks import TaskRunner

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    assert app is not None

    def one(action: str) -> float:
        runner = TaskRunner()
        loop = QEventLoop()
        ended: list[float] = []
        for sig in (runner.finished, runner.cancelled, runner.failed):
            sig.connect(lambda *_: (ended.append(time.perf_counter()), loop.quit()))
        runner.start("solve", jobs.solve_job, jobs.SolveRequest(data_json, time_limit_s=120))
        marks: list[float] = []

        def act() -> None:
            marks.append(time.perf_counter())
            if action == "cancel":
                runner.cancel()
            else:
                os.kill(runner._job.process.pid, signal.SIGKILL)  # type: ignore[union-attr]

        QTimer.singleShot(int(after * 1000), act)
        QTimer.singleShot(180_000, loop.quit)
        loop.exec()
        runner.shutdown()
        return ended[0] - marks[0]

    cancels = [one("cancel") for _ in range(reps)]
    deaths = [one("kill") for _ in range(reps)]
    return cancels, deaths


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--reps", type=int, default=None)
    args = p.parse_args(argv)
    from scheduler.io.project_file import load_project

    sample = "riverside-high" if args.quick else "large"
    reps = args.reps or (2 if args.quick else 3)
    data = load_project(ROOT / "samples" / f"{sample}.flexday").scenario().data
    limits = [2.0] if args.quick else [2.0, 5.0, 10.0]
    cancel_after = [0.3, 2.0] if args.quick else [0.3, 2.0, 5.0]

    rows, figures = [], {"sample": sample, "reps": reps, "load": os.getloadavg()[0]}
    for limit in limits:
        runs = time_limit(data, limit, reps)
        over = median(r["over"] for r in runs)
        worst = round(max(r["over"] for r in runs), 2)
        rows.append(["time limit", f"{limit:g} s", over, worst, runs[-1]["status"]])
        figures[f"limit_{limit:g}s_overshoot_s"] = over
        figures[f"limit_{limit:g}s_worst_overshoot_s"] = worst
    for after in cancel_after:
        lat = solver_cancel(data, after, reps)
        rows.append(["cancel (solver)", f"at {after:g} s", median(lat), round(max(lat), 2), ""])
        figures[f"cancel_solver_at_{after:g}s_s"] = median(lat)
        figures[f"cancel_solver_at_{after:g}s_worst_s"] = round(max(lat), 2)
    data_json = data.model_dump_json()
    cancels, deaths = app_paths(data_json, 2.0, reps)
    rows.append(["cancel (app worker)", "at 2 s", median(cancels), round(max(cancels), 2), ""])
    rows.append(["worker killed -> failed", "at 2 s", median(deaths), round(max(deaths), 2), ""])
    figures["cancel_app_s"] = median(cancels)
    figures["cancel_app_worst_s"] = round(max(cancels), 2)
    figures["dead_worker_reported_s"] = median(deaths)
    print(f"sample {sample}, {reps} runs each, load {figures['load']:.1f}")
    print(table(["what", "when", "median s", "worst s", "last status"], rows))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
