"""A fast first seating for the sectioning step: each student's best timetable by a small
branch-and-bound over their own requests, students taken hardest first (fewest options, then by
id, never by listing order). CP-SAT starts from it and improves it for everyone at once."""

from __future__ import annotations

from dataclasses import dataclass

NODE_LIMIT = 4_000


@dataclass(frozen=True, slots=True)
class Option:
    key: tuple[str, int]
    """(course, time class index)."""
    slots: frozenset[int]
    alternate: bool
    counts: bool = True
    """False for a lunch: its slots stay free, so they are no class minutes."""


Cap = tuple[dict[int, int], int]
"""(minutes of each slot of a day, most class minutes left that day): ``max_minutes_per_day``."""


def minutes_of(opt: Option, cap: Cap) -> int:
    return sum(cap[0].get(t, 0) for t in opt.slots) if opt.counts else 0


@dataclass(frozen=True, slots=True)
class Want:
    weight: int
    options: tuple[Option, ...]


def seat_greedily(
    wants: dict[str, list[Want]],
    capacity: dict[tuple[str, int], int],
    *,
    keep: dict[str, list[tuple[str, int]]] | None = None,
    partial: bool = False,
    caps: dict[str, list[Cap]] | None = None,
) -> dict[str, list[tuple[str, int]]]:
    """Student -> chosen (course, time class) keys. With ``keep`` (an earlier seating), each
    student first tries to keep their seats, so a re-solve changes few timetables. With
    ``partial`` (a repair), a student keeps every earlier seat that still fits and only the
    rest of their requests are seated afresh."""
    left = dict(capacity)
    order = sorted(wants, key=lambda s: (sum(len(w.options) for w in wants[s]), s))
    chosen: dict[str, list[tuple[str, int]]] = {}
    keep = keep or {}
    caps = caps or {}
    for sid in order:
        mine = caps.get(sid, [])
        if partial and keep.get(sid):
            picks = _kept_partly(wants[sid], left, keep[sid], mine)
        else:
            picks = (None if mine else _kept(wants[sid], left, keep.get(sid, ()))) or _best(
                wants[sid], left, mine
            )
        if _lunch_missing(wants[sid], picks, left):
            # Classes first left no wave free within the search's budget: pick the wave first
            # and fit the classes around it (a lost class is better than a lost lunch).
            picks = _best(wants[sid], left, mine, lunch_first=True)
        for key in picks:
            left[key] -= 1
        chosen[sid] = picks
    return chosen


def _kept(wants: list[Want], left, previous) -> list[tuple[str, int]] | None:
    """The previous seats, if they are all still possible together and meet as much."""
    if not previous:
        return None
    prev = set(previous)
    picks, used, courses = [], frozenset(), set()
    for w in wants:
        if w.options and not w.options[0].counts:
            continue  # a lunch: chosen below, around the kept classes
        for opt in w.options:
            if opt.key in prev and left.get(opt.key, 0) > 0 and opt.key[0] not in courses:
                if opt.slots & used:
                    return None
                picks.append(opt.key)
                used |= opt.slots
                courses.add(opt.key[0])
                break
    if len(picks) != len(prev):
        return None
    for w in wants:
        if w.options and not w.options[0].counts:
            opt = next(
                (
                    o
                    for o in _by_room(w.options, left)
                    if left.get(o.key, 0) > 0 and not o.slots & used
                ),
                None,
            )
            if opt is None:
                return None
            picks.append(opt.key)
    return picks


def _kept_partly(wants: list[Want], left, previous, caps: list[Cap] = ()) -> list[tuple[str, int]]:
    """The earlier seats that still fit together (most important request first, within the
    student's daily minutes), then the best seats for the requests they leave unmet (a lunch
    among them), around them."""
    prev = set(previous)
    picks, used, courses, kept = [], frozenset(), set(), []
    rest = []
    for w in sorted(wants, key=lambda w: -w.weight):
        for opt in () if _is_lunch(w) else w.options:
            seat_left = left.get(opt.key, 0) > 0 and opt.key[0] not in courses
            fits = all(
                minutes_of(opt, cap) + sum(minutes_of(o, cap) for o in kept) <= cap[1]
                for cap in caps
            )
            if opt.key in prev and seat_left and fits and not opt.slots & used:
                picks.append(opt.key)
                kept.append(opt)
                used |= opt.slots
                courses.add(opt.key[0])
                break
        else:
            rest.append(w)
    free = [
        Want(
            w.weight,
            tuple(o for o in w.options if not o.slots & used and o.key[0] not in courses),
        )
        for w in rest
    ]
    room = [(cap[0], cap[1] - sum(minutes_of(o, cap) for o in kept)) for cap in caps]
    return picks + _best(free, left, room)


def _by_room(options: tuple[Option, ...], left) -> tuple[Option, ...] | list[Option]:
    """A lunch (any free wave will do) is tried emptiest wave first, so the first seating
    spreads students over the waves instead of filling the first one; classes keep their order."""
    if not options or options[0].counts:
        return options
    return sorted(options, key=lambda o: -left.get(o.key, 0))


def _is_lunch(w: Want) -> bool:
    return bool(w.options) and not w.options[0].counts


def _lunch_missing(wants: list[Want], picks, left) -> bool:
    chosen = set(picks)
    return any(
        _is_lunch(w)
        and not chosen.intersection(o.key for o in w.options)
        and any(left.get(o.key, 0) > 0 for o in w.options)
        for w in wants
    )


def _best(
    wants: list[Want],
    left: dict[tuple[str, int], int],
    caps: list[Cap] = (),
    *,
    lunch_first: bool = False,
) -> list[tuple[str, int]]:
    # Classes first, lunch last: any wave their classes leave free will do.
    last = (lambda w: not _is_lunch(w)) if lunch_first else _is_lunch
    wants = sorted(wants, key=lambda w: (last(w), -w.weight, len(w.options)))
    best_value = -1
    best: list[tuple[str, int]] = []
    nodes = 0
    suffix = [0] * (len(wants) + 1)
    for i in range(len(wants) - 1, -1, -1):
        suffix[i] = suffix[i + 1] + wants[i].weight

    def fits(picks: list, opt: Option) -> bool:
        return all(
            minutes_of(opt, cap) + sum(minutes_of(o, cap) for o in picks) <= cap[1] for cap in caps
        )

    chosen: list[Option] = []

    def search(i: int, used: frozenset[int], courses: frozenset[str], value: int, picks: list):
        nonlocal best_value, best, nodes
        nodes += 1
        if value + suffix[i] <= best_value or nodes > NODE_LIMIT:
            return
        if i == len(wants):
            best_value, best = value, list(picks)
            return
        w = wants[i]
        for opt in _by_room(w.options, left):
            course = opt.key[0]
            if left.get(opt.key, 0) <= 0 or course in courses or opt.slots & used:
                continue
            if caps and not fits(chosen, opt):
                continue
            picks.append(opt.key)
            chosen.append(opt)
            gain = w.weight - (1 if opt.alternate else 0)
            search(i + 1, used | opt.slots, courses | {course}, value + gain, picks)
            picks.pop()
            chosen.pop()
        search(i + 1, used, courses, value, picks)

    search(0, frozenset(), frozenset(), 0, [])
    return best
