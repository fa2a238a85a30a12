"""Lunch: every student in one lunch wave with a free seat in the cafeteria, and guaranteed free
lunch windows, decided together with the seats in sections.

Where it is solved: in the seating model of the sectioning step, as pseudo-requests that outweigh
every course request. A wave is a "course" whose "sections" are the waves (capacity: the
cafeteria's seats; slots: the periods it overlaps), so the branch-and-bound first seating and the
CP-SAT rounds choose a student's wave and classes at once and a wave never clashes with a class.
A lunch window is one such pseudo-request per day whose options are the stretches of the window
long enough for lunch. Schools without sections (classes taught to groups) get their waves from
``assign_waves`` after the timetable: a small CP-SAT assignment with capacities.

Rule names: ``lunch_wave`` and ``lunch_window`` (checked in ``scheduler.solver.checks.personal``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.model import SchoolData
from scheduler.model.personal import (
    applies_to,
    clock_minutes,
    lunch_gaps,
    wave_of_group,
    wave_slots,
)
from scheduler.solver.stages.seating import Cap, Option, Want
from scheduler.solver.timegrid import TimeGrid

WAVE = "__lunch_wave__"
WINDOW = "__lunch_window__"
W_LUNCH = 100_000
"""Above any course request: a student's lunch is never traded for a class."""
UNLIMITED = 1_000_000


@dataclass(frozen=True)
class LunchPlan:
    waves: tuple[str, ...] = ()
    slots: tuple[frozenset[int], ...] = ()
    capacity: tuple[int, ...] = ()
    pinned: dict[str, int] = field(default_factory=dict)
    """Student -> index of the wave their group eats in."""
    windows: dict[str, list[tuple[str, tuple[frozenset[int], ...]]]] = field(default_factory=dict)
    """Student -> (key, options) per window and day that the waves do not already satisfy."""
    limits: dict[str, list[tuple[tuple[int, ...], int]]] = field(default_factory=dict)
    """Student -> (slots of a day, most class minutes that day) from ``max_minutes_per_day``."""
    minutes: tuple[int, ...] = ()
    """Length of every slot of the cycle."""

    @property
    def empty(self) -> bool:
        return not self.waves and not self.windows and not self.limits

    def caps(self, class_busy: dict[str, frozenset[int]]) -> dict[str, list[Cap]]:
        """Per student and capped day: minutes of each slot, and the minutes their fixed
        classes leave for seats in sections."""
        out: dict[str, list[Cap]] = {}
        for sid, limits in self.limits.items():
            busy = class_busy.get(sid, frozenset())
            for day, most in limits:
                taken = sum(self.minutes[t] for t in day if t in busy)
                out.setdefault(sid, []).append(
                    ({t: self.minutes[t] for t in day}, max(0, most - taken))
                )
        return out

    def is_lunch(self, course: str) -> bool:
        return course == WAVE or course.startswith(WINDOW)

    def keys_capacity(self) -> dict[tuple[str, int], int]:
        out = {(WAVE, k): cap for k, cap in enumerate(self.capacity)}
        for options in self.windows.values():
            for key, opts in options:
                for k in range(len(opts)):
                    out[(key, k)] = UNLIMITED
        return out

    def wants(
        self, students: list[str], class_busy: dict[str, frozenset[int]]
    ) -> dict[str, list[Want]]:
        """Each student's lunch pseudo-requests; options that clash with fixed classes are left
        out (time away from school does not rule a wave out: they eat there)."""
        out: dict[str, list[Want]] = {}
        for sid in students:
            busy = class_busy.get(sid, frozenset())
            mine: list[Want] = []
            if self.waves:
                ks = [self.pinned[sid]] if sid in self.pinned else range(len(self.waves))
                opts = tuple(
                    Option((WAVE, k), self.slots[k], False, counts=False)
                    for k in ks
                    if not self.slots[k] & busy
                )
                mine.append(Want(W_LUNCH, opts))
            for key, gaps in self.windows.get(sid, ()):
                opts = tuple(
                    Option((key, k), slots, False, counts=False)
                    for k, slots in enumerate(gaps)
                    if not slots & busy
                )
                mine.append(Want(W_LUNCH, opts))
            if mine:
                out[sid] = mine
        return out

    def decode(self, picks: dict[str, list[tuple[str, int]]]) -> dict[str, str]:
        return {sid: self.waves[k] for sid, keys in picks.items() for c, k in keys if c == WAVE}


def lunch_plan(data: SchoolData, grid: TimeGrid) -> LunchPlan:
    waves = data.lunch_waves
    slots = tuple(grid.slots_of(wave_slots(data.calendar, w)) for w in waves)
    capacity = tuple(w.capacity if w.capacity is not None else UNLIMITED for w in waves)
    index = {w.id: k for k, w in enumerate(waves)}
    pinned = {sid: index[w] for sid, w in wave_of_group(data).items()}
    windows: dict[str, list] = {}
    for rule in data.lunch_windows:
        if waves and all(_wave_meets(w, rule) for w in waves):
            continue  # any wave is a lunch inside this window
        gaps = lunch_gaps(data.calendar, rule)
        per_day = [
            (f"{WINDOW}:{rule.id}:{day}", tuple(grid.slots_of(g) for g in options))
            for day, options in gaps.items()
            if options != ((),)
        ]
        for sid in applies_to(data, rule):
            windows.setdefault(sid, []).extend(per_day)
    limits: dict[str, list] = {}
    wanted_days = {d.id: d for d in data.calendar.days}
    for rule in data.max_minutes:
        days = [d for d in (rule.days or tuple(wanted_days)) if d in wanted_days]
        per_day = [
            (tuple(grid.lookup[(d, s.id)] for s in wanted_days[d].slots), rule.max_minutes)
            for d in days
        ]
        for sid in applies_to(data, rule):
            limits.setdefault(sid, []).extend(per_day)
    minutes = tuple(s.minutes for day in data.calendar.days for s in day.slots)
    return LunchPlan(tuple(w.id for w in waves), slots, capacity, pinned, windows, limits, minutes)


def _wave_meets(wave, window) -> bool:
    """True when a wave on every day of the window lies inside it and is long enough."""
    inside = clock_minutes(wave.start) >= clock_minutes(window.start) and clock_minutes(
        wave.end
    ) <= clock_minutes(window.end)
    long_enough = clock_minutes(wave.end) - clock_minutes(wave.start) >= window.minutes
    days_ok = not wave.days or (window.days and set(window.days) <= set(wave.days))
    return inside and long_enough and bool(days_ok)


def assign_waves(
    plan: LunchPlan,
    class_busy: dict[str, frozenset[int]],
    students: list[str],
    *,
    time_limit_s: float = 10.0,
    workers: int | None = None,
) -> dict[str, str]:
    """Waves for students whose classes are already fixed: as many as possible seated, within
    the cafeteria's capacity per wave, each in a wave none of their classes overlaps."""
    if not plan.waves:
        return {}
    model = cp_model.CpModel()
    x: dict[tuple[str, int], cp_model.IntVar] = {}
    per_wave: dict[int, list] = {k: [] for k in range(len(plan.waves))}
    for want_sid, wants in plan.wants(students, class_busy).items():
        lits = []
        for opt in wants[0].options:
            k = opt.key[1]
            var = model.new_bool_var(f"w:{want_sid}:{k}")
            x[(want_sid, k)] = var
            per_wave[k].append(var)
            lits.append(var)
        if lits:
            model.add_at_most_one(lits)
    for k, lits in per_wave.items():
        if len(lits) > plan.capacity[k]:
            model.add(sum(lits) <= plan.capacity[k])
    model.maximize(sum(x.values()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    solver.parameters.num_workers = workers or os.cpu_count() or 1
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {}
    return {sid: plan.waves[k] for (sid, k), var in x.items() if solver.boolean_value(var)}
