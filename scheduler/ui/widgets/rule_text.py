"""Words for rule names and solve outcomes, as a timetabler would say them.

The rule names are the checker's stable ones (``scheduler.solver.checks``); only their wording
lives here.
"""

from __future__ import annotations

RULE_TITLES: dict[str, str] = {
    "placement": "Lessons in breaks or past the day's end",
    "unplaced": "Lessons not placed",
    "pinned": "Pinned lessons moved",
    "teacher_conflict": "Teacher double-booked",
    "group_conflict": "Group double-booked",
    "student_conflict": "Student double-booked",
    "room_conflict": "Room double-booked",
    "room_suitability": "Unsuitable room",
    "room_capacity": "Not enough rooms",
    "availability": "Unavailable times",
    "max_per_day": "Too many lessons in a day",
    "max_per_week": "Too many lessons in the week",
    "min_days_between": "Meetings too close together",
    "preferred_times": "Outside preferred times",
    "forbidden_times": "At forbidden times",
    "max_gaps_per_day": "Free periods between lessons",
}


def rule_title(rule: str) -> str:
    return RULE_TITLES.get(rule, rule.replace("_", " ").capitalize())


def status_words(status: str, *, solved: bool, cancelled: bool) -> tuple[str, str]:
    """(headline, tone) for a solve outcome; tone is "good", "warn" or "bad"."""
    if solved:
        if status == "optimal":
            return "Timetable found — proven the best possible", "good"
        if cancelled:
            return "Stopped — the best timetable found so far", "warn"
        return "Timetable found — the best within the time limit", "good"
    if status == "infeasible":
        return "No timetable exists: the hard rules cannot all hold", "bad"
    if cancelled:
        return "Stopped before a timetable was found", "warn"
    return "No timetable found", "bad"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else many or word + 's'}"
