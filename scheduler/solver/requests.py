"""How well a timetable serves students' course requests: the figures schedulers know from
master-schedule builders, each unmet request with its reason, and the course-pair conflict matrix.

Like the checker, this reads only school data and a solution (no CP-SAT).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from scheduler.model import SchoolData, Solution
from scheduler.solver.occupancy import Occupancy


@dataclass(frozen=True, slots=True)
class Unmet:
    student: str
    course: str
    required: bool
    reason: str


@dataclass(frozen=True, slots=True)
class SectionSize:
    section: str
    course: str
    enrolled: int
    capacity: int | None


@dataclass(frozen=True)
class RequestStats:
    students: int
    requests: int
    met_first: int
    met: int
    required: int
    required_met: int
    alternates_used: int
    fully_scheduled: int
    unmet: tuple[Unmet, ...]
    sections: tuple[SectionSize, ...]

    @staticmethod
    def _pct(part: int, whole: int) -> float:
        return round(100.0 * part / whole, 2) if whole else 100.0

    @property
    def met_pct(self) -> float:
        return self._pct(self.met, self.requests)

    @property
    def first_choice_pct(self) -> float:
        return self._pct(self.met_first, self.requests)

    @property
    def required_met_pct(self) -> float:
        return self._pct(self.required_met, self.required)

    @property
    def fully_scheduled_pct(self) -> float:
        return self._pct(self.fully_scheduled, self.students)

    def to_dict(self, *, unmet_limit: int = 200) -> dict:
        sizes = [s.enrolled for s in self.sections]
        return {
            "students": self.students,
            "requests": self.requests,
            "requests_met": self.met,
            "requests_met_pct": self.met_pct,
            "first_choice_pct": self.first_choice_pct,
            "required": self.required,
            "required_met_pct": self.required_met_pct,
            "alternates_used": self.alternates_used,
            "students_fully_scheduled": self.fully_scheduled,
            "students_fully_scheduled_pct": self.fully_scheduled_pct,
            "sections": len(self.sections),
            "section_size_min": min(sizes, default=0),
            "section_size_max": max(sizes, default=0),
            "unmet": [
                {
                    "student": u.student,
                    "course": u.course,
                    "required": u.required,
                    "reason": u.reason,
                }
                for u in self.unmet[:unmet_limit]
            ],
        }


def request_stats(data: SchoolData, solution: Solution) -> RequestStats | None:
    """None when no student asks for anything (a class-based school)."""
    asking = [s for s in data.students if s.requests]
    if not asking:
        return None
    occ = Occupancy(data, solution)
    offered: dict[str, list[str]] = defaultdict(list)
    for a in data.activities:
        if a.course is not None and not a.groups:
            offered[a.course].append(a.id)
    enrolled = Counter(e.activity for e in solution.enrollments)
    slots = {
        aid: frozenset(t for seat in seats for t in seat.span)
        for aid, seats in occ.by_activity.items()
    }
    requests = met = met_first = required = required_met = alternates = full = 0
    unmet: list[Unmet] = []
    for student in sorted(asking, key=lambda s: s.id):
        taken = {seat.activity.course for seat in occ.attended(student.id)}
        all_met = True
        for r in student.requests:
            requests += 1
            required += r.required
            if r.course in taken:
                met += 1
                met_first += 1
                required_met += r.required
            elif any(alt in taken for alt in r.alternates):
                met += 1
                alternates += 1
                required_met += r.required
            else:
                all_met = False
                reason = _reason(data, occ, student.id, r.course, offered, slots, enrolled)
                unmet.append(Unmet(student.id, r.course, r.required, reason))
        full += all_met
    sections = tuple(
        SectionSize(aid, course, enrolled[aid], data.course_by_id[course].section_capacity)
        for course, ids in sorted(offered.items())
        for aid in sorted(ids)
    )
    return RequestStats(
        len(asking),
        requests,
        met_first,
        met,
        required,
        required_met,
        alternates,
        full,
        tuple(unmet),
        sections,
    )


def _reason(data, occ, sid, course, offered, slots, enrolled) -> str:
    sections = offered.get(course, [])
    name = data.course_by_id[course].label if course in data.course_by_id else course
    if not sections:
        return f"no section of {name} is offered"
    own = {t: a for a_seat in occ.attended(sid) for t in a_seat.span for a in [a_seat.activity.id]}
    away = occ.slots_of(data.student_by_id[sid].unavailable)
    cap = data.course_by_id[course].section_capacity
    fits = []
    clash = None
    for aid in sorted(sections):
        hit = slots.get(aid, frozenset())
        if not hit:
            continue
        if hit & away:
            clash = clash or "their unavailable time"
            continue
        blocked = sorted(hit & own.keys())
        if blocked:
            clash = clash or f"{own[blocked[0]]} at {occ.where(blocked[0])}"
            continue
        fits.append(aid)
    if not fits:
        return f"every section of {name} clashes with their timetable (e.g. {clash})"
    if cap is not None and all(enrolled[a] >= cap for a in fits):
        return f"every section of {name} that fits their timetable is full"
    return f"a section of {name} fits, but seating them there cost more elsewhere"
