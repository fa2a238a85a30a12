"""The second, exact step: give every placed meeting a room.

With times fixed this is small: one boolean per meeting and candidate room, one room per meeting,
at most one meeting per room and slot, and the penalty of soft room availability as objective.
When no assignment exists, ``hall_violation`` finds the set of rooms that is short in some slot so
the timetable step can be re-solved with that extra room-capacity cut.

Soft room preferences are scored here too: a meeting outside its preferred rooms costs the rule's
weight, and a meeting of an activity that needs no room may take a free preferred room to avoid it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from scheduler.model import Availability
from scheduler.solver.compile import Problem


@dataclass(frozen=True)
class RoomResult:
    rooms: dict[int, int] | None
    """Meeting -> room index, or None when no assignment exists."""
    penalty: int = 0
    by_rule: dict[str, int] | None = None
    """The penalty split by rule name."""
    shortage: frozenset[int] | None = None
    """A set of rooms too small for the meetings that need them in some slot."""
    timed_out: bool = False


def soft_room_rules(problem: Problem) -> list[tuple[int, frozenset[int], int]]:
    """(room index, slots, weight) of each active soft availability rule for a room."""
    index = {r: k for k, r in enumerate(problem.room_ids)}
    return [
        (index[c.target.id], problem.grid.slots_of(c.slots), c.weight)
        for c in problem.data.constraints
        if isinstance(c, Availability) and c.active and not c.hard and c.target.kind == "room"
    ]


def soft_preferences(problem: Problem) -> dict[int, list[tuple[frozenset[int], int]]]:
    """Meeting -> (preferred room indexes, weight) of each active soft preferred-rooms rule."""
    index = {r: k for k, r in enumerate(problem.room_ids)}
    out: dict[int, list[tuple[frozenset[int], int]]] = defaultdict(list)
    for c in problem.data.constraints:
        if c.kind == "preferred_rooms" and c.active and not c.hard:
            rooms = frozenset(index[r] for r in c.rooms if r in index)
            for a in c.activities:
                for m in problem.activity_meetings.get(a, ()):
                    out[m].append((rooms, c.weight))
    return out


def assign_rooms(
    problem: Problem,
    starts: dict[int, int],
    *,
    time_limit_s: float = 30.0,
    seed: int = 0,
    workers: int = 1,
    previous: dict[int, int] | None = None,
    keep_weight: int = 0,
) -> RoomResult:
    """With ``keep_weight``, each meeting out of its ``previous`` room costs that much (a repair
    keeps rooms where it can); otherwise ``previous`` is only a hint."""
    keeping = bool(keep_weight and previous)
    soft = bool(soft_room_rules(problem) or soft_preferences(problem))
    quick = None
    if keeping or not soft:
        quick = _greedy(problem, starts, previous or {}, kept_first=keeping)
        kept = quick is not None and (
            not keeping or all(quick[m] == k for m, k in previous.items() if m in quick)
        )
        if kept and not soft:
            return RoomResult(quick)
    model = cp_model.CpModel()
    choose: dict[int, dict[int, cp_model.IntVar]] = {}
    per_room_slot: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    wishes = soft_preferences(problem)
    optional: dict[int, dict[int, cp_model.IntVar]] = {}
    for m, t in starts.items():
        meeting = problem.meetings[m]
        if not meeting.rooms:
            if m in wishes:
                optional[m] = _optional(model, problem, m, t, wishes[m], per_room_slot)
            continue
        span = meeting.covers(t)
        options = {}
        for k in meeting.rooms:
            if problem.room_unavailable[k].intersection(span):
                continue
            var = model.new_bool_var(f"m{m}r{k}")
            options[k] = var
            for s in span:
                per_room_slot[(k, s)].append(var)
        if not options:
            return RoomResult(None, shortage=frozenset(meeting.rooms))
        model.add_exactly_one(options.values())
        choose[m] = options
    for lits in per_room_slot.values():
        if len(lits) > 1:
            model.add_at_most_one(lits)
    terms = []
    for k, slots, weight in soft_room_rules(problem):
        for (room, s), lits in per_room_slot.items():
            if room == k and s in slots:
                terms.extend(weight * v for v in lits)
    preference_terms, missed = [], 0
    for m, options in (*choose.items(), *optional.items()):
        for rooms, weight in wishes.get(m, ()):
            inside = [v for k, v in options.items() if k in rooms]
            if inside:
                preference_terms.append(weight * (1 - sum(inside)))
            else:
                missed += weight
    keep_terms = []
    if keeping:
        for m, options in choose.items():
            if m in previous and previous[m] in options:
                keep_terms.append(keep_weight * (1 - options[previous[m]]))
    if terms or preference_terms or keep_terms:
        model.minimize(sum(terms) + sum(preference_terms) + sum(keep_terms))
    if previous:
        for m, options in choose.items():
            if m in previous and previous[m] in options:
                model.add_hint(options[previous[m]], True)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(1.0, time_limit_s)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = max(1, workers)
    status = solver.solve(model)
    if status == cp_model.UNKNOWN and quick is not None:
        return RoomResult(quick)  # out of time: the greedy rooms, which keep most of a repair's
    if status == cp_model.UNKNOWN:
        return RoomResult(None, timed_out=True)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return RoomResult(None, shortage=hall_violation(problem, starts))
    rooms = {
        m: next(k for k, v in options.items() if solver.boolean_value(v))
        for m, options in choose.items()
    }
    for m, options in optional.items():
        taken = [k for k, v in options.items() if solver.boolean_value(v)]
        if taken:
            rooms[m] = taken[0]
    by_rule = {
        "availability": sum(int(solver.value(x)) for x in terms),
        "preferred_rooms": missed + sum(int(solver.value(x)) for x in preference_terms),
    }
    return RoomResult(rooms, penalty=sum(by_rule.values()), by_rule=by_rule)


def _optional(model, problem: Problem, m: int, t: int, wishes, per_room_slot):
    """At most one preferred room for a meeting that needs none, where it is open."""
    span = problem.meetings[m].covers(t)
    options = {}
    for k in sorted(frozenset().union(*(rooms for rooms, _ in wishes))):
        if not problem.room_unavailable[k].intersection(span):
            options[k] = var = model.new_bool_var(f"m{m}r{k}?")
            for s in span:
                per_room_slot[(k, s)].append(var)
    if len(options) > 1:
        model.add_at_most_one(options.values())
    return options


def _greedy(
    problem: Problem, starts: dict[int, int], previous: dict[int, int], *, kept_first=False
):
    """Most constrained meeting first, each into a free candidate room, preferring its previous
    room and the room its activity already has (a section keeps one room all week). None when
    it gets stuck; the exact step then decides. With ``kept_first`` (a repair), meetings with a
    previous room go first, so they find it free."""
    taken: set[tuple[int, int]] = set()
    activity_room: dict[int, int] = {}
    out: dict[int, int] = {}
    order = sorted(
        (m for m in starts if problem.meetings[m].rooms),
        key=lambda m: (
            kept_first and m not in previous,
            len(problem.meetings[m].rooms),
            problem.meetings[m].activity,
            m,
        ),
    )
    for m in order:
        meeting = problem.meetings[m]
        span = meeting.covers(starts[m])
        wish = [previous.get(m), activity_room.get(meeting.activity)]
        candidates = [k for k in wish if k is not None and k in meeting.rooms]
        candidates += [k for k in meeting.rooms if k not in candidates]
        for k in candidates:
            if problem.room_unavailable[k].intersection(span):
                continue
            if any((k, s) in taken for s in span):
                continue
            out[m] = k
            activity_room.setdefault(meeting.activity, k)
            taken.update((k, s) for s in span)
            break
        else:
            return None
    return out


def hall_violation(problem: Problem, starts: dict[int, int]) -> frozenset[int] | None:
    """In the first slot where meetings cannot all get distinct open rooms, the rooms reachable
    from an unmatched meeting: fewer than the meetings that can only use them (Hall's theorem).
    Rooms closed in that slot are added to the set: they widen it without adding capacity."""
    at: dict[int, list[int]] = defaultdict(list)
    for m, t in starts.items():
        if problem.meetings[m].rooms:
            for s in problem.meetings[m].covers(t):
                at[s].append(m)
    for s in sorted(at):
        options = {
            m: [k for k in problem.meetings[m].rooms if s not in problem.room_unavailable[k]]
            for m in at[s]
        }
        owner: dict[int, int] = {}
        for m in at[s]:
            seen: set[int] = set()
            if not _augment(m, options, owner, seen):
                closed = {
                    k
                    for other in at[s]
                    for k in problem.meetings[other].rooms
                    if s in problem.room_unavailable[k]
                }
                return frozenset(seen | closed | set(problem.meetings[m].rooms))
    return None


def _augment(m: int, options, owner: dict[int, int], seen: set[int]) -> bool:
    for k in options[m]:
        if k in seen:
            continue
        seen.add(k)
        if k not in owner or _augment(owner[k], options, owner, seen):
            owner[k] = m
            return True
    return False
