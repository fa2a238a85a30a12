"""Rooms shared by meetings with several candidate rooms, for ``construct``.

A meeting with one possible room is simply one more occupant of that room's occupancy row. For
each set of candidate rooms, the meetings that can only use rooms of that set must, at every slot,
be no more than the rooms in it (Hall's condition on the sets that occur): otherwise no room
assignment exists. ``RoomPools`` counts them and names a unit to evict when a set overflows.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict

import numpy as np


class RoomPools:
    def __init__(self, problem, n_slots: int):
        sets = sorted({m.rooms for m in problem.meetings if len(m.rooms) > 1})
        self.of: dict[int, list[int]] = defaultdict(list)
        caps = []
        for rooms in sets:
            inside = set(rooms)
            members = [
                m for m, x in enumerate(problem.meetings) if x.rooms and inside >= set(x.rooms)
            ]
            cap = np.full(n_slots, len(rooms), dtype=np.int64)
            for k in rooms:
                cap[sorted(problem.room_unavailable[k])] -= 1
            if len(members) <= cap.min():
                continue  # never more meetings than free rooms
            for m in members:
                self.of[m].append(len(caps))
            caps.append(cap)
        self.cap = np.asarray(caps, dtype=np.int64).reshape(len(caps), n_slots)
        self.load = np.zeros((len(caps), n_slots), dtype=np.int64)
        self.at: dict[tuple[int, int], Counter] = defaultdict(Counter)

    def cost(self, members, starts: np.ndarray) -> np.ndarray:
        """For each candidate start: slots at which a set of rooms is already full."""
        out = np.zeros(len(starts))
        for m, d, _r in members:
            for p in self.of.get(m, ()):
                for o in range(d):
                    out += self.load[p, starts + o] >= self.cap[p, starts + o]
        return out

    def place(self, u: int, m: int, t: int, d: int) -> None:
        for p in self.of.get(m, ()):
            self.load[p, t : t + d] += 1
            for s in range(t, t + d):
                self.at[(p, s)][u] += 1

    def remove(self, u: int, m: int, t: int, d: int) -> None:
        for p in self.of.get(m, ()):
            self.load[p, t : t + d] -= 1
            for s in range(t, t + d):
                self.at[(p, s)][u] -= 1
                if not self.at[(p, s)][u]:
                    del self.at[(p, s)][u]

    def violator(self, u: int, members, t: int, rng: random.Random) -> int | None:
        """A unit to evict so that no set of rooms overflows where unit ``u`` starts at ``t``."""
        for m, d, _r in members:
            for p in self.of.get(m, ()):
                for s in range(t, t + d):
                    if self.load[p, s] > self.cap[p, s]:
                        others = sorted(v for v in self.at[(p, s)] if v != u)
                        if others:
                            return rng.choice(others)
        return None
