"""What an explanation hands back: findings in plain words, each naming the entities involved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityKind = Literal["teacher", "group", "student", "room", "activity", "constraint"]
ExplainStatus = Literal["feasible", "infeasible", "unknown"]


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A link to one entity: its kind and id (for the app to select it) and its display name."""

    kind: EntityKind
    id: str
    label: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "id": self.id, "label": self.label}


@dataclass(frozen=True, slots=True)
class Finding:
    """One reason a timetable cannot exist, as a principal would say it.

    ``rule`` is a stable name (``teacher_load``, a rule kind...); ``fix``, when present, is a
    single change that was tried and makes a timetable possible (``verified``), or a suggestion.
    """

    rule: str
    message: str
    entities: tuple[EntityRef, ...] = ()
    slots: tuple[tuple[str, str], ...] = ()
    fix: str | None = None
    verified: bool = False
    source: Literal["precheck", "core"] = "precheck"
    relaxations: tuple[tuple[str, ...], ...] = ()
    """Keys of the rule groups whose relaxation ``fix`` describes (see ``relax``)."""

    def to_dict(self) -> dict:
        out = {
            "rule": self.rule,
            "source": self.source,
            "message": self.message,
            "entities": [e.to_dict() for e in self.entities],
            "slots": [{"day": d, "slot": s} for d, s in self.slots],
        }
        if self.fix is not None:
            out["fix"] = self.fix
            out["verified"] = self.verified
        if self.relaxations:
            out["relaxations"] = [list(key) for key in self.relaxations]
        return out


@dataclass(frozen=True)
class Explanation:
    status: ExplainStatus
    """``feasible``: the hard rules can all hold; ``infeasible``: proven impossible (or a
    pre-check already shows it); ``unknown``: neither shown within the time limit."""
    findings: tuple[Finding, ...] = ()
    summary: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    groups: int = 0
    """How many groups of hard rules the core search switched on and off."""

    @property
    def infeasible(self) -> bool:
        return self.status == "infeasible"

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "summary": self.summary,
            "findings": [f.to_dict() for f in self.findings],
            "timings_s": {k: round(v, 3) for k, v in self.timings.items()},
            "rule_groups": self.groups,
        }
