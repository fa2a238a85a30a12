"""Personalized time: days that differ per student, time away from school, lunch.

A scheduler states these the way a school says them ("Grade 12 starts at 9:35 on Wednesdays",
"Ana is at her internship Tuesday and Thursday from 13:00", "everyone gets 30 minutes between
11:00 and 13:30"), by clock time and day, never as lists of slots; the slots follow from the
calendar. Each kind's ``RULE`` name is reused by the solver, the checker, reports and exports.

Who a rule is about: the listed students plus every student in one of the listed groups (or a
group below it). A lunch window or minutes cap with nobody listed applies to every student.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time
from typing import Literal

from pydantic import Field, model_validator

from scheduler.model.base import Frozen, Id
from scheduler.model.calendar import Calendar, ClockTime, SlotRef

PersonalKind = Literal["internship", "work_based_learning", "dual_enrolment", "appointment"]
PERSONAL_KINDS: dict[str, str] = {
    "internship": "Internship",
    "work_based_learning": "Work-based learning",
    "dual_enrolment": "Dual enrolment",
    "appointment": "Appointment",
}

PERSONAL_BLOCK = "personal_block"
DAY_RULE = "day_rule"
CYCLE_DAYS = "cycle_days"
LUNCH_WINDOW = "lunch_window"
MAX_MINUTES = "max_minutes_per_day"
LUNCH_WAVE = "lunch_wave"


class _Who(Frozen):
    students: tuple[Id, ...] = Field((), description="Students it applies to.")
    groups: tuple[Id, ...] = Field((), description="Groups whose students it applies to.")


def _ordered(start: time, end: time, what: str) -> None:
    if end <= start:
        raise ValueError(f"{what} ends at {end:%H:%M}, not after its start {start:%H:%M}")


class PersonalBlock(_Who):
    """A recurring time a student is away from school, e.g. an internship Tue/Thu from 13:00.
    No class may touch it; it is shown in timetables and exports under its name."""

    id: Id
    name: str = ""
    kind: PersonalKind = "internship"
    place: str = Field("", description="Where, e.g. the employer or the college.")
    days: tuple[Id, ...] = Field(min_length=1)
    start: ClockTime
    end: ClockTime

    @property
    def label(self) -> str:
        return self.name or self.id

    @model_validator(mode="after")
    def _times(self) -> PersonalBlock:
        _ordered(self.start, self.end, f"personal block {self.id!r}")
        return self


class DayRule(_Who):
    """A late start (no class before ``time``) or early release (no class from ``time`` on) for
    some students on some days (every day when ``days`` is empty)."""

    id: Id
    name: str = ""
    kind: Literal["late_start", "early_release"] = "late_start"
    days: tuple[Id, ...] = ()
    time: ClockTime

    @property
    def label(self) -> str:
        return self.name or self.id


class CycleDays(Frozen):
    """These activities meet only on some days of the cycle: A-week only, or days 1, 3 and 5 of
    a six-day rotation."""

    id: Id
    activities: tuple[Id, ...] = Field(min_length=1)
    days: tuple[Id, ...] = Field(min_length=1)


class LunchWindow(_Who):
    """A guaranteed free lunch: on each day (of ``days``, or every day), at least ``minutes``
    in a row without class between ``start`` and ``end``. Breaks and lunch slots count as free."""

    id: Id
    days: tuple[Id, ...] = ()
    start: ClockTime
    end: ClockTime
    minutes: int = Field(30, ge=1)

    @model_validator(mode="after")
    def _times(self) -> LunchWindow:
        _ordered(self.start, self.end, f"lunch window {self.id!r}")
        if clock_minutes(self.end) - clock_minutes(self.start) < self.minutes:
            raise ValueError(f"lunch window {self.id!r} is shorter than {self.minutes} minutes")
        return self


class MaxMinutes(_Who):
    """At most ``max_minutes`` of class a day (of ``days``, or every day)."""

    id: Id
    days: tuple[Id, ...] = ()
    max_minutes: int = Field(ge=0)


class LunchWave(Frozen):
    """One lunch period of the cafeteria. Every student is given one wave for the whole cycle and
    has no class during it; ``groups`` eat in this wave whatever their classes."""

    id: Id
    name: str = ""
    days: tuple[Id, ...] = Field((), description="Days it runs; empty: every day.")
    start: ClockTime
    end: ClockTime
    capacity: int | None = Field(None, ge=0, description="Cafeteria seats; None: no limit.")
    groups: tuple[Id, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.id

    @model_validator(mode="after")
    def _times(self) -> LunchWave:
        _ordered(self.start, self.end, f"lunch wave {self.id!r}")
        return self


class LunchAssignment(Frozen):
    """A student's lunch wave, chosen by the solve."""

    student: Id
    wave: Id


# --- from clock times to slots (shared by the solver and the checker) -----------------------


def clock_minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def slot_minutes(calendar: Calendar, ref: SlotRef) -> int:
    slot = calendar.slot(ref)
    return slot.minutes if slot is not None else 0


def overlapping(
    calendar: Calendar, days: Iterable[str], start: time, end: time
) -> tuple[SlotRef, ...]:
    """Teaching slots of ``days`` (every day when empty) that overlap ``start``..``end``."""
    wanted = set(days)
    lo, hi = clock_minutes(start), clock_minutes(end)
    return tuple(
        SlotRef(day=day.id, slot=s.id)
        for day in calendar.days
        if not wanted or day.id in wanted
        for s in day.slots
        if s.teaching and clock_minutes(s.start) < hi and clock_minutes(s.end) > lo
    )


def day_rule_slots(calendar: Calendar, rule: DayRule) -> tuple[SlotRef, ...]:
    if rule.kind == "late_start":
        return overlapping(calendar, rule.days, time(0, 0), rule.time)
    return overlapping(calendar, rule.days, rule.time, time(23, 59, 59))


def block_slots(calendar: Calendar, block: PersonalBlock) -> tuple[SlotRef, ...]:
    return overlapping(calendar, block.days, block.start, block.end)


def wave_slots(calendar: Calendar, wave: LunchWave) -> tuple[SlotRef, ...]:
    return overlapping(calendar, wave.days, wave.start, wave.end)


def cycle_day_slots(calendar: Calendar, rule: CycleDays) -> tuple[SlotRef, ...]:
    """The teaching slots of the days the activities may not meet on."""
    keep = set(rule.days)
    return tuple(
        SlotRef(day=d.id, slot=s.id)
        for d in calendar.days
        if d.id not in keep
        for s in d.slots
        if s.teaching
    )


def lunch_gaps(
    calendar: Calendar, window: LunchWindow
) -> dict[str, tuple[tuple[SlotRef, ...], ...]]:
    """Day -> the smallest sets of teaching slots that, left free, give ``minutes`` in a row
    inside the window (breaks and lunch slots are free anyway). A day where a non-teaching stretch
    alone is long enough maps to ``((),)``: nothing needs to stay free."""
    lo, hi = clock_minutes(window.start), clock_minutes(window.end)
    wanted = set(window.days)
    out: dict[str, tuple[tuple[SlotRef, ...], ...]] = {}
    for day in calendar.days:
        if (wanted and day.id not in wanted) or not any(s.teaching for s in day.slots):
            continue
        pieces = [
            (max(lo, clock_minutes(s.start)), min(hi, clock_minutes(s.end)), s)
            for s in day.slots
            if clock_minutes(s.start) < hi and clock_minutes(s.end) > lo
        ]
        # Free time inside the window that is not a slot at all (before the first slot, between
        # slots, after the last) is free too: fill it in as unnamed pieces.
        timeline: list[tuple[int, int, object]] = []
        cursor = lo
        for a, b, s in pieces:
            if a > cursor:
                timeline.append((cursor, a, None))
            timeline.append((a, b, s))
            cursor = max(cursor, b)
        if cursor < hi:
            timeline.append((cursor, hi, None))
        options: list[tuple[SlotRef, ...]] = []
        for i in range(len(timeline)):
            total, teach = 0, []
            for a, b, s in timeline[i:]:
                total += b - a
                if s is not None and s.teaching:
                    teach.append(SlotRef(day=day.id, slot=s.id))
                if total >= window.minutes:
                    options.append(tuple(teach))
                    break
        if () in options:
            out[day.id] = ((),)
        else:
            out[day.id] = tuple(dict.fromkeys(o for o in options if o))
    return out


def members(data, students: Iterable[str], groups: Iterable[str]) -> tuple[str, ...]:
    """Ids of the listed students and of every student in (a group below) a listed group."""
    listed = set(students)
    wanted = set(groups)
    if wanted:
        for s in data.students:
            if s.id not in listed and any(wanted & data.ancestors(g) for g in s.groups):
                listed.add(s.id)
    return tuple(s.id for s in data.students if s.id in listed)


def applies_to(data, rule: _Who) -> tuple[str, ...]:
    """Members of a lunch window or minutes cap: everyone when nobody is listed."""
    if not rule.students and not rule.groups:
        return tuple(s.id for s in data.students)
    return members(data, rule.students, rule.groups)


def personal_away(data) -> dict[str, tuple[SlotRef, ...]]:
    """Student -> slots their personal blocks and day rules take (for students, one by one)."""
    out: dict[str, list[SlotRef]] = {}
    for rule, refs in _away_rules(data):
        for sid in members(data, rule.students, rule.groups):
            out.setdefault(sid, []).extend(refs)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def group_away(data) -> dict[str, tuple[SlotRef, ...]]:
    """Group -> slots its day rules and group-wide personal blocks take."""
    out: dict[str, list[SlotRef]] = {}
    for rule, refs in _away_rules(data):
        for g in rule.groups:
            out.setdefault(g, []).extend(refs)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def personal_time_any(data) -> dict[str, tuple[SlotRef, ...]]:
    """Student -> slots of any kind (a flex slot too, which is no teaching slot) that their
    personal blocks, late starts and early releases overlap: who is away from a flex window."""
    out: dict[str, list[SlotRef]] = {}
    for rule, start, end in (
        *((b, b.start, b.end) for b in data.personal_blocks),
        *(
            (r, time(0, 0), r.time) if r.kind == "late_start" else (r, r.time, time(23, 59, 59))
            for r in data.day_rules
        ),
    ):
        lo, hi, wanted = clock_minutes(start), clock_minutes(end), set(rule.days)
        refs = [
            SlotRef(day=day.id, slot=s.id)
            for day in data.calendar.days
            if not wanted or day.id in wanted
            for s in day.slots
            if clock_minutes(s.start) < hi and clock_minutes(s.end) > lo
        ]
        for sid in members(data, rule.students, rule.groups):
            out.setdefault(sid, []).extend(refs)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def _away_rules(data):
    for block in data.personal_blocks:
        yield block, block_slots(data.calendar, block)
    for rule in data.day_rules:
        yield rule, day_rule_slots(data.calendar, rule)


def wave_of_group(data) -> dict[str, str]:
    """Student -> the wave a group of theirs is pinned to (the first wave listing it)."""
    out: dict[str, str] = {}
    for wave in data.lunch_waves:
        for sid in members(data, (), wave.groups):
            out.setdefault(sid, wave.id)
    return out
