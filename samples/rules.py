"""The scheduling rules every generated high school asks for, on top of its data."""

from __future__ import annotations

import random

from samples import catalog
from scheduler.model import (
    Activity,
    Availability,
    Calendar,
    Constraint,
    ForbiddenTimes,
    MaxGapsPerDay,
    MaxPerDay,
    PreferredTimes,
    Room,
    StudentGroup,
    Target,
    Teacher,
)

ROLE_LOAD_SHARE = 0.75
"""A teacher gets a part-time week or a daily cap only while their load stays under this share of
what is left of their week, so the margins survive every such role."""


def school_rules(
    rng: random.Random,
    calendar: Calendar,
    teachers: list[Teacher],
    groups: list[StudentGroup],
    rooms: tuple[Room, ...],
    activities: tuple[Activity, ...],
) -> tuple[Constraint, ...]:
    """The rules a real school asks for: compact days for classes, few gaps for teachers, core
    subjects in the morning, a few personal wishes, PE not first thing, two teachers capped at
    four lessons a day, and one gym closed on Thursday afternoon."""
    load = {t.id: 0 for t in teachers}
    for a in activities:
        for tid in a.teachers:
            load[tid] += sum(a.meetings)
    rules: list[Constraint] = [
        MaxGapsPerDay(
            id=f"gaps-{t.id}",
            target=Target(kind="teacher", id=t.id),
            max_gaps=1,
            hard=False,
            weight=1,
        )
        for t in teachers
    ]
    rules += [
        MaxGapsPerDay(
            id=f"gaps-{g.id}",
            target=Target(kind="group", id=g.id),
            max_gaps=0,
            hard=False,
            weight=3,
        )
        for g in groups
        if g.parents
    ]
    core = tuple(a.id for a in activities if a.subject in ("MATH", "ENG"))
    if core:
        rules.append(
            PreferredTimes(
                id="core-mornings",
                activities=core,
                slots=tuple(r for day in calendar.days for r in catalog.mornings(day.id)),
                hard=False,
                weight=1,
                note="Mathematics and English are best taught in the morning.",
            )
        )
    at_school_friday = [t.id for t in teachers if all(r.day != "FRI" for r in t.unavailable)]
    wishes = min(len(at_school_friday), max(1, len(teachers) // 10))
    for tid in rng.sample(at_school_friday, wishes):
        rules.append(
            Availability(
                id=f"no-fri-pm-{tid}",
                target=Target(kind="teacher", id=tid),
                slots=catalog.afternoon("FRI"),
                hard=False,
                weight=2,
                note="Prefers no lessons on Friday afternoon.",
            )
        )
    pe = tuple(a.id for a in activities if a.subject == "PE")
    if pe:
        rules.append(
            ForbiddenTimes(
                id="pe-not-first",
                activities=pe,
                slots=catalog.FIRST_SLOTS,
                hard=False,
                weight=1,
                note="PE is better not first thing.",
            )
        )
    four_a_day = catalog.teaching_capacity(calendar, per_day=4)
    steady = [
        t.id
        for t in teachers
        if not t.unavailable
        and t.max_slots_per_day is None
        and load[t.id] <= ROLE_LOAD_SHARE * four_a_day
    ]
    for tid in sorted(rng.sample(steady, min(len(steady), max(2, len(teachers) // 30)))):
        rules.append(
            MaxPerDay(
                id=f"max4-{tid}",
                target=Target(kind="teacher", id=tid),
                max_slots=4,
                note="Agreed in their contract: at most four lessons a day.",
            )
        )
    gyms = [r.id for r in rooms if r.type == "gym"]
    if gyms:
        rules.append(
            Availability(
                id="gym-closed",
                target=Target(kind="room", id=gyms[-1]),
                slots=catalog.afternoon("THU"),
                note="Rented to a community club on Thursday afternoons.",
            )
        )
    return tuple(rules)
