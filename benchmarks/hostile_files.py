"""How long, and how much memory, refusing a hostile or absurd file takes.

    python -m benchmarks.hostile_files [--quick]

Each case runs in a child process (clean peak-memory figures): it builds the file, then times the
reader until it refuses with ``FileFormatError``. The baseline is the child's peak memory after
building the file and importing the readers, before reading. Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from benchmarks.common import peak_mb, run_child, table

ROOT = Path(__file__).resolve().parents[1]
CASES = {
    "flexday-million-students": "a .flexday listing 1,000,000 students (17 MB)",
    "flexday-oversized": "a .flexday of 65 MB (over the 64 MB limit)",
    "flexday-deep-nesting": "a .flexday of 1,000,000 nested lists",
    "fet-billion-laughs": "a .fet with 10^9 entity expansions",
    "fet-oversized": "a .fet of 17 MB (over the 16 MB limit)",
    "fet-largest-parsed": "a .fet of 15 MB (70,000 activities) without days: parsed, refused",
    "xlsx-zip-bomb": "an .xlsx whose sheet unpacks from 0.2 MB to 200 MB",
    "xlsx-huge-sheet": "an .xlsx whose sheet declares 1,048,576 x 16,384 cells",
}
QUICK = ("flexday-oversized", "fet-billion-laughs", "fet-oversized", "xlsx-zip-bomb")


def build(case: str, folder: Path) -> tuple[Path, object]:
    """The hostile file and the reader that must refuse it."""
    from scheduler.io import guards
    from scheduler.io.fet import import_fet
    from scheduler.io.project_file import load_project

    if case.startswith("flexday"):
        path = folder / "school.flexday"
        head = '{"format": "flexday", "schema_version": 1, "project": '
        if case == "flexday-million-students":
            students = ",".join(f'{{"id":"S{i}"}}' for i in range(1_000_000))
            body = f'{{"scenarios": [{{"name": "Main", "data": {{"students": [{students}]}}}}]}}'
            path.write_text(head + body + "}", encoding="utf-8")
        elif case == "flexday-oversized":
            with open(path, "wb") as f:
                f.truncate(65 * 1024 * 1024)
        else:
            path.write_text(head + "[" * 1_000_000 + "]" * 1_000_000 + "}", encoding="utf-8")
        return path, load_project
    if case.startswith("fet"):
        path = folder / "school.fet"
        if case == "fet-billion-laughs":
            ents = "".join(
                f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
            )
            path.write_text(
                f'<?xml version="1.0"?><!DOCTYPE fet [<!ENTITY l0 "lol">{ents}]><fet>&l9;</fet>',
                encoding="utf-8",
            )
        elif case == "fet-oversized":
            with open(path, "wb") as f:
                f.truncate(17 * 1024 * 1024)
        else:
            one = (
                "<Activity><Teacher>T</Teacher><Subject>S</Subject><Duration>1</Duration>"
                "<Total_Duration>1</Total_Duration><Id>{}</Id><Activity_Group_Id>0"
                "</Activity_Group_Id><Active>true</Active><Comments></Comments></Activity>\n"
            )
            with open(path, "w", encoding="utf-8") as f:
                f.write('<?xml version="1.0"?><fet version="6.0"><Activities_List>\n')
                for i in range(70_000):
                    f.write(one.format(i))
                f.write("</Activities_List></fet>\n")
        return path, import_fet
    path = folder / "students.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "Student id"
    if case == "xlsx-huge-sheet":
        wb.active["XFD1048576"] = "far away"
    wb.save(path)
    if case == "xlsx-zip-bomb":
        bomb = folder / "bomb.xlsx"
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                with dst.open(info.filename, "w", force_zip64=True) as out:
                    out.write(src.read(info))
                    if info.filename == "xl/worksheets/sheet1.xml":
                        for _ in range(200):  # 200 MB, streamed: never all in memory
                            out.write(b" " * (1024 * 1024))
        path = bomb
    return path, guards.open_workbook


def child(case: str) -> dict:
    from scheduler.io.errors import FileFormatError

    with tempfile.TemporaryDirectory() as tmp:
        path, read = build(case, Path(tmp))
        size_mb = round(path.stat().st_size / 1e6, 1)
        base = peak_mb()
        began = time.perf_counter()
        try:
            read(path)
            outcome = "ACCEPTED"
        except FileFormatError as exc:
            outcome = str(exc).split(": ", 1)[1][:70]
        seconds = round(time.perf_counter() - began, 2)
    return {
        "case": case,
        "file_mb": size_mb,
        "seconds": seconds,
        "peak_mb": peak_mb(),
        "baseline_mb": base,
        "outcome": outcome,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--child", default=None)
    args = p.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    cases = QUICK if args.quick else tuple(CASES)
    results = [run_child("benchmarks.hostile_files", [c], timeout=600) for c in cases]
    rows = [
        [r["case"], r["file_mb"], r["seconds"], r["peak_mb"], r["baseline_mb"], r["outcome"]]
        for r in results
    ]
    print(table(["case", "file MB", "refused in s", "peak MB", "baseline MB", "message"], rows))
    figures = {r["case"]: {"s": r["seconds"], "peak_mb": r["peak_mb"]} for r in results}
    figures["all_refused"] = all(r["outcome"] != "ACCEPTED" for r in results)
    print(json.dumps(figures))
    return 0 if figures["all_refused"] else 1


if __name__ == "__main__":
    sys.exit(main())
