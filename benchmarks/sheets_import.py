"""How long a school's data takes to import from (and export to) the spreadsheet template.

    python -m benchmarks.sheets_import [--repeats 3] [--quick]

Exports the sample school (large.flexday: 2,500 students; --quick: riverside-high, 450) once as
.xlsx and as a CSV folder (and, with ``--libreoffice``, the workbook saved again by LibreOffice,
which writes shared strings as Excel does), then imports each ``--repeats`` times, each import in
a fresh process (for an honest peak-memory figure), and checks that the import equals the
original. Prints a table and ends with one JSON line of the medians.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import median, peak_mb, run_child, table

MODULE = "benchmarks.sheets_import"


def child(project: str, source: str) -> dict:
    from scheduler.io.project_file import load_project
    from scheduler.io.sheets import import_school

    data = load_project(project).scenario().data
    began = time.perf_counter()
    imported = import_school(Path(source))
    wall = time.perf_counter() - began
    return {
        "source": Path(source).name,
        "students": len(imported.data.students),
        "equal": imported.data == data,
        "wall_s": round(wall, 2),
        "peak_mb": peak_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {MODULE}")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="riverside-high, one repeat")
    parser.add_argument(
        "--libreoffice", action="store_true", help="also a copy re-saved by LibreOffice (soffice)"
    )
    parser.add_argument("--child", nargs=2, metavar=("PROJECT", "SOURCE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0

    from scheduler.io.project_file import load_project
    from scheduler.io.sheets import export_data

    project = "samples/riverside-high.flexday" if args.quick else "samples/large.flexday"
    repeats = 1 if args.quick else args.repeats
    data = load_project(project).scenario().data
    folder = Path(tempfile.mkdtemp(prefix="flexday-sheets-"))
    timings = {}
    for name in ("school.xlsx", "csv"):
        began = time.perf_counter()
        export_data(data, folder / name)
        timings[name] = round(time.perf_counter() - began, 2)
    sources = ["school.xlsx", "csv"]
    if args.libreoffice:
        resaved = folder / "libreoffice"
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(resaved),
             str(folder / "school.xlsx")],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        (resaved / "school.xlsx").rename(folder / "libreoffice.xlsx")
        timings["libreoffice.xlsx"] = None
        sources.append("libreoffice.xlsx")
    runs = {}
    for name in sources:
        child_args = [project, str(folder / name)]
        runs[name] = [run_child(MODULE, child_args, timeout=600) for _ in range(repeats)]
    rows = [
        (
            name,
            len(data.students),
            timings[name],
            median(r["wall_s"] for r in results),
            median(r["peak_mb"] for r in results),
            all(r["equal"] for r in results),
        )
        for name, results in runs.items()
    ]
    print(f"{project}: {len(data.students)} students, median of {repeats} import(s)")
    print(table(["source", "students", "export s", "import s", "peak MB", "equal"], rows))
    xlsx, csv = rows[:2]
    figures = {
        "students": len(data.students),
        "export_xlsx_s": xlsx[2],
        "import_xlsx_s": xlsx[3],
        "import_xlsx_peak_mb": xlsx[4],
        "export_csv_s": csv[2],
        "import_csv_s": csv[3],
        "round_trip_equal": xlsx[5] and csv[5],
        "repeats": repeats,
    }
    if args.libreoffice:
        figures["import_libreoffice_xlsx_s"] = rows[2][3]
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
