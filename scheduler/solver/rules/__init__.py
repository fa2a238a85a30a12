"""One module per school rule. Each states the rule in CP-SAT and returns soft penalty terms.

Rule names are the constraint kinds of ``scheduler.model.constraints`` plus the built-in hard rules
(``teacher_conflict``, ``group_conflict``, ``student_conflict``, ``room_capacity``); the checker
and every report use the same names.
"""

from __future__ import annotations

from scheduler.solver.rules import (
    availability,
    course_conflicts,
    forbidden_times,
    max_gaps_per_day,
    max_per_day,
    max_per_week,
    min_days_between,
    no_overlap,
    preferred_times,
    room_capacity,
    same_slot,
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
)

__all__ = ["RULES", "Build", "Penalty"]
