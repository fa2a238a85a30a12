"""Which hard rules a move made by hand would break, and with whom: fast enough to ask while a
card is being dragged.

A ``MoveChecker`` indexes one school and one timetable once (who is busy in which slot, every
hard rule by the people it is about); each question then touches only the moved meeting's
people and rooms. Rules, names and sources are the checker's, so a move this module allows
leaves a clean timetable clean by ``check`` too (tests compare both on many random moves).
No Qt here: the timetable view only paints what it is told.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from scheduler.model import SchoolData, Solution
from scheduler.solver.move_rules import ActivityRules, Key, Resource, RuleIndex
from scheduler.solver.timegrid import TimeGrid


@dataclass(frozen=True, slots=True)
class Conflict:
    """A hard rule the move would break; ``others`` are the meetings it would clash with."""

    rule: str
    source: str
    message: str
    others: tuple[Key, ...] = ()
    hard: bool = True


class MoveChecker:
    """Answers "may this meeting go there?" for one (school, timetable) pair."""

    def __init__(self, data: SchoolData, solution: Solution | None) -> None:
        self.data = data
        self.grid = TimeGrid.of(data.calendar)
        enrolled = solution.sections_by_student if solution is not None else {}
        self.rules = RuleIndex(data, self.grid, enrolled)
        self._where = [
            f"{day.label} {slot.label}" for day in data.calendar.days for slot in day.slots
        ]
        self._teaching = [self.grid.teaching_slots_of_day(d) for d in range(self.grid.days)]
        self.seat: dict[Key, tuple[int, int, str | None]] = {}
        """Meeting -> (start slot, length, room) for every readable placement."""
        self._busy: dict[Resource, dict[int, list[Key]]] = defaultdict(lambda: defaultdict(list))
        self._of: dict[Resource, list[Key]] = defaultdict(list)
        for p in solution.placements if solution is not None else ():
            activity = data.activity_by_id.get(p.activity)
            start = self.grid.lookup.get((p.day, p.slot))
            key = (p.activity, p.meeting)
            if activity is None or start is None or key in self.seat:
                continue
            if p.meeting >= len(activity.meetings):
                continue
            length = activity.meetings[p.meeting]
            if self._misfit(start, length):
                continue  # the checker drops such placements too
            self.seat[key] = (start, length, p.room)
            resources = list(self.rules.resources(activity))
            if p.room is not None and p.room in self.data.room_by_id:
                resources.append(("room", p.room))  # a room taken is taken, needed or not
            for res in resources:
                self._of[res].append(key)
                for t in range(start, start + length):
                    self._busy[res][t].append(key)

    # ----------------------------------------------------------------------------- questions

    def conflicts(
        self, *, activity: str, meeting: int, day: str, slot: str, room: str | None = None
    ) -> list[Conflict]:
        """Hard rules broken if the meeting started at (day, slot) in ``room`` (None: the room it
        has now). Empty means the move is allowed."""
        start = self.grid.lookup.get((day, slot))
        if start is None:
            return [Conflict("placement", f"activity {activity}", f"There is no slot {slot}.")]
        if room is None:
            room = self.room_of(activity, meeting)
        found = self.time_conflicts(activity, meeting, start)
        if found and found[0].rule == "placement":
            return found
        return found + self.room_conflicts(activity, meeting, start, room)

    def allowed_cells(
        self, activity: str, meeting: int, *, room: str | None = None
    ) -> dict[tuple[str, str], list[Conflict]]:
        """Every slot of the calendar -> what would break if the meeting started there."""
        room = self.room_of(activity, meeting) if room is None else room
        out: dict[tuple[str, str], list[Conflict]] = {}
        for t, ref in enumerate(self.grid.refs):
            found = self.time_conflicts(activity, meeting, t)
            if not (found and found[0].rule == "placement"):
                found += self.room_conflicts(activity, meeting, t, room)
            out[ref] = found
        return out

    def room_of(self, activity: str, meeting: int) -> str | None:
        seat = self.seat.get((activity, meeting))
        return seat[2] if seat else None

    def slot_index(self, day: str, slot: str) -> int | None:
        return self.grid.lookup.get((day, slot))

    # ----------------------------------------------------------------------------- time rules

    def time_conflicts(self, activity: str, meeting: int, start: int) -> list[Conflict]:
        """Everything but rooms, for a start given as a slot index of the cycle."""
        info = self.rules.rules(activity)
        a = info.activity
        key = (activity, meeting)
        length = a.meetings[meeting]
        misfit = self._misfit(start, length)
        if misfit:
            return [Conflict("placement", f"activity {activity}", misfit)]
        span = range(start, start + length)
        day = self.grid.day_of[start]
        out: list[Conflict] = []
        pin = a.pin(meeting)
        if pin is not None and pin.start is not None and self.grid.slot(pin.start) != start:
            out.append(
                Conflict("pinned", f"activity {activity}", f"{a.label} is pinned to {pin.start}.")
            )
        out += self._same_slot(a, key, start)
        out += self._clashes(info, key, span)
        out += self._availability(info, span)
        out += self._times(info, start, span)
        out += self._spread(info, key, day)
        out += self._caps(info, key, day, length)
        out += self._gaps(info, key, day, span)
        return out

    def _same_slot(self, a, key: Key, start: int) -> list[Conflict]:
        """Period-based sections meet in the same period every day."""
        if not a.same_slot:
            return []
        period = self.grid.refs[start][1]
        others = {
            self.grid.refs[self.seat[k][0]][1]
            for k in ((a.id, i) for i in range(len(a.meetings)))
            if k != key and k in self.seat
        }
        if not others - {period}:
            return []
        where = ", ".join(sorted(others))
        return [
            Conflict(
                "same_slot",
                f"activity {a.id}",
                f"{a.label} meets in {where} on its other days; every meeting must be in the "
                "same period.",
                tuple(k for k in ((a.id, i) for i in range(len(a.meetings))) if k != key),
            )
        ]

    def _misfit(self, start: int, length: int) -> str | None:
        g = self.grid
        end = start + length
        if end <= g.size and all(
            g.day_of[t] == g.day_of[start] and g.teaching[t] for t in range(start, end)
        ):
            return None
        where = self._where[start]
        if not g.teaching[start]:
            return f"{where} is not a teaching slot."
        return f"A {length}-slot lesson from {where} runs into a break or past the end of the day."

    def _clashes(self, info: ActivityRules, key: Key, span: range) -> list[Conflict]:
        out: list[Conflict] = []
        rule_of = {"teacher": "teacher_conflict", "leaf": "group_conflict"}
        by_other: dict[tuple[str, Key], list[Resource]] = defaultdict(list)
        first_at: dict[Key, int] = {}
        for res in info.resources:
            if res[0] == "student":
                continue
            busy = self._busy.get(res)
            if not busy:
                continue
            for t in span:
                for other in busy.get(t, ()):
                    if other != key and res not in by_other[(res[0], other)]:
                        by_other[(res[0], other)].append(res)
                        first_at.setdefault(other, t)
        for (kind, other), who in by_other.items():
            names = self._names(who)
            verb = "is already teaching" if kind == "teacher" else "already has"
            out.append(
                Conflict(
                    rule_of[kind],
                    f"{'teacher' if kind == 'teacher' else 'group'} {who[0][1]}",
                    f"{names} {verb} {self._lesson(other, key, teachers=kind != 'teacher')} "
                    f"at {self._where[first_at[other]]}.",
                    (other,),
                )
            )
        for sid in info.alone:
            busy = self._busy.get(("student", sid), {})
            for t in span:
                here = [k for k in busy.get(t, ()) if k != key]
                if here and not self._share_group([key[0], *(k[0] for k in here)]):
                    out.append(
                        Conflict(
                            "student_conflict",
                            f"student {sid}",
                            f"{_cap(self.rules.who(('student', sid)))} already has "
                            f"{self._lesson(here[0], key)} at {self._where[t]}.",
                            tuple(here),
                        )
                    )
                    break
        return out

    def _share_group(self, activities: list[str]) -> bool:
        leaves = [self.rules.leaves_of(a) for a in activities]
        return all(x & y for i, x in enumerate(leaves) for y in leaves[i + 1 :])

    def _availability(self, info: ActivityRules, span: range) -> list[Conflict]:
        seen: dict[str, tuple[str, int]] = {}
        for t in span:
            for source, who in info.blocked.get(t, ()):
                seen.setdefault(source, (who, t))
        return [
            Conflict("availability", source, f"{_cap(who)} is not available at {self._where[t]}.")
            for source, (who, t) in seen.items()
        ]

    def _times(self, info: ActivityRules, start: int, span: range) -> list[Conflict]:
        out = []
        for source, slots, starts_only in info.within:
            if not ((start in slots) if starts_only else slots.issuperset(span)):
                out.append(
                    Conflict(
                        "preferred_times",
                        source,
                        f"Rule {source} keeps {info.activity.label} to other times.",
                    )
                )
        for source, slots in info.forbidden:
            if slots.intersection(span):
                out.append(
                    Conflict(
                        "forbidden_times",
                        source,
                        f"Rule {source} forbids {info.activity.label} at {self._where[start]}.",
                    )
                )
        return out

    def _spread(self, info: ActivityRules, key: Key, day: int) -> list[Conflict]:
        out = []
        for source, min_days, keys in info.spread:
            close = [
                k
                for k in keys
                if k != key
                and k in self.seat
                and abs(self.grid.day_of[self.seat[k][0]] - day) < min_days
            ]
            if close:
                apart = "a day" if min_days == 1 else f"{min_days} days"
                other = self._lesson(close[0], key)
                out.append(
                    Conflict(
                        "min_days_between",
                        source,
                        f"{_cap(other)} is at {self._where[self.seat[close[0]][0]]}; "
                        f"these lessons must be at least {apart} apart.",
                        tuple(close),
                    )
                )
        return out

    def _load(self, res: Resource, key: Key, day: int) -> list[range]:
        """Spans of the resource's other meetings on that day."""
        spans = []
        for k in self._of.get(res, ()):
            if k != key:
                start, length, _ = self.seat[k]
                if self.grid.day_of[start] == day:
                    spans.append(range(start, start + length))
        return spans

    def _caps(self, info: ActivityRules, key: Key, day: int, length: int) -> list[Conflict]:
        out = []
        for source, res, limit in info.caps:
            load = length + sum(len(s) for s in self._load(res, key, day))
            if load > limit:
                out.append(
                    Conflict(
                        "max_per_day",
                        source,
                        f"{_cap(self.rules.who(res))} would have {load} lesson slots on "
                        f"{self.data.calendar.days[day].label}; the limit is {limit}.",
                    )
                )
        return out

    def _gaps(self, info: ActivityRules, key: Key, day: int, span: range) -> list[Conflict]:
        out = []
        seat = self.seat.get(key)
        old_day = self.grid.day_of[seat[0]] if seat else None
        for source, res, limit in info.gaps:
            for d, extra in ((day, span), (old_day, None)):
                if d is None or (extra is None and d == day):
                    continue
                busy = {t for s in self._load(res, key, d) for t in s}
                busy.update(extra or ())
                away = self.rules.away(res)
                teaching = [t for t in self._teaching[d] if t not in away]
                used = [i for i, t in enumerate(teaching) if t in busy]
                gaps = used[-1] - used[0] + 1 - len(used) if len(used) > 1 else 0
                if gaps > limit:
                    when = "" if extra else " after it leaves"
                    out.append(
                        Conflict(
                            "max_gaps_per_day",
                            source,
                            f"{_cap(self.rules.who(res))} would have {gaps} free periods "
                            f"between lessons on {self.data.calendar.days[d].label}{when}; "
                            f"at most {limit} allowed.",
                        )
                    )
        return out

    # ----------------------------------------------------------------------------- rooms

    def room_conflicts(
        self, activity: str, meeting: int, start: int, room: str | None
    ) -> list[Conflict]:
        """Room rules for a start given as a slot index; time rules are not repeated here."""
        a = self.data.activity_by_id[activity]
        key = (activity, meeting)
        span = range(start, min(start + a.meetings[meeting], self.grid.size))
        out: list[Conflict] = []
        source = f"activity {activity}"
        if a.needs_room and self.data.rooms:
            r = self.data.room_by_id.get(room) if room is not None else None
            if r is None:
                text = f"{a.label} needs a room." if room is None else f"There is no room {room}."
                return [Conflict("room_suitability", source, text)]
            why = self._unsuitable(a, r)
            if why:
                out.append(Conflict("room_suitability", source, f"{r.label} {why}."))
            pin = a.pin(meeting)
            if pin is not None and pin.room is not None and pin.room != r.id:
                out.append(Conflict("pinned", source, f"{a.label} is pinned to room {pin.room}."))
        if room is not None and room in self.data.room_by_id:
            r = self.data.room_by_id[room]
            busy = self._busy.get(("room", r.id), {})
            for t in span:
                here = [k for k in busy.get(t, ()) if k != key]
                if here:
                    out.append(
                        Conflict(
                            "room_conflict",
                            f"room {r.id}",
                            f"{r.label} is already used by {self._lesson(here[0], key)} at "
                            f"{self._where[t]}.",
                            tuple(here),
                        )
                    )
                    break
            blocked = self.rules.room_blocked.get(room, {})
            seen: dict[str, int] = {}
            for t in span:
                for src in blocked.get(t, ()):
                    seen.setdefault(src, t)
            label = self.data.room_by_id[room].label
            out += [
                Conflict("availability", src, f"{label} is not available at {self._where[t]}.")
                for src, t in seen.items()
            ]
        return out

    def suitable_rooms(self, activity: str) -> list[str]:
        """Rooms the activity may use by type, list and capacity (time aside)."""
        a = self.data.activity_by_id[activity]
        return [r.id for r in self.data.rooms if not self._unsuitable(a, r)]

    def _unsuitable(self, a, r) -> str | None:
        if a.rooms and r.id not in a.rooms:
            return "is not one of the rooms this class may use"
        if a.room_types and r.type not in a.room_types:
            return f"is a {r.type or 'general'} room; this class needs {' or '.join(a.room_types)}"
        size = self.data.attendance(a)
        if r.capacity is not None and r.capacity < size:
            return f"seats {r.capacity}; the class has {size}"
        return None

    # ----------------------------------------------------------------------------- words

    def _lesson(self, other: Key, moving: Key, *, teachers: bool = True) -> str:
        """The other meeting in words: another meeting of the same class says so."""
        a = self.data.activity_by_id[other[0]]
        if other[0] == moving[0]:
            return f"another {a.label} lesson"
        names = ", ".join(
            self.data.teacher_by_id[t].label for t in a.teachers if t in self.data.teacher_by_id
        )
        return f"{a.label} ({names})" if names and teachers else a.label

    def _names(self, who: Iterable[Resource]) -> str:
        who = list(who)
        if who[0][0] == "leaf" and len(who) > 1:
            return "groups " + ", ".join(self.rules.who(r).removeprefix("group ") for r in who[:3])
        return _cap(self.rules.who(who[0]))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def move_conflicts(
    data: SchoolData,
    solution: Solution,
    *,
    activity: str,
    meeting: int,
    day: str,
    slot: str,
    room: str | None = None,
) -> list[Conflict]:
    """One-off question; build a ``MoveChecker`` once to ask many."""
    return MoveChecker(data, solution).conflicts(
        activity=activity, meeting=meeting, day=day, slot=slot, room=room
    )
