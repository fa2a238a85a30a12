"""The checker's own reading of a timetable: who is where in which slot.

Built from the school data and the placements alone (no compiled problem, no CP-SAT), so the
checker stays independent of the model builder. Placements that cannot be read become
``placement`` and ``unplaced`` violations instead of errors.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from scheduler.model import Activity, SchoolData, SlotRef, Solution, Target
from scheduler.solver.violation import Violation


@dataclass(frozen=True, slots=True)
class Seat:
    """One placed meeting: the cycle slots it spans and its room."""

    activity: Activity
    meeting: int
    day: int
    start: int
    span: range
    room: str | None


class Occupancy:
    def __init__(self, data: SchoolData, solution: Solution) -> None:
        self.data = data
        self._pos: dict[tuple[str, str], int] = {}
        self._label: list[str] = []
        self._slot_id: list[str] = []
        self._day: list[int] = []
        self._teaching: list[bool] = []
        self._day_slots: list[list[int]] = []
        for d, day in enumerate(data.calendar.days):
            self._day_slots.append([])
            for slot in day.slots:
                t = len(self._label)
                self._pos[(day.id, slot.id)] = t
                self._label.append(f"{day.label} {slot.label}")
                self._slot_id.append(slot.id)
                self._day.append(d)
                self._teaching.append(slot.teaching)
                self._day_slots[d].append(t)
        self.problems: list[Violation] = []
        self.seats: list[Seat] = []
        self.enrolled: dict[str, tuple[str, ...]] = solution.sections_by_student
        self.solution_sections: dict[str, tuple[str, ...]] = solution.students_by_section
        self.flex = tuple((f.student, f.offering) for f in solution.flex)
        self.lunches: dict[str, str] = solution.wave_by_student
        self._away: dict[tuple[str, str], frozenset[int]] = {}
        seen: set[tuple[str, int]] = set()
        for p in solution.placements:
            activity = data.activity_by_id.get(p.activity)
            where = f'activity "{p.activity}" meeting {p.meeting + 1}'
            bad = None
            if activity is None:
                bad = f'placement for unknown activity "{p.activity}"'
            elif p.meeting >= len(activity.meetings):
                bad = f"{where} does not exist ({len(activity.meetings)} meetings)"
            elif (p.activity, p.meeting) in seen:
                bad = f"{where} is placed twice"
            elif (p.day, p.slot) not in self._pos:
                bad = f"{where} is at unknown slot {p.slot!r} of day {p.day!r}"
            if bad is None:
                start = self._pos[(p.day, p.slot)]
                span = range(start, start + activity.meetings[p.meeting])
                if not all(
                    t < len(self._day) and self._day[t] == self._day[start] and self._teaching[t]
                    for t in span
                ):
                    bad = f"{where} at {self.where(start)} runs into a break or past the day's end"
            if bad is not None:
                self.problems.append(Violation("placement", where, True, 1, 0, bad))
                continue
            seen.add((p.activity, p.meeting))
            self.seats.append(Seat(activity, p.meeting, self._day[start], start, span, p.room))
        for a in data.activities:
            missing = [i for i in range(len(a.meetings)) if (a.id, i) not in seen]
            if missing:
                self.problems.append(
                    Violation(
                        "unplaced",
                        f"activity {a.id}",
                        True,
                        len(missing),
                        0,
                        f'activity "{a.id}" has {len(missing)} meeting(s) not placed',
                    )
                )

    def where(self, t: int) -> str:
        return self._label[t]

    def slot_id(self, t: int) -> str:
        return self._slot_id[t]

    def slots_of(self, refs: tuple[SlotRef, ...]) -> frozenset[int]:
        return frozenset(self._pos[(r.day, r.slot)] for r in refs if (r.day, r.slot) in self._pos)

    def teaching_slots(self, d: int) -> list[int]:
        return [t for t in self._day_slots[d] if self._teaching[t]]

    def day_slots(self, d: int) -> list[int]:
        """Every slot of day ``d``, breaks included, in order."""
        return self._day_slots[d]

    @property
    def days(self) -> int:
        return len(self._day_slots)

    @cached_property
    def by_activity(self) -> dict[str, list[Seat]]:
        out: dict[str, list[Seat]] = defaultdict(list)
        for s in self.seats:
            out[s.activity.id].append(s)
        return out

    @cached_property
    def by_teacher(self) -> dict[str, list[Seat]]:
        out: dict[str, list[Seat]] = defaultdict(list)
        for s in self.seats:
            for t in s.activity.teachers:
                out[t].append(s)
        return out

    @cached_property
    def _leaves_of(self) -> dict[str, frozenset[str]]:
        return {a.id: self.data.leaf_groups(a.groups) for a in self.data.activities}

    @cached_property
    def by_leaf(self) -> dict[str, list[Seat]]:
        out: dict[str, list[Seat]] = defaultdict(list)
        for s in self.seats:
            for g in self._leaves_of[s.activity.id]:
                out[g].append(s)
        return out

    @cached_property
    def _activities_by_group(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for a in self.data.activities:
            for g in a.groups:
                out[g].append(a.id)
            for sid in a.students:
                out[f"student:{sid}"].append(a.id)
        return out

    def attended(self, student_id: str) -> list[Seat]:
        """Lessons the student takes: through groups, one by one, or seated in a section."""
        student = self.data.student_by_id[student_id]
        groups = frozenset().union(*(self.data.ancestors(g) for g in student.groups))
        index = self._activities_by_group
        acts = {a for g in groups for a in index.get(g, ())}
        acts.update(index.get(f"student:{student_id}", ()))
        acts.update(self.enrolled.get(student_id, ()))
        return [seat for a in sorted(acts) for seat in self.by_activity.get(a, ())]

    def students_alone(self) -> dict[str, list[Seat]]:
        """Students taught one by one somewhere (listed in an activity or seated in a section):
        the only ones whose clashes the group check cannot see."""
        ids = {sid for a in self.data.activities for sid in a.students} | set(self.enrolled)
        return {sid: self.attended(sid) for sid in sorted(ids) if sid in self.data.student_by_id}

    def share_group(self, seats: list[Seat]) -> bool:
        """True when every pair of these lessons shares a subgroup (a group clash already)."""
        leaves = [self._leaves_of[s.activity.id] for s in seats]
        return all(a & b for i, a in enumerate(leaves) for b in leaves[i + 1 :])

    @staticmethod
    def per_slot(seats: list[Seat]) -> dict[int, list[Seat]]:
        out: dict[int, list[Seat]] = defaultdict(list)
        for s in seats:
            for t in s.span:
                out[t].append(s)
        return out

    @staticmethod
    def busy_by_day(seats: list[Seat]) -> dict[int, set[int]]:
        out: dict[int, set[int]] = defaultdict(set)
        for s in seats:
            out[s.day].update(s.span)
        return out

    def target_seats(self, target: Target) -> list[Seat]:
        """Every lesson the target takes part in, each once."""
        if target.kind == "teacher":
            return self.by_teacher.get(target.id, [])
        if target.kind == "room":
            return [s for s in self.seats if s.room == target.id]
        if target.kind == "student":
            return self.attended(target.id) if target.id in self.data.student_by_id else []
        under = self.data.leaf_groups([target.id])
        return [s for s in self.seats if self._leaves_of[s.activity.id] & under]

    def away(self, kind: str, rid: str) -> frozenset[int]:
        """Slots a teacher, subgroup or student cannot attend: its own ``unavailable`` field, that
        of every group above a subgroup, and hard availability rules about any of them."""
        key = (kind, rid)
        if key not in self._away:
            owners = {rid} if kind != "group" else set(self.data.ancestors(rid))
            table = {
                "teacher": self.data.teacher_by_id,
                "group": self.data.group_by_id,
                "student": self.data.student_by_id,
            }[kind]
            refs = [r for o in owners if o in table for r in table[o].unavailable]
            for c in self.data.constraints:
                if c.kind == "availability" and c.active and c.hard and c.target.kind == kind:
                    refs.extend(c.slots if c.target.id in owners else ())
            self._away[key] = self.slots_of(tuple(refs))
        return self._away[key]

    def resource_seats(self, target: Target) -> list[tuple[str, list[Seat]]]:
        """The resources a per-person rule applies to: a group means each of its subgroups."""
        if target.kind == "group":
            under = sorted(self.data.leaf_groups([target.id]))
            return [(g, self.by_leaf.get(g, [])) for g in under]
        return [(target.id, self.target_seats(target))]
