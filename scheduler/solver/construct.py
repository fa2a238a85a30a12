"""A quick first timetable by iterative forward search, as a starting point (hint) for CP-SAT.

FET places lessons one at a time, hardest first, and when a lesson fits nowhere it takes the
time with the fewest conflicts and throws the conflicting lessons back into the queue. CP-SAT
struggles on exactly the files where that works well: nearly full weeks for many teachers and
classes (an exact packing) with lessons spread over the week. This module does the same kind of
search, and every placement keeps these hard rules (whatever breaks one is evicted):

- nobody (teacher, subgroup, modelled student) is in two meetings at once, nor are the meetings of
  a hard ``not_overlapping`` rule, nor two meetings in a room that is their only possible one;
- hard ``min_days_between`` (activity field and rules): meetings of a set are ``N`` days apart;
- hard ``same_start`` at the same time: the meetings start together (placed as one unit); on the
  same day or period, and hard ``consecutive`` pairs (``construct_pairs``);
- the shape of people's days: gaps, early starts, lessons a day, days a week, slots in a row,
  days in part of the day (``construct_shape``); hard ``ends_day`` (``construct_last``);
- no set of candidate rooms holds more meetings than it has free rooms (``construct_rooms``).

Every other rule is left to the repair model and CP-SAT, which treat the result as a hint: the
checker stays the judge. Start domains come from ``compile`` (availability, breaks, pins and hard
time rules are already applied). The search is randomised by ``seed`` and stops at a complete
placement, when it stalls, or at the deadline, returning the most complete placement it saw.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from scheduler.solver.compile import Problem
from scheduler.solver.construct_last import LastOfDay
from scheduler.solver.construct_pairs import Pairs
from scheduler.solver.construct_rooms import RoomPools
from scheduler.solver.construct_shape import Shapes

PINNED_WEIGHT = 1000.0
SHAPE_COST = 2.0
"""Cost of each unit by which a start breaks a rule on the shape of a person's days, or fills a set
of rooms (an evicted lesson costs about 1: shape breaks are avoided a little more)."""
STALL_FACTOR = 30
"""Give up after this many iterations per unit without placing more units than before."""
TABU = 10
"""A unit evicted from a start may not return there for TABU to 2 x TABU iterations..."""
TABU_COST = 100.0
"""...unless every other start costs more than this (a soft tabu)."""
SPREAD_SHARE = 0.3
"""Share of the construction's time for a placement that weighs soft min-days rules fully..."""
SOFT_RELIEF = 0.1
"""...after which, when it is not complete, they weigh this much (hard rules come first)."""
KEEP_ALL_SHARE = 0.75
"""Share of the time for a placement keeping every rule; the rest completes it if need be."""
NEVER_PLACED = 1e6
EVICTED_CAP = 10
"""Each eviction raises a unit's priority by one, up to this many."""
AGING = 0.05
"""Priority a waiting unit gains per iteration."""
NOISE = 0.5
"""Random cost added to each start, so that ties and near-ties go either way."""
SOFT_CLOSE = 6.0
"""Cost of a start that puts two meetings of a soft min-days rule too close, for the heaviest such
rule of the school (lighter ones cost in proportion to their weight). Higher than an eviction's
cost for an ordinary unit: FET weighs these rules as it places, and its first timetables break
few of them; with 0.3 ours broke 5-8 times as many on PBS and twice as many on Highlands. (3.0
and 10.0 were tried: 6.0 was best or equal on PBS, Arabic_Saudi_2 and shc-2013 over 2 seeds.)"""


@dataclass(frozen=True)
class Construction:
    starts: dict[int, int]
    """Meeting -> start slot, for the meetings placed (all of them when ``complete``)."""
    complete: bool
    placed: int
    meetings: int
    iterations: int
    seconds: float
    kept_all: bool = True
    """Whether the placement keeps every rule ``construct`` knows, or only the basic ones."""


@dataclass
class _Unit:
    members: list[tuple[int, int, np.ndarray]]
    """(meeting, duration, resource rows) of each meeting that starts with the unit."""
    starts: np.ndarray
    days: np.ndarray
    groups: list[tuple[int, int, int]]
    """(group, meeting of the unit in it, its duration) for each min-days group it is in."""
    difficulty: float


def construct(
    problem: Problem,
    *,
    time_limit_s: float,
    seed: int = 0,
    clock=time.monotonic,
    stop: Callable[[], bool] | None = None,
) -> Construction:
    """Place units until all are placed, ``time_limit_s`` passes, the search stalls, or ``stop``
    (checked every few iterations, e.g. a cancelled solve) returns True.

    When keeping every rule above does not place every meeting within ``KEEP_ALL_SHARE`` of the
    time, the rest of it completes that placement keeping only double-booking, min-days and
    same-time starts (``kept_all`` is then False): a complete placement the repair model can
    start from."""
    began = clock()
    made = _search(problem, SPREAD_SHARE * time_limit_s, seed, clock, stop, True, {})
    keep_until = began + KEEP_ALL_SHARE * time_limit_s
    if not made.complete and clock() < keep_until and not (stop is not None and stop()):
        # Spreading meetings over the week cost too many evictions: keep the hard rules first.
        later = _search(
            problem, keep_until - clock(), seed, clock, stop, True, made.starts, SOFT_RELIEF
        )
        made = _after(made, later, clock() - began)
    left = began + time_limit_s - clock()
    if made.complete or left <= 0 or (stop is not None and stop()):
        return made
    more = _search(problem, left, seed, clock, stop, False, made.starts, SOFT_RELIEF)
    return replace(_after(made, more, clock() - began), kept_all=False)


def _after(earlier: Construction, later: Construction, seconds: float) -> Construction:
    """The placement a later search reached from an earlier one, counting both searches."""
    return replace(later, iterations=earlier.iterations + later.iterations, seconds=seconds)


def _search(
    problem: Problem,
    time_limit_s: float,
    seed: int,
    clock,
    stop: Callable[[], bool] | None,
    keep_all: bool,
    start_from: dict[int, int],
    soft: float = 1.0,
) -> Construction:
    began = clock()
    deadline = began + time_limit_s
    rng = random.Random(seed)
    shuffle = np.random.default_rng(seed)
    grid = problem.grid
    day_of = np.asarray(grid.day_of, dtype=np.int64)
    meeting_unit, units = _units(problem, day_of)
    rows, row_of = _resource_rows(problem)
    for unit in units:
        unit.members = [(m, d, rows.get(m, _NO_ROWS)) for m, d, _ in unit.members]
    groups = _min_day_groups(problem, meeting_unit, soft * SOFT_CLOSE)
    for g, group in enumerate(groups):
        for m in group.meetings:
            units[meeting_unit[m]].groups.append((g, m, problem.meetings[m].duration))
    n_rows = 1 + max((int(r.max()) for r in rows.values() if len(r)), default=0)
    occ = np.full((n_rows, grid.size + 1), -1, dtype=np.int64)
    shapes = Shapes(problem, row_of, n_rows, grid.size + 1, meeting_unit)
    pools = RoomPools(problem, grid.size + 1)
    masks: dict[tuple[int, int], np.ndarray] = {}
    pairs = Pairs(problem)
    last = LastOfDay(problem, row_of, grid.size + 1)
    if not keep_all:
        shapes.rows[:] = False
        pools.of.clear()
        pairs.links.clear()
        last.rows.clear()

    def partner_start(m: int) -> tuple[int, int] | None:
        v = meeting_unit[m]
        return (v, start_of[v]) if v in start_of else None

    durations = [x.duration for x in problem.meetings]
    weight = np.zeros(len(units) + 1)  # weight[-1] == 0: a free slot costs nothing
    for u, unit in enumerate(units):
        weight[u] = PINNED_WEIGHT if len(unit.starts) == 1 else 1.0
        unit.difficulty = _difficulty(unit, rows)
    start_of: dict[int, int] = {}
    priority = np.asarray([NEVER_PLACED + unit.difficulty for unit in units])
    since = np.zeros(len(units))
    """Units never placed come first (hardest first); then the longer a unit waits, the sooner it
    comes, so that none waits for ever."""
    unassigned = {u for u, unit in enumerate(units) if len(unit.starts)}
    impossible = len(units) - len(unassigned)
    evicted = defaultdict(int)
    tabu: dict[int, dict[int, int]] = defaultdict(dict)
    """Unit -> start it was evicted from -> iteration until which it may not go back there."""
    best: dict[int, int] = {}
    iterations = best_at = 0

    def place(u: int, t: int) -> None:
        for m, d, r in units[u].members:
            occ[r, t : t + d] = u
            pools.place(u, m, t, d)
            last.place(u, m, t, d)
            shapes.touch(r)
        start_of[u] = t

    def remove(u: int) -> None:
        t = start_of.pop(u)
        tabu[u][t] = iterations + TABU + rng.randrange(TABU)
        for m, d, r in units[u].members:
            occ[r, t : t + d] = -1
            pools.remove(u, m, t, d)
            last.remove(u, m)
            shapes.touch(r)
        unassigned.add(u)
        evicted[u] += 1
        priority[u] = units[u].difficulty + min(evicted[u], EVICTED_CAP)
        since[u] = iterations
        weight[u] = PINNED_WEIGHT if len(units[u].starts) == 1 else 1.0 + 0.1 * evicted[u]

    for m, t in start_from.items():
        u = meeting_unit[m]
        if u in unassigned and t in units[u].starts:
            place(u, t)
            unassigned.discard(u)
            priority[u] = units[u].difficulty
    best = dict(start_of)
    while unassigned and clock() < deadline:
        if stop is not None and iterations % 32 == 0 and stop():
            break
        iterations += 1
        waiting = np.fromiter(unassigned, np.int64, len(unassigned))
        noise = shuffle.random(len(waiting))
        key = priority[waiting] + AGING * (iterations - since[waiting]) + noise
        u = int(waiting[int(np.argmax(key))])
        unassigned.discard(u)
        unit = units[u]
        cost = SHAPE_COST * pools.cost(unit.members, unit.starts)
        foreseen = []
        cost += pairs.cost(unit.members, unit.starts, partner_start, weight, u)
        cost += last.cost(unit.members, unit.starts, occ, weight, u)
        for _m, d, r in unit.members:
            if len(r):
                block = occ[r]
                for o in range(d):
                    cost += weight[block[:, unit.starts + o]].sum(axis=0)
                shaped = r[shapes.rows[r]]
                if len(shaped):
                    mask = masks.get((u, d))
                    if mask is None:
                        mask = masks[(u, d)] = _start_masks(unit.starts, d, occ.shape[1])
                    here = occ[shaped][:, None, :]
                    weeks = np.concatenate([here, np.where(mask[None], u, here)], axis=1)
                    found = shapes.excess(shaped, weeks)
                    shapes.remember(shaped, found[:, 0])
                    foreseen.append((shaped, found[:, 1:]))
                    cost += SHAPE_COST * (found[:, 1:] - found[:, :1]).sum(axis=0)
        for g, _m, d in unit.groups:
            group = groups[g]
            k = group.min_days
            near = np.zeros(grid.days + k)
            for m2 in group.meetings:
                v = meeting_unit[m2]
                if v == u or v not in start_of:
                    continue
                s2 = start_of[v]
                e = int(day_of[s2])
                near[max(0, e - k + 1) : e + k] += weight[v] if group.hard else group.cost
                if group.adjacent:
                    d2 = problem.meetings[m2].duration
                    apart = (unit.days == e) & (unit.starts != s2 + d2) & (unit.starts + d != s2)
                    cost += apart * weight[v]
            cost += near[unit.days]
        cost += shuffle.random(len(cost)) * NOISE
        for t, until in tabu[u].items():
            if until > iterations:
                cost[np.searchsorted(unit.starts, t)] += TABU_COST
        i = int(np.argmin(cost))
        t = int(unit.starts[i])
        kept = len(start_of)
        for v in _conflicts(problem, unit, t, occ, groups, meeting_unit, start_of, u, durations):
            remove(v)
        for v in pairs.conflicts(unit.members, t, partner_start, u):
            if v in start_of:
                remove(v)
        for v in last.conflicts(unit.members, t, occ, u):
            if v in start_of:
                remove(v)
        place(u, t)
        if len(start_of) == kept + 1:  # nothing evicted: the rows are as foreseen
            for shaped, after in foreseen:
                shapes.remember(shaped, after[:, i])
        for _m, _d, r in unit.members:
            for row in r[shapes.rows[r]]:
                while (v := _shape_violator(shapes, occ, int(row), u, weight, rng)) is not None:
                    remove(v)
        while (v := pools.violator(u, unit.members, t, rng)) is not None:
            remove(v)
        if len(start_of) > len(best):
            best, best_at = dict(start_of), iterations
        elif iterations - best_at > STALL_FACTOR * len(units) + 1000:
            break  # no progress for long: give the rest of the time to CP-SAT
    starts = {m: t + 0 for u, t in best.items() for m, _d, _r in units[u].members}
    placed = len(starts)
    return Construction(
        starts=starts,
        complete=not unassigned and not impossible and len(best) == len(units),
        placed=placed,
        meetings=len(problem.meetings),
        iterations=iterations,
        seconds=clock() - began,
    )


_NO_ROWS = np.zeros(0, dtype=np.int64)


def _start_masks(starts: np.ndarray, d: int, n_slots: int) -> np.ndarray:
    """One row per candidate start: the slots a ``d``-slot meeting starting there covers."""
    mask = np.zeros((len(starts), n_slots), dtype=bool)
    for o in range(d):
        mask[np.arange(len(starts)), starts + o] = True
    return mask


def _shape_violator(shapes: Shapes, occ, row: int, u: int, weight, rng) -> int | None:
    """A unit of ``row`` (not ``u``) to evict when the row breaks a rule on the shape of its days:
    the one whose removal repairs the most, pinned ones last, ties at random."""
    here = occ[row]
    if shapes.now(np.asarray([row]), occ)[0] <= 0:
        return None
    others = np.unique(here[here >= 0])
    others = others[others != u]
    if not len(others):
        return None
    without = np.where(here[None] == others[:, None], -1, here[None])
    left = shapes.excess(np.asarray([row]), without[None])[0]
    noise = np.fromiter((rng.random() for _ in range(len(others))), float, len(others))
    score = left + 0.01 * weight[others] + 0.5 * noise
    return int(others[int(np.argmin(score))])


def _conflicts(problem, unit, t, occ, groups, meeting_unit, start_of, u, durations) -> set[int]:
    """Placed units that placing ``unit`` at ``t`` would break a rule with."""
    day_of = problem.grid.day_of
    out: set[int] = set()
    for _m, d, r in unit.members:
        if len(r):
            out.update(int(v) for v in np.unique(occ[r, t : t + d]) if v >= 0)
    day = day_of[t]
    for g, _m, d in unit.groups:
        group = groups[g]
        for m2 in group.meetings:
            v = meeting_unit[m2]
            if v == u or v not in start_of:
                continue
            s2 = start_of[v]
            too_close = group.hard and abs(day_of[s2] - day) < group.min_days
            apart = group.adjacent and day_of[s2] == day and t not in (s2 + durations[m2], s2 - d)
            if too_close or apart:
                out.add(v)
    out.discard(u)
    return out


def _units(problem: Problem, day_of: np.ndarray) -> tuple[list[int], list[_Unit]]:
    """Meetings that must start together (hard same-start at the same time) form one unit."""
    parent = list(range(len(problem.meetings)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in problem.data.constraints:
        if c.kind == "same_start" and c.active and c.hard and c.part == "time":
            lists = [problem.activity_meetings[a] for a in c.activities]
            for k in range(min(len(ms) for ms in lists)):
                first = find(lists[0][k])
                for ms in lists[1:]:
                    parent[find(ms[k])] = first
    members: dict[int, list[int]] = defaultdict(list)
    for m in range(len(problem.meetings)):
        members[find(m)].append(m)
    meeting_unit = [0] * len(problem.meetings)
    units = []
    for root in sorted(members):
        ms = members[root]
        common = set(problem.meetings[ms[0]].starts)
        for m in ms[1:]:
            common &= set(problem.meetings[m].starts)
        for m in ms:
            common -= _roomless_starts(problem, m)
        starts = np.asarray(sorted(common), dtype=np.int64)
        for m in ms:
            meeting_unit[m] = len(units)
        units.append(
            _Unit(
                members=[(m, problem.meetings[m].duration, _NO_ROWS) for m in ms],
                starts=starts,
                days=day_of[starts] if len(starts) else starts,
                groups=[],
                difficulty=0.0,
            )
        )
    return meeting_unit, units


def _roomless_starts(problem: Problem, m: int) -> set[int]:
    """Starts at which every candidate room of meeting ``m`` is unavailable in some slot it covers
    (``compile`` removes them only for meetings with one possible room)."""
    meeting = problem.meetings[m]
    if len(meeting.rooms) < 2:
        return set()
    closed = frozenset.intersection(*(problem.room_unavailable[k] for k in meeting.rooms))
    return {t for t in meeting.starts if closed.intersection(meeting.covers(t))}


def _resource_rows(problem: Problem) -> tuple[dict[int, np.ndarray], dict[frozenset, int]]:
    """Meeting -> rows of the occupancy table it uses: one row per person (people attending the
    very same meetings share a row) and one per hard not-overlapping rule; and the row of each
    such set of meetings."""
    seen: dict[frozenset[int], int] = {}
    by_meeting: dict[int, list[int]] = defaultdict(list)
    sets = [r.meetings for r in (*problem.teachers, *problem.leaves, *problem.students)]
    for c in problem.data.constraints:
        if c.kind == "not_overlapping" and c.active and c.hard:
            sets.append(tuple(m for a in c.activities for m in problem.activity_meetings[a]))
    by_room: dict[int, list[int]] = defaultdict(list)
    for m, meeting in enumerate(problem.meetings):
        if len(meeting.rooms) == 1:
            by_room[meeting.rooms[0]].append(m)
    sets.extend(tuple(ms) for _room, ms in sorted(by_room.items()))
    for meetings in sets:
        key = frozenset(meetings)
        if len(key) < 2 or key in seen:
            continue
        seen[key] = row = len(seen)
        for m in key:
            by_meeting[m].append(row)
    rows = {m: np.asarray(sorted(r), dtype=np.int64) for m, r in by_meeting.items()}
    return rows, seen


@dataclass(frozen=True)
class _Group:
    meetings: tuple[int, ...]
    min_days: int
    hard: bool
    """Hard: the meetings must be ``min_days`` apart; soft: it is only preferred."""
    adjacent: bool
    """Two of them on one day must be back to back (hard, FET's consecutive-if-same-day)."""
    cost: float = 0.0
    """Soft: the cost of each pair too close (``SOFT_CLOSE`` scaled by the rule's weight)."""


def _min_day_groups(problem: Problem, meeting_unit, soft_close: float) -> list[_Group]:
    groups = []
    for activity in problem.activities:
        meetings = problem.activity_meetings[activity.id]
        if activity.min_days_between and len(meetings) > 1:
            groups.append(_Group(meetings, activity.min_days_between, True, False))
    rules = [c for c in problem.data.constraints if c.kind == "min_days_between" and c.active]
    heaviest = max((c.weight for c in rules if not c.hard), default=1) or 1
    for c in rules:
        meetings = tuple(m for a in c.activities for m in problem.activity_meetings[a])
        if len({meeting_unit[m] for m in meetings}) > 1:
            adjacent = not c.hard and c.consecutive_if_same_day
            cost = 0.0 if c.hard else soft_close * c.weight / heaviest
            groups.append(_Group(meetings, c.min_days, c.hard, adjacent, cost))
    return groups


def _difficulty(unit: _Unit, rows: dict[int, np.ndarray]) -> float:
    """Fewer possible starts and more people and slots make a unit harder: place it early."""
    load = sum(d * (1 + len(r)) for _m, d, r in unit.members)
    return 10.0 * load / max(1, len(unit.starts)) + len(unit.groups)


def keeps(rule) -> bool:
    """Whether ``construct`` keeps this hard rule by itself."""
    kind = getattr(rule, "kind", None)
    if kind == "same_start":
        return rule.part == "time"
    return kind in ("min_days_between", "not_overlapping")


def relax(rule) -> bool:
    """For the repair model: every hard rule ``construct`` does not keep (a rule object, or the
    source name of a built-in limit such as a teacher's maximum lessons a day)."""
    return not keeps(rule)
