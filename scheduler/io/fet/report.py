"""What an import brought in, what it could not state, and what the user must look at."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

WEIGHT_MAPPING = (
    "FET Weight_Percentage 100 is hard; 0 < w < 100 is soft with weight round(100 * w) per "
    "violation (so a penalty divided by 10000 reads as FET's soft conflicts); w = 0 has no "
    "effect in FET and is kept inactive."
)


@dataclass
class ImportReport:
    file: str
    fet_version: str = ""
    mode: str = "Official"
    activities: int = 0
    inactive_activities: int = 0
    constraints_imported: int = 0
    """FET constraint elements stated with Flexday rules (active or not)."""
    unsupported: Counter = field(default_factory=Counter)
    """FET constraint type -> active instances Flexday cannot state (kept as 'unsupported')."""
    unsupported_inactive: Counter = field(default_factory=Counter)
    no_effect: Counter = field(default_factory=Counter)
    """Constraints that select no active activity (FET ignores them too), by type."""
    warnings: list[str] = field(default_factory=list)
    """Things FET tolerates that were skipped, e.g. a repeated teacher name."""
    problems: list[str] = field(default_factory=list)
    """Data problems found after import (the school as FET gave it cannot be solved as is)."""

    @property
    def complete(self) -> bool:
        """Every active constraint is stated."""
        return not self.unsupported

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "fet_version": self.fet_version,
            "mode": self.mode,
            "activities": self.activities,
            "inactive_activities": self.inactive_activities,
            "constraints_imported": self.constraints_imported,
            "unsupported": dict(sorted(self.unsupported.items())),
            "unsupported_inactive": dict(sorted(self.unsupported_inactive.items())),
            "no_effect": dict(sorted(self.no_effect.items())),
            "complete": self.complete,
            "weight_mapping": WEIGHT_MAPPING,
            "warnings": self.warnings,
            "problems": self.problems,
        }

    def summary(self) -> str:
        lines = [
            f"{self.file}: {self.activities} activities, "
            f"{self.constraints_imported} constraints imported"
        ]
        if self.unsupported:
            total = sum(self.unsupported.values())
            lines.append(
                f"{total} active constraint(s) kept but not supported (ignored by solves):"
            )
            lines += [f"  {n:>5} × {t}" for t, n in sorted(self.unsupported.items())]
        if self.no_effect:
            lines.append(f"{sum(self.no_effect.values())} constraint(s) select no activity")
        if self.inactive_activities:
            lines.append(f"{self.inactive_activities} inactive activities left out")
        lines += [f"  warning: {w}" for w in self.warnings[:20]]
        lines += [f"  problem: {p}" for p in self.problems[:20]]
        return "\n".join(lines)
