"""How long the window stalls while File > Export to Excel writes the 2,500-student timetable, and
how long comparing two scenarios of that school takes.

    python -m benchmarks.ui_export_stall [--quick] [--limit SECONDS]

Uses the solved request-driven school of ``benchmarks.export_school`` (solved once and cached).
Export "before" is the old path, ``export_checked`` called on the UI thread: the window stalls for
the whole call. "After" is ``scheduler.ui.excel_export.ExcelExport`` (a worker process) with a
10 ms QTimer measuring the longest gap between its ticks (``benchmarks.ui_stall.StallProbe``).
Compare: the base scenario against a clone with five meetings moved, timed on the UI thread as
the Compare window used to run it (``scheduler.solver.compare.compare``, median of three), then
through the Compare window (a worker process at this size) with the stall probe. ``--quick`` skips
the "before" export. Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.ui_stall import TICK_MS, StallProbe


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ui_export_stall")
    parser.add_argument("--quick", action="store_true", help="skip the on-UI-thread export")
    parser.add_argument("--students", type=int, default=2500)
    parser.add_argument("--limit", type=float, default=120.0, help="first solve's time limit")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    from benchmarks.export_school import solved_school
    from scheduler.ui.excel_export import ExcelExport

    data, solution = solved_school(args.students, limit=args.limit)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    figures: dict[str, object] = {
        "students": len(data.students),
        "placements": len(solution.placements),
    }
    folder = Path(tempfile.mkdtemp(prefix="flexday-export-stall-"))

    if not args.quick:
        from scheduler.solver.export import export_checked

        began = time.perf_counter()
        export_checked(data, solution, folder / "before.xlsx", scenario="Main")
        figures["before_stall_ms"] = round((time.perf_counter() - began) * 1000)

    window = QLabel("exporting")
    window.show()
    errors: list[str] = []
    excel = ExcelExport(lambda _m: None, lambda t, m: errors.append(f"{t}: {m}"), window)
    probe = StallProbe()
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(probe.tick)
    excel.done.connect(lambda _p: QTimer.singleShot(200, app.quit))
    timer.start()
    began = time.perf_counter()
    probe.phase("start")
    excel.start(data, solution, folder / "after.xlsx", "Main")
    probe.phase("export")
    app.exec()
    timer.stop()
    figures["after_wall_s"] = round(time.perf_counter() - began, 1)
    figures["after_stall_ms"] = probe.summary()["max_stall_ms"]
    figures["after_stall_by_phase_ms"] = probe.summary()["stall_by_phase_ms"]
    figures["after_gaps_over_50ms"] = probe.summary()["gaps_over_50ms"]
    if errors:
        figures["error"] = errors[0]
    project = _two_scenarios(data, solution)
    figures["compare_ms"] = _compare_ms(project)
    figures.update(_compare_view_stall(app, project))
    figures["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    figures["load"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    figures["date"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    _print_table(figures)
    print(json.dumps(figures))
    return 0


def _two_scenarios(data, solution):
    """Main and a clone with five meetings moved to another day."""
    from scheduler.model import Project, Scenario

    moved = list(solution.placements)
    days = sorted({p.day for p in moved})
    for i in range(0, min(len(moved), 50), 10):  # five meetings to another day, same slot
        p = moved[i]
        moved[i] = p.model_copy(update={"day": next(d for d in days if d != p.day)})
    project = Project(scenarios=(Scenario(name="Main", data=data, solution=solution),))
    project = project.clone_scenario("Main", "Moved")
    clone = project.scenario("Moved")
    changed = clone.model_copy(
        update={"solution": solution.model_copy(update={"placements": tuple(moved)})}
    )
    return project.replace_scenario(changed)


def _compare_ms(project) -> float:
    """Median of three ``compare`` runs, as the Compare window used to run it on the UI thread."""
    from scheduler.solver.compare import compare

    runs = []
    for _ in range(3):
        began = time.perf_counter()
        compare(project, ["Main", "Moved"])
        runs.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(runs))


def _compare_view_stall(app, project) -> dict[str, object]:
    """The Compare window's run (a worker for this size), with the stall probe ticking."""
    from PySide6.QtCore import QTimer

    from scheduler.ui.document import Document
    from scheduler.ui.views.compare import CompareView

    view = CompareView(Document(project))
    view.resize(1200, 700)
    view.show()
    app.processEvents()
    probe = StallProbe()
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(probe.tick)
    view.computed.connect(lambda: QTimer.singleShot(200, app.quit))
    timer.start()
    began = time.perf_counter()
    view.run()
    app.exec()
    timer.stop()
    view.shutdown()
    return {
        "compare_view_wall_s": round(time.perf_counter() - began, 1),
        "compare_view_stall_ms": probe.summary()["max_stall_ms"],
        "compare_view_changes": view.changes_model.rowCount(),
    }


def _print_table(f: dict[str, object]) -> None:
    rows = [("School", f"{f['students']:,} students, {f['placements']:,} placements")]
    if "before_stall_ms" in f:
        rows.append(("Export on the UI thread (before): stall", f"{f['before_stall_ms']:,} ms"))
    rows.append(("Export in a worker (after): longest stall", f"{f['after_stall_ms']:.0f} ms"))
    for phase, ms in f["after_stall_by_phase_ms"].items():
        rows.append((f"  … during {phase}", f"{ms:.0f} ms"))
    rows.append(("  timer gaps over 50 ms", str(f["after_gaps_over_50ms"])))
    rows.append(("  export wall time (worker)", f"{f['after_wall_s']} s"))
    rows.append(("Compare on the UI thread (before, median of 3)", f"{f['compare_ms']:,} ms"))
    rows.append(("Compare window, worker (after): longest stall",
                 f"{f['compare_view_stall_ms']:.0f} ms"))  # fmt: skip
    rows.append(("  wall time, rows of changes",
                 f"{f['compare_view_wall_s']} s, {f['compare_view_changes']:,}"))  # fmt: skip
    width = max(len(r[0]) for r in rows)
    print(f"\nExcel export and compare on the UI — {f['students']:,} students")
    print("-" * (width + 34))
    for name, value in rows:
        print(f"{name:<{width}}  {value:>30}")
    print("-" * (width + 34))
    print(f"{f['machine']}, load {f['load']}, {f['date']}\n")


if __name__ == "__main__":
    sys.exit(main())
