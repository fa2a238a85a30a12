"""Pieces every benchmark shares: child processes for clean peak-memory figures, medians, tables."""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
from collections.abc import Sequence


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_child(module: str, args: Sequence[str], *, timeout: float) -> dict:
    """Run ``python -m module --child ...`` and read the JSON object on its last line."""
    done = subprocess.run(
        [sys.executable, "-m", module, "--child", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_seeds(module: str, students: int, seeds: int, limit: float) -> list[dict]:
    """One child process per seed of a school benchmark (``--students --seed --limit``), each
    given three times its limit plus start-up before it counts as hung; their JSON figures."""
    runs = []
    for seed in range(seeds):
        print(f"… {students} students, seed {seed}, limit {limit:g} s", file=sys.stderr, flush=True)
        args = ["--students", str(students), "--seed", str(seed), "--limit", str(limit)]
        runs.append(run_child(module, args, timeout=limit * 3 + 120))
    return runs


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 2) if values else None


def table(headers: Sequence[str], rows: Sequence[Sequence]) -> str:
    cells = [[str(h) for h in headers], *[["—" if c is None else str(c) for c in r] for r in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [" | ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)
