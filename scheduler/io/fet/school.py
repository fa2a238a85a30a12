"""FET's entities (days, hours, subjects, teachers, students, rooms, activities) read into a
``Context``, and the finished ``SchoolData`` built from it once every constraint is mapped."""

from __future__ import annotations

from collections import Counter
from xml.etree.ElementTree import Element

from scheduler.io.fet.context import NO_NAME, Context, FetActivity
from scheduler.io.fet.report import ImportReport
from scheduler.io.fet.xml import Located, name_of, text, texts
from scheduler.model import (
    Activity,
    Calendar,
    Day,
    Room,
    SchoolData,
    Slot,
    StudentGroup,
    Subject,
    Teacher,
)


def _names(
    doc: Located, list_tag: str, item: str, report: ImportReport | None = None
) -> list[tuple[str, Element]]:
    """Names of a list's items. Days and hours must be unique and named; for other lists (where
    FET itself tolerates it) a nameless or repeated item is skipped with a warning."""
    section = doc.root.find(list_tag)
    if section is None:
        raise doc.error(None, f"has no <{list_tag}>: is it a FET file?")
    out, seen = [], set()
    for el in section.findall(item):
        name = name_of(el)
        problem = (
            "has no name" if not name else f"repeats the name {name!r}" if name in seen else ""
        )
        if problem and report is None:
            raise doc.error(el, problem)
        if problem:
            report.warnings.append(str(doc.error(el, f"{problem}; skipped")))
            continue
        seen.add(name)
        out.append((name, el))
    return out


def read_entities(doc: Located, report: ImportReport) -> Context:
    days = tuple(n for n, _ in _names(doc, "Days_List", "Day"))
    hours = tuple(n for n, _ in _names(doc, "Hours_List", "Hour"))
    if not days or not hours:
        raise doc.error(None, "has no days or no hours")
    ctx = Context(
        doc=doc,
        report=report,
        days=days,
        hours=hours,
        teachers={n for n, _ in _names(doc, "Teachers_List", "Teacher", report)},
        subjects={n for n, _ in _names(doc, "Subjects_List", "Subject", report)},
        rooms=set(),
        students={},
        leaves=(),
        activities={},
        inactive=set(),
    )
    ctx.room_elements = _rooms(doc, report)
    ctx.rooms = {n for n, _ in ctx.room_elements}
    if any(not name_of(el) for el in doc.root.iterfind("Subjects_List/Subject")):
        ctx.subjects.add(NO_NAME)
    _students(ctx)
    _activities(ctx)
    return ctx


def _rooms(doc: Located, report: ImportReport) -> list[tuple[str, Element]]:
    if doc.root.find("Rooms_List") is None:
        return []
    return _names(doc, "Rooms_List", "Room", report)


def _students(ctx: Context) -> None:
    section = ctx.doc.root.find("Students_List")
    parents: dict[str, list[str]] = {}
    sizes: Counter = Counter()

    def add(el: Element, parent: str | None) -> str:
        name = name_of(el)
        if not name:
            raise ctx.doc.error(el, "has no name")
        mine = parents.setdefault(name, [])
        if parent is not None and parent != name and parent not in mine:
            mine.append(parent)
        sizes[name] = sizes[name] or ctx.int_of(el, "Number_of_Students", default=0)
        return name

    for year in section.findall("Year") if section is not None else ():
        y = add(year, None)
        for group in year.findall("Group"):
            g = add(group, y)
            for sub in group.findall("Subgroup"):
                add(sub, g)
    has_children = {p for ps in parents.values() for p in ps}
    ctx.students = {n: tuple(ps) for n, ps in parents.items()}
    ctx.leaves = tuple(n for n in parents if n not in has_children)
    ctx.sizes = dict(sizes)


def _activities(ctx: Context) -> None:
    section = ctx.doc.root.find("Activities_List")
    for el in section.findall("Activity") if section is not None else ():
        aid = str(ctx.int_of(el, "Id"))
        if aid in ctx.activities or aid in ctx.inactive:
            raise ctx.doc.error(el, f"activity id {aid} is used twice")
        group = str(ctx.int_of(el, "Activity_Group_Id", default=0)) or "0"
        group = aid if group == "0" else group
        ctx.groups[group].append(int(aid))
        if text(el, "Active", "true").lower() == "false":
            ctx.inactive.add(aid)
            ctx.report.inactive_activities += 1
            continue
        subject = ctx.subject(el, text(el, "Subject"))
        teachers = tuple(ctx.known(el, "teacher", t) for t in texts(el, "Teacher") if t)
        students = tuple(ctx.known(el, "students set", s) for s in texts(el, "Students") if s)
        duration = ctx.int_of(el, "Duration")
        if duration < 1:
            raise ctx.doc.error(el, f"activity {aid} lasts {duration} periods")
        size = text(el, "Number_Of_Students")
        ctx.sizes_of[aid] = (
            int(size) if size.isdigit() else sum(ctx.sizes.get(s, 0) for s in students)
        )
        ctx.activities[aid] = FetActivity(
            id=aid,
            subject=subject,
            teachers=tuple(dict.fromkeys(teachers)),
            students=tuple(dict.fromkeys(students)),
            tags=tuple(t for t in texts(el, "Activity_Tag") if t),
            duration=duration,
            group=group,
        )
    ctx.report.activities = len(ctx.activities)


def _slots(ctx: Context, day: str) -> tuple[Slot, ...]:
    """FET hours carry no clock times; the labels stay as names and times are made up in order."""
    n = len(ctx.hours)
    step = 60 if n <= 15 else max(1, 1439 // n)
    first = 8 * 60 if n <= 15 else 0
    out = []
    for i, hour in enumerate(ctx.hours):
        start, end = first + i * step, first + (i + 1) * step
        out.append(
            Slot(
                id=hour,
                name=hour,
                start=f"{start // 60:02d}:{start % 60:02d}",
                end=f"{end // 60:02d}:{end % 60:02d}" if end < 24 * 60 else "23:59",
                kind="break" if (day, hour) in ctx.breaks else "teaching",
            )
        )
    return tuple(out)


def build(ctx: Context, *, name: str) -> SchoolData:
    calendar = Calendar(days=tuple(Day(id=d, name=d, slots=_slots(ctx, d)) for d in ctx.days))
    rooms = []
    for room_name, el in ctx.room_elements:
        if text(el, "Virtual").lower() == "true":
            ctx.report.unsupported["Virtual room (treated as one room)"] += 1
        capacity = ctx.int_of(el, "Capacity", default=0) or None
        building = text(el, "Building") or None
        rooms.append(Room(id=room_name, capacity=capacity, building=building))
    activities = []
    for a in ctx.activities.values():
        allowed = _allowed_rooms(ctx, a.id)
        activities.append(
            Activity(
                id=a.id,
                name=f"{a.subject} {' + '.join(a.students)}".strip(),
                subject=a.subject,
                teachers=a.teachers,
                groups=a.students,
                meetings=(a.duration,),
                rooms=tuple(sorted(allowed)),
                needs_room=bool(allowed),
                size=ctx.sizes_of[a.id],
            )
        )
    return SchoolData(
        name=name,
        calendar=calendar,
        subjects=tuple(Subject(id=s) for s in sorted(ctx.subjects)),
        teachers=tuple(Teacher(id=t) for t in sorted(ctx.teachers)),
        rooms=tuple(rooms),
        groups=tuple(
            StudentGroup(id=g, parents=ps, size=ctx.sizes.get(g, 0))
            for g, ps in ctx.students.items()
        ),
        activities=tuple(activities),
        constraints=tuple(ctx.constraints),
    )


def _allowed_rooms(ctx: Context, aid: str) -> frozenset[str]:
    """Preferred-room rules all hold; home rooms count only when no such rule names the activity.
    An empty intersection is reported, and the activity keeps the first rule's rooms."""
    choices = ctx.rooms_of.get(aid) or ctx.home_rooms_of.get(aid) or []
    if not choices:
        return frozenset()
    allowed = frozenset.intersection(*choices)
    if not allowed:
        ctx.report.problems.append(f'activity "{aid}": its room rules leave no room in common')
        return choices[0]
    return allowed
