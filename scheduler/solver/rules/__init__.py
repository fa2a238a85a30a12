"""One module per school rule. Each states the rule in CP-SAT and returns soft penalty terms.

Rule names are the constraint kinds of ``scheduler.model.constraints`` plus the built-in hard rules
(``teacher_conflict``, ``group_conflict``, ``student_conflict``, ``room_capacity``); the checker
and every report use the same names.
"""

from __future__ import annotations

from scheduler.solver.rules import (
    availability,
    away_requests,
    compact_days,
    consecutive,
    course_conflicts,
    days_per_week,
    ends_day,
    forbidden_times,
    interval_max_days,
    lunch_wave,
    lunch_window,
    max_continuous,
    max_days_between,
    max_gaps_per_day,
    max_gaps_per_week,
    max_minutes,
    max_per_day,
    max_per_week,
    min_days_between,
    min_gaps_between,
    min_per_day,
    no_overlap,
    not_overlapping,
    ordered,
    preferred_rooms,
    preferred_times,
    room_capacity,
    same_slot,
    same_start,
    selected_slots,
    starts_early,
)
from scheduler.solver.rules.base import Build, Penalty

RULES = (
    no_overlap,
    room_capacity,
    availability,
    max_per_day,
    max_per_week,
    min_days_between,
    preferred_times,
    forbidden_times,
    max_gaps_per_day,
    same_slot,
    course_conflicts,
    max_gaps_per_week,
    min_per_day,
    days_per_week,
    interval_max_days,
    lunch_window,
    max_continuous,
    starts_early,
    compact_days,
    same_start,
    not_overlapping,
    consecutive,
    min_gaps_between,
    ends_day,
    ordered,
    max_days_between,
    selected_slots,
    preferred_rooms,
    max_minutes,
    lunch_window,
    lunch_wave,
    away_requests,
)

__all__ = ["RULES", "Build", "Penalty"]
