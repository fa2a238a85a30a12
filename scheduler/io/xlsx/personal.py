"""Personal time on the Students sheet: each student's lunch wave and internships (and other
named time away) as rows beside their lessons, so a filter on one student shows their whole day.

Kept apart from the lesson rows (``scheduler.io.xlsx.students``), which writes these rows after
its own, in the same columns and under the same filter.
"""

from __future__ import annotations

from scheduler.model import SchoolData, Solution
from scheduler.model.personal import PERSONAL_KINDS, members

LUNCH = "lunch"


def personal_rows(data: SchoolData, solution: Solution) -> list[list[object]]:
    """Rows of the Students sheet's columns: (student id, name, grade, day, period, time,
    course, section, teacher, room, kind), by student, day and time."""
    rows: list[tuple[tuple, list[object]]] = []
    order = {d.id: k for k, d in enumerate(data.calendar.days)}
    waves = {w.id: w for w in data.lunch_waves}
    away: dict[str, list] = {}
    for block in data.personal_blocks:
        for sid in members(data, block.students, block.groups):
            away.setdefault(sid, []).append(block)
    wave_of = solution.wave_by_student
    for student in data.students:
        who = [student.id, student.name or None, student.grade]
        wave = waves.get(wave_of.get(student.id, ""))
        if wave is not None:
            for day in data.calendar.days:
                if wave.days and day.id not in wave.days:
                    continue
                when = f"{wave.start:%H:%M}–{wave.end:%H:%M}"
                key = (student.id, order[day.id], wave.start)
                rows.append(
                    (key, [*who, day.label, None, when, wave.label, None, None, None, LUNCH])
                )
        for block in away.get(student.id, ()):
            for day_id in block.days:
                day = data.calendar.day(day_id)
                if day is None:
                    continue
                when = f"{block.start:%H:%M}–{block.end:%H:%M}"
                kind = PERSONAL_KINDS[block.kind].lower()
                values = [*who, day.label, None, when, block.label, None, None, block.place or None]
                rows.append(((student.id, order[day_id], block.start), [*values, kind]))
    rows.sort(key=lambda r: r[0])
    return [values for _, values in rows]
