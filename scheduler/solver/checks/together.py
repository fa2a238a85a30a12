"""Rules that tie activities to each other: same start, no overlap, back to back (a break in
between allowed), apart on a day, last of the day."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import combinations, pairwise

from scheduler.model import SchoolData
from scheduler.solver.checks.base import active, violation
from scheduler.solver.occupancy import Occupancy, Seat
from scheduler.solver.violation import Violation


def _first(occ: Occupancy, a: str, meeting: int = 0) -> Seat | None:
    return next((s for s in occ.by_activity.get(a, ()) if s.meeting == meeting), None)


def together(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c in active(data, "same_start"):
        counts = [len(data.activity_by_id[a].meetings) for a in c.activities]
        off = 0
        for k in range(min(counts)):
            seats = [_first(occ, a, k) for a in c.activities]
            if any(s is None for s in seats):
                continue
            keys = [_key(occ, s, c.part) for s in seats]
            off += sum(1 for key in keys[1:] if key != keys[0])
        if off:
            what = f"{off} of {', '.join(c.activities)} do not start with the first ({c.part})"
            yield violation(c.kind, c.id, c.hard, off, c.weight, what)
    for c in active(data, "not_overlapping"):
        per_slot = Counter(
            t
            for a in dict.fromkeys(c.activities)
            for s in occ.by_activity.get(a, ())
            for t in s.span
        )
        over = sum(n - 1 for n in per_slot.values() if n > 1)
        if over:
            what = f"{', '.join(c.activities)} overlap in {over} slot(s)"
            yield violation(c.kind, c.id, c.hard, over, c.weight, what)
    yield from _consecutive(data, occ)
    yield from _apart(data, occ)
    yield from _ends_day(data, occ)


def _key(occ: Occupancy, seat: Seat, part: str) -> int:
    if part == "day":
        return seat.day
    if part == "period":
        return seat.start - occ.day_slots(seat.day)[0]
    return seat.start


def _consecutive(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c in active(data, "consecutive"):
        seats = [_first(occ, a) for a in c.activities]
        seats = [s for s in seats if s is not None]
        if len(seats) < 2:
            continue
        chain = seats if c.ordered else sorted(seats, key=lambda s: s.start)
        ok = all(
            x.day == y.day and _next_lesson_slot(occ, x) == y.start for x, y in pairwise(chain)
        )
        if not ok:
            order = "in order" if c.ordered else "in some order"
            what = f"{', '.join(c.activities)} are not back to back {order}"
            yield violation(c.kind, c.id, c.hard, 1, c.weight, what)


def _next_lesson_slot(occ: Occupancy, seat: Seat) -> int:
    """The first teaching slot after a lesson: breaks between two lessons keep them back to back."""
    teaching = occ.teaching_slots(seat.day)
    return next((t for t in teaching if t >= seat.span.stop), seat.span.stop)


def _apart(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c in active(data, "min_gaps_between"):
        seats = [s for a in dict.fromkeys(c.activities) for s in occ.by_activity.get(a, ())]
        close = sum(
            1
            for x, y in combinations(seats, 2)
            if x.day == y.day and max(x.start, y.start) - min(x.span.stop, y.span.stop) < c.min_gaps
        )
        if close:
            what = f"{close} pair(s) of {', '.join(c.activities)} closer than {c.min_gaps} slot(s)"
            yield violation(c.kind, c.id, c.hard, close, c.weight, what)


def _ends_day(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c in active(data, "ends_day"):
        bad = 0
        for a in dict.fromkeys(c.activities):
            leaves = data.leaf_groups(data.activity_by_id[a].groups)
            for seat in occ.by_activity.get(a, ()):
                for leaf in leaves:
                    bad += any(
                        s.day == seat.day and s.span.stop > seat.span.stop
                        for s in occ.by_leaf.get(leaf, ())
                        if s is not seat
                    )
        if bad:
            what = f"{bad} time(s) a lesson of {', '.join(c.activities)} is not last of the day"
            yield violation(c.kind, c.id, c.hard, bad, c.weight, what)


def order(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    """Ordered pairs, max days between, and limits within selected slots."""
    for c in active(data, "ordered"):
        x, y = (_first(occ, a) for a in c.activities)
        if x is None or y is None or (c.if_same_day and x.day != y.day):
            continue
        if y.start < x.span.stop:
            what = f'"{c.activities[1]}" starts before "{c.activities[0]}" ends'
            yield violation(c.kind, c.id, c.hard, 1, c.weight, what)
    for c in active(data, "max_days_between"):
        seats = [s for a in dict.fromkeys(c.activities) for s in occ.by_activity.get(a, ())]
        far = sum(1 for x, y in combinations(seats, 2) if abs(x.day - y.day) > c.max_days)
        if far:
            what = f"{far} pair(s) of {', '.join(c.activities)} over {c.max_days} day(s) apart"
            yield violation(c.kind, c.id, c.hard, far, c.weight, what)
    for c in (*active(data, "max_simultaneous"), *active(data, "max_slots_in_selection")):
        slots = occ.slots_of(c.slots)
        seats = [s for a in dict.fromkeys(c.activities) for s in occ.by_activity.get(a, ())]
        per_slot = Counter(t for s in seats for t in s.span if t in slots)
        if c.kind == "max_simultaneous":
            over = sum(max(0, n - c.max_count) for n in per_slot.values())
        else:
            over = max(0, len(per_slot) - c.max_slots)
        if over:
            what = f"{', '.join(c.activities)} exceed their limit in the selected slots by {over}"
            yield violation(c.kind, c.id, c.hard, over, c.weight, what)
