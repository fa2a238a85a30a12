"""The hard rules on the shape of a person's days, for ``construct``: as FET does, every placement
keeps them, evicting the lessons that break them.

For each occupancy row under such rules, ``excess`` measures how far the row's current (partial)
week is from any week that keeps them; 0 means nothing is broken yet. It only grows as lessons are
added and only shrinks as they are removed, so keeping it at 0 while placing loses no timetable,
and on a complete week it is 0 exactly when the rules hold (up to starts-early mixed with gaps):

- lessons a day (hard ``max_per_day``, a teacher's own maximum) and days a week;
- ``interval_max_days``: days with a lesson in a part of the day;
- ``max_continuous``: slots in a row (rules about every lesson of the person);
- gaps and ``min_per_day``, as FET counts them while placing: each day needs at least as many
  lessons as its span holds (first to last lesson, or from the day's first period when the
  person starts early) less the gaps allowed, and at least the daily minimum once the day is used;
  the week's lessons must cover what the days need. Breaks and the person's own unavailable slots
  are neither lessons nor gaps.

Every check works on many candidate weeks at once (one per row of a boolean matrix), so ranking a
unit's starts, or the lessons to evict, is a few numpy operations.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

BIG = 1 << 20


@dataclass
class _Shape:
    own: np.ndarray
    """Teaching slots the person can attend (bool, one per slot)."""
    pos: np.ndarray
    """Index of each own slot among the own slots of its day."""
    lessons: int
    """Slots of lessons the row has in the whole week."""
    per_day: float = np.inf
    days: float = np.inf
    week_gaps: float = np.inf
    day_gaps: float = np.inf
    late_days: int = -1
    """Starts early, with this many late days allowed; -1: no such rule."""
    min_day: int = 0
    min_every_day: bool = False
    run: float = np.inf
    intervals: tuple[tuple[np.ndarray, int], ...] = ()
    """(slots of the part of the day, most days with a lesson there)."""
    some_runs: tuple[tuple[np.ndarray, int], ...] = ()
    """(units that count, most slots in a row) of ``max_continuous`` rules about some lessons."""
    some_days: tuple[tuple[np.ndarray, int], ...] = ()
    """(units that count, most slots a day) of ``max_per_day`` rules about some lessons."""


class Shapes:
    def __init__(
        self, problem, row_of: dict[frozenset, int], n_rows: int, n_slots: int, meeting_unit
    ):
        grid = problem.grid
        self.n_slots = n_slots
        self.starts = np.asarray([r.start for r in grid.day_ranges], dtype=np.int64)
        self.day_start = np.zeros(n_slots, dtype=bool)
        self.day_start[self.starts] = True
        teaching = np.zeros(n_slots, dtype=bool)
        teaching[: grid.size] = np.asarray(grid.teaching, dtype=bool)
        self.shapes: dict[int, _Shape] = {}
        rules: dict[int, dict] = defaultdict(dict)

        def tighten(row: int, key: str, value, pick=min) -> None:
            old = rules[row].get(key)
            rules[row][key] = value if old is None else pick(old, value)

        people = (*problem.teachers, *problem.leaves, *problem.students)
        row_people: dict[int, list] = defaultdict(list)
        for resource in people:
            row = row_of.get(frozenset(resource.meetings))
            if row is not None:
                row_people[row].append(resource)
        for t, r in zip(problem.data.teachers, problem.teachers, strict=True):
            row = row_of.get(frozenset(r.meetings))
            if t.max_slots_per_day is not None and row is not None:
                tighten(row, "per_day", t.max_slots_per_day)
        for c in problem.data.constraints:
            if not (c.active and c.hard) or c.kind not in _KINDS:
                continue
            some = getattr(c, "activities", ())
            tag = np.zeros(max(meeting_unit, default=0) + 2, dtype=bool)
            for a in some:
                tag[[meeting_unit[m] for m in problem.activity_meetings.get(a, ())]] = True
            for resource in problem.resources_for(c.target):
                row = row_of.get(frozenset(resource.meetings))
                if row is None:
                    continue
                if some:
                    key = "some_runs" if c.kind == "max_continuous" else "some_days"
                    if c.kind in ("max_continuous", "max_per_day"):
                        limit = c.max_slots
                        rules[row].setdefault(key, []).append((tag, limit))
                elif c.kind == "max_per_day":
                    tighten(row, "per_day", c.max_slots)
                elif c.kind == "max_days_per_week":
                    tighten(row, "days", c.max_days)
                elif c.kind == "max_gaps_per_week":
                    tighten(row, "week_gaps", c.max_gaps)
                elif c.kind == "max_gaps_per_day":
                    tighten(row, "day_gaps", c.max_gaps)
                elif c.kind == "starts_early":
                    tighten(row, "late_days", c.max_late_days)
                elif c.kind == "min_per_day":
                    tighten(row, "min_day", c.min_slots, max)
                    if not c.allow_empty_days:
                        rules[row]["min_every_day"] = True
                elif c.kind == "max_continuous":
                    tighten(row, "run", c.max_slots)
                elif c.kind == "interval_max_days":
                    mask = np.zeros(n_slots, dtype=bool)
                    for day in grid.day_ranges:
                        end = day.stop if c.end_slot is None else day.start + c.end_slot
                        mask[day.start + c.first_slot : min(day.stop, end)] = True
                    rules[row].setdefault("intervals", []).append((mask, c.max_days))
        durations = np.asarray([m.duration for m in problem.meetings], dtype=np.int64)
        for row, found in rules.items():
            own = teaching.copy()
            for resource in row_people[row]:
                own[list(resource.unavailable)] = False
            pos = np.zeros(n_slots, dtype=np.int64)
            for day in grid.day_ranges:
                pos[day.start : day.stop] = np.cumsum(own[day.start : day.stop]) - 1
            meetings = row_people[row][0].meetings if row_people[row] else ()
            for key in ("intervals", "some_runs", "some_days"):
                found[key] = tuple(found.get(key, ()))
            self.shapes[row] = _Shape(
                own=own, pos=pos, lessons=int(durations[list(meetings)].sum()), **found
            )
        self.rows = np.zeros(n_rows, dtype=bool)
        self.rows[list(self.shapes)] = True
        self._now = np.full(n_rows, np.nan)
        self.own = np.zeros((n_rows, n_slots), dtype=bool)
        self.pos = np.zeros((n_rows, n_slots), dtype=np.int64)
        self.lessons = np.zeros(n_rows)
        self.kind: dict[int, tuple] = {}
        """Row -> what its rules are: rows alike are checked together."""
        for row, shape in self.shapes.items():
            self.own[row], self.pos[row], self.lessons[row] = shape.own, shape.pos, shape.lessons
            self.kind[row] = (
                shape.per_day,
                shape.days,
                shape.week_gaps,
                shape.day_gaps,
                shape.late_days,
                shape.min_day,
                shape.min_every_day,
                shape.run,
                *(
                    id(x)
                    for pair in (shape.intervals, shape.some_runs, shape.some_days)
                    for x, _ in pair
                ),
                *(
                    k
                    for pair in (shape.intervals, shape.some_runs, shape.some_days)
                    for _, k in pair
                ),
            )

    def touch(self, rows: np.ndarray) -> None:
        """Forget the excess of these rows: their lessons changed."""
        self._now[rows] = np.nan

    def remember(self, rows: np.ndarray, values: np.ndarray) -> None:
        """The excess of these rows as they are, found by the caller."""
        self._now[rows] = values

    def now(self, rows: np.ndarray, occ: np.ndarray) -> np.ndarray:
        """The excess of each of ``rows`` as they are (``occ``: the occupancy table), remembered
        until touched."""
        values = self._now[rows]
        lost = np.isnan(values)
        if lost.any():
            missing = rows[lost]
            values[lost] = self._now[missing] = self.excess(missing, occ[missing][:, None, :])[:, 0]
        return values

    def excess(self, rows: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """How far each candidate week of each of ``rows`` (``ids``: rows x weeks x slots, the unit
        in each slot, -1 when free) is from keeping the rules: 0 when nothing is broken yet."""
        k, n, size = ids.shape
        out = np.empty((k, n))
        alike: dict[tuple, list[int]] = defaultdict(list)
        for i, row in enumerate(rows):
            alike[self.kind[int(row)]].append(i)
        for some in alike.values():
            rs = rows[some]
            out[some] = self._excess(
                self.shapes[int(rs[0])],
                ids[some].reshape(-1, size),
                np.repeat(self.own[rs], n, axis=0),
                np.repeat(self.pos[rs], n, axis=0),
                np.repeat(self.lessons[rs], n),
            ).reshape(len(some), n)
        return out

    def _excess(self, s: _Shape, ids, own, pos, lessons) -> np.ndarray:
        busy = ids >= 0
        starts = self.starts
        n = busy.shape[0]
        out = np.zeros(n)
        load = np.add.reduceat(busy.astype(np.int64), starts, axis=1)
        used = load > 0
        if np.isfinite(s.per_day):
            out += np.maximum(0, load - s.per_day).sum(axis=1)
        if np.isfinite(s.days):
            out += np.maximum(0, used.sum(axis=1) - s.days)
        for mask, most in s.intervals:
            there = np.logical_or.reduceat(busy & mask, starts, axis=1).sum(axis=1)
            out += np.maximum(0, there - most)
        if np.isfinite(s.run):
            out += self._run_over(busy, s.run)
        for tag, most in s.some_runs:
            out += self._run_over(tag[ids], most)
        for tag, most in s.some_days:
            some = np.add.reduceat(tag[ids].astype(np.int64), starts, axis=1)
            out += np.maximum(0, some - most).sum(axis=1)
        mine = busy & own
        count = np.add.reduceat(mine.astype(np.int64), starts, axis=1)
        gaps = np.isfinite(s.week_gaps) or np.isfinite(s.day_gaps)
        if not gaps and not s.min_day and s.late_days < 0:
            return out
        need = count.astype(np.float64)
        slack = 0.0
        if not gaps and s.late_days >= 0:
            # a day that does not start at its first period needs one more lesson before
            first = np.minimum.reduceat(np.where(mine, pos, BIG), starts, axis=1)
            need += (count > 0) & (first >= 1)
            slack += s.late_days
        if gaps:
            last = np.maximum.reduceat(np.where(mine, pos, -1), starts, axis=1)
            if s.late_days >= 0:
                span = last + 1
                slack += s.late_days
            else:
                first = np.minimum.reduceat(np.where(mine, pos, BIG), starts, axis=1)
                span = np.where(count > 0, last - first + 1, 0)
            if np.isfinite(s.week_gaps):
                need = span.astype(np.float64)
                slack += s.week_gaps
            else:
                need = np.maximum(need, span - s.day_gaps)
                if np.isfinite(s.per_day):
                    out += np.maximum(0, need - s.per_day).sum(axis=1)
        if s.min_day:
            floor = np.ones_like(used) if s.min_every_day else used
            need = np.maximum(need, s.min_day * floor)
        out += np.maximum(0, need.sum(axis=1) - lessons - slack)
        return out

    def _run_over(self, busy: np.ndarray, most: float) -> np.ndarray:
        """Slots beyond ``most`` in a row, a day at a time."""
        c = np.cumsum(busy, axis=1)
        reset = ~busy
        reset[:, self.starts[1:] - 1] = True
        base = np.maximum.accumulate(np.where(reset, c, 0), axis=1)
        base = np.concatenate([np.zeros((busy.shape[0], 1), dtype=c.dtype), base[:, :-1]], axis=1)
        run = np.where(busy, c - base, 0)
        return (run > most).sum(axis=1)


_KINDS = {
    "max_per_day",
    "max_days_per_week",
    "max_gaps_per_week",
    "max_gaps_per_day",
    "starts_early",
    "min_per_day",
    "max_continuous",
    "interval_max_days",
}
