"""FET space constraints: which rooms an activity may use, and when a room is closed.

Hard room preferences (weight 100) narrow each activity's rooms; several of them must all hold,
so the choices intersect. Home rooms (a teacher's or a class's own room) apply, as in FET, to
activities of that teacher or students set alone, and only when no preferred-room rule names the
activity. Soft (or inactive) room preferences become ``preferred_rooms`` rules.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from scheduler.io.fet.context import Context, Weighted
from scheduler.io.fet.map_times import DONE, EMPTY
from scheduler.io.fet.xml import text, texts
from scheduler.model import PreferredRooms


def _rooms(ctx: Context, el: Element) -> frozenset[str]:
    names = [text(el, "Room")] if el.find("Room") is not None else texts(el, "Preferred_Room")
    return frozenset(ctx.known(el, "room", n) for n in names)


def _state(ctx: Context, w: Weighted, activities, rooms: frozenset[str], table) -> str:
    if not activities:
        return EMPTY
    if w.hard and w.active:
        for a in activities:
            table[a].append(rooms)
    else:
        fields = {"activities": tuple(activities), "rooms": tuple(sorted(rooms))}
        ctx.add(PreferredRooms, fields, w)
    return DONE


def _preferred(select):
    def handle(ctx: Context, el: Element, w: Weighted) -> str:
        return _state(ctx, w, select(ctx, el), _rooms(ctx, el), ctx.rooms_of)

    return handle


def _home(kind: str, tag: str):
    def handle(ctx: Context, el: Element, w: Weighted) -> str:
        rooms = _rooms(ctx, el)
        who = text(el, tag)
        chosen = [
            a.id
            for a in ctx.activities.values()
            if (a.teachers if kind == "teacher" else a.students) == (who,)
        ]
        return _state(ctx, w, chosen, rooms, ctx.home_rooms_of)

    return handle


def _by_activity(ctx: Context, el: Element) -> tuple[str, ...]:
    return ctx.activity_ids(el)


def _by(subject: bool, tag: bool):
    def select(ctx: Context, el: Element) -> tuple[str, ...]:
        s = ctx.subject(el, text(el, "Subject")) if subject else None
        t = text(el, "Activity_Tag") if tag else None
        return tuple(
            a.id
            for a in ctx.activities.values()
            if (s is None or a.subject == s) and (t is None or t in a.tags)
        )

    return select


HANDLERS = {
    "ConstraintActivityPreferredRoom": _preferred(_by_activity),
    "ConstraintActivityPreferredRooms": _preferred(_by_activity),
    "ConstraintSubjectPreferredRoom": _preferred(_by(True, False)),
    "ConstraintSubjectPreferredRooms": _preferred(_by(True, False)),
    "ConstraintActivityTagPreferredRoom": _preferred(_by(False, True)),
    "ConstraintActivityTagPreferredRooms": _preferred(_by(False, True)),
    "ConstraintSubjectActivityTagPreferredRoom": _preferred(_by(True, True)),
    "ConstraintSubjectActivityTagPreferredRooms": _preferred(_by(True, True)),
    "ConstraintTeacherHomeRoom": _home("teacher", "Teacher"),
    "ConstraintTeacherHomeRooms": _home("teacher", "Teacher"),
    "ConstraintStudentsSetHomeRoom": _home("students", "Students"),
    "ConstraintStudentsSetHomeRooms": _home("students", "Students"),
}
