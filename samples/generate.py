"""Deterministic sample schools: a tiny one for unit tests and high schools of any size.

Class-based schools (``generate``) teach fixed classes; request-driven ones (``--kind requests``,
see ``samples/requests.py``) have students who request courses and sections still to plan.

Every choice comes from one ``random.Random(seed)``, so the same arguments give an equal
``SchoolData`` on every machine. The bundled ``.flexday`` files are regenerated with
``python -m samples.generate --all``; a test checks they never drift from this code.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from samples import catalog
from samples.names import unique_names
from samples.requests import northside_academy, request_school
from samples.rules import ROLE_LOAD_SHARE, school_rules
from samples.tiny import tiny
from scheduler.io.project_file import save_project
from scheduler.model import (
    Activity,
    Calendar,
    CourseRequest,
    Project,
    Room,
    SchoolData,
    SlotRef,
    Student,
    StudentGroup,
    Teacher,
)

DEFAULT_SEED = 2026
MAX_CLASS_SIZE = 29
STUDENTS_PER_TEACHER = 15
ROOM_SHARE = {"classroom": 0.65}
"""Most of a room type's room-slots a week may ask for (other types: ``SPECIAL_ROOM_SHARE``)."""
SPECIAL_ROOM_SHARE = 0.6
DAILY_CAP = 5
"""``max_slots_per_day`` of the few teachers who have one."""
TEACHER_SHARE = 0.6
"""Most of the week a subject's teachers teach on average, before any extra hiring."""

Plan = list[tuple[int, str, catalog.Part]]
"""(grade, class id, part) for every activity of the school."""

SAMPLES_DIR = Path(__file__).resolve().parent
PRESETS = {
    "tiny": "tiny.flexday",
    "riverside": "riverside-high.flexday",
    "large": "large.flexday",
    "medium-requests": "northside-academy.flexday",
}
SOLVED_PRESETS = ("tiny", "riverside")
"""Presets that ``--all --solve S`` stores a timetable with (the class-based ones)."""


def riverside_high() -> SchoolData:
    """The medium sample: a US high school of 450 students."""
    return generate(students=450, seed=DEFAULT_SEED, name="Riverside High School")


def large() -> SchoolData:
    """The large sample: 2,500 students, for testing speed and big tables."""
    return generate(students=2500, seed=DEFAULT_SEED, name="Cedar Valley High School")


def generate(*, students: int, seed: int = DEFAULT_SEED, name: str | None = None) -> SchoolData:
    """A high school of ``students`` students, staffed and housed with the same margins at any size.

    Classes of at most 29 students per grade; about one teacher per 15 students (more when a subject
    needs them); rooms of each type so the week asks for at most 60–65% of their room-slots.
    """
    if students < 1:
        raise ValueError("a school needs at least one student")
    rng = random.Random(seed)
    calendar = catalog.high_school_week()
    week = calendar.teaching_slot_count

    classes = _classes(students)
    groups: list[StudentGroup] = []
    for grade in catalog.GRADES:
        mine = [c for c in classes if c[0] == grade]
        if mine:
            size = sum(c[2] for c in mine)
            groups.append(StudentGroup(id=f"G{grade}", name=f"Grade {grade}", size=size))
            groups.extend(
                StudentGroup(id=cid, parents=(f"G{grade}",), size=n) for _, cid, n in mine
            )

    plan: Plan = [
        (grade, cid, part)
        for number, (grade, cid, _) in enumerate(classes)
        for part in catalog.program(number)
    ]
    rooms = _rooms(rng, plan, week)
    teachers, assigned = _staff(rng, plan, students, calendar)
    activities = tuple(
        Activity(
            id=f"{cid}-{part.subject}",
            name=f"{part.courses[grade][1]} {cid}",
            subject=part.subject,
            course=part.courses[grade][0],
            teachers=(assigned[f"{cid}-{part.subject}"],),
            groups=(cid,),
            meetings=part.meetings,
            min_days_between=1 if len(part.meetings) > 1 else 0,
            room_types=(part.room_type,),
        )
        for grade, cid, part in plan
    )
    people = _students(rng, classes, teachers)
    constraints = school_rules(rng, calendar, teachers, groups, rooms, activities)
    return SchoolData(
        name=name or f"Generated High School ({students} students)",
        calendar=calendar,
        subjects=catalog.SUBJECTS,
        courses=catalog.courses(),
        teachers=tuple(teachers),
        rooms=rooms,
        groups=tuple(groups),
        students=people,
        activities=activities,
        constraints=constraints,
    )


def _letters(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA', as spreadsheet columns count."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _classes(students: int) -> list[tuple[int, str, int]]:
    """(grade, class id, size) for each class: grades share students evenly, classes ≤ 29."""
    out: list[tuple[int, str, int]] = []
    base, extra = divmod(students, len(catalog.GRADES))
    for g, grade in enumerate(catalog.GRADES):
        count = base + (1 if g < extra else 0)
        if count == 0:
            continue
        n_classes = math.ceil(count / MAX_CLASS_SIZE)
        small, bigger = divmod(count, n_classes)
        for c in range(n_classes):
            out.append((grade, f"{grade}{_letters(c)}", small + (1 if c < bigger else 0)))
    return out


_ROOM_KINDS = (
    # type, id prefix, name, building, capacity, features
    ("classroom", "R", "Room", "Main", 30, ("projector",)),
    ("lab", "LAB", "Science Lab", "North", 30, ("fume hood", "sinks")),
    ("computer", "CLAB", "Computer Lab", "North", 30, ("computers",)),
    ("art", "ART", "Art Studio", "North", 30, ("sinks", "kiln")),
    ("music", "MUS", "Music Room", "North", 40, ("piano",)),
    ("gym", "GYM", "Gym", "North", 60, ()),
)


def _rooms(rng: random.Random, plan: Plan, week: int) -> tuple[Room, ...]:
    demand: dict[str, int] = {}
    for _, _, part in plan:
        demand[part.room_type] = demand.get(part.room_type, 0) + sum(part.meetings)
    rooms: list[Room] = []
    for kind, prefix, label, building, capacity, features in _ROOM_KINDS:
        if kind not in demand:
            continue
        share = ROOM_SHARE.get(kind, SPECIAL_ROOM_SHARE)
        count = max(1, math.ceil(demand[kind] / (share * week)))
        for i in range(count):
            if kind == "classroom":
                floor, number = divmod(i, 10)
                rid = f"R{(floor + 1) * 100 + number + 1}"
                rooms.append(
                    Room(
                        id=rid,
                        name=f"Room {rid[1:]}",
                        type=kind,
                        features=features,
                        capacity=rng.choice((30, 31, 32)),
                        building=building if floor < 2 else "North",
                    )
                )
            else:
                rid, name = f"{prefix}{i + 1}", label if count == 1 else f"{label} {i + 1}"
                rooms.append(
                    Room(
                        id=rid,
                        name=name,
                        type=kind,
                        capacity=capacity,
                        features=features,
                        building=building,
                    )
                )
    return tuple(rooms)


def _staff(
    rng: random.Random, plan: Plan, students: int, calendar: Calendar
) -> tuple[list[Teacher], dict[str, str]]:
    """Hire per subject, share each subject's classes evenly, then pick a few teachers whose load
    leaves room for part-time days or daily caps (so the margins survive every role)."""
    week = calendar.teaching_slot_count
    order = [s.id for s in catalog.SUBJECTS]
    demand = dict.fromkeys(order, 0)
    for _, _, part in plan:
        demand[part.subject] += sum(part.meetings)
    counts = {s: math.ceil(d / (TEACHER_SHARE * week)) for s, d in demand.items() if d}
    wanted = max(round(students / STUDENTS_PER_TEACHER), sum(counts.values()))
    while sum(counts.values()) < wanted:
        busiest = max(counts, key=lambda s: (demand[s] / counts[s], -order.index(s)))
        counts[busiest] += 1

    width = max(2, len(str(wanted)))
    names = unique_names(rng, wanted)
    staff: list[tuple[str, str, str]] = []  # (id, name, subject)
    for subject in order:
        for _ in range(counts.get(subject, 0)):
            staff.append((f"T{len(staff) + 1:0{width}d}", names[len(staff)], subject))

    load = {tid: 0 for tid, _, _ in staff}
    assigned: dict[str, str] = {}
    for _grade, cid, part in plan:
        mine = [tid for tid, _, s in staff if s == part.subject]
        tid = min(mine, key=lambda t: (load[t], t))
        load[tid] += sum(part.meetings)
        assigned[f"{cid}-{part.subject}"] = tid

    # Part-time weeks and daily caps go to teachers of subjects with three or more colleagues,
    # and only while their load stays well inside what is left of their week.
    pool = [tid for tid, _, s in staff if counts[s] >= 3]
    rng.shuffle(pool)
    roles = max(1, len(staff) // 10)
    away: dict[str, tuple[SlotRef, ...]] = {}
    capped: set[str] = set()
    for tid in pool:
        if len(away) < roles:
            if rng.random() < 0.5:
                unavailable = catalog.whole_day(calendar, rng.choice(catalog.PERIOD_DAYS))
            else:
                days = sorted(rng.sample(catalog.PERIOD_DAYS, 2), key=catalog.PERIOD_DAYS.index)
                unavailable = tuple(ref for d in days for ref in catalog.mornings(d))
            left = catalog.teaching_capacity(calendar, unavailable=unavailable)
            if load[tid] <= ROLE_LOAD_SHARE * left:
                away[tid] = unavailable
        elif len(capped) < roles:
            left = catalog.teaching_capacity(calendar, per_day=DAILY_CAP)
            if load[tid] <= ROLE_LOAD_SHARE * left:
                capped.add(tid)
    teachers: list[Teacher] = []
    for tid, name, subject in staff:
        subjects = (subject,)
        if rng.random() < 0.3:
            subjects = (subject, catalog.SECOND_SUBJECT[subject])
        cap = DAILY_CAP if tid in capped else None
        unavailable = away.get(tid, ())
        teachers.append(
            Teacher(
                id=tid, name=name, subjects=subjects, unavailable=unavailable, max_slots_per_day=cap
            )
        )
    return teachers, assigned


def _students(
    rng: random.Random, classes: list[tuple[int, str, int]], teachers: list[Teacher]
) -> tuple[Student, ...]:
    total = sum(n for _, _, n in classes)
    width = max(4, len(str(total)))
    names = unique_names(rng, total, taken={t.name for t in teachers})
    electives = [c.id for c in catalog.ELECTIVES]
    out: list[Student] = []
    for number, (grade, cid, size) in enumerate(classes):
        required = tuple(
            CourseRequest(course=part.courses[grade][0]) for part in catalog.program(number)
        )
        for _ in range(size):
            wanted = rng.choice((1, 2))
            picks = rng.sample(electives, 2 * wanted)
            optional = tuple(
                CourseRequest(
                    course=picks[i], required=False, priority=i + 1, alternates=(picks[wanted + i],)
                )
                for i in range(wanted)
            )
            sid = f"S{len(out) + 1:0{width}d}"
            out.append(
                Student(
                    id=sid,
                    name=names[len(out)],
                    grade=grade,
                    groups=(cid,),
                    requests=required + optional,
                )
            )
    return tuple(out)


def write(data: SchoolData, path: Path, *, backup: bool = True, solve_s: float = 0) -> str:
    """Save ``data`` as a one-scenario project and say what was written. With ``solve_s`` the
    project also carries a timetable solved in that time (all cores, seed 0), so the app opens
    on a timetable and tests can run the checker on it."""
    project = Project.of(data)
    note = ""
    if solve_s > 0:
        from scheduler.solver.solve import SolveOptions, solve

        result = solve(data, SolveOptions(time_limit_s=solve_s))
        if result.solution is None:
            raise SystemExit(f"{data.name}: no timetable in {solve_s:g} s ({result.status})")
        scenario = project.scenario().model_copy(update={"solution": result.solution})
        project = project.replace_scenario(scenario)
        note = f", timetable {result.status} with penalty {result.objective}"
    save_project(project, path, backup=backup)
    meetings = sum(len(a.meetings) for a in data.activities)
    requests = sum(len(s.requests) for s in data.students)
    return (
        f"wrote {path}: {data.name}, {len(data.students)} students, {len(data.teachers)} teachers, "
        f"{len(data.rooms)} rooms, {len(data.courses)} courses, {requests} course requests, "
        f"{len(data.activities)} activities, {meetings} meetings{note}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.generate", description=__doc__)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--preset", choices=sorted(PRESETS), help="one of the bundled schools")
    what.add_argument("--students", type=int, metavar="N", help="a school of N students")
    what.add_argument("--all", action="store_true", help="rewrite the bundled files in samples/")
    parser.add_argument(
        "--kind",
        choices=("classes", "requests"),
        help="with --students: classes taught as groups (default), or students requesting courses",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="with --students")
    parser.add_argument("--name", help="school name, with --students")
    parser.add_argument("-o", "--output", type=Path, metavar="PATH", help="the .flexday to write")
    parser.add_argument(
        "--solve", type=float, default=0, metavar="S", help="also store a timetable solved in S s"
    )
    args = parser.parse_args(argv)

    makers = {
        "tiny": tiny,
        "riverside": riverside_high,
        "large": large,
        "medium-requests": northside_academy,
    }
    if args.kind and args.students is None:
        parser.error("--kind goes with --students")
    if args.all:
        if args.output:
            parser.error("--all writes into samples/; leave out -o")
        for preset, filename in PRESETS.items():
            solve_s = args.solve if preset in SOLVED_PRESETS else 0
            print(write(makers[preset](), SAMPLES_DIR / filename, backup=False, solve_s=solve_s))
        return 0
    if args.output is None:
        parser.error("-o PATH is required")
    if args.preset:
        data = makers[args.preset]()
    else:
        if args.students < 1:
            parser.error("--students must be at least 1")
        make = request_school if args.kind == "requests" else generate
        data = make(students=args.students, seed=args.seed, name=args.name)
    print(write(data, args.output, solve_s=args.solve))
    return 0


if __name__ == "__main__":
    sys.exit(main())
