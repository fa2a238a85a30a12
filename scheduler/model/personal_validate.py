"""Cross-entity checks of personalized time: every student, group, day, activity and wave a rule
names exists, so a typo is reported by name instead of silently applying to nobody."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from scheduler.model.school import SchoolData
from scheduler.model.validate import Problem

_LISTS = (
    ("personal block", "personal_blocks"),
    ("day rule", "day_rules"),
    ("cycle days", "cycle_days"),
    ("lunch window", "lunch_windows"),
    ("minutes cap", "max_minutes"),
    ("lunch wave", "lunch_waves"),
)


def personal_problems(data: SchoolData) -> Iterator[Problem]:
    days = {d.id for d in data.calendar.days}
    for entity, field in _LISTS:
        items = getattr(data, field)
        for item_id, n in Counter(i.id for i in items).items():
            if n > 1:
                yield Problem(entity, item_id, "id", f"id is used by {n} {entity} entries")
        for item in items:
            for sid in getattr(item, "students", ()):
                if sid not in data.student_by_id:
                    yield Problem(entity, item.id, "students", f'unknown student "{sid}"')
            for gid in getattr(item, "groups", ()):
                if gid not in data.group_by_id:
                    yield Problem(entity, item.id, "groups", f'unknown group "{gid}"')
            for aid in getattr(item, "activities", ()):
                if aid not in data.activity_by_id:
                    yield Problem(entity, item.id, "activities", f'unknown activity "{aid}"')
            for day in item.days if hasattr(item, "days") else ():
                if day not in days:
                    yield Problem(entity, item.id, "days", f'unknown day "{day}"')
    for block in data.personal_blocks:
        if not block.students and not block.groups:
            yield Problem("personal block", block.id, "students", "names no student or group")
    for rule in data.day_rules:
        if not rule.students and not rule.groups:
            yield Problem("day rule", rule.id, "students", "names no student or group")
