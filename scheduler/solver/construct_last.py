"""Hard ``ends_day`` for ``construct``: a lesson of these activities is the last of the day for
each of its subgroups. Placing one evicts the subgroups' later lessons that day; placing a lesson
after one evicts it."""

from __future__ import annotations

from collections import defaultdict

import numpy as np


class LastOfDay:
    def __init__(self, problem, row_of: dict[frozenset, int], n_slots: int):
        grid = problem.grid
        self.day = np.asarray([*grid.day_of, -1], dtype=np.int64)
        self.day_end = np.zeros(n_slots + 1, dtype=np.int64)
        for day in grid.day_ranges:
            self.day_end[day.start : day.stop] = day.stop
        leaf_row = {r.id: row_of.get(frozenset(r.meetings)) for r in problem.leaves}
        self.rows: dict[int, np.ndarray] = {}
        """Meeting that ends its subgroups' day -> their occupancy rows."""
        for c in problem.data.constraints:
            if c.kind != "ends_day" or not (c.active and c.hard):
                continue
            for a in c.activities:
                activity = problem.data.activity_by_id[a]
                leaves = problem.data.leaf_groups(activity.groups)
                rows = sorted({leaf_row[g] for g in leaves if leaf_row.get(g) is not None})
                for m in problem.activity_meetings.get(a, ()):
                    self.rows[m] = np.asarray(rows, dtype=np.int64)
        self.ends: dict[int, dict[int, int]] = defaultdict(dict)
        """Row -> placed unit that must end its day there -> the slot it ends at."""

    def place(self, u: int, m: int, t: int, d: int) -> None:
        for row in self.rows.get(m, ()):
            self.ends[int(row)][u] = t + d

    def remove(self, u: int, m: int) -> None:
        for row in self.rows.get(m, ()):
            self.ends[int(row)].pop(u, None)

    def cost(self, members, starts: np.ndarray, occ, weight, u: int) -> np.ndarray:
        out = np.zeros(len(starts))
        if not self.rows and not self.ends:
            return out
        for m, d, r in members:
            rows = self.rows.get(m)
            if rows is not None and len(rows):
                busy = np.cumsum(occ[rows] >= 0, axis=1)
                after = busy[:, self.day_end[starts] - 1] - busy[:, starts + d - 1]
                out += (after > 0).sum(axis=0)
            for row in r:
                for w, end in self.ends.get(int(row), {}).items():
                    if w != u:
                        late = (self.day[starts] == self.day[end - 1]) & (starts + d > end)
                        out += late * weight[w]
        return out

    def conflicts(self, members, t: int, occ, u: int) -> set[int]:
        out: set[int] = set()
        for m, d, r in members:
            rows = self.rows.get(m)
            if rows is not None and len(rows):
                later = occ[rows, t + d : self.day_end[t]]
                out.update(int(v) for v in np.unique(later) if v >= 0)
            for row in r:
                for w, end in self.ends.get(int(row), {}).items():
                    if self.day[t] == self.day[end - 1] and t + d > end:
                        out.add(w)
        out.discard(u)
        return out
