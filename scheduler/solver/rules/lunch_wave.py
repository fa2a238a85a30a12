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
    """For schools whose students are seated in sections: fewer sections in the periods a wave
    eats in. Each student gives one of the W wave periods of a day to lunch, so of the P
    periods a wave period holds (1 - 1/W) of a full period's students, and the wave periods
    together should hold (W - 1) / (P - 1) of a course's sections, not W / P. Hard, per course
    and day: at most that share, rounded, and at least one (a course of one section may meet
    then). A cheap cap like the spread rule's, so the first timetable comes as fast as before."""
    data, p = b.data, b.problem
    waves = data.lunch_waves
    if len(waves) < 2:
        return
    grid = p.grid
    in_wave = set().union(*(grid.slots_of(wave_slots(data.calendar, w)) for w in waves))
    by_course: dict[str, list[str]] = defaultdict(list)
    for a in p.activities:
        if a.course is not None and not a.groups:
            by_course[a.course].append(a.id)
    for d in range(grid.days):
        teaching = grid.teaching_slots_of_day(d)
        inside = [t for t in teaching if t in in_wave]
        if not inside or len(teaching) <= len(waves):
            continue
        share = (len(waves) - 1) / (len(teaching) - 1)
        for sections in by_course.values():
            cap = max(1, int(len(sections) * share + 0.5))
            lits = [
                lit
                for aid in sections
                for m in p.activity_meetings[aid]
                for t in inside
                for lit in b.vars.covering(m, t)
            ]
            if len(lits) > cap:
                b.model.add(sum(lits) <= cap)
