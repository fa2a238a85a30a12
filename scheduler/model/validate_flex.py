"""Cross-entity checks of flex blocks, offerings and requests (see ``validate.py`` for the rest).

Each problem names the entity and the field, e.g. ``flex offering "F-MATH": unknown teacher
"T99"``. A teacher or room used twice in one block is a problem of the data, not of the routing:
one person cannot run two offerings at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from scheduler.model.school import SchoolData
from scheduler.model.validate import Problem


def flex_problems(data: SchoolData) -> Iterator[Problem]:
    yield from _duplicates(data)
    blocks = {b.id: b for b in data.flex_blocks}
    offerings = {o.id: o for o in data.flex_offerings}
    for b in data.flex_blocks:
        for ref in b.slots:
            if data.calendar.position(ref) is None:
                yield Problem(
                    "flex block", b.id, "slots", f'unknown slot "{ref.slot}" on day "{ref.day}"'
                )
        for n in sorted({str(r) for r in b.slots if b.slots.count(r) > 1}):
            yield Problem("flex block", b.id, "slots", f'slot "{n}" is listed twice')
        for g in b.groups:
            if g not in data.group_by_id:
                yield Problem("flex block", b.id, "groups", f'unknown group "{g}"')
    for o in data.flex_offerings:
        if o.block not in blocks:
            yield Problem("flex offering", o.id, "block", f'unknown flex block "{o.block}"')
        if o.teacher is not None and o.teacher not in data.teacher_by_id:
            yield Problem("flex offering", o.id, "teacher", f'unknown teacher "{o.teacher}"')
        if o.room is not None and o.room not in data.room_by_id:
            yield Problem("flex offering", o.id, "room", f'unknown room "{o.room}"')
        for s in o.advisees:
            if s not in data.student_by_id:
                yield Problem("flex offering", o.id, "advisees", f'unknown student "{s}"')
    yield from _shared_in_block(data)
    yield from _advisory_twice(data)
    for i, r in enumerate(data.flex_requests, start=1):
        eid = f"{r.student} → {r.offering}"
        if r.student not in data.student_by_id:
            yield Problem("flex request", eid, "student", f'unknown student "{r.student}" (#{i})')
        if r.offering not in offerings:
            yield Problem("flex request", eid, "offering", f'unknown flex offering "{r.offering}"')
        if r.by is not None and r.by not in data.teacher_by_id:
            yield Problem("flex request", eid, "by", f'unknown teacher "{r.by}"')
    seen = Counter((r.student, r.offering, r.tier) for r in data.flex_requests)
    for (student, offering, tier), n in sorted(seen.items()):
        if n > 1:
            yield Problem(
                "flex request", f"{student} → {offering}", "tier", f"{tier} request given {n} times"
            )


def _duplicates(data: SchoolData) -> Iterator[Problem]:
    for entity, items in (("flex block", data.flex_blocks), ("flex offering", data.flex_offerings)):
        for item_id, n in Counter(i.id for i in items).items():
            if n > 1:
                yield Problem(entity, item_id, "id", f"id is used by {n} {entity} entries")


def _shared_in_block(data: SchoolData) -> Iterator[Problem]:
    for field in ("teacher", "room"):
        users: dict[tuple[str, str], list[str]] = {}
        for o in data.flex_offerings:
            who = getattr(o, field)
            if who is not None:
                users.setdefault((o.block, who), []).append(o.id)
        for (block, who), ids in sorted(users.items()):
            if len(ids) > 1:
                yield Problem(
                    "flex offering",
                    ids[1],
                    field,
                    f'{field} "{who}" already runs "{ids[0]}" in flex block "{block}"',
                )


def _advisory_twice(data: SchoolData) -> Iterator[Problem]:
    home: dict[tuple[str, str], str] = {}
    for o in data.flex_offerings:
        for s in o.advisees:
            first = home.setdefault((o.block, s), o.id)
            if first != o.id:
                yield Problem(
                    "flex offering",
                    o.id,
                    "advisees",
                    f'student "{s}" already has "{first}" as default in flex block "{o.block}"',
                )
