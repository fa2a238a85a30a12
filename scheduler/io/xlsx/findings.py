"""What the checker found, in the plain shape the export prints (no solver import here).

The caller that may run the checker (the CLI, the app: see ``scheduler.solver.export``) fills
these from its report, so the Summary and Conflicts sheets show the judge's figures under the
checker's own rule names.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    hard: bool
    count: int
    penalty: int
    entity: str
    """Who or what the rule is about: 'teacher T01', a constraint id..."""
    slot: str
    """Where in the week, when the rule is about one slot ('Monday Period 3'), else ''."""
    message: str


@dataclass(frozen=True)
class Findings:
    findings: tuple[Finding, ...] = ()
    requests: int | None = None
    """Course requests, for a request-driven school; None otherwise."""
    requests_met: int | None = None
    required: int | None = None
    required_met: int | None = None
    fully_scheduled: int | None = None
    students: int | None = None

    @property
    def hard_violations(self) -> int:
        return sum(f.count for f in self.findings if f.hard)

    @property
    def soft_penalty(self) -> int:
        return sum(f.penalty for f in self.findings if not f.hard)

    def by_rule(self) -> list[tuple[str, bool, int, int]]:
        """(rule, hard, count, penalty) per rule: hard rules first, then by penalty."""
        out: dict[tuple[str, bool], list[int]] = {}
        for f in self.findings:
            total = out.setdefault((f.rule, f.hard), [0, 0])
            total[0] += f.count
            total[1] += f.penalty
        rows = [(rule, hard, c, p) for (rule, hard), (c, p) in out.items()]
        return sorted(rows, key=lambda r: (not r[1], -r[3], -r[2], r[0]))
