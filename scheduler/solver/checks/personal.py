"""Personalized time: personal blocks and day rules keep classes away, activities meet only on
their cycle days, lunch windows stay free, daily minutes stay under their cap, every student has
a lunch wave with a seat and no class during it. All hard.

Each person is checked on the lessons they attend (groups, one by one, seats in sections); a rule
about groups of a school that lists no students is checked on the groups' lessons.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from scheduler.model import SchoolData
from scheduler.model.personal import (
    CYCLE_DAYS,
    DAY_RULE,
    LUNCH_WAVE,
    LUNCH_WINDOW,
    MAX_MINUTES,
    PERSONAL_BLOCK,
    applies_to,
    block_slots,
    clock_minutes,
    cycle_day_slots,
    day_rule_slots,
    members,
    wave_of_group,
    wave_slots,
)
from scheduler.solver.checks.base import violation
from scheduler.solver.occupancy import Occupancy, Seat
from scheduler.solver.violation import Violation


def personal(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    yield from _away(data, occ)
    yield from _cycle_days(data, occ)
    yield from _lunch_windows(data, occ)
    yield from _max_minutes(data, occ)
    yield from _lunch_waves(data, occ)


def _people(data: SchoolData, occ: Occupancy, rule, everyone: bool):
    """(label, seats) of each person the rule is about."""
    ids = applies_to(data, rule) if everyone else members(data, rule.students, rule.groups)
    if ids:
        return [(f'student "{sid}"', occ.attended(sid)) for sid in ids]
    if data.students:
        return []
    groups = rule.groups or tuple(g.id for g in data.groups)
    out = []
    for gid in groups:
        for leaf in sorted(data.leaf_groups([gid])):
            out.append((f'group "{leaf}"', occ.by_leaf.get(leaf, [])))
    return out


def _away(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    rules = [(PERSONAL_BLOCK, b, block_slots(data.calendar, b)) for b in data.personal_blocks]
    rules += [(DAY_RULE, r, day_rule_slots(data.calendar, r)) for r in data.day_rules]
    for name, rule, refs in rules:
        slots = occ.slots_of(refs)
        for who, seats in _people(data, occ, rule, everyone=False):
            count = sum(len(slots.intersection(s.span)) for s in seats)
            if count:
                yield violation(
                    name,
                    rule.id,
                    True,
                    count,
                    1,
                    f'{who} has {count} lesson slot(s) during "{rule.label}"',
                )


def _cycle_days(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for rule in data.cycle_days:
        slots = occ.slots_of(cycle_day_slots(data.calendar, rule))
        for aid in rule.activities:
            wrong = [s for s in occ.by_activity.get(aid, []) if slots.intersection(s.span)]
            if wrong:
                days = ", ".join(sorted({occ.where(s.start).split(" ")[0] for s in wrong}))
                yield violation(
                    CYCLE_DAYS,
                    rule.id,
                    True,
                    len(wrong),
                    1,
                    f'activity "{aid}" meets on {days}, outside its days {", ".join(rule.days)}',
                )


def _clock_table(data: SchoolData) -> list[tuple[int, int]]:
    """(start, end) minutes of every slot, in the order the occupancy numbers them."""
    return [
        (clock_minutes(s.start), clock_minutes(s.end)) for d in data.calendar.days for s in d.slots
    ]


def _lunch_windows(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    if not data.lunch_windows:
        return
    clock = _clock_table(data)
    for rule in data.lunch_windows:
        lo, hi = clock_minutes(rule.start), clock_minutes(rule.end)
        days = [
            d
            for d, day in enumerate(data.calendar.days)
            if (not rule.days or day.id in rule.days) and occ.teaching_slots(d)
        ]
        for who, seats in _people(data, occ, rule, everyone=True):
            busy = Occupancy.busy_by_day(seats)
            short = []
            for d in days:
                taken = sorted(clock[t] for t in busy.get(d, ()))
                longest, cursor = 0, lo
                for a, b in taken:
                    if b <= lo or a >= hi:
                        continue
                    longest = max(longest, min(a, hi) - cursor)
                    cursor = max(cursor, b)
                longest = max(longest, hi - cursor)
                if longest < rule.minutes:
                    short.append(data.calendar.days[d].label)
            if short:
                yield violation(
                    LUNCH_WINDOW,
                    rule.id,
                    True,
                    len(short),
                    1,
                    f"{who} has no {rule.minutes} free minutes between {rule.start:%H:%M} and "
                    f"{rule.end:%H:%M} on {', '.join(short)}",
                )


def _max_minutes(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    if not data.max_minutes:
        return
    clock = _clock_table(data)
    for rule in data.max_minutes:
        for who, seats in _people(data, occ, rule, everyone=True):
            for d, slots in sorted(Occupancy.busy_by_day(seats).items()):
                day = data.calendar.days[d]
                if rule.days and day.id not in rule.days:
                    continue
                minutes = sum(clock[t][1] - clock[t][0] for t in slots)
                if minutes > rule.max_minutes:
                    yield violation(
                        MAX_MINUTES,
                        rule.id,
                        True,
                        1,
                        1,
                        f"{who} has {minutes} minutes of class on {day.label}, "
                        f"more than {rule.max_minutes}",
                    )


def _lunch_waves(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    if not data.lunch_waves:
        return
    waves = {w.id: w for w in data.lunch_waves}
    slots = {w.id: occ.slots_of(wave_slots(data.calendar, w)) for w in data.lunch_waves}
    pinned = wave_of_group(data)
    given = occ.lunches
    for student in data.students:
        wave = given.get(student.id)
        if wave is None or wave not in waves:
            what = "has no lunch wave" if wave is None else f'has unknown lunch wave "{wave}"'
            yield violation(LUNCH_WAVE, student.id, True, 1, 1, f'student "{student.id}" {what}')
            continue
        if student.id in pinned and pinned[student.id] != wave:
            yield violation(
                LUNCH_WAVE,
                student.id,
                True,
                1,
                1,
                f'student "{student.id}" eats in "{waves[wave].label}", not in their group\'s '
                f'wave "{waves[pinned[student.id]].label}"',
            )
        clash: list[Seat] = [
            s for s in occ.attended(student.id) if slots[wave].intersection(s.span)
        ]
        if clash:
            yield violation(
                LUNCH_WAVE,
                student.id,
                True,
                len(clash),
                1,
                f'student "{student.id}" has class during lunch wave "{waves[wave].label}" '
                f'("{clash[0].activity.id}" at {occ.where(clash[0].start)})',
            )
    size = Counter(w for sid, w in given.items() if sid in data.student_by_id)
    for wid, wave in waves.items():
        if wave.capacity is not None and size[wid] > wave.capacity:
            yield violation(
                LUNCH_WAVE,
                wid,
                True,
                size[wid] - wave.capacity,
                1,
                f'lunch wave "{wave.label}" has {size[wid]} students for {wave.capacity} seats',
            )
