"""Hard rules that tie two meetings' times together, for ``construct``: a meeting placed where it
breaks one with a placed partner evicts that partner (FET's way).

- ``same_start`` on the same day or at the same period (same time is a unit of its own);
- ``consecutive``: each activity's first meeting directly after the previous one, on one day
  (breaks between them are allowed), in order or, for two activities, in either order.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

import numpy as np


class Pairs:
    def __init__(self, problem):
        grid = problem.grid
        size = grid.size
        self.day = np.asarray([*grid.day_of, -1], dtype=np.int64)
        first = np.asarray([grid.day_ranges[d].start for d in grid.day_of], dtype=np.int64)
        self.period = np.concatenate([np.arange(size) - first, [-1]])
        self.next = np.arange(size + 2, dtype=np.int64)
        """Slot after a lesson ending before slot ``e`` -> the next teaching slot that day."""
        for day in grid.day_ranges:
            teaching = [t for t in day if grid.teaching[t]]
            for e in range(day.start + 1, day.stop + 1):
                self.next[e] = next((t for t in teaching if t >= e), e)
        self.durations = [m.duration for m in problem.meetings]
        self.links: dict[int, list[tuple[int, str]]] = defaultdict(list)
        firsts = problem.activity_meetings
        for c in problem.data.constraints:
            if not (c.active and c.hard):
                continue
            if c.kind == "same_start" and c.part in ("day", "period"):
                lists = [firsts[a] for a in c.activities]
                for k in range(min(len(ms) for ms in lists)):
                    for ms in lists[1:]:
                        self._link(lists[0][k], ms[k], c.part, c.part)
            elif c.kind == "consecutive":
                chain = [firsts[a][0] for a in c.activities if firsts[a]]
                if c.ordered:
                    for x, y in pairwise(chain):
                        self._link(x, y, "then", "after")
                elif len(chain) == 2:
                    self._link(chain[0], chain[1], "either", "either")

    def _link(self, x: int, y: int, x_to_y: str, y_to_x: str) -> None:
        if x != y:
            self.links[x].append((y, x_to_y))
            self.links[y].append((x, y_to_x))

    def ok(self, kind: str, ts: np.ndarray, d: int, s2: int, d2: int) -> np.ndarray:
        """Whether a ``d``-slot meeting starting at each of ``ts`` keeps the rule with its
        partner, a ``d2``-slot meeting at ``s2``."""
        same_day = self.day[ts] == self.day[s2]
        if kind == "day":
            return same_day
        if kind == "period":
            return self.period[ts] == self.period[s2]
        then = same_day & (self.next[ts + d] == s2)
        after = same_day & (self.next[s2 + d2] == ts)
        if kind == "then":
            return then
        if kind == "after":
            return after
        return then | after

    def cost(self, members, starts, partner_start, weight, u: int) -> np.ndarray:
        """For each candidate start: the weight of the placed partners it breaks a rule with."""
        out = np.zeros(len(starts))
        for m, d, _r in members:
            for m2, kind in self.links.get(m, ()):
                found = partner_start(m2)
                if found is None or found[0] == u:
                    continue
                v, s2 = found
                out += ~self.ok(kind, starts, d, s2, self.durations[m2]) * weight[v]
        return out

    def conflicts(self, members, t: int, partner_start, u: int) -> set[int]:
        out = set()
        ts = np.asarray([t])
        for m, d, _r in members:
            for m2, kind in self.links.get(m, ()):
                found = partner_start(m2)
                if found is None or found[0] == u:
                    continue
                v, s2 = found
                if not self.ok(kind, ts, d, s2, self.durations[m2])[0]:
                    out.add(v)
        return out
