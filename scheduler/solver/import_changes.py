"""A timetable changed in Excel, compared with its scenario and judged by the checker.

The Meetings sheet comes back as rows (``scheduler.io.xlsx.meetings``); this turns them into the
changed timetable and pins, lists what differs in plain words, and scores the result with the
independent checker. Changes that add a hard violation are refused; others may be saved as a new
scenario beside the original, which is never touched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from scheduler.io.xlsx.meetings import MeetingRow, read_meetings
from scheduler.model import Pin, Placement, Project, Scenario, SchoolData, SlotRef, Solution
from scheduler.solver.check import CheckReport, check
from scheduler.solver.violation import Violation

PLAIN = {
    "teacher_conflict": "a teacher in two lessons at once",
    "group_conflict": "a class in two lessons at once",
    "student_conflict": "a student in two lessons at once",
    "room_conflict": "a room holding two lessons at once",
    "room_suitability": "a lesson without a suitable room",
    "availability": "someone teaching or taught when unavailable",
    "placement": "a lesson in a break, past the day's end or at an unknown slot",
    "pinned": "a pinned lesson moved",
    "same_slot": "meetings that must share a period split apart",
    "unplaced": "a lesson left out of the timetable",
}
"""Hard rules in plain words, for people who do not know the checker's rule names."""


def plain(v: Violation) -> str:
    """'a teacher in two lessons at once (teacher_conflict): teacher "T06" has 2 lessons...'"""
    what = PLAIN.get(v.rule)
    return f"{what} ({v.rule}): {v.message}" if what else f"{v.rule}: {v.message}"


@dataclass(frozen=True, slots=True)
class Change:
    activity: str
    meeting: int
    what: str
    """'moved', 'room', 'placed', 'unplaced', 'pinned' or 'unpinned'."""
    text: str
    row: int


@dataclass(frozen=True)
class Review:
    scenario: str
    changes: tuple[Change, ...]
    data: SchoolData
    solution: Solution
    before: CheckReport
    after: CheckReport
    new_hard: tuple[Violation, ...]
    """Hard violations of the changed timetable that the scenario did not have."""

    @property
    def accepted(self) -> bool:
        return bool(self.changes) and not self.new_hard

    def verdict(self) -> str:
        if not self.changes:
            return "No changes: the sheet matches the scenario's timetable."
        if self.new_hard:
            return (
                f"Refused: the changes add {len(self.new_hard)} hard violation(s) "
                f"({', '.join(sorted({v.rule for v in self.new_hard}))}); "
                "fix them in the sheet and import it again."
            )
        return (
            f"The checker accepts the changes: hard violations {self.after.hard_violations} "
            f"(before {self.before.hard_violations}), soft penalty {self.after.soft_penalty} "
            f"(before {self.before.soft_penalty})."
        )


def review_changes(project: Project, scenario: str, path: str | Path) -> Review:
    """Read the Meetings sheet of ``path`` against ``scenario``; raises FileFormatError if bad."""
    current = project.scenario(scenario)
    rows = read_meetings(path, current.data)
    solution = current.solution or Solution()
    changes, data, changed = _apply(current.data, solution, rows)
    before = check(current.data, solution)
    after = check(data, changed) if changes else before
    old = Counter((v.rule, v.source, v.message) for v in before.violations if v.hard)
    new_hard = []
    for v in after.violations:
        key = (v.rule, v.source, v.message)
        if v.hard:
            if old[key]:
                old[key] -= 1
            else:
                new_hard.append(v)
    return Review(current.name, tuple(changes), data, changed, before, after, tuple(new_hard))


def save_as_scenario(project: Project, review: Review, name: str) -> Project:
    """The project with the changed timetable added as scenario ``name``; refused changes raise."""
    if not review.accepted:
        raise ValueError(review.verdict())
    if any(s.name == name for s in project.scenarios):
        raise ValueError(f"a scenario named {name!r} already exists")
    source = project.scenario(review.scenario)
    added = Scenario(
        name=name,
        data=review.data,
        solution=review.solution,
        notes=f"Changes to {source.name!r} imported from Excel.",
    )
    return Project(scenarios=(*project.scenarios, added), active=project.active)


def new_scenario_name(project: Project, scenario: str) -> str:
    taken = {s.name for s in project.scenarios}
    name, n = f"{scenario} (from Excel)", 2
    while name in taken:
        name, n = f"{scenario} (from Excel {n})", n + 1
    return name


def _apply(
    data: SchoolData, solution: Solution, rows: list[MeetingRow]
) -> tuple[list[Change], SchoolData, Solution]:
    changes: list[Change] = []
    placements = {(p.activity, p.meeting): p for p in solution.placements}
    pins: dict[str, dict[int, Pin]] = {
        a.id: {p.meeting: p for p in a.pins} for a in data.activities
    }
    for row in rows:
        key = (row.activity, row.meeting)
        old = placements.get(key)
        say = _Words(data, row)
        if row.day is None:
            if old is not None:
                del placements[key]
                changes.append(say.change("unplaced", f"taken out of {say.at(old)}"))
        else:
            new = Placement(
                activity=row.activity,
                meeting=row.meeting,
                day=row.day,
                slot=row.slot,
                room=row.room,
            )
            if old is None:
                changes.append(say.change("placed", f"placed at {say.at(new)}"))
            elif (old.day, old.slot) != (new.day, new.slot):
                lost = ", no room" if old.room and not new.room else ""
                changes.append(
                    say.change("moved", f"moved from {say.at(old)} to {say.at(new)}{lost}")
                )
            elif old.room != new.room:
                changes.append(
                    say.change("room", f"room {say.room(old.room)} → {say.room(new.room)}")
                )
            if new != old:
                placements[key] = new
        mine = pins[row.activity]
        pinned = mine.get(row.meeting)
        place = placements.get(key)
        if row.pinned and place is not None:
            pin = Pin(
                meeting=row.meeting, start=SlotRef(day=place.day, slot=place.slot), room=place.room
            )
            if pinned is None:
                changes.append(say.change("pinned", f"pinned at {say.at(place)}"))
                mine[row.meeting] = pin
            elif place != old:
                mine[row.meeting] = pin  # a pinned meeting moved in the sheet: its pin follows
        elif pinned is not None and (not row.pinned or place is None):
            changes.append(say.change("unpinned", "unpinned"))
            del mine[row.meeting]
    if not changes:
        return changes, data, solution
    activities = tuple(
        a.model_copy(update={"pins": tuple(sorted(pins[a.id].values(), key=lambda p: p.meeting))})
        if tuple(sorted(pins[a.id].values(), key=lambda p: p.meeting)) != a.pins
        else a
        for a in data.activities
    )
    changed_data = data.model_copy(update={"activities": activities})
    order = {(p.activity, p.meeting): i for i, p in enumerate(solution.placements)}
    kept = sorted(placements.values(), key=lambda p: order.get((p.activity, p.meeting), len(order)))
    changed = solution.model_copy(
        update={"placements": tuple(kept), "status": "manual", "objective": None}
    )
    return changes, changed_data, changed


class _Words:
    def __init__(self, data: SchoolData, row: MeetingRow) -> None:
        self.data, self.row = data, row
        activity = data.activity_by_id[row.activity]
        self.who = f"{activity.label} meeting {row.meeting + 1}"

    def change(self, what: str, text: str) -> Change:
        return Change(
            self.row.activity, self.row.meeting, what, f"{self.who}: {text}", self.row.row
        )

    def at(self, p: Placement) -> str:
        day = self.data.calendar.day(p.day)
        slot = self.data.calendar.slot(SlotRef(day=p.day, slot=p.slot))
        where = f"{day.label if day else p.day} {slot.label if slot else p.slot}"
        return f"{where} in {self.room(p.room)}" if p.room else where

    def room(self, room: str | None) -> str:
        if room is None:
            return "no room"
        found = self.data.room_by_id.get(room)
        return found.label if found is not None else room
