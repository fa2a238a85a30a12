"""How a person's days look: lessons per day, days per week, parts of days, long stretches and
early starts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from scheduler.model import SchoolData
from scheduler.solver.checks.base import active, violation
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.violation import Violation


def _each(data: SchoolData, occ: Occupancy, kind: str):
    for c in active(data, kind):
        for rid, seats in occ.resource_seats(c.target):
            yield c, rid, seats


def _say(c, rid: str, what: str) -> str:
    return f'{c.target.kind} "{rid}" {what}'


def days(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c, rid, seats in _each(data, occ, "min_per_day"):
        load = Counter()
        for s in seats:
            load[s.day] += len(s.span)
        days = range(occ.days) if not c.allow_empty_days else load.keys()
        short = sum(max(0, c.min_slots - load[d]) for d in days)
        if short:
            what = f"is {short} slot(s) short of {c.min_slots} a day"
            yield violation(c.kind, c.id, c.hard, short, c.weight, _say(c, rid, what))
    for kind in ("max_days_per_week", "min_days_per_week"):
        for c, rid, seats in _each(data, occ, kind):
            used = len({s.day for s in seats})
            off = used - c.max_days if kind == "max_days_per_week" else c.min_days - used
            if off > 0:
                what = f"has lessons on {used} day(s)"
                yield violation(kind, c.id, c.hard, off, c.weight, _say(c, rid, what))
    for c, rid, seats in _each(data, occ, "interval_max_days"):
        used = set()
        for s in seats:
            first = occ.day_slots(s.day)[0]
            if any(
                t - first >= c.first_slot and (c.end_slot is None or t - first < c.end_slot)
                for t in s.span
            ):
                used.add(s.day)
        over = len(used) - c.max_days
        if over > 0:
            what = f"has lessons in the interval on {len(used)} day(s), over {c.max_days}"
            yield violation(c.kind, c.id, c.hard, over, c.weight, _say(c, rid, what))
    yield from _continuous(data, occ)
    yield from _early(data, occ)


def _continuous(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c, rid, every in _each(data, occ, "max_continuous"):
        seats = [s for s in every if s.activity.id in c.activities] if c.activities else every
        over = 0
        for d, busy in occ.busy_by_day(seats).items():
            run = 0
            for t in occ.day_slots(d):
                run = run + 1 if t in busy else 0
                over += run > c.max_slots
        if over:
            what = f"has {over} slot(s) beyond {c.max_slots} in a row"
            yield violation(c.kind, c.id, c.hard, over, c.weight, _say(c, rid, what))


def _early(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c, rid, seats in _each(data, occ, "starts_early"):
        away = occ.away(c.target.kind, rid)
        late = too_late = 0
        for d, busy in occ.busy_by_day(seats).items():
            own = [t for t in occ.teaching_slots(d) if t not in away]
            first = next((i for i, t in enumerate(own) if t in busy), 0)
            late += first >= 1
            too_late += first >= 2
        count = too_late + max(0, late - c.max_late_days)
        if count:
            what = f"starts late on {late} day(s) ({too_late} after the second period)"
            yield violation(c.kind, c.id, c.hard, count, c.weight, _say(c, rid, what))
