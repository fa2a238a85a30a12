"""A person's day in CP-SAT: the slots they can attend, their gaps, lessons in one block.

Not a rule itself; the gap rules and ``compact_days`` build on it. A day is seen as the positions
of the person's own teaching slots (breaks and their unavailable slots left out, as in FET), each
with the person's busy literal, or None where no lesson of theirs can ever be.

Gaps of a day: on days of at most ``TABLE_UP_TO`` distinct busy literals, a table of every busy
pattern and its gap count (patterns a hard ``min_per_day`` forbids left out), which CP-SAT
propagates completely; measured on FET's Brazil.fet it found timetables the encoding below did
not. Longer days are order-encoded: ``before[i]`` is at least "busy somewhere at or before
position i", ``after[i]`` at least "busy somewhere at or after i". On a day with lessons, set
exactly, they sum to (positions from the first lesson on) + (positions up to the last), i.e. the
day's span plus the number of positions considered, so
``gaps >= sum(before) + sum(after) - positions - lessons``. Only lower bounds are stated: a rule
that bounds or minimises the gaps never wants these higher, and the smallest values give the
exact count. One linear constraint per day, no gap booleans.

No gaps at all is simpler: the busy positions form one block, i.e. at most one position starts a
block (busy there, free or impossible just before).
"""

from __future__ import annotations

import itertools

from scheduler.solver.compile import Resource
from scheduler.solver.rules.base import Build


def positions(b: Build, resource: Resource, d: int) -> list:
    """The busy literal (or None) of each slot of day ``d`` the person can attend, in order."""
    busy = b.vars.busy(resource)
    slots = b.problem.grid.teaching_slots_of_day(d)
    return [busy.get(s) for s in slots if s not in resource.unavailable]


def gap_count(b: Build, resource: Resource, d: int):
    """(a variable at least the person's gaps on day ``d``, its largest value), or None when the
    day cannot hold a gap. Made once per person and day; per-day and per-week rules share it."""
    key = ("gaps", resource.kind, resource.id, d)
    if key not in b.cache:
        name = f"{resource.kind}:{resource.id}:{d}"
        least = _least_per_day(b).get((resource.kind, resource.id), (0, True))
        b.cache[key] = _gap_count(b, name, positions(b, resource, d), least)
    return b.cache[key]


def _least_per_day(b: Build) -> dict[tuple[str, str], tuple[int, bool]]:
    """Per person, the fewest lesson slots a hard ``min_per_day`` allows on a day, and whether a
    day may be empty."""
    key = ("least_per_day",)
    if key not in b.cache:
        out: dict[tuple[str, str], tuple[int, bool]] = {}
        for c in b.active("min_per_day"):
            if not c.hard:
                continue
            for r in b.problem.resources_for(c.target):
                least, empty_ok = out.get((r.kind, r.id), (0, True))
                out[(r.kind, r.id)] = (max(least, c.min_slots), empty_ok and c.allow_empty_days)
        b.cache[key] = out
    return b.cache[key]


def _gap_count(b: Build, name: str, busy: list, least: tuple[int, bool]):
    used = [i for i, x in enumerate(busy) if x is not None]
    if len(used) < 2 or used[-1] - used[0] < 2:
        return None  # no position between two possible lessons
    first, last = used[0], used[-1]
    width = last - first + 1
    most = width - 2
    gaps = b.model.new_int_var(0, most, f"gaps:{name}")
    unique = list(dict.fromkeys(busy[i].index for i in used))
    if len(unique) <= TABLE_UP_TO:
        _gap_table(b, busy[first : last + 1], gaps, least)
    else:
        _gap_order(b, name, busy, first, last, gaps)
    return gaps, most


TABLE_UP_TO = 10
"""Days with at most this many distinct busy literals get their gap count from a table of every
busy pattern (at most 1,024 rows), which the solver propagates completely; longer days get the
order encoding."""


def _gap_table(b: Build, busy: list, gaps, least: tuple[int, bool]) -> None:
    """``gaps`` equals the day's gap count, as a table over the busy literals. Patterns a hard
    ``min_per_day`` forbids (fewer lesson slots than ``least``, unless empty and allowed) are left
    out, so the solver sees gaps and daily load together."""
    fewest, empty_ok = least
    columns = list({x.index: x for x in busy if x is not None}.values())
    where = {x.index: k for k, x in enumerate(columns)}
    rows = []
    for pattern in itertools.product((0, 1), repeat=len(columns)):
        on = [i for i, x in enumerate(busy) if x is not None and pattern[where[x.index]]]
        if len(on) < fewest and not (empty_ok and not on):
            continue
        idle = 0 if len(on) < 2 else on[-1] - on[0] + 1 - len(on)
        rows.append((*pattern, idle))
    b.model.add_allowed_assignments([*columns, gaps], rows)


def _gap_order(b: Build, name: str, busy: list, first: int, last: int, gaps) -> None:
    """``gaps`` at least the day's gap count, through order-encoded first and last lessons."""
    m = b.model
    used = [i for i, x in enumerate(busy) if x is not None]
    before, prev = [], None
    for i in range(first, last + 1):
        if busy[i] is None:
            if prev is not None:
                before.append(prev)
            continue
        var = m.new_bool_var(f"before:{name}:{i}")
        m.add_implication(busy[i], var)
        if prev is not None:
            m.add_implication(prev, var)
        before.append(var)
        prev = var
    after, nxt = [], None
    for i in range(last, first - 1, -1):
        if busy[i] is None:
            if nxt is not None:
                after.append(nxt)
            continue
        var = m.new_bool_var(f"after:{name}:{i}")
        m.add_implication(busy[i], var)
        if nxt is not None:
            m.add_implication(nxt, var)
        after.append(var)
        nxt = var
    width = last - first + 1
    lessons = [busy[i] for i in used]
    m.add(gaps >= sum(before) + sum(after) - width - sum(lessons))


def one_block(b: Build, name: str, busy: list) -> None:
    """State that the busy positions of a day form one block (no gaps)."""
    m = b.model
    starts = []
    for i, x in enumerate(busy):
        if x is None:
            continue
        prev = busy[i - 1] if i > 0 else None
        if prev is None:
            starts.append(x)
            continue
        s = m.new_bool_var(f"block:{name}:{i}")
        m.add(s >= x - prev)
        starts.append(s)
    if len(starts) > 1:
        m.add_at_most_one(starts)


def no_gaps(b: Build, resource: Resource, d: int) -> None:
    """The person has no gap on day ``d`` (stated once however many rules ask)."""
    key = ("no_gaps", resource.kind, resource.id, d)
    if key not in b.cache:
        b.cache[key] = True
        one_block(b, f"{resource.kind}:{resource.id}:{d}", positions(b, resource, d))
