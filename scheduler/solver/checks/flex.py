"""Flex routing, judged on its own: seats, teachers, one offering per student, tiers in order.

Hard: ``flex_student`` (every student taking part is in exactly one offering of each block, and
only students free in the window are sent), ``flex_capacity`` (an offering seats no more than its
room or its own number), ``flex_teacher`` (nobody runs an offering while teaching a lesson or away)
and ``flex_tiers`` (a request was passed over for a lower tier although its offering had a free
seat). Soft: ``flex_request``, each mandatory (1000) or teacher (100) request not honoured, which
the routing report explains. A solution without flex assignments is not judged here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from scheduler.model import FlexOffering, SchoolData
from scheduler.model.personal import personal_time_any
from scheduler.solver.checks.base import violation
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.violation import Violation

WEIGHT = {"mandatory": 1000, "teacher": 100}
RANK = {"mandatory": 0, "teacher": 1, "choice": 2}


def flex(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    assigned = occ.flex
    if not assigned or not data.flex_blocks:
        yield from _stray(data, assigned)
        return
    offerings = {o.id: o for o in data.flex_offerings}
    yield from _stray(data, assigned)
    per_block: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for sid, oid in assigned:
        if oid in offerings:
            per_block[offerings[oid].block][sid].append(oid)
    sizes = Counter(oid for _, oid in assigned if oid in offerings)
    personal = personal_time_any(data)
    for block in data.flex_blocks:
        window = occ.slots_of(block.slots)
        routed = per_block.get(block.id, {})
        yield from _students(data, occ, block.id, block.groups, window, routed, personal)
        mine = [o for o in data.flex_offerings if o.block == block.id]
        for o in mine:
            yield from _capacity(data, o, sizes[o.id])
            if sizes[o.id] and o.teacher is not None:
                yield from _teacher(occ, o, window)
        yield from _tiers(data, occ, {o.id: o for o in mine}, window, routed, sizes)


def _stray(data: SchoolData, assigned) -> Iterator[Violation]:
    known = {o.id for o in data.flex_offerings}
    for sid, oid in assigned:
        if oid not in known or sid not in data.student_by_id:
            what = "flex offering" if oid not in known else "student"
            yield violation(
                "flex_student",
                f"student {sid}",
                True,
                1,
                1,
                f'"{sid}" is routed to "{oid}": unknown {what}',
            )


def _busy(occ: Occupancy, sid: str, window: frozenset[int], personal) -> int | None:
    """A slot of the window the student cannot attend (a lesson or personal time), or None."""
    for seat in occ.attended(sid):
        hit = window.intersection(seat.span)
        if hit:
            return min(hit)
    off = occ.away("student", sid) & window
    off |= occ.slots_of(personal.get(sid, ())) & window
    for g in occ.data.student_by_id[sid].groups:
        off |= occ.away("group", g) & window
    return min(off) if off else None


def _students(data, occ, block_id, groups, window, routed, personal) -> Iterator[Violation]:
    wanted = set(groups)
    for s in data.students:
        member = not wanted or any(data.ancestors(g) & wanted for g in s.groups)
        got = routed.get(s.id, [])
        busy = _busy(occ, s.id, window, personal) if (member or got) else None
        if len(got) > 1:
            yield violation(
                "flex_student",
                f"student {s.id}",
                True,
                len(got) - 1,
                1,
                f'student "{s.id}" is in {len(got)} offerings of flex block "{block_id}": '
                + ", ".join(got),
            )
        if got and not member:
            yield violation(
                "flex_student",
                f"student {s.id}",
                True,
                1,
                1,
                f'student "{s.id}" is routed in flex block "{block_id}" but not in its groups',
            )
        elif got and busy is not None:
            yield violation(
                "flex_student",
                f"student {s.id}",
                True,
                1,
                1,
                f'student "{s.id}" is routed to "{got[0]}" but is busy at {occ.where(busy)}',
            )
        elif member and not got and busy is None:
            yield violation(
                "flex_student",
                f"student {s.id}",
                True,
                1,
                1,
                f'student "{s.id}" is free in flex block "{block_id}" but in no offering',
            )


def seats(data: SchoolData, o: FlexOffering) -> int | None:
    room = data.room_by_id.get(o.room) if o.room else None
    caps = [c for c in (o.capacity, room.capacity if room else None) if c is not None]
    return min(caps) if caps else None


def _capacity(data: SchoolData, o: FlexOffering, size: int) -> Iterator[Violation]:
    cap = seats(data, o)
    if cap is not None and size > cap:
        yield violation(
            "flex_capacity",
            f"flex offering {o.id}",
            True,
            size - cap,
            1,
            f'flex offering "{o.id}" has {size} students; it seats {cap}',
        )


def _teacher_away(occ: Occupancy, o: FlexOffering, window: frozenset[int]) -> int | None:
    for seat in occ.by_teacher.get(o.teacher, []):
        hit = window.intersection(seat.span)
        if hit:
            return min(hit)
    off = occ.away("teacher", o.teacher) & window
    return min(off) if off else None


def _teacher(occ: Occupancy, o: FlexOffering, window: frozenset[int]) -> Iterator[Violation]:
    t = _teacher_away(occ, o, window)
    if t is not None:
        yield violation(
            "flex_teacher",
            f"flex offering {o.id}",
            True,
            1,
            1,
            f'teacher "{o.teacher}" runs flex offering "{o.id}" but teaches or is away at '
            f"{occ.where(t)}",
        )


def _tiers(data, occ, mine, window, routed, sizes) -> Iterator[Violation]:
    tier_of: dict[tuple[str, str], int] = {}
    for q in data.flex_requests:
        key = (q.student, q.offering)
        tier_of[key] = min(tier_of.get(key, 3), RANK[q.tier])
    for r in data.flex_requests:
        if r.offering not in mine or r.tier == "choice":
            continue
        got = routed.get(r.student, [])
        if r.offering in got:
            continue
        if not got:
            yield from _unhonoured(r, "the student is not routed in this block")
            continue
        got_tier = tier_of.get((r.student, got[0]), 3)
        yield from _unhonoured(r, f'routed to "{got[0]}"')
        o = mine[r.offering]
        cap = seats(data, o)
        free = cap is None or sizes[o.id] < cap
        open_ = o.teacher is None or _teacher_away(occ, o, window) is None
        if got_tier > RANK[r.tier] and free and open_:
            yield violation(
                "flex_tiers",
                f"student {r.student}",
                True,
                1,
                1,
                f'student "{r.student}" was routed to "{got[0]}" below their {r.tier} request '
                f'for "{r.offering}", which had a free seat',
            )


def _unhonoured(r, why: str) -> Iterator[Violation]:
    yield violation(
        "flex_request",
        f"student {r.student}",
        False,
        1,
        WEIGHT[r.tier],
        f'{r.tier} request of "{r.student}" for "{r.offering}" not honoured: {why}',
    )
