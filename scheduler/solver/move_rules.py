"""The hard rules that bear on one activity, gathered once per school for the move checker.

Same sources and names as the checker (``scheduler.solver.checks``): entity fields such as a
teacher's ``unavailable`` or ``max_slots_per_day`` are named after the entity ("teacher T01"),
rules after their id. Soft rules never forbid a move, so only hard ones are read here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from scheduler.model import Activity, SchoolData, Target
from scheduler.solver.timegrid import TimeGrid

Key = tuple[str, int]
"""One meeting: (activity id, meeting number)."""

Resource = tuple[str, str]
"""Who is busy: ("teacher", id), ("leaf", subgroup id), ("student", id) or ("room", id)."""


@dataclass
class ActivityRules:
    """Everything a move of one of this activity's meetings must respect, except rooms."""

    activity: Activity
    resources: tuple[Resource, ...]
    leaves: frozenset[str]
    alone: tuple[str, ...]
    """Students taught one by one somewhere who attend this activity (student clashes)."""
    blocked: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    """Slot -> (source, who) of hard unavailability of its teachers, groups and students."""
    within: list[tuple[str, frozenset[int], bool]] = field(default_factory=list)
    forbidden: list[tuple[str, frozenset[int]]] = field(default_factory=list)
    spread: list[tuple[str, int, tuple[Key, ...]]] = field(default_factory=list)
    caps: list[tuple[str, Resource, int]] = field(default_factory=list)
    gaps: list[tuple[str, Resource, int]] = field(default_factory=list)


class RuleIndex:
    """Hard rules by the people and activities they are about; per-activity views on demand."""

    def __init__(
        self, data: SchoolData, grid: TimeGrid, enrolled: dict[str, tuple[str, ...]] | None = None
    ) -> None:
        self.data = data
        self.grid = grid
        self.enrolled = enrolled or {}
        """Student -> sections the timetable seats them in (sectioned schools)."""
        self._leaves = {a.id: data.leaf_groups(a.groups) for a in data.activities}
        hard_avail = [
            c for c in data.constraints if c.kind == "availability" and c.active and c.hard
        ]
        self.room_blocked: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
        for room in data.rooms:
            for t in grid.slots_of(room.unavailable):
                self.room_blocked[room.id][t].append(f"room {room.id}")
        for c in hard_avail:
            if c.target.kind == "room":
                for t in grid.slots_of(c.slots):
                    self.room_blocked[c.target.id][t].append(c.id)

        # Availability of people: (source, target, slots).
        self._away: list[tuple[str, Target, frozenset[int]]] = []
        for kind, items in (
            ("teacher", data.teachers),
            ("group", data.groups),
            ("student", data.students),
        ):
            for item in items:
                if item.unavailable:
                    target = Target(kind=kind, id=item.id)
                    self._away.append(
                        (f"{kind} {item.id}", target, grid.slots_of(item.unavailable))
                    )
        for c in hard_avail:
            if c.target.kind != "room":
                self._away.append((c.id, c.target, grid.slots_of(c.slots)))

        self._caps: dict[Resource, list[tuple[str, int]]] = defaultdict(list)
        self._gaps: dict[Resource, list[tuple[str, int]]] = defaultdict(list)
        for t in data.teachers:
            if t.max_slots_per_day is not None:
                self._caps[("teacher", t.id)].append((f"teacher {t.id}", t.max_slots_per_day))
        tracked: set[str] = set()
        for c in data.constraints:
            if not (c.active and c.hard) or c.kind not in ("max_per_day", "max_gaps_per_day"):
                continue
            table, limit = (
                (self._caps, c.max_slots) if c.kind == "max_per_day" else (self._gaps, c.max_gaps)
            )
            for res in self._resources_of(c.target):
                table[res].append((c.id, limit))
                if res[0] == "student":
                    tracked.add(res[1])

        self.alone = frozenset(
            s
            for s in {s for a in data.activities for s in a.students} | set(self.enrolled)
            if s in data.student_by_id
        )
        away_students = {t.id for _, t, _ in self._away if t.kind == "student"}
        self.attends = self._attendance(tracked | self.alone | away_students)
        self.students_of: dict[str, list[str]] = defaultdict(list)
        for sid, acts in self.attends.items():
            for a in acts:
                self.students_of[a].append(sid)
        self._tracked = tracked | self.alone

        self._spread: dict[str, list[tuple[str, int, tuple[Key, ...]]]] = defaultdict(list)
        for a in data.activities:
            if a.min_days_between:
                keys = tuple((a.id, i) for i in range(len(a.meetings)))
                self._spread[a.id].append((f"activity {a.id}", a.min_days_between, keys))
        for c in data.constraints:
            if c.kind == "min_days_between" and c.active and c.hard:
                keys = tuple(
                    (a, i)
                    for a in c.activities
                    if a in data.activity_by_id
                    for i in range(len(data.activity_by_id[a].meetings))
                )
                for a in dict.fromkeys(c.activities):
                    self._spread[a].append((c.id, c.min_days, keys))
        self._times: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
        for c in data.constraints:
            if c.kind in ("preferred_times", "forbidden_times") and c.active and c.hard:
                slots = grid.slots_of(c.slots)
                for a in c.activities:
                    within, forbidden = self._times[a]
                    if c.kind == "preferred_times":
                        within.append((c.id, slots, c.starts_only))
                    else:
                        forbidden.append((c.id, slots))
        self._cache: dict[str, ActivityRules] = {}

    def leaves_of(self, activity_id: str) -> frozenset[str]:
        return self._leaves.get(activity_id, frozenset())

    def resources(self, activity: Activity) -> tuple[Resource, ...]:
        """Everyone a meeting of this activity keeps busy (students only where tracked)."""
        return (
            *(("teacher", t) for t in dict.fromkeys(activity.teachers)),
            *(("leaf", g) for g in sorted(self.leaves_of(activity.id))),
            *(("student", s) for s in self.students_of.get(activity.id, ()) if s in self._tracked),
        )

    def rules(self, activity_id: str) -> ActivityRules:
        cached = self._cache.get(activity_id)
        if cached is None:
            cached = self._cache[activity_id] = self._build(self.data.activity_by_id[activity_id])
        return cached

    def _build(self, a: Activity) -> ActivityRules:
        leaves = self.leaves_of(a.id)
        students = set(self.students_of.get(a.id, ()))
        resources = self.resources(a)
        out = ActivityRules(
            activity=a,
            resources=resources,
            leaves=leaves,
            alone=tuple(s for s in self.students_of.get(a.id, ()) if s in self.alone),
        )
        for source, target, slots in self._away:
            if (
                (target.kind == "teacher" and target.id in a.teachers)
                or (target.kind == "group" and self.data.leaf_groups([target.id]) & leaves)
                or (target.kind == "student" and target.id in students)
            ):
                for t in slots:
                    out.blocked.setdefault(t, []).append((source, self.who(target)))
        out.within, out.forbidden = self._times.get(a.id, ([], []))
        out.spread = self._spread.get(a.id, [])
        for res in resources:
            out.caps.extend((source, res, limit) for source, limit in self._caps.get(res, ()))
            out.gaps.extend((source, res, limit) for source, limit in self._gaps.get(res, ()))
        return out

    def _resources_of(self, target: Target) -> list[Resource]:
        if target.kind == "group":
            return [("leaf", g) for g in sorted(self.data.leaf_groups([target.id]))]
        return [(target.kind, target.id)]

    def _attendance(self, student_ids: set[str]) -> dict[str, frozenset[str]]:
        """Activities each student attends: named one by one, seated in a section, or through a
        group above them."""
        by_group: dict[str, list[str]] = defaultdict(list)
        by_student: dict[str, list[str]] = defaultdict(list)
        for a in self.data.activities:
            for g in a.groups:
                by_group[g].append(a.id)
            for s in a.students:
                by_student[s].append(a.id)
        out: dict[str, frozenset[str]] = {}
        for sid in student_ids:
            student = self.data.student_by_id.get(sid)
            if student is None:
                continue
            groups = frozenset().union(*(self.data.ancestors(g) for g in student.groups))
            acts = set(by_student.get(sid, ())) | set(self.enrolled.get(sid, ()))
            for g in groups:
                acts.update(by_group.get(g, ()))
            out[sid] = frozenset(acts)
        return out

    def away(self, res: Resource) -> frozenset[int]:
        """Slots a person cannot attend; like the checker, gaps never count them as idle."""
        kind, rid = res
        owners = self.data.ancestors(rid) if kind == "group" else {rid}
        out: set[int] = set()
        for _, target, slots in self._away:
            if target.kind == kind and target.id in owners:
                out |= slots
        return frozenset(out)

    def who(self, target: Target | Resource) -> str:
        """A person, group or room as a timetabler would name it."""
        kind, rid = (target.kind, target.id) if isinstance(target, Target) else target
        d = self.data
        if kind == "teacher":
            return d.teacher_by_id[rid].label if rid in d.teacher_by_id else f"teacher {rid}"
        if kind in ("group", "leaf"):
            return f"group {d.group_by_id[rid].label if rid in d.group_by_id else rid}"
        if kind == "student":
            return f"student {d.student_by_id[rid].label if rid in d.student_by_id else rid}"
        return d.room_by_id[rid].label if rid in d.room_by_id else f"room {rid}"
