"""Who refers to an entity: what a delete must warn about, and how a rename or delete carries over.

Plain Python over the domain values (no Qt), so the rules are easy to test on their own. A delete
removes the id from every list that names it and drops rules that were only about it; a single
required reference (the subject of a course) is left for ``find_problems`` to flag.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from scheduler.model import SchoolData
from scheduler.model.personal_refs import PERSONAL_FIELDS, personal_dependents, personal_remap

IdMap = Callable[[str], str | None]
"""Maps an id to its new id, or to None when the entity is gone."""

_TARGETED = {"teacher", "room", "group", "student"}


def dependents(data: SchoolData, kind: str, ids: Collection[str]) -> list[str]:
    """Readable names of everything that refers to these entities (other than themselves)."""
    ids = set(ids)
    found: list[str] = []

    def add(what: str, item: Any) -> None:
        found.append(f'{what} "{item.label}"' if hasattr(item, "label") else f'{what} "{item.id}"')

    for t in data.teachers:
        if kind == "subject" and ids & set(t.subjects):
            add("teacher", t)
    for c in data.courses:
        if kind == "subject" and c.subject in ids:
            add("course", c)
    for g in data.groups:
        if kind == "group" and g.id not in ids and ids & set(g.parents):
            add("group", g)
    for s in data.students:
        if kind == "group" and ids & set(s.groups):
            add("student", s)
        if kind == "course" and any(ids & {r.course, *r.alternates} for r in s.requests):
            add("student request of", s)
    for a in data.activities:
        refs = {
            "teacher": set(a.teachers),
            "group": set(a.groups),
            "student": set(a.students),
            "room": {*a.rooms, *(p.room for p in a.pins if p.room)},
            "subject": {a.subject},
            "course": {a.course} if a.course else set(),
        }.get(kind, set())
        if ids & refs:
            add("activity", a)
    for c in data.constraints:
        target = getattr(c, "target", None)
        about = target is not None and target.kind == kind and target.id in ids
        if about or (kind == "activity" and ids & set(getattr(c, "activities", ()))):
            found.append(f'rule "{c.id}"')
    found.extend(personal_dependents(data, kind, ids))
    return found


def without(data: SchoolData, kind: str, ids: Collection[str]) -> SchoolData:
    """The data with these entities deleted and references to them removed."""
    gone = set(ids)
    return _remap(data, kind, lambda i: None if i in gone else i, drop=gone)


def renamed(data: SchoolData, kind: str, old: str, new: str) -> SchoolData:
    """The data with one entity's id changed everywhere it is named."""
    return _remap(data, kind, lambda i: new if i == old else i, drop=set())


def _ids(ids: tuple[str, ...], f: IdMap) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in map(f, ids) if n is not None))


def _remap(data: SchoolData, kind: str, f: IdMap, *, drop: set[str]) -> SchoolData:
    upd: dict[str, Any] = {}
    collection = _COLLECTION[kind]
    if drop:
        upd[collection] = tuple(x for x in getattr(data, collection) if x.id not in drop)
    else:
        upd[collection] = tuple(
            x.model_copy(update={"id": f(x.id)}) if f(x.id) != x.id else x
            for x in getattr(data, collection)
        )

    def current(name: str) -> tuple:
        return upd.get(name, getattr(data, name))

    def each(name: str, change: Callable[[Any], dict[str, Any]]) -> None:
        out = []
        for x in current(name):
            u = change(x)
            out.append(x.model_copy(update=u) if any(u[k] != getattr(x, k) for k in u) else x)
        upd[name] = tuple(out)

    if kind == "subject":
        each("teachers", lambda t: {"subjects": _ids(t.subjects, f)})
        each("courses", lambda c: {"subject": f(c.subject) or c.subject})
        each("activities", lambda a: {"subject": f(a.subject) or a.subject})
    if kind == "group":
        each("groups", lambda g: {"parents": _ids(g.parents, f)})
        each("students", lambda s: {"groups": _ids(s.groups, f)})
    if kind == "course":
        each("students", lambda s: {"requests": _requests(s.requests, f)})
        each("activities", lambda a: {"course": f(a.course) if a.course else None})
    if kind in {"teacher", "group", "student", "room"}:
        field = {"teacher": "teachers", "group": "groups", "student": "students", "room": "rooms"}
        each("activities", lambda a: {field[kind]: _ids(getattr(a, field[kind]), f)})
    if kind == "room":
        each("activities", lambda a: {"pins": _pins(a.pins, f)})
    if kind in _TARGETED or kind == "activity":
        upd["constraints"] = _rules(current("constraints"), kind, f)
    upd.update(personal_remap({k: current(k) for k in PERSONAL_FIELDS}, kind, f))
    return data.model_copy(update=upd)


def _requests(requests: tuple, f: IdMap) -> tuple:
    out = []
    for r in requests:
        course = f(r.course)
        if course is None:
            continue
        alternates = _ids(r.alternates, f)
        out.append(
            r
            if (course, alternates) == (r.course, r.alternates)
            else r.model_copy(update={"course": course, "alternates": alternates})
        )
    return tuple(out)


def _pins(pins: tuple, f: IdMap) -> tuple:
    out = []
    for p in pins:
        room = f(p.room) if p.room else None
        if room == p.room:
            out.append(p)
        elif room is not None or p.start is not None:
            out.append(p.model_copy(update={"room": room}))
    return tuple(out)


def _rules(rules: tuple, kind: str, f: IdMap) -> tuple:
    out = []
    for c in rules:
        target = getattr(c, "target", None)
        if target is not None and target.kind == kind:
            new = f(target.id)
            if new is None:
                continue
            if new != target.id:
                c = c.model_copy(update={"target": target.model_copy(update={"id": new})})
        acts = getattr(c, "activities", None)
        if kind == "activity" and acts is not None:
            kept = _ids(acts, f)
            if not kept:
                continue
            if kept != acts:
                try:
                    c = c.model_copy(update={"activities": kept})
                except ValueError:
                    continue  # too few left for the rule to mean anything (e.g. same start)
        out.append(c)
    return tuple(out)


_COLLECTION = {
    "teacher": "teachers",
    "room": "rooms",
    "subject": "subjects",
    "course": "courses",
    "group": "groups",
    "student": "students",
    "activity": "activities",
    "constraint": "constraints",
    "personal block": "personal_blocks",
    "day rule": "day_rules",
    "cycle days": "cycle_days",
    "lunch window": "lunch_windows",
    "minutes cap": "max_minutes",
    "lunch wave": "lunch_waves",
}


SlotKey = tuple[str, str]


def remap_slots(data: SchoolData, f: Callable[[SlotKey], SlotKey | None]) -> SchoolData:
    """The data with every slot reference passed through ``f`` (None: the slot is gone).

    Used when a day or slot of the calendar is renamed or deleted, so availability, pins and
    rules follow the calendar instead of pointing at slots that no longer exist.
    """

    def refs(items: tuple) -> tuple:
        out = []
        for r in items:
            new = f((r.day, r.slot))
            if new is not None:
                out.append(r if new == (r.day, r.slot) else r.model_copy(update=_ref(new)))
        return tuple(out)

    upd: dict[str, Any] = {}
    for name in ("teachers", "rooms", "groups", "students"):
        upd[name] = tuple(
            _changed(x, "unavailable", refs(x.unavailable)) for x in getattr(data, name)
        )
    acts = []
    for a in data.activities:
        pins = []
        for p in a.pins:
            if p.start is None:
                pins.append(p)
                continue
            new = f((p.start.day, p.start.slot))
            if new is None:
                if p.room is not None:
                    pins.append(p.model_copy(update={"start": None}))
            elif new != (p.start.day, p.start.slot):
                pins.append(p.model_copy(update={"start": p.start.model_copy(update=_ref(new))}))
            else:
                pins.append(p)
        acts.append(_changed(a, "pins", tuple(pins)))
    upd["activities"] = tuple(acts)
    upd["constraints"] = tuple(
        _changed(c, "slots", refs(c.slots)) if hasattr(c, "slots") else c for c in data.constraints
    )
    return data.model_copy(update=upd)


def _ref(key: SlotKey) -> dict[str, str]:
    return {"day": key[0], "slot": key[1]}


def _changed(item: Any, field: str, value: Any) -> Any:
    return item if getattr(item, field) == value else item.model_copy(update={field: value})
