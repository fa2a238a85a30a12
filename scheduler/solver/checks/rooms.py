"""Every lesson that needs a room has a suitable one, and no room holds two lessons."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from scheduler.model import SchoolData
from scheduler.solver.checks.base import active, names, violation
from scheduler.solver.occupancy import Occupancy, Seat
from scheduler.solver.violation import Violation


def pins(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for seat in occ.seats:
        pin = seat.activity.pin(seat.meeting)
        if pin is None or pin.start is None:
            continue
        if occ.slots_of((pin.start,)) != frozenset({seat.start}):
            yield violation(
                "pinned",
                f"activity {seat.activity.id}",
                True,
                1,
                1,
                f'activity "{seat.activity.id}" meeting {seat.meeting + 1} is pinned to '
                f"{pin.start} but placed at {occ.where(seat.start)}",
            )


def rooms(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    by_room: dict[str, list[Seat]] = defaultdict(list)
    for seat in occ.seats:
        a = seat.activity
        if not a.needs_room or not data.rooms:
            if seat.room is not None and seat.room in data.room_by_id:
                by_room[seat.room].append(seat)  # a room it took by preference, still one class
            continue  # a school without rooms (as many FET files) does not model them
        if seat.room is None:
            yield violation(
                "room_suitability",
                f"activity {a.id}",
                True,
                1,
                1,
                f'activity "{a.id}" meeting {seat.meeting + 1} has no room',
            )
            continue
        room = data.room_by_id.get(seat.room)
        if room is None:
            yield violation(
                "room_suitability",
                f"activity {a.id}",
                True,
                1,
                1,
                f'activity "{a.id}" is in unknown room "{seat.room}"',
            )
            continue
        by_room[room.id].append(seat)
        size = data.attendance(a)
        if (
            (a.rooms and room.id not in a.rooms)
            or (a.room_types and room.type not in a.room_types)
            or (room.capacity is not None and room.capacity < size)
        ):
            yield violation(
                "room_suitability",
                f"activity {a.id}",
                True,
                1,
                1,
                f'activity "{a.id}" ({size} students) is in room "{room.id}", which it '
                "may not use (type, list or capacity)",
            )
        pin = a.pin(seat.meeting)
        if pin is not None and pin.room is not None and pin.room != room.id:
            yield violation(
                "pinned",
                f"activity {a.id}",
                True,
                1,
                1,
                f'activity "{a.id}" meeting {seat.meeting + 1} is pinned to room '
                f'"{pin.room}" but is in "{room.id}"',
            )
    for rid, seats in sorted(by_room.items()):
        for t, here in sorted(occ.per_slot(seats).items()):
            if len(here) > 1:
                yield violation(
                    "room_conflict",
                    f"room {rid}",
                    True,
                    len(here) - 1,
                    1,
                    f'room "{rid}" holds {len(here)} lessons at {occ.where(t)}: {names(here)}',
                    occ.where(t),
                )


def preferred_rooms(data: SchoolData, occ: Occupancy) -> Iterator[Violation]:
    for c in active(data, "preferred_rooms"):
        rooms = set(c.rooms)
        bad = [s for a in c.activities for s in occ.by_activity.get(a, ()) if s.room not in rooms]
        if bad:
            yield violation(
                "preferred_rooms",
                c.id,
                c.hard,
                len(bad),
                c.weight,
                f"{len(bad)} meeting(s) of {names(bad)} outside rooms {', '.join(c.rooms)}",
            )
