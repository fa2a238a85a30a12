"""What the constraint mappings share while reading one file: names, activities, and the rules
and room choices they add. Mapping modules see only this, never the raw project under
construction."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from scheduler.io.fet.report import ImportReport
from scheduler.io.fet.xml import Located, text, texts
from scheduler.model import SlotRef, Target

NO_NAME = "(no name)"
"""Stands for an empty subject name, which FET accepts."""
MAX_NUMBER = 10**9
"""Larger counts, sizes and durations than this are damage, not a school."""


@dataclass(frozen=True, slots=True)
class FetActivity:
    id: str
    subject: str
    teachers: tuple[str, ...]
    students: tuple[str, ...]
    tags: tuple[str, ...]
    duration: int
    group: str
    """The split group's id (the first sub-activity's Id); its own id when not split."""


@dataclass(frozen=True, slots=True)
class Weighted:
    """A constraint's common settings, already in Flexday terms."""

    id: str
    hard: bool
    weight: int
    active: bool


@dataclass
class Context:
    doc: Located
    report: ImportReport
    days: tuple[str, ...]
    hours: tuple[str, ...]
    teachers: set[str]
    subjects: set[str]
    rooms: set[str]
    students: dict[str, tuple[str, ...]]
    """Students set name -> its parents."""
    leaves: tuple[str, ...]
    activities: dict[str, FetActivity]
    """Active activities only."""
    inactive: set[str]
    constraints: list = field(default_factory=list)
    rooms_of: dict[str, list[frozenset[str]]] = field(default_factory=lambda: defaultdict(list))
    """Activity id -> hard room choices; the activity may use a room in all of them."""
    home_rooms_of: dict[str, list[frozenset[str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    breaks: set[tuple[str, str]] = field(default_factory=set)
    room_elements: list[tuple[str, Element]] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    """Students set -> number of students, as FET gives it."""
    sizes_of: dict[str, int] = field(default_factory=dict)
    """Activity id -> expected attendance (FET's Number_Of_Students, else the sets' sum)."""
    groups: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    """Split group id -> Ids of all its sub-activities, inactive ones included."""

    # -- reading fields ------------------------------------------------------------------------

    def int_of(self, el: Element, tag: str, *, default: int | None = None) -> int:
        raw = text(el, tag)
        if not raw and default is not None:
            return default
        child = el.find(tag)
        try:
            value = int(float(raw))
        except (ValueError, OverflowError):  # not a number, nan, or inf
            raise self.doc.error(
                child if child is not None else el, f"expected a number, found {raw!r}"
            ) from None
        if abs(value) > MAX_NUMBER:
            raise self.doc.error(
                child if child is not None else el, f"the number {raw!r} is out of range"
            )
        return value

    def slot(self, el: Element, day_tag: str, hour_tag: str) -> SlotRef:
        day, hour = text(el, day_tag), text(el, hour_tag)
        if day not in self.days:
            raise self.doc.error(el, f"unknown day {day!r}")
        if hour not in self.hours:
            raise self.doc.error(el, f"unknown hour {hour!r}")
        return SlotRef(day=day, slot=hour)

    def slots(self, el: Element, item: str, day_tag: str, hour_tag: str) -> tuple[SlotRef, ...]:
        return tuple(self.slot(x, day_tag, hour_tag) for x in el.findall(item))

    def hour_index(self, el: Element, tag: str) -> int | None:
        raw = text(el, tag)
        if not raw:
            return None
        if raw not in self.hours:
            raise self.doc.error(el, f"unknown hour {raw!r} in <{tag}>")
        return self.hours.index(raw)

    def known(self, el: Element, kind: str, name: str) -> str:
        table = {
            "teacher": self.teachers,
            "subject": self.subjects,
            "room": self.rooms,
            "students set": self.students,
        }[kind]
        if name not in table:
            raise self.doc.error(el, f"unknown {kind} {name!r}")
        return name

    def subject(self, el: Element, name: str) -> str:
        """A known subject; FET accepts an empty subject name, which stands for itself."""
        return self.known(el, "subject", name or NO_NAME)

    def target(self, el: Element, kind: str, tag: str) -> Target:
        name = self.known(el, "teacher" if kind == "teacher" else "students set", text(el, tag))
        return Target(kind=kind, id=name)

    def everyone(self, kind: str) -> list[Target]:
        """All teachers, or every subgroup (FET's "all students" rules hold per subgroup)."""
        if kind == "teacher":
            return [Target(kind="teacher", id=t) for t in sorted(self.teachers)]
        return [Target(kind="group", id=g) for g in self.leaves]

    # -- activities ----------------------------------------------------------------------------

    def activity_ids(self, el: Element, tag: str = "Activity_Id") -> tuple[str, ...]:
        """Referenced activities that are active; unknown ids are an error, as in FET."""
        out = []
        for raw in texts(el, tag):
            if raw not in self.activities and raw not in self.inactive:
                raise self.doc.error(el, f"unknown activity id {raw!r}")
            if raw in self.activities:
                out.append(raw)
        return tuple(dict.fromkeys(out))

    def select(self, el: Element, *, component: int | None = None) -> tuple[str, ...]:
        """Activities matching FET's filter fields (empty filter: any)."""
        teacher = text(el, "Teacher_Name")
        students = text(el, "Students_Name")
        subject = text(el, "Subject_Name")
        tag = text(el, "Activity_Tag_Name")
        duration = text(el, "Duration")
        out = []
        for a in self.activities.values():
            if teacher and teacher not in a.teachers:
                continue
            if students and students not in a.students:
                continue
            if subject and subject != a.subject:
                continue
            if tag and tag not in a.tags:
                continue
            if duration and str(a.duration) != duration:
                continue
            if component is not None and self.component(a) != component:
                continue
            out.append(a.id)
        return tuple(out)

    def component(self, a: FetActivity) -> int:
        """1-based position of a sub-activity within its split activity (by Id, as FET)."""
        return sorted(self.groups[a.group]).index(int(a.id)) + 1

    def add(self, kind: type, fields: dict, weighted: Weighted) -> None:
        self.constraints.append(
            kind(
                id=weighted.id,
                hard=weighted.hard,
                weight=weighted.weight,
                active=weighted.active,
                **fields,
            )
        )
