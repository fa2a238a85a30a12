"""Request-driven high schools: students ask for courses, the sections follow from the demand.

Each student asks for 7 or 8 courses of an eight-period day (lunch is a slot of its own): the core
at their level, required, then electives ranked by priority, about half of them with an alternate.
A few students start late or leave for an internship and ask for fewer courses. Sections are not
generated (the solver's planner makes ``ceil(demand / capacity)`` of each course unless the course
fixes the number); staff and rooms are sized from that plan so every subject and room type has at
least 15% to spare. Every choice comes from one ``random.Random(seed)``.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass

from samples import catalog, personal_day
from samples import course_catalog as cc
from samples.flex import with_flex
from samples.names import unique_names
from scheduler.model import (
    CourseRequest,
    MaxGapsPerDay,
    Room,
    SchoolData,
    SlotRef,
    Student,
    Target,
    Teacher,
)

DEFAULT_SEED = 2026
LOAD_SHARE = 0.85
"""Most of a subject's teaching time, or of a room type's periods, its sections may take."""
FULL_TIME = 30
"""Teaching slots a week of a full-time teacher: six sections of five meetings."""
PART_TIME = (15, 20)
PART_TIME_EVERY = 20
"""About one teacher in this many works part time."""
SECOND_SUBJECT_SHARE = 0.3
LATE_START_SHARE = 0.03
INTERNSHIP_SHARE = 0.03
"""Share of the whole school; internships go to 11th and 12th graders only."""
PERSONAL_INTERNSHIP_SHARE = 0.15
"""The same in a personalized day (``samples.personal_day``)."""
GRADE_WEIGHTS = (27, 26, 24, 23)
"""Grades 9..12: a few students leave along the way."""

WEEKLY = len(cc.DAYS)
"""Meetings of a section a week: one a day."""


def northside_academy() -> SchoolData:
    """The medium request-driven sample, bundled as ``samples/northside-academy.flexday``: a
    personalized day (``samples.personal_day``) with lunch waves, internships and late starts,
    and a flex block on Tuesday and Thursday mornings (``samples.flex``)."""
    return with_flex(
        request_school(students=600, seed=DEFAULT_SEED, name="Northside Academy", personal=True)
    )


def lakeview_regional() -> SchoolData:
    """The large request-driven school: 2,500 students, generated on demand."""
    return request_school(students=2500, seed=DEFAULT_SEED, name="Lakeview Regional High School")


def request_school(
    *, students: int, seed: int = DEFAULT_SEED, name: str | None = None, personal: bool = False
) -> SchoolData:
    """A high school of ``students`` students who request courses one by one (no sections yet).

    With ``personal``, the day is ``samples.personal_day``'s: nine periods with three lunch
    waves, about 15% of students on internships (named blocks, not bare unavailability) and
    late starters in a group with a late-start rule."""
    if students < 1:
        raise ValueError("a school needs at least one student")
    rng = random.Random(seed)
    people = _students(rng, students, internships=PERSONAL_INTERNSHIP_SHARE if personal else None)
    extra: dict = {}
    if personal:
        interns = [s.id for s in people if s.unavailable == _INTERNSHIP.unavailable]
        late = [s.id for s in people if s.unavailable == _LATE_START.unavailable]
        people = tuple(s.model_copy(update={"unavailable": ()}) for s in people)
        people, extra = personal_day.personal_fields(people, interns, late)
    demand = Counter(r.course for s in people for r in s.requests)
    sections = {
        o.id: o.sections if o.sections is not None else math.ceil(demand[o.id] / o.capacity)
        for o in cc.OFFERS
    }
    teachers, singleton_teachers = _staff(rng, sections, taken={s.name for s in people})
    courses = tuple(
        c.model_copy(update={"teachers": (singleton_teachers[c.id],)})
        if c.id in singleton_teachers
        else c
        for c in cc.courses()
    )
    return SchoolData(
        name=name or f"Generated Request-Driven High School ({students} students)",
        calendar=personal_day.wave_week() if personal else cc.period_week(),
        subjects=cc.SUBJECTS,
        courses=courses,
        teachers=teachers,
        rooms=_rooms(rng, sections),
        students=people,
        constraints=tuple(
            MaxGapsPerDay(
                id=f"gaps-{t.id}",
                target=Target(kind="teacher", id=t.id),
                max_gaps=1,
                hard=False,
                weight=1,
                note="Teachers would rather not wait around between their sections.",
            )
            for t in teachers
        ),
        **extra,
    )


# --- students -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Week:
    """A student's personal time: what they cannot attend, and how many periods are left."""

    unavailable: tuple[SlotRef, ...]
    periods: int


_FULL_WEEK = _Week((), len(cc.PERIODS))
_LATE_START = _Week(tuple(SlotRef(day=d, slot="P1") for d, _ in cc.DAYS), len(cc.PERIODS) - 1)
_INTERNSHIP = _Week(
    tuple(SlotRef(day=d, slot=p) for d in ("TUE", "THU") for p in ("P6", "P7", "P8")),
    len(cc.PERIODS) - 3,
)
"""Away P6-P8 on Tuesday and Thursday; a section meets every day, so those periods are lost."""


def _students(
    rng: random.Random, count: int, *, internships: float | None = None
) -> tuple[Student, ...]:
    share = INTERNSHIP_SHARE if internships is None else internships
    width = max(4, len(str(count)))
    names = unique_names(rng, count)
    taken: Counter[str] = Counter()  # first requests so far, to cap the singletons
    out: list[Student] = []
    for i in range(count):
        grade = rng.choices(cc.GRADES, weights=GRADE_WEIGHTS)[0]
        roll = rng.random()
        if roll < LATE_START_SHARE:
            week = _LATE_START
        elif grade >= 11 and roll < LATE_START_SHARE + share * 2.1:
            week = _INTERNSHIP  # about 47% of students are in grades 11-12
        else:
            week = _FULL_WEEK
        requests = _requests(rng, grade, week, taken)
        taken.update(r.course for r in requests)
        out.append(
            Student(
                id=f"S{i + 1:0{width}d}",
                name=names[i],
                grade=grade,
                unavailable=week.unavailable,
                requests=requests,
            )
        )
    return tuple(out)


def _pick(rng: random.Random, weights: cc.Weights) -> str:
    return rng.choices([c for c, _ in weights], weights=[w for _, w in weights])[0]


def _full(course: str, taken: Counter[str]) -> bool:
    offer = cc.OFFER_BY_ID[course]
    return offer.sections is not None and taken[course] >= cc.SINGLETON_FILL * (
        offer.sections * offer.capacity
    )


def _requests(
    rng: random.Random, grade: int, week: _Week, taken: Counter[str]
) -> tuple[CourseRequest, ...]:
    """The core at the student's level, then ranked electives, fitted to their free periods."""
    core = [_pick(rng, table[grade]) for table in (cc.ENGLISH, cc.MATH, cc.SCIENCE, cc.SOCIAL)]
    if rng.random() < cc.LANGUAGE_SHARE[grade]:
        language = _pick(rng, cc.LANGUAGES)
        level = min(int(_pick(rng, cc.LANGUAGE_LEVEL[grade])), cc.TOP_LEVEL[language])
        core.append(f"{language}{level}")
    core = [cc.FALLBACK[c] if _full(c, taken) else c for c in core]
    wanted = 3 if len(core) == 4 else rng.choice((2, 3))
    if week is not _FULL_WEEK:
        wanted -= 1  # one fewer course...
    wanted = max(0, min(wanted, week.periods - len(core)))  # ...and no more than they can attend

    column = cc.GRADES.index(grade)
    pool = {c: w[column] for c, w in cc.ELECTIVES.items() if w[column] and not _full(c, taken)}
    electives: list[str] = []
    for _ in range(wanted):
        choice = _pick(rng, tuple(pool.items()))
        electives.append(choice)
        del pool[choice]

    chosen = set(core) | set(electives)
    out = [
        CourseRequest(course=c, alternates=(cc.FALLBACK[c],) if c in cc.FALLBACK else ())
        for c in core
    ]
    for rank, course in enumerate(electives, start=1):
        alternates: tuple[str, ...] = ()
        if rng.random() < 0.5:
            options = (cc.FALLBACK[course],) if course in cc.FALLBACK else cc.ALTERNATES[course]
            fits = [c for c in options if c not in chosen and cc.ELECTIVES[c][column]]
            if fits:
                alternates = (fits[0],)
                chosen.add(fits[0])
        out.append(
            CourseRequest(course=course, required=False, priority=rank, alternates=alternates)
        )
    return tuple(out)


# --- staff and rooms ------------------------------------------------------------------------


def _staff(
    rng: random.Random, sections: dict[str, int], *, taken: set[str]
) -> tuple[tuple[Teacher, ...], dict[str, str]]:
    """Hire per subject so its sections take at most 85% of its own teachers' time, then let a few
    teachers work part time where the margin survives it, and name one teacher per singleton."""
    load = Counter[str]()
    for offer in cc.OFFERS:
        load[offer.subject] += sections[offer.id] * WEEKLY
    order = [s.id for s in cc.SUBJECTS]
    need = {s: load[s] / LOAD_SHARE for s in order}
    hired = {s: math.ceil(need[s] / FULL_TIME) for s in order}
    total = sum(hired.values())
    width = max(2, len(str(total)))
    names = unique_names(rng, total, taken=taken)

    staff: list[tuple[str, str, str]] = []  # (id, name, subject)
    for subject in order:
        for _ in range(hired[subject]):
            staff.append((f"T{len(staff) + 1:0{width}d}", names[len(staff)], subject))

    capacity = {s: hired[s] * FULL_TIME for s in order}
    pool = [(tid, s) for tid, _, s in staff if hired[s] >= 3]
    rng.shuffle(pool)
    part_time: dict[str, int] = {}
    for tid, subject in pool:
        if len(part_time) >= max(1, total // PART_TIME_EVERY):
            break
        hours = rng.choice(PART_TIME)
        if capacity[subject] - FULL_TIME + hours >= need[subject]:
            capacity[subject] += hours - FULL_TIME
            part_time[tid] = hours

    singletons: dict[str, str] = {}
    for offer in cc.OFFERS:
        if offer.sections is not None:
            free = [
                tid
                for tid, _, s in staff
                if s == offer.subject and tid not in part_time and tid not in singletons.values()
            ]
            singletons[offer.id] = rng.choice(free)

    teachers: list[Teacher] = []
    for tid, name, subject in staff:
        subjects = (subject,)
        if rng.random() < SECOND_SUBJECT_SHARE:
            subjects = (subject, catalog.SECOND_SUBJECT[subject])
        hours = part_time.get(tid, FULL_TIME)
        away: tuple[SlotRef, ...] = ()
        if tid in part_time:
            # Sections meet every day, so a part-time week is mornings or afternoons only.
            off = cc.PERIODS[4:] if rng.random() < 0.5 else cc.PERIODS[:4]
            away = tuple(SlotRef(day=d, slot=p) for d, _ in cc.DAYS for p in off)
        teachers.append(
            Teacher(
                id=tid, name=name, subjects=subjects, unavailable=away, max_slots_per_week=hours
            )
        )
    return tuple(teachers), singletons


_GYMS = ("Main Gym", "Auxiliary Gym", "Fitness Center", "Dance Studio", "Wrestling Room")
"""Names of the PE teaching stations, as a school calls them; more are numbered."""

_ROOM_KINDS = (
    # type, id prefix, name, building, capacities to pick from
    ("classroom", "R", "Room", "Main", (30, 32, 34)),
    (cc.LAB, "LAB", "Science Lab", "Science Wing", (24, 26, 28)),
    (cc.COMPUTER, "CLAB", "Computer Lab", "Science Wing", (30, 32)),
    (cc.ART, "STU", "Art Studio", "Arts Wing", (28, 30)),
    (cc.MUSIC, "MUS", "Music Room", "Arts Wing", (60, 70)),
    (cc.GYM, "GYM", "Gym", "Athletics", (40, 45)),
)


def _rooms(rng: random.Random, sections: dict[str, int]) -> tuple[Room, ...]:
    """Rooms of each type so its sections fill at most 85% of its periods."""
    demand = Counter[str]()
    for offer in cc.OFFERS:
        demand[offer.room_type] += sections[offer.id]
    periods = len(cc.PERIODS)
    rooms: list[Room] = []
    for kind, prefix, label, building, capacities in _ROOM_KINDS:
        count = math.ceil(demand[kind] / (LOAD_SHARE * periods))
        for i in range(count):
            if kind == "classroom":
                floor, number = divmod(i, 20)
                rid = f"R{(floor + 1) * 100 + number + 1}"
                room_name = f"Room {rid[1:]}"
            elif kind == cc.GYM:
                rid, room_name = f"{prefix}{i + 1}", _GYMS[i] if i < len(_GYMS) else f"Gym {i + 1}"
            else:
                rid, room_name = f"{prefix}{i + 1}", f"{label} {i + 1}" if count > 1 else label
            rooms.append(
                Room(
                    id=rid,
                    name=room_name,
                    type=kind,
                    capacity=rng.choice(capacities),
                    building=building,
                )
            )
    return tuple(rooms)
