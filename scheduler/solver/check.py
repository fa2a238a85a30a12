"""The judge: recompute every hard violation and soft penalty of any timetable, without CP-SAT.

It reads only the school data and the placements (ours, FET's or hand-made) and shares no code with
the model builder, so a solver bug cannot hide itself. Rule names match the solver's rule modules.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from scheduler.model import SchoolData, SlotRef, Solution, Target
from scheduler.solver.occupancy import Occupancy, Seat
from scheduler.solver.violation import Violation


@dataclass(frozen=True)
class CheckReport:
    violations: tuple[Violation, ...]
    meetings: int
    placed: int

    @property
    def hard_violations(self) -> int:
        return sum(v.count for v in self.violations if v.hard)

    @property
    def soft_penalty(self) -> int:
        return sum(v.penalty for v in self.violations if not v.hard)

    def by_rule(self, *, hard: bool) -> dict[str, tuple[int, int]]:
        """Rule name -> (violation count, penalty)."""
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for v in self.violations:
            if v.hard == hard:
                out[v.rule][0] += v.count
                out[v.rule][1] += v.penalty
        return {k: (c, p) for k, (c, p) in sorted(out.items())}

    def to_dict(self) -> dict:
        return {
            "hard_violations": self.hard_violations,
            "soft_penalty": self.soft_penalty,
            "meetings": self.meetings,
            "placed": self.placed,
            "hard_by_rule": {k: c for k, (c, _) in self.by_rule(hard=True).items()},
            "soft_by_rule": {
                k: {"count": c, "penalty": p} for k, (c, p) in self.by_rule(hard=False).items()
            },
            "violations": [
                {
                    "rule": v.rule,
                    "source": v.source,
                    "hard": v.hard,
                    "count": v.count,
                    "penalty": v.penalty,
                    "message": v.message,
                }
                for v in self.violations
            ],
        }


def check(data: SchoolData, solution: Solution) -> CheckReport:
    occ = Occupancy(data, solution)
    found: list[Violation] = [*occ.problems]
    for rule in (
        _pins,
        _conflicts,
        _rooms,
        _availability,
        _load,
        _min_days,
        _times,
        _gaps,
    ):
        found.extend(rule(data, occ))
    total = sum(len(a.meetings) for a in data.activities)
    return CheckReport(tuple(found), meetings=total, placed=len(occ.seats))


def _v(rule, source, hard, count, weight, message) -> Violation:
    return Violation(rule, source, hard, count, 0 if hard else count * weight, message)


def _names(seats: list[Seat]) -> str:
    return " and ".join(f'"{s.activity.id}"' for s in seats)


def _conflicts(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for rule, kind, table in (
        ("teacher_conflict", "teacher", occ.by_teacher),
        ("group_conflict", "group", occ.by_leaf),
    ):
        for rid, seats in sorted(table.items()):
            for t, here in sorted(occ.per_slot(seats).items()):
                if len(here) > 1:
                    yield _v(
                        rule,
                        f"{kind} {rid}",
                        True,
                        len(here) - 1,
                        1,
                        f'{kind} "{rid}" has {len(here)} lessons at {occ.where(t)}: {_names(here)}',
                    )
    for sid, seats in sorted(occ.students_alone().items()):
        for t, here in sorted(occ.per_slot(seats).items()):
            if len(here) > 1 and not occ.share_group(here):
                yield _v(
                    "student_conflict",
                    f"student {sid}",
                    True,
                    len(here) - 1,
                    1,
                    f'student "{sid}" has {len(here)} lessons at {occ.where(t)}: {_names(here)}',
                )


def _pins(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for seat in occ.seats:
        pin = seat.activity.pin(seat.meeting)
        if pin is None or pin.start is None:
            continue
        if occ.slots_of((pin.start,)) != frozenset({seat.start}):
            yield _v(
                "pinned",
                f"activity {seat.activity.id}",
                True,
                1,
                1,
                f'activity "{seat.activity.id}" meeting {seat.meeting + 1} is pinned to '
                f"{pin.start} but placed at {occ.where(seat.start)}",
            )


def _rooms(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    by_room: dict[str, list[Seat]] = defaultdict(list)
    for seat in occ.seats:
        a = seat.activity
        if not a.needs_room or not data.rooms:
            continue  # a school without rooms (as many FET files) does not model them
        if seat.room is None:
            yield _v(
                "room_suitability",
                f"activity {a.id}",
                True,
                1,
                1,
                f'activity "{a.id}" meeting {seat.meeting + 1} has no room',
            )
            continue
        room = data.room_by_id.get(seat.room)
        if room is None:
            yield _v(
                "room_suitability",
                f"activity {a.id}",
                True,
                1,
                1,
                f'activity "{a.id}" is in unknown room "{seat.room}"',
            )
            continue
        by_room[room.id].append(seat)
        size = data.attendance(a)
        if (
            (a.rooms and room.id not in a.rooms)
            or (a.room_types and room.type not in a.room_types)
            or (room.capacity is not None and room.capacity < size)
        ):
            yield _v(
                "room_suitability",
                f"activity {a.id}",
                True,
                1,
                1,
                f'activity "{a.id}" ({size} students) is in room "{room.id}", which it '
                "may not use (type, list or capacity)",
            )
        pin = a.pin(seat.meeting)
        if pin is not None and pin.room is not None and pin.room != room.id:
            yield _v(
                "pinned",
                f"activity {a.id}",
                True,
                1,
                1,
                f'activity "{a.id}" meeting {seat.meeting + 1} is pinned to room '
                f'"{pin.room}" but is in "{room.id}"',
            )
    for rid, seats in sorted(by_room.items()):
        for t, here in sorted(occ.per_slot(seats).items()):
            if len(here) > 1:
                yield _v(
                    "room_conflict",
                    f"room {rid}",
                    True,
                    len(here) - 1,
                    1,
                    f'room "{rid}" holds {len(here)} lessons at {occ.where(t)}: {_names(here)}',
                )


def _availability(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    rules: list[tuple[str, Target, tuple[SlotRef, ...], bool, int]] = []
    for kind, items in (
        ("teacher", data.teachers),
        ("group", data.groups),
        ("student", data.students),
        ("room", data.rooms),
    ):
        for item in items:
            if item.unavailable:
                rules.append(
                    (f"{kind} {item.id}", Target(kind=kind, id=item.id), item.unavailable, True, 1)
                )
    for c in _active(data, "availability"):
        rules.append((c.id, c.target, c.slots, c.hard, c.weight))
    for source, target, refs, hard, weight in rules:
        slots = occ.slots_of(refs)
        count = sum(len(slots.intersection(s.span)) for s in occ.target_seats(target))
        if count:
            yield _v(
                "availability",
                source,
                hard,
                count,
                weight,
                f"{target} has {count} lesson slot(s) at times marked unavailable",
            )


def _load(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for rule, field in (
        ("max_per_day", "max_slots_per_day"),
        ("max_per_week", "max_slots_per_week"),
    ):
        limits = [
            (f"teacher {t.id}", Target(kind="teacher", id=t.id), getattr(t, field), True, 1)
            for t in data.teachers
            if getattr(t, field) is not None
        ]
        limits += [(c.id, c.target, c.max_slots, c.hard, c.weight) for c in _active(data, rule)]
        for source, target, limit, hard, weight in limits:
            for rid, seats in occ.resource_seats(target):
                per_day = Counter()
                for s in seats:
                    per_day[s.day] += len(s.span)
                loads = per_day.values() if rule == "max_per_day" else [sum(per_day.values())]
                over = sum(max(0, n - limit) for n in loads)
                if over:
                    span = "a day" if rule == "max_per_day" else "in the cycle"
                    yield _v(
                        rule,
                        source,
                        hard,
                        over,
                        weight,
                        f'{target.kind} "{rid}" exceeds {limit} slots {span} by {over}',
                    )


def _min_days(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    rules = [
        (f"activity {a.id}", (a.id,), a.min_days_between, True, 1)
        for a in data.activities
        if a.min_days_between
    ]
    rules += [
        (c.id, c.activities, c.min_days, c.hard, c.weight)
        for c in _active(data, "min_days_between")
    ]
    for source, activities, min_days, hard, weight in rules:
        seats = [s for a in activities for s in occ.by_activity.get(a, ())]
        close = sum(1 for x, y in combinations(seats, 2) if abs(x.day - y.day) < min_days)
        if close:
            yield _v(
                "min_days_between",
                source,
                hard,
                close,
                weight,
                f"{close} pair(s) of meetings of {', '.join(activities)} are fewer than "
                f"{min_days} day(s) apart",
            )


def _times(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c in _active(data, "preferred_times"):
        slots = occ.slots_of(c.slots)
        bad = [
            s
            for a in c.activities
            for s in occ.by_activity.get(a, ())
            if not ((s.start in slots) if c.starts_only else slots.issuperset(s.span))
        ]
        if bad:
            yield _v(
                "preferred_times",
                c.id,
                c.hard,
                len(bad),
                c.weight,
                f"{len(bad)} meeting(s) of {_names(bad)} outside their preferred times",
            )
    for c in _active(data, "forbidden_times"):
        slots = occ.slots_of(c.slots)
        bad = [
            s
            for a in c.activities
            for s in occ.by_activity.get(a, ())
            if slots.intersection(s.span)
        ]
        if bad:
            yield _v(
                "forbidden_times",
                c.id,
                c.hard,
                len(bad),
                c.weight,
                f"{len(bad)} meeting(s) of {_names(bad)} in forbidden times",
            )


def _gaps(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c in _active(data, "max_gaps_per_day"):
        for rid, seats in occ.resource_seats(c.target):
            over = 0
            for d, busy in occ.busy_by_day(seats).items():
                teaching = occ.teaching_slots(d)
                used = [i for i, t in enumerate(teaching) if t in busy]
                if len(used) < 2:
                    continue
                gaps = sum(1 for t in teaching[used[0] : used[-1] + 1] if t not in busy)
                over += max(0, gaps - c.max_gaps)
            if over:
                yield _v(
                    "max_gaps_per_day",
                    c.id,
                    c.hard,
                    over,
                    c.weight,
                    f'{c.target.kind} "{rid}" has {over} gap(s) over the {c.max_gaps} '
                    "allowed per day",
                )


def _active(data: SchoolData, kind: str):
    return [c for c in data.constraints if c.kind == kind and c.active]
