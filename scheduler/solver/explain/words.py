"""Names and times in the words a school uses: display names, day names, clock times."""

from __future__ import annotations

from collections.abc import Iterable

from scheduler.model import SchoolData
from scheduler.solver.explain.findings import EntityRef
from scheduler.solver.timegrid import TimeGrid


class Words:
    def __init__(self, data: SchoolData, grid: TimeGrid) -> None:
        self.data = data
        self.grid = grid

    # Entities -------------------------------------------------------------------------------
    def teacher(self, tid: str) -> EntityRef:
        t = self.data.teacher_by_id.get(tid)
        return EntityRef("teacher", tid, t.label if t else tid)

    def group(self, gid: str) -> EntityRef:
        g = self.data.group_by_id.get(gid)
        return EntityRef("group", gid, g.label if g else gid)

    def student(self, sid: str) -> EntityRef:
        s = self.data.student_by_id.get(sid)
        return EntityRef("student", sid, s.label if s else sid)

    def room(self, rid: str) -> EntityRef:
        r = self.data.room_by_id.get(rid)
        return EntityRef("room", rid, r.label if r else rid)

    def activity(self, aid: str) -> EntityRef:
        a = self.data.activity_by_id.get(aid)
        return EntityRef("activity", aid, a.label if a else aid)

    def constraint(self, cid: str, kind: str) -> EntityRef:
        return EntityRef("constraint", cid, f"{kind.replace('_', ' ')} rule {cid}")

    def ref(self, kind: str, eid: str) -> EntityRef:
        return getattr(self, kind)(eid)

    @staticmethod
    def name(ref: EntityRef) -> str:
        """How a sentence names it: the display name, with the id when they differ."""
        return ref.label if ref.label == ref.id else f"{ref.label} ({ref.id})"

    def names(self, refs: Iterable[EntityRef], limit: int = 6) -> str:
        items = [self.name(r) for r in refs]
        if len(items) > limit:
            items = [*items[:limit], f"{len(items) - limit} more"]
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + " and " + items[-1]

    # Times ----------------------------------------------------------------------------------
    def slot(self, t: int) -> str:
        day_id, slot_id = self.grid.refs[t]
        day = self.data.calendar.day(day_id)
        slot = next((s for s in day.slots if s.id == slot_id), None) if day else None
        day_name = day.label if day else day_id
        if slot is None:
            return f"{day_name} {slot_id}"
        return f"{day_name} {slot.label} ({slot.start:%H:%M})"

    def slots(self, slots: Iterable[int]) -> str:
        """Consecutive slots of one day as one range: 'Friday 08:00–11:30 (P1–P4)'."""
        parts = [self._run(run) for run in runs(self.grid, slots)]
        if len(parts) > 4:
            parts = [*parts[:4], f"{len(parts) - 4} more periods"]
        return "; ".join(parts)

    def _run(self, run: list[int]) -> str:
        first, last = run[0], run[-1]
        day_id, first_id = self.grid.refs[first]
        _, last_id = self.grid.refs[last]
        day = self.data.calendar.day(day_id)
        if day is None:
            return f"{day_id} {first_id}–{last_id}"
        by_id = {s.id: s for s in day.slots}
        a, b = by_id[first_id], by_id[last_id]
        if first == last:
            return f"{day.label} {a.label} ({a.start:%H:%M}–{a.end:%H:%M})"
        return f"{day.label} {a.label}–{b.label} ({a.start:%H:%M}–{b.end:%H:%M})"

    def refs(self, slots: Iterable[int]) -> tuple[tuple[str, str], ...]:
        return tuple(self.grid.refs[t] for t in sorted(slots))


def runs(grid: TimeGrid, slots: Iterable[int]) -> list[list[int]]:
    """Teaching slots split into runs that stay within one day and skip nothing but breaks."""
    out: list[list[int]] = []
    for t in sorted(s for s in set(slots) if grid.teaching[s]):
        if out:
            last = out[-1][-1]
            between = range(last + 1, t)
            same_day = grid.day_of[last] == grid.day_of[t]
            if same_day and not any(grid.teaching[s] for s in between):
                out[-1].append(t)
                continue
        out.append([t])
    return out
