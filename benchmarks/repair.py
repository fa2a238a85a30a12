"""Minimal-change repair against a fresh solve, after one teacher stops working on Fridays.

    python -m benchmarks.repair [--quick] [--samples riverside northside] [--limit S] [--base S]

For each sample: solve it (the "current timetable", the first row of the table; samples are solved
afresh so the timetable and the sections the solver plans belong together), take the teacher with
the most Friday lessons among those with room in the rest of their week, make them unavailable all
Friday (Northside: the first period of every day, see ``EDITS``), then (a) repair from the current
timetable and (b) solve the edited school from scratch, with the same time limit. Both results are
scored by the independent checker and compared with the current timetable by
``scheduler.solver.changes`` (meetings at another time, rooms, student timetables). Prints a table
and ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks.common import peak_mb, table

SAMPLES = {
    "riverside": Path("samples/riverside-high.flexday"),
    "northside": Path("samples/northside-academy.flexday"),
}
EDITS = {"riverside": "friday", "northside": "first period"}
"""Northside's sections meet every day of the week in one period, so a teacher away on Fridays
can teach none of them: no timetable exists (repair and fresh solve both say so at once). There
the edit is the daily analogue: the teacher no longer teaches the first period of any day."""


def edited_slots(data, edit: str) -> set[tuple[str, str]]:
    """(day, slot) the teacher loses: all of the last day, or the first period of every day."""
    if edit == "friday":
        day = data.calendar.days[-1]
        return {(day.id, s.id) for s in day.slots if s.teaching}
    return {(d.id, next(s.id for s in d.slots if s.teaching)) for d in data.calendar.days}


def busiest_teacher(data, solution, lost: set[tuple[str, str]]) -> tuple[str, int]:
    """The teacher with most meetings in the lost slots whose week has room for them elsewhere
    (load at most half of their other periods), so the edit has a repair."""
    teaching = sum(sum(s.teaching for s in d.slots) for d in data.calendar.days)
    other = teaching - len(lost)
    load: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    for p in solution.placements:
        activity = data.activity_by_id[p.activity]
        span = activity.meetings[p.meeting]
        for t in activity.teachers:
            load[t] += span
            hit[t] += (p.day, p.slot) in lost
    roomy = [t.id for t in data.teachers if not t.unavailable and load[t.id] <= other // 2]
    best = max(roomy, key=lambda t: (hit[t], t))
    return best, hit[best]


def away(data, teacher: str, lost: set[tuple[str, str]]):
    from scheduler.model import SlotRef

    away = tuple(SlotRef(day=d, slot=s) for d, s in sorted(lost))
    teachers = tuple(
        t.model_copy(update={"unavailable": away}) if t.id == teacher else t for t in data.teachers
    )
    return data.model_copy(update={"teachers": teachers})


def run(sample: str, *, base_limit: float, limit: float, workers: int) -> dict:
    from scheduler.io.project_file import load_project
    from scheduler.solver.repair import RepairOptions, repair
    from scheduler.solver.solve import SolveOptions, solve

    data = load_project(SAMPLES[sample]).scenario().data
    base = solve(data, SolveOptions(time_limit_s=base_limit, workers=workers))
    if base.solution is None:
        raise SystemExit(f"{sample}: the base solve found no timetable ({base.reasons})")
    current = base.data or data
    lost = edited_slots(current, EDITS[sample])
    teacher, hit = busiest_teacher(current, base.solution, lost)
    edited = away(current, teacher, lost)
    out = {
        "sample": sample,
        "edit": EDITS[sample],
        "meetings": sum(len(a.meetings) for a in current.activities),
        "students": len(current.students),
        "teacher": teacher,
        "teacher_meetings_lost": hit,
        "limit_s": limit,
    }
    out["current"] = _figures(base, current, current, base.solution, base.wall_s)
    began = time.monotonic()
    fixed = repair(edited, base.solution, RepairOptions(time_limit_s=limit, workers=workers))
    out["repair"] = _figures(fixed, edited, current, base.solution, time.monotonic() - began)
    began = time.monotonic()
    fresh = solve(edited, SolveOptions(time_limit_s=limit, workers=workers))
    out["fresh"] = _figures(fresh, edited, current, base.solution, time.monotonic() - began)
    out["peak_mb"] = peak_mb()
    return out


def _figures(result, edited, current, before, wall: float) -> dict:
    from scheduler.solver.changes import changes
    from scheduler.solver.check import check
    from scheduler.solver.requests import request_stats

    if result.solution is None:
        return {
            "status": result.status,
            "hard_violations": None,
            "reasons": list(result.reasons),
            "wall_s": round(wall, 1),
        }
    data = result.data or edited
    report = check(data, result.solution)
    diff = changes(current, before, data, result.solution)
    stats = request_stats(data, result.solution)
    return {
        "status": result.status,
        "hard_violations": report.hard_violations,
        "soft_penalty": report.soft_penalty,
        "requests_met_pct": stats.met_pct if stats else None,
        **diff.summary(),
        "wall_s": round(wall, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.repair", description=__doc__)
    parser.add_argument("--samples", nargs="*", choices=sorted(SAMPLES), default=None)
    parser.add_argument("--limit", type=float, default=None, help="repair and fresh solve (s)")
    parser.add_argument("--base", type=float, default=None, help="the first solve (s)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="riverside only, 30 s and 20 s")
    args = parser.parse_args(argv)
    samples = args.samples or (["riverside"] if args.quick else ["riverside", "northside"])
    base = args.base or (30.0 if args.quick else 60.0)
    limit = args.limit or (20.0 if args.quick else 60.0)
    results = []
    for sample in samples:
        print(
            f"{sample}: solving the current timetable ({base:g} s), then repair and fresh "
            f"solve ({limit:g} s each)…",
            file=sys.stderr,
        )
        results.append(run(sample, base_limit=base, limit=limit, workers=args.workers))
    rows = []
    for r in results:
        for kind in ("current", "repair", "fresh"):
            f = r[kind]
            rows.append(
                [
                    r["sample"],
                    f"{r['teacher']} away {r['edit']} ({r['teacher_meetings_lost']} there)",
                    kind,
                    f["status"],
                    f["hard_violations"],
                    f.get("soft_penalty"),
                    f.get("meetings_moved"),
                    f.get("rooms_changed"),
                    f"{f.get('students_changed')}/{r['students']}",
                    f.get("requests_met_pct"),
                    f["wall_s"],
                ]
            )
    print(
        table(
            [
                "sample",
                "edit",
                "run",
                "status",
                "hard",
                "soft",
                "moved",
                "rooms",
                "students changed",
                "met %",
                "wall s",
            ],
            rows,
        )
    )
    summary = {
        r["sample"]: {
            "meetings": r["meetings"],
            "edit": r["edit"],
            "teacher_meetings_lost": r["teacher_meetings_lost"],
            "repair_hard": r["repair"]["hard_violations"],
            "repair_moved": r["repair"].get("meetings_moved"),
            "repair_students_changed": r["repair"].get("students_changed"),
            "fresh_hard": r["fresh"]["hard_violations"],
            "fresh_moved": r["fresh"].get("meetings_moved"),
            "fresh_students_changed": r["fresh"].get("students_changed"),
        }
        for r in results
    }
    for r in results:
        for kind in ("repair", "fresh"):
            for reason in r[kind].get("reasons", ()):
                print(f"{r['sample']} {kind}: {reason}")
    print(json.dumps({"limit_s": limit, "workers": args.workers, **summary}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
