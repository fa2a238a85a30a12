"""Lunch waves in a school taught in classes (``lunch_wave``): each subgroup with lessons eats in
one wave, its lessons leave that wave free, and the waves' cafeteria seats hold the subgroups'
students. Always hard. Students seated in sections get their wave in the seating step instead
(``scheduler.solver.stages.lunch``); every student's own wave is then assigned from the timetable.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from scheduler.model.personal import LUNCH_WAVE, wave_of_group, wave_slots
from scheduler.solver.rules.base import Build

NAME = LUNCH_WAVE


def build(b: Build) -> None:
    _section_seats(b)
    data = b.data
    leaves = [r for r in b.problem.leaves if r.meetings]
    if not data.lunch_waves or not leaves:
        return
    grid = b.problem.grid
    slots = [grid.slots_of(wave_slots(data.calendar, w)) for w in data.lunch_waves]
    size, pinned = _sizes(b)
    seats: dict[int, list] = defaultdict(list)
    for leaf in leaves:
        busy = b.vars.busy(leaf)
        choices = []
        allowed = pinned.get(leaf.id)
        for k, wave in enumerate(data.lunch_waves):
            if allowed is not None and wave.id not in allowed:
                continue
            lit = b.model.new_bool_var(f"wave:{leaf.id}:{wave.id}")
            for s in slots[k]:
                if s in busy:
                    b.model.add_implication(lit, busy[s].Not())
            choices.append(lit)
            seats[k].append((size[leaf.id], lit))
        if choices:
            b.model.add_exactly_one(choices)
    for k, wave in enumerate(data.lunch_waves):
        if wave.capacity is not None and sum(n for n, _ in seats[k]) > wave.capacity:
            b.model.add(sum(n * lit for n, lit in seats[k]) <= wave.capacity)


def _sizes(b: Build) -> tuple[Counter[str], dict[str, set[str]]]:
    """Students of each subgroup (its size when no students are listed) and the waves a subgroup
    may take when groups are pinned to waves."""
    data = b.data
    size: Counter[str] = Counter()
    pinned: dict[str, set[str]] = {}
    by_student = wave_of_group(data)
    for s in data.students:
        for leaf in data.leaf_groups(s.groups):
            size[leaf] += 1
            if s.id in by_student:
                pinned.setdefault(leaf, set()).add(by_student[s.id])
    if not data.students:
        for g in data.groups:
            for leaf in data.leaf_groups([g.id]):
                size[leaf] = max(
                    size[leaf], data.group_by_id[leaf].size if leaf in data.group_by_id else 0
                )
    return size, pinned


def _section_seats(b: Build) -> None:
    """Guidance for schools whose students are seated in sections: fewer section seats in the
    periods a wave eats in. Each student gives one of the W wave periods to lunch, so of a day's
    P periods a wave period should hold (1 - 1/W) / (P - 1) of the day's seats; seats beyond
    that share cost a little (reported with ``course_conflicts``, which is never scored)."""
    data, p = b.data, b.problem
    waves = data.lunch_waves
    if len(waves) < 2:
        return
    grid = p.grid
    days = [d for d in range(grid.days) if grid.teaching_slots_of_day(d)]
    sections = []
    per_day = 0.0
    for a in p.activities:
        course = data.course_by_id.get(a.course) if a.course else None
        if course is None or a.groups or not course.section_capacity:
            continue
        sections.append((a.id, course.section_capacity))
        per_day += course.section_capacity * sum(a.meetings) / max(1, len(days))
    if not sections:
        return
    in_wave = set().union(*(grid.slots_of(wave_slots(data.calendar, w)) for w in waves))
    for d in days:
        teaching = grid.teaching_slots_of_day(d)
        if len(teaching) < 2:
            continue
        target = int(per_day * (1 - 1 / len(waves)) / (len(teaching) - 1))
        for t in (t for t in teaching if t in in_wave):
            terms = [
                (cap, lit)
                for aid, cap in sections
                for m in p.activity_meetings[aid]
                for lit in b.vars.covering(m, t)
            ]
            most = sum(cap for cap, _ in terms)
            if most > target:
                seats = sum(cap * lit for cap, lit in terms)
                over = b.excess(seats, target, f"lunch-seats@{t}", most)
                b.penalize("course_conflicts", f"lunch seats {grid.refs[t]}", 1, over)
