"""All the data of one school scenario, with look-ups by id and the group hierarchy."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from pydantic import Field

from scheduler.model.base import Frozen
from scheduler.model.calendar import Calendar
from scheduler.model.constraints import Constraint
from scheduler.model.courses import Activity, Course, Subject
from scheduler.model.flex import FlexBlock, FlexOffering, FlexRequest
from scheduler.model.personal import (
    CycleDays,
    DayRule,
    LunchWave,
    LunchWindow,
    MaxMinutes,
    PersonalBlock,
)
from scheduler.model.resources import Room, Teacher
from scheduler.model.students import Student, StudentGroup


class SchoolData(Frozen):
    name: str = "School"
    calendar: Calendar = Calendar()
    subjects: tuple[Subject, ...] = ()
    courses: tuple[Course, ...] = ()
    teachers: tuple[Teacher, ...] = ()
    rooms: tuple[Room, ...] = ()
    groups: tuple[StudentGroup, ...] = ()
    students: tuple[Student, ...] = ()
    activities: tuple[Activity, ...] = ()
    constraints: tuple[Constraint, ...] = Field(default=())
    flex_blocks: tuple[FlexBlock, ...] = ()
    flex_offerings: tuple[FlexOffering, ...] = ()
    flex_requests: tuple[FlexRequest, ...] = ()
    # Personalized time (scheduler.model.personal); optional, so older files load unchanged.
    personal_blocks: tuple[PersonalBlock, ...] = ()
    day_rules: tuple[DayRule, ...] = ()
    cycle_days: tuple[CycleDays, ...] = ()
    lunch_windows: tuple[LunchWindow, ...] = ()
    max_minutes: tuple[MaxMinutes, ...] = ()
    lunch_waves: tuple[LunchWave, ...] = ()

    @cached_property
    def subject_by_id(self) -> dict[str, Subject]:
        return {s.id: s for s in self.subjects}

    @cached_property
    def course_by_id(self) -> dict[str, Course]:
        return {c.id: c for c in self.courses}

    @cached_property
    def teacher_by_id(self) -> dict[str, Teacher]:
        return {t.id: t for t in self.teachers}

    @cached_property
    def room_by_id(self) -> dict[str, Room]:
        return {r.id: r for r in self.rooms}

    @cached_property
    def group_by_id(self) -> dict[str, StudentGroup]:
        return {g.id: g for g in self.groups}

    @cached_property
    def student_by_id(self) -> dict[str, Student]:
        return {s.id: s for s in self.students}

    @cached_property
    def activity_by_id(self) -> dict[str, Activity]:
        return {a.id: a for a in self.activities}

    @cached_property
    def children(self) -> dict[str, tuple[str, ...]]:
        kids: dict[str, list[str]] = {g.id: [] for g in self.groups}
        for group in self.groups:
            for parent in group.parents:
                if parent in kids:
                    kids[parent].append(group.id)
        return {k: tuple(v) for k, v in kids.items()}

    @cached_property
    def _leaves(self) -> dict[str, frozenset[str]]:
        memo: dict[str, frozenset[str]] = {}

        def leaves(gid: str, path: frozenset[str]) -> frozenset[str]:
            if gid in memo:
                return memo[gid]
            kids = [k for k in self.children.get(gid, ()) if k not in path]
            result = (
                frozenset().union(*(leaves(k, path | {gid}) for k in kids))
                if kids
                else frozenset({gid})
            )
            memo[gid] = result
            return result

        for group in self.groups:
            leaves(group.id, frozenset())
        return memo

    def leaf_groups(self, group_ids: Iterable[str]) -> frozenset[str]:
        """The subgroups without children that a lesson for these groups occupies."""
        out: set[str] = set()
        for gid in group_ids:
            out |= self._leaves.get(gid, frozenset({gid}))
        return frozenset(out)

    def ancestors(self, group_id: str) -> frozenset[str]:
        """A group and every group above it."""
        seen: set[str] = set()
        stack = [group_id]
        while stack:
            gid = stack.pop()
            if gid in seen:
                continue
            seen.add(gid)
            group = self.group_by_id.get(gid)
            if group:
                stack.extend(group.parents)
        return frozenset(seen)

    def attendance(self, activity: Activity) -> int:
        """Expected number of students in a lesson, for room capacity.

        Sizes of the subgroups without children are summed, so overlapping divisions are not
        counted twice; when those are not filled in, the named groups' own sizes stand in.
        """
        if activity.size is not None:
            return activity.size
        course = self.course_by_id.get(activity.course) if activity.course else None
        if course is not None and course.section_capacity and not activity.groups:
            return max(course.section_capacity, len(activity.students))  # a section, at most full
        leaves = self.leaf_groups(activity.groups)
        from_leaves = sum(self.group_by_id[g].size for g in leaves if g in self.group_by_id)
        if from_leaves:
            return from_leaves + len(activity.students)
        # Subgroup sizes left at 0: count the named groups themselves, each once (a year named
        # together with one of its classes counts as the year).
        named = set(activity.groups)
        top = [g for g in named if not (self.ancestors(g) - {g}) & named]
        from_groups = sum(self.group_by_id[g].size for g in top if g in self.group_by_id)
        return from_groups + len(activity.students)
