"""The judge: recompute every hard violation and soft penalty of any timetable, without CP-SAT.

It reads only the school data and the placements (ours, FET's or hand-made) and shares no code with
the model builder, so a solver bug cannot hide itself. Rule names match the solver's rule modules.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from scheduler.model import SchoolData, Solution
from scheduler.solver.checks import CHECKS
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.violation import Violation


@dataclass(frozen=True)
class CheckReport:
    violations: tuple[Violation, ...]
    meetings: int
    placed: int

    @property
    def hard_violations(self) -> int:
        return sum(v.count for v in self.violations if v.hard)

    @property
    def soft_penalty(self) -> int:
        return sum(v.penalty for v in self.violations if not v.hard)

    def by_rule(self, *, hard: bool) -> dict[str, tuple[int, int]]:
        """Rule name -> (violation count, penalty)."""
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for v in self.violations:
            if v.hard == hard:
                out[v.rule][0] += v.count
                out[v.rule][1] += v.penalty
        return {k: (c, p) for k, (c, p) in sorted(out.items())}

    def to_dict(self) -> dict:
        return {
            "hard_violations": self.hard_violations,
            "soft_penalty": self.soft_penalty,
            "meetings": self.meetings,
            "placed": self.placed,
            "hard_by_rule": {k: c for k, (c, _) in self.by_rule(hard=True).items()},
            "soft_by_rule": {
                k: {"count": c, "penalty": p} for k, (c, p) in self.by_rule(hard=False).items()
            },
            "violations": [
                {
                    "rule": v.rule,
                    "source": v.source,
                    "hard": v.hard,
                    "count": v.count,
                    "penalty": v.penalty,
                    "message": v.message,
                }
                for v in self.violations
            ],
        }


def check(data: SchoolData, solution: Solution) -> CheckReport:
    occ = Occupancy(data, solution)
    found: list[Violation] = [*occ.problems]
    for rule in CHECKS:
        found.extend(rule(data, occ))
    total = sum(len(a.meetings) for a in data.activities)
    return CheckReport(tuple(found), meetings=total, placed=len(occ.seats))
