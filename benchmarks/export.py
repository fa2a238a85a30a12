"""How fast and in how much memory Flexday writes the complete Excel export of a large school.

    python -m benchmarks.export [--students N ...] [--runs 3] [--quick]

Each run is a fresh process (for an honest peak-memory figure): load the solved request-driven
school from the cache (``benchmarks.export_school`` solves it once on first use), check it, and
export every sheet (Summary, Conflicts, Master, Meetings, Room use, Students, Student timetables,
Rosters, Course pairs, one sheet per teacher, group and room) to a temporary file. Only the
check and the export are timed, by the clock (wall) and in CPU time (what the export costs, seen
apart from other work on a shared machine). Prints a table of medians and ends with one JSON
line of the figures of the largest size.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import median, peak_mb, run_child, table

MODULE = "benchmarks.export"


def child(students: int) -> dict:
    from benchmarks.export_school import solved_school
    from scheduler.solver.check import check
    from scheduler.solver.export import export_checked

    data, solution = solved_school(students, log=lambda m: print(m, file=sys.stderr))
    loaded_mb = peak_mb()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "export.xlsx"
        began, cpu = time.monotonic(), time.process_time()
        report = check(data, solution)
        checked = time.monotonic()
        export_checked(data, solution, out, scenario="Main", report=report)
        done, cpu = time.monotonic(), time.process_time() - cpu
        size = out.stat().st_size
        from openpyxl import load_workbook

        book = load_workbook(out, read_only=True)
        sheets = len(book.sheetnames)
        book.close()
    return {
        "students": students,
        "placements": len(solution.placements),
        "enrollments": len(solution.enrollments),
        "sheets": sheets,
        "file_mb": round(size / 1e6, 2),
        "check_s": round(checked - began, 2),
        "export_s": round(done - checked, 2),
        "wall_s": round(done - began, 2),
        "cpu_s": round(cpu, 2),
        "loaded_mb": loaded_mb,
        "peak_mb": peak_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {MODULE}", description=__doc__)
    parser.add_argument("--students", type=int, nargs="*", default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="300 students, one run")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.students[0])))
        return 0
    sizes = args.students or ([300] if args.quick else [300, 2500])
    runs = 1 if args.quick else args.runs
    rows, summary = [], {}
    keys = ("students", "placements", "enrollments", "sheets", "file_mb", "check_s", "export_s",
            "wall_s", "cpu_s", "loaded_mb", "peak_mb")  # fmt: skip
    for n in sizes:
        found = []
        for i in range(runs):
            print(f"… {n} students, run {i + 1} of {runs}", file=sys.stderr, flush=True)
            found.append(run_child(MODULE, ["--students", str(n)], timeout=900))
        figures = {k: found[0][k] for k in ("students", "placements", "enrollments", "sheets")}
        figures |= {k: median(r[k] for r in found) for k in keys[4:]}
        figures["runs"] = runs
        rows.append([figures[k] for k in keys])
        summary = figures
    print(table(["students", "placements", "enrollments", "sheets", "file MB", "check s",
                 "export s", "wall s", "cpu s", "loaded MB", "peak MB"], rows))  # fmt: skip
    print(f"(medians over {runs} run(s) per size; wall s = check + export; cpu s = the CPU time "
          "they took, apart from other work on the machine; peak MB = whole process)")  # fmt: skip
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
