"""How responsive the window stays while the large sample solves.

    python -m benchmarks.ui_stall [--quick] [--limit SECONDS] [--sample PATH]

Opens ``samples/large.flexday`` in a minimal window with the solve panel and the timetable view
(offscreen when there is no display), times the open, starts a solve, and lets a 10 ms QTimer on
the UI thread measure the longest gap between its ticks (a gap is a stall: the window could not
react for that long). When the solve ends, applying its timetable to the view is timed too.
Prints a table, then one JSON line with at least ``max_stall_ms`` and ``open_large_s``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICK_MS = 10


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QSplitter

    from scheduler.io.project_file import load_project
    from scheduler.ui.views.solve_panel import SolvePanel
    from scheduler.ui.views.timetable import TimetableView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    figures: dict[str, object] = {"sample": str(args.sample), "time_limit_s": args.limit}

    began = time.perf_counter()
    data = load_project(args.sample).scenario().data
    window = QSplitter()
    view, panel = TimetableView(window), SolvePanel(window)
    window.resize(1500, 900)
    view.set_content(data, None)
    panel.set_data(data)
    window.show()
    app.processEvents()
    figures["open_large_s"] = round(time.perf_counter() - began, 3)

    probe = StallProbe()
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(probe.tick)
    outcome_box: list[object] = []

    def finished(outcome) -> None:
        probe.phase("result")
        outcome_box.append(outcome)
        QTimer.singleShot(300, app.quit)  # keep measuring while the result is shown

    panel.runner.progress.connect(lambda _p: probe.phase("search"))
    panel.runner.finished.connect(finished)
    panel.runner.failed.connect(lambda m: (figures.update(error=m), app.quit()))
    panel.runner.cancelled.connect(app.quit)
    panel.limit.setValue(int(args.limit))
    timer.start()
    probe.phase("start-up")
    solve_began = time.perf_counter()
    panel.start()
    QTimer.singleShot(int((args.limit + 60) * 1000), panel.cancel)  # a safety net
    app.exec()
    timer.stop()
    figures["solve_wall_s"] = round(time.perf_counter() - solve_began, 1)
    figures.update(probe.summary())

    outcome = outcome_box[0] if outcome_box else None
    if outcome is not None:
        figures["status"] = outcome.status
        figures["reasons"] = list(outcome.reasons)
        figures["meetings_placed"] = outcome.placed
        figures["penalty"] = None if outcome.report is None else outcome.report.soft_penalty
        figures["hard_violations"] = (
            None if outcome.report is None else outcome.report.hard_violations
        )
        if outcome.solution is not None:
            began = time.perf_counter()
            view.set_content(data, outcome.solution)
            view.show_master()
            app.processEvents()
            figures["apply_result_s"] = round(time.perf_counter() - began, 3)
            grid = view.grid
            card = grid._placed[0][0]
            began = time.perf_counter()
            grid.pick_up(card)
            grid.repaint()
            figures["pick_up_card_ms"] = round((time.perf_counter() - began) * 1000, 1)
            grid.cancel_carry()
    figures["ortools_in_ui_process"] = "ortools" in sys.modules
    figures["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    figures["date"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    panel.shutdown()
    _print_table(figures)
    print(json.dumps(figures))
    return 0


class StallProbe:
    """Longest gap between ticks of the UI thread's timer, overall and per phase of the solve."""

    def __init__(self) -> None:
        self.last: float | None = None
        self.current = "start-up"
        self.worst: dict[str, float] = {}
        self.ticks = 0
        self.over_50 = 0

    def phase(self, name: str) -> None:
        self.current = name

    def tick(self) -> None:
        now = time.perf_counter()
        if self.last is not None:
            gap = (now - self.last) * 1000
            self.worst[self.current] = max(self.worst.get(self.current, 0.0), gap)
            self.over_50 += gap > 50
        self.last = now
        self.ticks += 1

    def summary(self) -> dict[str, object]:
        return {
            "max_stall_ms": round(max(self.worst.values(), default=0.0), 1),
            "stall_by_phase_ms": {k: round(v, 1) for k, v in self.worst.items()},
            "ticks": self.ticks,
            "gaps_over_50ms": self.over_50,
        }


def _print_table(f: dict[str, object]) -> None:
    rows = [
        ("Open the large sample (load + view + panel)", f"{f['open_large_s']:.2f} s", "≤ 2 s"),
        ("Longest UI stall while solving", f"{f['max_stall_ms']:.0f} ms", "≤ 100 ms"),
    ]
    for phase, ms in f["stall_by_phase_ms"].items():
        rows.append((f"  … during {phase}", f"{ms:.0f} ms", ""))
    rows.append(("Timer gaps over 50 ms", str(f["gaps_over_50ms"]), ""))
    rows.append(("Solve (wall, incl. worker start-up)", f"{f['solve_wall_s']} s", ""))
    if "status" in f:
        rows.append(("Result", f"{f['status']}, penalty {f.get('penalty')}", ""))
        for reason in f.get("reasons", []):
            rows.append((f"  ({reason})", "", ""))
    if "apply_result_s" in f:
        rows.append(("Show the result (master grid)", f"{f['apply_result_s']:.2f} s", ""))
        rows.append(("Pick up a card (verdicts + repaint)", f"{f['pick_up_card_ms']:.0f} ms", ""))
    rows.append(
        ("OR-Tools loaded in the UI process", "yes" if f["ortools_in_ui_process"] else "no", "")
    )
    width = max(len(r[0]) for r in rows)
    print(f"\nUI responsiveness — {f['sample']}, time limit {f['time_limit_s']:g} s")
    print(f"{'':-<{width + 30}}")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>12}  {target}")
    print(f"{'':-<{width + 30}}\n{f['machine']}, {f['date']}\n")


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.ui_stall", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="a 20 s solve instead of 90 s")
    parser.add_argument("--limit", type=float, help="solver time limit in seconds")
    parser.add_argument("--sample", type=Path, default=ROOT / "samples" / "large.flexday")
    args = parser.parse_args(argv)
    if args.limit is None:
        args.limit = 20.0 if args.quick else 90.0
    return args


if __name__ == "__main__":
    sys.exit(main())
