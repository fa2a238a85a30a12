"""Students can take the courses they asked for together: a master-schedule rule.

For course sections (activities of a course taught to students one by one), two families of
terms steer the timetable toward a good sectioning:
- Spread (hard): the sections of one course never crowd into one slot beyond their fair share
  (ceil(sections / periods)), so students have a choice of times.
- Course pairs (soft): for each pair of courses with at most two sections each (singletons and
  doubletons, where clashes hurt most), when every section of one overlaps every section of the
  other, every student who asked for both loses one: ``weight`` = number of such students
  (three times for a required pair). Improvement rounds add pairs that blocked real requests.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations, product

from scheduler.solver.rules.base import Build

NAME = "course_conflicts"
MAX_SECTIONS = 2


def sections_by_course(build: Build) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for a in build.problem.activities:
        if a.course is not None and not a.groups:
            out[a.course].append(a.id)
    return out


def pair_weights(build: Build, offered: dict[str, list[str]]) -> Counter[tuple[str, str]]:
    weights: Counter[tuple[str, str]] = Counter()
    for student in build.data.students:
        wanted = sorted(
            {r.course: r.required for r in student.requests if r.course in offered}.items()
        )
        for (c1, req1), (c2, req2) in combinations(wanted, 2):
            weights[(c1, c2)] += 3 if req1 and req2 else 1
    for pair, extra in build.extra_pairs.items():
        weights[tuple(sorted(pair))] += extra
    return weights


def build(b: Build) -> None:
    offered = sections_by_course(b)
    if not offered:
        return
    _spread(b, offered)
    overlap = _Overlaps(b)
    _class_terms(b, offered)
    for (c1, c2), weight in sorted(pair_weights(b, offered).items()):
        s1, s2 = offered.get(c1, []), offered.get(c2, [])
        if not s1 or not s2:
            continue
        if (len(s1) > MAX_SECTIONS or len(s2) > MAX_SECTIONS) and (c1, c2) not in b.extra_pairs:
            continue
        if len(s1) * len(s2) > 16:
            continue
        pairs = [overlap(a, c) for a, c in product(s1, s2)]
        pairs = [v for v in pairs if v is not None]
        if len(pairs) < len(s1) * len(s2):
            continue  # some pair can never overlap: no student need lose this pair
        clash = b.model.new_bool_var(f"{NAME}:{c1}/{c2}")
        b.model.add(clash >= sum(pairs) - (len(pairs) - 1))
        b.penalize(NAME, f"{c1}/{c2}", weight, clash)


def _class_terms(b: Build, offered: dict[str, list[str]]) -> None:
    """Students taught in classes who also asked for a course with sections need one section
    outside their class's lessons: ``weight`` = such students of the subgroup, when every
    section clashes with the subgroup's timetable."""
    p = b.problem
    wanting: Counter[tuple[str, str]] = Counter()
    for student in b.data.students:
        leaves = b.data.leaf_groups(student.groups)
        for r in student.requests:
            if r.course in offered:
                for leaf in leaves:
                    wanting[(r.course, leaf)] += 3 if r.required else 1
    for (course, other), extra in b.extra_pairs.items():
        if (course, other) in wanting:
            wanting[(course, other)] += extra
    leaves = {r.id: r for r in p.leaves}
    for (course, leaf), weight in sorted(wanting.items()):
        sections = offered[course]
        resource = leaves.get(leaf)
        if resource is None or not resource.meetings or len(sections) > 6:
            continue
        group_busy = b.vars.busy(resource)
        clashes = []
        for aid in sections:
            clash = b.model.new_bool_var(f"{NAME}:{aid}~{leaf}")
            for m in p.activity_meetings[aid]:
                for s in b.vars.occupied_slots(m):
                    if s in group_busy:
                        b.model.add(clash >= sum(b.vars.covering(m, s)) + group_busy[s] - 1)
            clashes.append(clash)
        lost = b.model.new_bool_var(f"{NAME}:{course}~{leaf}")
        b.model.add(lost >= sum(clashes) - (len(clashes) - 1))
        b.penalize(NAME, f"{course}/{leaf}", weight, lost)


def _spread(b: Build, offered: dict[str, list[str]]) -> None:
    p = b.problem
    periods = max(len(p.grid.teaching_slots_of_day(d)) for d in range(p.grid.days))
    if b.data.lunch_waves and periods > 1:
        periods -= 1  # each student eats in one period: sections crowd into the others
    for sections in offered.values():
        if len(sections) < 2:
            continue
        cap = math.ceil(len(sections) / periods)
        by_slot: dict[int, list] = defaultdict(list)
        for aid in sections:
            for m in p.activity_meetings[aid]:
                for s in b.vars.occupied_slots(m):
                    by_slot[s].extend(b.vars.covering(m, s))
        for lits in by_slot.values():
            if len(lits) > cap:
                b.model.add(sum(lits) <= cap)


class _Overlaps:
    """One boolean per pair of sections: true when they share a slot (forced up, never down)."""

    def __init__(self, b: Build) -> None:
        self.b = b
        self.cache: dict[tuple[str, str], object] = {}

    def __call__(self, a: str, c: str):
        key = (a, c) if a < c else (c, a)
        if key not in self.cache:
            self.cache[key] = self._make(*key)
        return self.cache[key]

    def _make(self, a: str, c: str):
        b, p = self.b, self.b.problem
        busy_a = self._busy(p.activity_meetings[a])
        busy_c = self._busy(p.activity_meetings[c])
        common = sorted(busy_a.keys() & busy_c.keys())
        if not common:
            return None
        var = b.model.new_bool_var(f"overlap:{a}/{c}")
        for s in common:
            b.model.add(var >= sum(busy_a[s]) + sum(busy_c[s]) - 1)
        return var

    def _busy(self, meetings) -> dict[int, list]:
        out: dict[int, list] = defaultdict(list)
        for m in meetings:
            for s in self.b.vars.occupied_slots(m):
                out[s].extend(self.b.vars.covering(m, s))
        return out
