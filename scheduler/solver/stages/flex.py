"""The flex routing step: send every student to one offering of each flex block.

It runs on top of a locked timetable, so a school can re-route every week in seconds. Each block
is an assignment of students to offerings with seats: a min-cost flow (OR-Tools), which is exact
and fast. The tiers are lexicographic: arc costs are scaled so that one more student routed beats
any number of honoured mandatory requests, one more mandatory request beats any number of teacher
requests, and so on down to choices by rank and each student's default advisory.

Who can take part is read from the timetable: a student with a lesson or personal time in the
window stays where they are; an offering whose teacher teaches or is away then is closed. The
report says which requests could not be honoured and why.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from ortools.graph.python import min_cost_flow

from scheduler.model import FlexAssignment, FlexBlock, FlexOffering, SchoolData, Solution
from scheduler.solver.stages.flex_window import Window, block_windows


@dataclass
class Unhonoured:
    student: str
    offering: str
    tier: str
    reason: str


@dataclass
class OfferingSize:
    offering: str
    block: str
    size: int
    capacity: int | None
    closed: str = ""
    """Why no student can be sent there (the teacher teaches or is away), or ''."""


@dataclass
class FlexRouting:
    assignments: tuple[FlexAssignment, ...] = ()
    participants: int = 0
    routed: int = 0
    unrouted: list[tuple[str, str, str]] = field(default_factory=list)
    """(student, block, reason) for participants left without an offering."""
    away: list[tuple[str, str, str]] = field(default_factory=list)
    """(student, block, reason) for students busy in the window, not routed."""
    requests: dict[str, list[int]] = field(default_factory=dict)
    """Tier -> [asked, honoured]."""
    unhonoured: list[Unhonoured] = field(default_factory=list)
    choices: dict[str, int] = field(default_factory=dict)
    """Students routed on their choices (not on a mandatory or teacher request): 'students', then
    how many got their 'first', 'second', a later ('other') or 'none' of their choices."""
    advisory: int = 0
    """Students sent to their default advisory."""
    sizes: list[OfferingSize] = field(default_factory=list)
    wall_s: float = 0.0
    status: str = "optimal"

    def honoured_pct(self, tier: str) -> float:
        asked, honoured = self.requests.get(tier, [0, 0])
        return 100.0 if asked == 0 else 100.0 * honoured / asked

    def choice_pct(self, which: str) -> float:
        n = self.choices.get("students", 0)
        return 0.0 if n == 0 else 100.0 * self.choices.get(which, 0) / n

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "participants": self.participants,
            "routed": self.routed,
            "wall_s": round(self.wall_s, 3),
            "mandatory": _tier(self, "mandatory"),
            "teacher": _tier(self, "teacher"),
            "choices": {
                **self.choices,
                "first_pct": round(self.choice_pct("first"), 1),
                "second_pct": round(self.choice_pct("second"), 1),
            },
            "advisory_default": self.advisory,
            "unhonoured": [u.__dict__ for u in self.unhonoured],
            "unrouted": [{"student": s, "block": b, "reason": r} for s, b, r in self.unrouted],
            "away": [{"student": s, "block": b, "reason": r} for s, b, r in self.away],
            "offerings": [o.__dict__ for o in self.sizes],
        }


def _tier(r: FlexRouting, tier: str) -> dict:
    asked, honoured = r.requests.get(tier, [0, 0])
    return {"asked": asked, "honoured": honoured, "pct": round(r.honoured_pct(tier), 1)}


def route_flex(data: SchoolData, solution: Solution) -> FlexRouting:
    """Route every student taking part in a flex block; the timetable itself is not changed."""
    began = time.monotonic()
    out = FlexRouting(requests={"mandatory": [0, 0], "teacher": [0, 0]})
    out.choices = {"students": 0, "first": 0, "second": 0, "other": 0, "none": 0}
    windows = block_windows(data, solution)
    offerings_of: dict[str, list[FlexOffering]] = defaultdict(list)
    for o in data.flex_offerings:
        offerings_of[o.block].append(o)
    assignments: list[FlexAssignment] = []
    for block in data.flex_blocks:
        mine = offerings_of[block.id]
        assignments.extend(_route_block(data, block, mine, windows[block.id], out))
    out.assignments = tuple(assignments)
    out.wall_s = time.monotonic() - began
    return out


def capacity_of(data: SchoolData, offering: FlexOffering) -> int | None:
    """Seats of an offering: its own number, capped by its room; None when nothing limits it."""
    room = data.room_by_id.get(offering.room) if offering.room else None
    caps = [c for c in (offering.capacity, room.capacity if room else None) if c is not None]
    return min(caps) if caps else None


def _route_block(
    data: SchoolData,
    block: FlexBlock,
    offerings: list[FlexOffering],
    window: Window,
    out: FlexRouting,
) -> list[FlexAssignment]:
    ids = {o.id for o in offerings}
    open_ = [o for o in offerings if o.id not in window.closed]
    students = window.participants
    out.participants += len(students)
    out.away.extend((s, block.id, why) for s, why in sorted(window.away.items()))
    for o in offerings:
        if o.id in window.closed:
            out.sizes.append(OfferingSize(o.id, block.id, 0, 0, window.closed[o.id]))
    requests = [r for r in data.flex_requests if r.offering in ids]
    by_student: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for r in requests:
        by_student[r.student][r.tier][r.offering] = r.rank
    home = {s: o.id for o in offerings for s in o.advisees}
    costs = _Costs(students, by_student, home)

    n_s, n_o = len(students), len(open_)
    sink, nowhere = n_s + n_o, n_s + n_o + 1
    grid = costs.matrix(students, [o.id for o in open_])
    tails = [np.repeat(np.arange(n_s, dtype=np.int32), n_o), np.arange(n_s, dtype=np.int32)]
    heads = [np.tile(np.arange(n_s, n_s + n_o, dtype=np.int32), n_s)]
    heads.append(np.full(n_s, nowhere, dtype=np.int32))
    caps = [np.ones(n_s * n_o + n_s, dtype=np.int64)]
    unit = [grid.ravel(), np.full(n_s, costs.unrouted, dtype=np.int64)]
    seat_caps = [capacity_of(data, o) for o in open_]
    tails.append(np.array([*range(n_s, n_s + n_o), nowhere], dtype=np.int32))
    heads.append(np.full(n_o + 1, sink, dtype=np.int32))
    caps.append(np.array([n_s if c is None else min(c, n_s) for c in seat_caps] + [n_s]))
    unit.append(np.zeros(n_o + 1, dtype=np.int64))
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails),
        np.concatenate(heads),
        np.concatenate(caps).astype(np.int64),
        np.concatenate(unit).astype(np.int64),
    )
    supplies = np.zeros(n_s + n_o + 2, dtype=np.int64)
    supplies[:n_s] = 1
    supplies[sink] = -n_s
    flow.set_nodes_supplies(np.arange(n_s + n_o + 2, dtype=np.int32), supplies)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f'flex block "{block.id}": the routing flow failed ({status.name})')
    flows = np.asarray(flow.flows(arcs))[: n_s * n_o].reshape(n_s, n_o) if n_o else None
    placed: dict[str, str] = {}
    if flows is not None:
        for i, j in zip(*np.nonzero(flows), strict=True):
            placed[students[i]] = open_[j].id
    sizes: dict[str, int] = defaultdict(int)
    for oid in placed.values():
        sizes[oid] += 1
    for o in open_:
        out.sizes.append(OfferingSize(o.id, block.id, sizes[o.id], capacity_of(data, o)))
    for sid in students:
        if sid not in placed:
            out.unrouted.append((sid, block.id, "every open offering of the block is full"))
    out.routed += len(placed)
    _tally(data, block, window, placed, by_student, home, out)
    return [FlexAssignment(student=s, offering=o) for s, o in placed.items()]


class _Costs:
    """Arc costs that make the tiers lexicographic: each tier outweighs everything below it."""

    def __init__(self, students: list[str], wants: dict, home: dict[str, str]) -> None:
        self.wants, self.home = wants, home
        adv = sum(1 for s in students if s in home)
        longest = max((len(w.get("choice", {})) for w in wants.values()), default=0)
        self.ranks = longest + 1
        n_choice = sum(1 for s in students if wants.get(s, {}).get("choice"))
        self.w_choice = adv + 1
        below_teacher = n_choice * self.ranks * self.w_choice + adv
        self.w_teacher = below_teacher + 1
        n_teacher = sum(1 for s in students if wants.get(s, {}).get("teacher"))
        self.w_mandatory = n_teacher * self.w_teacher + below_teacher + 1
        n_mandatory = sum(1 for s in students if wants.get(s, {}).get("mandatory"))
        self.unrouted = n_mandatory * self.w_mandatory + self.w_mandatory

    def matrix(self, students: list[str], offerings: list[str]) -> np.ndarray:
        """Cost of sending student i to offering j: what each tier loses by it."""
        col = {o: j for j, o in enumerate(offerings)}
        grid = np.zeros((len(students), len(offerings)), dtype=np.int64)
        for i, sid in enumerate(students):
            want = self.wants.get(sid, {})
            row = grid[i]
            for tier, weight in (("mandatory", self.w_mandatory), ("teacher", self.w_teacher)):
                if want.get(tier):
                    row += weight
                    for o in want[tier]:
                        if o in col:
                            row[col[o]] -= weight
            chosen = want.get("choice")
            if chosen:
                row += self.ranks * self.w_choice
                for place, o in enumerate(sorted(chosen, key=lambda o: (chosen[o], o))):
                    if o in col:
                        row[col[o]] -= (self.ranks - place) * self.w_choice
            home = self.home.get(sid)
            if home is not None:
                row += 1
                if home in col:
                    row[col[home]] -= 1
        return grid


def _tally(
    data: SchoolData,
    block: FlexBlock,
    window: Window,
    placed: dict[str, str],
    by_student: dict,
    home: dict[str, str],
    out: FlexRouting,
) -> None:
    seats = {o.offering: o for o in out.sizes if o.block == block.id}
    for sid, wants in sorted(by_student.items()):
        got = placed.get(sid)
        for tier in ("mandatory", "teacher"):
            for oid in sorted(wants.get(tier, {})):
                out.requests[tier][0] += 1
                if got == oid:
                    out.requests[tier][1] += 1
                    continue
                out.unhonoured.append(
                    Unhonoured(sid, oid, tier, _why(sid, oid, tier, got, window, wants, seats))
                )
        chosen = wants.get("choice", {})
        above = {**wants.get("mandatory", {}), **wants.get("teacher", {})}
        if chosen and sid in placed and got not in above:
            out.choices["students"] += 1
            order = sorted(chosen, key=lambda o: (chosen[o], o))
            if got == order[0]:
                out.choices["first"] += 1
            elif len(order) > 1 and got == order[1]:
                out.choices["second"] += 1
            elif got in chosen:
                out.choices["other"] += 1
            else:
                out.choices["none"] += 1
    out.advisory += sum(1 for sid, oid in placed.items() if home.get(sid) == oid)


def _why(sid, oid, tier, got, window: Window, wants: dict, seats: dict) -> str:
    if sid in window.away:
        return f"the student cannot attend the block: {window.away[sid]}"
    if sid not in window.participants:
        return "the student does not take part in this block (not in its groups)"
    if oid in window.closed:
        return f"the offering is closed: {window.closed[oid]}"
    if got is None:
        return "the student could not be placed anywhere: every open offering is full"
    if tier == "teacher" and got in wants.get("mandatory", {}):
        return f'a mandatory request ("{got}") comes first'
    if got in wants.get(tier, {}):
        return f'another {tier} request of the same block ("{got}") was honoured'
    size = seats.get(oid)
    cap = size.capacity if size else None
    return f"the offering is full ({cap} seats taken by requests of the same or a higher tier)"


def routed(data: SchoolData, solution: Solution) -> tuple[Solution, FlexRouting]:
    """The timetable with fresh flex assignments (the old ones are replaced), and the report."""
    routing = route_flex(data, solution)
    return solution.model_copy(update={"flex": routing.assignments}), routing
