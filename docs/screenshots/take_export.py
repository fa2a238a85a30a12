"""Page images of the Excel export, as a person sees it printed: one per kind of sheet.

    python docs/screenshots/take_export.py docs/screenshots

Exports the solved 300-student request-driven school (cached by ``benchmarks.export_school``)
after moving two sections by hand onto a colleague's period, so the Conflicts sheet and the
Summary's figures have something to show; converts the workbook to PDF with LibreOffice
(``soffice --headless``) and renders the first page of each kind of sheet with ``pdftoppm -r 50``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KINDS = {
    # image name: a line only the first page of that sheet starts with
    "export-summary": "Generated Request-Driven",
    "export-conflicts": "Conflicts:",
    "export-master": "Monday",
    "export-meetings": "Activity id",
    "export-room-heatmap": "Room use:",
    "export-students": "Student id",
    "export-student": "(S0002)",
    "export-rosters": "Section rosters",
    "export-course-pairs": "Course pairs requested",
    "export-teacher": "Aiko Lee",
    "export-room": "Science Lab 1",
}


def main(out: Path) -> None:
    from benchmarks.export_school import solved_school
    from scheduler.solver.export import export_checked

    data, solution = solved_school(300)
    moved = _clash(data, solution)
    folder = Path(tempfile.mkdtemp(prefix="flexday-export-shots-"))
    book = export_checked(data, moved, folder / "export.xlsx", scenario="Main (edited)")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(book)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    pdf = folder / "export.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = [p.strip().splitlines()[0].strip() if p.strip() else "" for p in text.split("\f")]
    for name, start in KINDS.items():
        page = next((i + 1 for i, first in enumerate(pages) if first.startswith(start)), None)
        if page is None and start.startswith("("):
            page = next((i + 1 for i, first in enumerate(pages) if start in first), None)
        if page is None:
            print(f"no page for {name}", file=sys.stderr)
            continue
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", "-f", str(page), "-l", str(page), "-singlefile",
             str(pdf), str(out / name)],
            check=True,
        )  # fmt: skip
        print(f"{name}.png: page {page}")
    shutil.rmtree(folder)


def _clash(data, solution):
    """Two sections moved by hand onto the period of another section of the same teacher."""
    by_teacher: dict[str, list] = {}
    for p in solution.placements:
        activity = data.activity_by_id[p.activity]
        if activity.teachers and p.meeting == 0:
            by_teacher.setdefault(activity.teachers[0], []).append(p)
    moved = {}
    for placements in by_teacher.values():
        if len(placements) >= 2 and len(moved) < 2:
            first, second = placements[0], placements[1]
            moved[(second.activity, second.meeting)] = second.model_copy(
                update={"day": first.day, "slot": first.slot}
            )
    return solution.model_copy(
        update={
            "placements": tuple(moved.get((p.activity, p.meeting), p) for p in solution.placements),
            "status": "manual",
        }
    )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
