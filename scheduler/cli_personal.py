"""What the CLI says about personalized time after a solve: lunch wave sizes against the
cafeteria's seats, and how many students have named time away."""

from __future__ import annotations

from collections import Counter

from scheduler.model import SchoolData, Solution
from scheduler.model.personal import members


def lunch_report(data: SchoolData, solution: Solution | None) -> dict:
    """Figures for the JSON report; empty when the school has no personalized time."""
    if not (data.lunch_waves or data.personal_blocks or data.day_rules):
        return {}
    sizes = Counter(a.wave for a in solution.lunches) if solution is not None else Counter()
    away = {s for b in data.personal_blocks for s in members(data, b.students, b.groups)}
    return {
        "lunch_waves": [
            {"wave": w.id, "name": w.label, "students": sizes[w.id], "seats": w.capacity}
            for w in data.lunch_waves
        ],
        "students_without_wave": len(data.students) - sum(sizes.values())
        if data.lunch_waves and solution is not None
        else 0,
        "students_with_time_away": len(away),
        "personal_blocks": len(data.personal_blocks),
        "day_rules": len(data.day_rules),
    }


def print_lunches(data: SchoolData, solution: Solution | None) -> None:
    figures = lunch_report(data, solution)
    if not figures:
        return
    if figures["lunch_waves"]:
        print("lunch waves:")
        for w in figures["lunch_waves"]:
            seats = f" of {w['seats']} seats" if w["seats"] is not None else ""
            print(f"  {w['name']:<18} {w['students']:>5} students{seats}")
        if figures["students_without_wave"]:
            print(f"  {figures['students_without_wave']} student(s) without a lunch wave")
    print(
        f"personal time: {figures['students_with_time_away']} student(s) in "
        f"{figures['personal_blocks']} named block(s) away, {figures['day_rules']} day rule(s)"
    )
