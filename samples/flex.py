"""Flex time for the request-driven samples: a 40-minute window on Tuesday and Thursday.

On those two days every period is 5 minutes shorter, which frees a FLEX slot after the morning
break (about 09:50-10:30). A school with lunch waves (``samples.personal_day``) keeps its
afternoon: waves and time away are set by clock time for the whole cycle, so the periods from
the first wave on keep their times and the morning periods give up the minutes instead (35
minutes each there, and a 30-minute FLEX slot); a late start set at a period's start follows
that period. Each teacher runs one offering: maths and English teachers an intervention,
science, arts and computing teachers an enrichment, the rest a study hall, and about a third of
those with a classroom an advisory; teachers beyond the classrooms hold study
halls in the library or hall. Students ask in tiers: a few must attend an intervention, a few are
asked for by a teacher, most rank three choices (some offerings are far more popular than
others), and the others fall back on their advisory. Every choice comes from one
``random.Random(seed)``.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from scheduler.model import (
    Calendar,
    Day,
    FlexBlock,
    FlexOffering,
    FlexRequest,
    SchoolData,
    Slot,
    SlotRef,
)
from scheduler.model.personal import DayRule

FLEX_DAYS = ("TUE", "THU")
CUT = 5
"""Minutes each teaching period gives up on a flex day."""
LENGTH = 40
PASSING = 5
MORNING_CUT = 10
"""Minutes each morning period gives up on a flex day of a school with lunch waves."""
AFTER = "BRK"
MANDATORY_SHARE = 0.06
TEACHER_SHARE = 0.06
CHOOSER_SHARE = 0.6
SEATS = {"intervention": 12, "enrichment": 24, "study_hall": 30, "advisory": 30}
"""Seats by kind, at most the room's: interventions are small groups."""
INTERVENTION = {"MATH", "ENG"}
ENRICHMENT = {"SCI", "BIO", "CHEM", "PHYS", "ART", "MUS", "CS"}


def with_flex(data: SchoolData, *, seed: int = 2026) -> SchoolData:
    rng = random.Random(seed)
    keep = min((_minutes(w.start) for w in data.lunch_waves), default=None)
    days = tuple(_flex_day(d, keep) if d.id in FLEX_DAYS else d for d in data.calendar.days)
    calendar = data.calendar.model_copy(update={"days": days})
    block = FlexBlock(
        id="FLEX",
        name="Flex time",
        slots=tuple(SlotRef(day=d, slot="FLEX") for d in FLEX_DAYS if calendar.day(d)),
    )
    rooms = [r for r in data.rooms if r.type not in ("gym", "music")]
    offerings = []
    for i, teacher in enumerate(data.teachers):
        room = rooms[i] if i < len(rooms) else None  # the others share the library and hall
        subject = teacher.subjects[0] if teacher.subjects else ""
        kind = (
            "intervention"
            if subject in INTERVENTION
            else "enrichment"
            if subject in ENRICHMENT
            else "study_hall"
        )
        if room is None:
            kind = "study_hall"
        elif len(offerings) % 3 == 2:
            kind = "advisory"
        what = {
            "intervention": f"{subject.title()} support",
            "enrichment": f"{subject.title()} club",
            "study_hall": "Study hall",
            "advisory": "Advisory",
        }[kind]
        offerings.append(
            FlexOffering(
                id=f"FX-{teacher.id}",
                name=f"{what} ({teacher.label})",
                block=block.id,
                kind=kind,
                teacher=teacher.id,
                room=room.id if room else None,
                capacity=min(SEATS[kind], room.capacity or SEATS[kind]) if room else SEATS[kind],
            )
        )
    requests, advisees = _requests(rng, data, offerings)
    offerings = [
        o.model_copy(update={"advisees": tuple(advisees.get(o.id, ()))})
        if o.kind == "advisory"
        else o
        for o in offerings
    ]
    return data.model_copy(
        update={
            "calendar": calendar,
            "day_rules": _follow_slots(data.day_rules, data.calendar, calendar),
            "flex_blocks": (block,),
            "flex_offerings": tuple(offerings),
            "flex_requests": tuple(requests),
        }
    )


def _flex_day(day: Day, keep: int | None = None) -> Day:
    """The day with shorter periods and a FLEX slot after the break; ids and kinds unchanged.
    With ``keep`` (a clock minute: the first lunch wave), the slots that end after it keep their
    times and only the morning periods are cut to make room."""
    if not any(s.id == AFTER for s in day.slots) or any(s.id == "FLEX" for s in day.slots):
        return day
    if keep is not None:
        return _flex_morning(day, keep)
    slots: list[Slot] = []
    clock = _minutes(day.slots[0].start)
    previous_end = clock
    for slot in day.slots:
        gap = _minutes(slot.start) - previous_end
        previous_end = _minutes(slot.end)
        start = clock + (gap if slots else 0)
        length = slot.minutes - (CUT if slot.teaching else 0)
        slots.append(slot.model_copy(update={"start": _time(start), "end": _time(start + length)}))
        clock = start + length
        if slot.id == AFTER:
            start = clock + PASSING
            slots.append(
                Slot(
                    id="FLEX",
                    name="Flex",
                    start=_time(start),
                    end=_time(start + LENGTH),
                    kind="flex",
                )
            )
            clock = start + LENGTH + PASSING
    return day.model_copy(update={"slots": tuple(slots)})


def _follow_slots(rules: tuple[DayRule, ...], before: Calendar, after: Calendar):
    """Late starts and early releases set at a slot's start follow that slot on the retimed flex
    days (a rule of its own for those days), so "from period 2" stays period 2."""
    out: list[DayRule] = []
    for rule in rules:
        moved = {}
        for day in after.days:
            if day.id not in FLEX_DAYS or (rule.days and day.id not in rule.days):
                continue
            old = before.day(day.id)
            at = next((s.id for s in old.slots if s.start == rule.time), None) if old else None
            new = next((s.start for s in day.slots if s.id == at), None)
            if new is not None and new != rule.time:
                moved[day.id] = new
        if not moved:
            out.append(rule)
            continue
        rest = tuple(
            d.id for d in after.days if d.id not in moved and (not rule.days or d.id in rule.days)
        )
        if rest:
            out.append(rule.model_copy(update={"days": rest}))
        times = list(dict.fromkeys(moved.values()))
        for n, t in enumerate(times, start=1):
            days = tuple(d for d, v in moved.items() if v == t)
            rid = f"{rule.id}-flex" if len(times) == 1 else f"{rule.id}-flex{n}"
            out.append(rule.model_copy(update={"id": rid, "days": days, "time": t}))
    return tuple(out)


def _flex_morning(day: Day, keep: int) -> Day:
    """The morning periods ``MORNING_CUT`` minutes shorter, a FLEX slot after the break in the
    minutes they free (passing time either side), and the rest of the day as it was."""
    later = [s for s in day.slots if _minutes(s.end) > keep]
    morning = day.slots[: len(day.slots) - len(later)]
    if not later or not morning:
        return day
    slots: list[Slot] = []
    flex_at = 0
    clock = previous_end = _minutes(morning[0].start)
    for slot in morning:
        gap = _minutes(slot.start) - previous_end
        previous_end = _minutes(slot.end)
        start = clock + (gap if slots else 0)
        length = slot.minutes - (MORNING_CUT if slot.teaching else 0)
        slots.append(slot.model_copy(update={"start": _time(start), "end": _time(start + length)}))
        clock = start + length
        if slot.id == AFTER:
            flex_at = len(slots)
            clock += 2 * PASSING  # the FLEX slot's length is what is left, found below
    spare = _minutes(later[0].start) - PASSING - clock
    if not flex_at or spare < 2 * PASSING:
        return day
    # the FLEX slot takes the spare minutes; the periods after it move up to make room
    slots = [
        *slots[:flex_at],
        *(
            s.model_copy(
                update={
                    "start": _time(_minutes(s.start) + spare),
                    "end": _time(_minutes(s.end) + spare),
                }
            )
            for s in slots[flex_at:]
        ),
    ]
    begin = _minutes(slots[flex_at - 1].end) + PASSING
    flex = Slot(id="FLEX", name="Flex", start=_time(begin), end=_time(begin + spare), kind="flex")
    return day.model_copy(update={"slots": (*slots[:flex_at], flex, *slots[flex_at:], *later)})


def _requests(rng: random.Random, data: SchoolData, offerings: list[FlexOffering]):
    chosen = [o for o in offerings if o.kind != "advisory"]
    support = [o for o in offerings if o.kind == "intervention"]
    homes = [o for o in offerings if o.kind == "advisory"]
    requests: list[FlexRequest] = []
    advisees: dict[str, list[str]] = {}
    popular = {o.id: rng.uniform(0.2, 4.0) for o in chosen}
    promised: dict[str, int] = {}
    """Seats already owed to mandatory and teacher requests: a coordinator never asks for more
    than an offering holds (another group would be opened)."""

    def with_seat(options: list[FlexOffering]) -> list[FlexOffering]:
        return [o for o in options if promised.get(o.id, 0) < (o.capacity or SEATS[o.kind])]

    for student in data.students:
        roll = rng.random()
        asked: set[str] = set()
        tier = "mandatory" if roll < MANDATORY_SHARE else "teacher"
        options = with_seat(support if tier == "mandatory" else chosen)
        if roll < MANDATORY_SHARE + TEACHER_SHARE and options:
            o = rng.choice(options)
            promised[o.id] = promised.get(o.id, 0) + 1
            asked.add(o.id)
            requests.append(
                FlexRequest(
                    student=student.id,
                    offering=o.id,
                    tier=tier,
                    by=o.teacher if tier == "teacher" else None,
                    note="failing grade" if tier == "mandatory" else "",
                )
            )
        if rng.random() < CHOOSER_SHARE and len(chosen) >= 3 + len(asked):
            # weighted sampling without replacement: the largest u ** (1 / weight) win
            pool = [o for o in chosen if o.id not in asked]
            picks = sorted(pool, key=lambda o: -(rng.random() ** (1 / popular[o.id])))[:3]
            for rank, o in enumerate(picks, start=1):
                requests.append(FlexRequest(student=student.id, offering=o.id, rank=rank))
        else:
            # the next advisory round the table that still has a seat for a default student
            room = [
                o for o in homes if len(advisees.get(o.id, ())) < (o.capacity or SEATS["advisory"])
            ]
            if room:
                home = min(room, key=lambda o: (len(advisees.get(o.id, ())), o.id))
                advisees.setdefault(home.id, []).append(student.id)
    return requests, advisees


def _minutes(t) -> int:
    return t.hour * 60 + t.minute


def _time(minutes: int):
    return (datetime(2000, 1, 1) + timedelta(minutes=minutes)).time()
