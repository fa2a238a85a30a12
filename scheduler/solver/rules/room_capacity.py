"""Lessons that need rooms of a kind never outnumber the free rooms of that kind.

Hard. Rooms are assigned exactly in a second step (``scheduler.solver.rooms``); this rule keeps the
timetable step honest with Hall's condition: for each set of rooms C that lessons can choose from,
in every slot, the meetings whose choices all lie in C are at most the rooms of C open then.
"""

from __future__ import annotations

from collections import defaultdict

from scheduler.solver.rules.base import Build

NAME = "room_capacity"
MAX_SETS = 400


def room_sets(candidate_sets: set[frozenset[int]]) -> list[frozenset[int]]:
    """The candidate sets plus unions of overlapping ones (bounded), where Hall cuts matter."""
    family = set(candidate_sets)
    frontier = list(family)
    while frontier and len(family) < MAX_SETS:
        new = []
        for a in frontier:
            for b in list(family):
                if a is not b and a & b and not (a <= b or b <= a):
                    union = a | b
                    if union not in family:
                        family.add(union)
                        new.append(union)
        frontier = new
    return sorted(family, key=lambda s: (len(s), sorted(s)))


def build(b: Build, extra_sets: tuple[frozenset[int], ...] = ()) -> None:
    p = b.problem
    by_set: dict[frozenset[int], list[int]] = defaultdict(list)
    for m, meeting in enumerate(p.meetings):
        if meeting.rooms:
            by_set[frozenset(meeting.rooms)].append(m)
    for rooms in {*room_sets(set(by_set)), *extra_sets}:
        inside = [m for cand, ms in by_set.items() if cand <= rooms for m in ms]
        if len(inside) <= 1 and len(rooms) >= 1:
            continue
        add_cut(b, rooms, inside)


def add_cut(b: Build, rooms: frozenset[int], meetings: list[int]) -> None:
    p = b.problem
    lits_by_slot: dict[int, list] = defaultdict(list)
    for m in meetings:
        for s in b.vars.occupied_slots(m):
            lits_by_slot[s].extend(b.vars.covering(m, s))
    for s, lits in lits_by_slot.items():
        open_rooms = sum(1 for k in rooms if s not in p.room_unavailable[k])
        if len(lits) <= open_rooms:
            continue
        hard, _ = b.relaxed_hard(NAME, True, 1)
        if hard:
            b.model.add(sum(lits) <= open_rooms)
        else:
            over = b.excess(sum(lits), open_rooms, f"{NAME}:{s}", len(lits))
            b.penalize(NAME, NAME, 1, over)
