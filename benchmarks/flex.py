"""How fast Flexday routes a whole school into flex offerings, and how well it keeps the tiers.

    python -m benchmarks.flex [--students N] [--repeat 5] [--quick]

The school is the request-driven generator's (samples/requests.py, seed 2026) with the flex
block of samples/flex.py: a FLEX slot on Tuesday and Thursday, one offering per teacher (about
120 for 2,500 students), mandatory interventions, teacher requests, three ranked choices with
uneven popularity, and default advisories. A flex slot holds no lessons, so the routing runs on
an empty timetable here (the sectioning benchmark covers building one); a few teachers are made
unavailable in the window so that closed offerings are part of the work. Each repeat routes the
whole school from scratch; the table shows every repeat and the JSON line the medians.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from benchmarks.common import median, peak_mb, table

AWAY_EVERY = 25
"""One teacher in this many is away in the Thursday window (a meeting): their offering closes."""


def school(students: int):
    from samples.flex import with_flex
    from samples.requests import request_school
    from scheduler.model import SlotRef

    data = with_flex(request_school(students=students, seed=2026))
    busy = {
        o.teacher for i, o in enumerate(data.flex_offerings) if i % AWAY_EVERY == AWAY_EVERY - 1
    }
    # Requests for a closed offering could not be honoured; a school would not make them.
    requests = tuple(
        r
        for r in data.flex_requests
        if next(o.teacher for o in data.flex_offerings if o.id == r.offering) not in busy
    )
    teachers = tuple(
        t.model_copy(update={"unavailable": (*t.unavailable, SlotRef(day="THU", slot="FLEX"))})
        if t.id in busy
        else t
        for t in data.teachers
    )
    return data.model_copy(update={"teachers": teachers, "flex_requests": requests})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.flex", description=__doc__)
    parser.add_argument("--students", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--quick", action="store_true", help="600 students, 2 repeats")
    args = parser.parse_args(argv)
    from scheduler.model import Solution
    from scheduler.solver.check import check
    from scheduler.solver.stages.flex import route_flex

    students = args.students or (600 if args.quick else 2500)
    repeat = args.repeat or (2 if args.quick else 5)
    began = time.monotonic()
    data = school(students)
    print(f"… generated {students} students in {time.monotonic() - began:.1f} s", file=sys.stderr)
    rows, runs = [], []
    for i in range(repeat):
        t0 = time.monotonic()
        result = route_flex(data, Solution())
        wall = time.monotonic() - t0
        runs.append((wall, result))
        rows.append(
            [
                i + 1,
                f"{wall:.2f}",
                f"{result.routed}/{result.participants}",
                f"{result.honoured_pct('mandatory'):.1f}",
                f"{result.honoured_pct('teacher'):.1f}",
                f"{result.choice_pct('first'):.1f}",
                f"{result.choice_pct('second'):.1f}",
                result.advisory,
            ]
        )
    result = runs[-1][1]
    t0 = time.monotonic()
    report = check(data, Solution(flex=result.assignments))
    check_s = time.monotonic() - t0
    flex_hard = sum(c for r, (c, _) in report.by_rule(hard=True).items() if r.startswith("flex"))
    print(
        table(
            ["run", "wall s", "routed", "mandatory %", "teacher %", "1st %", "2nd %", "advisory"],
            rows,
        )
    )
    closed = [o for o in result.sizes if o.closed]
    full = sum(1 for o in result.sizes if o.capacity is not None and o.size >= o.capacity > 0)
    print(
        f"offerings {len(data.flex_offerings)} ({len(closed)} closed: teacher away), "
        f"{full} full; requests: mandatory {result.requests['mandatory']}, "
        f"teacher {result.requests['teacher']}; checker: {flex_hard} hard flex violation(s) "
        f"in {check_s:.1f} s"
    )
    figures = {
        "students": students,
        "offerings": len(data.flex_offerings),
        "closed_offerings": len(closed),
        "blocks": len(data.flex_blocks),
        "repeats": repeat,
        "wall_s": median(w for w, _ in runs),
        "max_wall_s": round(max(w for w, _ in runs), 2),
        "mandatory_requests": result.requests["mandatory"][0],
        "mandatory_honoured_pct": round(result.honoured_pct("mandatory"), 1),
        "teacher_requests": result.requests["teacher"][0],
        "teacher_honoured_pct": round(result.honoured_pct("teacher"), 1),
        "students_on_choices": result.choices["students"],
        "first_choice_pct": round(result.choice_pct("first"), 1),
        "second_choice_pct": round(result.choice_pct("second"), 1),
        "advisory_default": result.advisory,
        "unrouted": len(result.unrouted),
        "checker_flex_hard": flex_hard,
        "check_s": round(check_s, 2),
        "peak_mb": peak_mb(),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
