"""Personal time in exports: each student's lunch wave and internships (and other named time
away), by day and clock time.

``personal_times`` is the one reading of it; the Students sheet lists it as rows beside the
lessons (``personal_rows``, written by ``scheduler.io.xlsx.students`` after its own rows, in the
same columns and under the same filter) and the per-student weekly pages draw it as labelled
bands at its clock times (``scheduler.io.xlsx.student_weeks``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from scheduler.model import SchoolData, Solution
from scheduler.model.personal import PERSONAL_KINDS, members

LUNCH = "lunch"


@dataclass(frozen=True, slots=True)
class PersonalTime:
    """One stretch of a student's day that is not a lesson: a lunch wave or time away."""

    day: int
    """Index of the day in the calendar."""
    start: time
    end: time
    label: str
    kind: str
    """``lunch`` or the lower-case kind of time away (``internship``, ``dual enrolment``...)."""
    place: str = ""

    @property
    def clock(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


def personal_times(data: SchoolData, solution: Solution) -> dict[str, list[PersonalTime]]:
    """Student id -> their lunch wave and time away, by day and time (students with none left
    out)."""
    index = {d.id: k for k, d in enumerate(data.calendar.days)}
    waves = {w.id: w for w in data.lunch_waves}
    away: dict[str, list] = {}
    for block in data.personal_blocks:
        for sid in members(data, block.students, block.groups):
            away.setdefault(sid, []).append(block)
    wave_of = solution.wave_by_student
    out: dict[str, list[PersonalTime]] = {}
    for student in data.students:
        mine: list[PersonalTime] = []
        wave = waves.get(wave_of.get(student.id, ""))
        if wave is not None:
            for d, day in enumerate(data.calendar.days):
                if wave.days and day.id not in wave.days:
                    continue
                mine.append(PersonalTime(d, wave.start, wave.end, wave.label, LUNCH))
        for block in away.get(student.id, ()):
            kind = PERSONAL_KINDS[block.kind].lower()
            for day_id in block.days:
                if day_id in index:
                    mine.append(
                        PersonalTime(
                            index[day_id], block.start, block.end, block.label, kind, block.place
                        )
                    )
        if mine:
            mine.sort(key=lambda p: (p.day, p.start))
            out[student.id] = mine
    return out


def personal_rows(data: SchoolData, solution: Solution) -> list[list[object]]:
    """Rows of the Students sheet's columns: (student id, name, grade, day, period, time,
    course, section, teacher, room, kind), by student, day and time."""
    days = data.calendar.days
    rows: list[list[object]] = []
    times = personal_times(data, solution)
    for student in sorted(data.students, key=lambda s: s.id):
        who = [student.id, student.name or None, student.grade]
        for p in times.get(student.id, ()):
            where = p.place or None
            rows.append(
                [*who, days[p.day].label, None, p.clock, p.label, None, None, where, p.kind]
            )
    return rows
