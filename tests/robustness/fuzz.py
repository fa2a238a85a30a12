"""The long fuzz run: damage good files for a while and read each with every reader.

    PYTHONPATH=. .venv/bin/python -m tests.robustness.fuzz --minutes 10
    PYTHONPATH=. .venv/bin/python -m tests.robustness.fuzz --inputs 2000 --reader fet --seed 7

Each input gets ``--timeout`` seconds (a hang counts as a crash). Crashing inputs are kept in
``--keep`` (default ``fuzz-crashes/``) with the message, to replay with ``--replay FILE``. Prints a
table per reader and mutator, then one line of JSON with the counts. Exit code 1 on any crash.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from tests.robustness.readers import READERS, Crash, Reader, by_name, try_input


class Hang(Exception):
    pass


def _alarm(_signum, _frame):
    raise Hang


def run_one(reader: Reader, data: bytes, folder: Path, timeout: float) -> str:
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return try_input(reader, data, folder)
    except Hang:
        raise Crash(f"{reader.name}: no answer within {timeout:g} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--minutes", type=float, default=None, help="run this long (default 1)")
    p.add_argument("--inputs", type=int, default=None, help="or stop after this many inputs")
    p.add_argument("--reader", action="append", help="only these readers (repeatable)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--timeout", type=float, default=10.0, help="seconds per input")
    p.add_argument("--keep", type=Path, default=Path("fuzz-crashes"))
    p.add_argument("--replay", type=Path, help="read one saved input again and show the outcome")
    args = p.parse_args(argv)

    readers = [by_name(n) for n in args.reader] if args.reader else READERS
    if args.replay:
        reader = _reader_of(args.replay)
        with tempfile.TemporaryDirectory() as tmp:
            print(run_one(reader, args.replay.read_bytes(), Path(tmp), args.timeout))
        return 0
    minutes = args.minutes if args.minutes is not None or args.inputs else 1.0
    deadline = time.monotonic() + minutes * 60 if minutes is not None else float("inf")
    budget = args.inputs if args.inputs is not None else sys.maxsize
    rnd = random.Random(args.seed)
    tried: Counter[tuple[str, str]] = Counter()
    outcomes: Counter[tuple[str, str]] = Counter()
    crashes: list[dict] = []
    started = time.monotonic()
    slowest = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        while n < budget and time.monotonic() < deadline:
            reader = readers[n % len(readers)]
            name = rnd.choice(sorted(reader.mutators))
            seed = rnd.choice(reader.seeds())
            data = reader.mutators[name](seed, random.Random(rnd.getrandbits(64)))
            n += 1
            tried[reader.name, name] += 1
            t0 = time.monotonic()
            try:
                outcome = run_one(reader, data, Path(tmp), args.timeout)
            except Crash as exc:
                outcome = "crash"
                crashes.append(_keep(args.keep, reader, name, data, str(exc), len(crashes)))
            slowest = max(slowest, time.monotonic() - t0)
            outcomes[reader.name, outcome] += 1
    wall = time.monotonic() - started
    _print_table(readers, tried, outcomes, crashes, wall, slowest)
    summary = {
        "inputs": sum(tried.values()),
        "per_reader": {r.name: sum(tried[r.name, m] for m in r.mutators) for r in readers},
        "refused": sum(v for (_, o), v in outcomes.items() if o == "refused"),
        "accepted": sum(v for (_, o), v in outcomes.items() if o == "ok"),
        "crashes": len(crashes),
        "wall_s": round(wall, 1),
        "slowest_input_s": round(slowest, 2),
        "seed": args.seed,
    }
    print(json.dumps(summary))
    return 1 if crashes else 0


def _reader_of(kept: Path) -> Reader:
    """The reader a kept input was made for: its name starts the file name (several readers
    share the .xlsx suffix)."""
    named = [r for r in READERS if kept.name.startswith(f"{r.name}-")]
    if named:
        return max(named, key=lambda r: len(r.name))
    return next(r for r in READERS if kept.name.endswith(r.suffix))


def _keep(folder: Path, reader: Reader, mutator: str, data: bytes, message: str, i: int) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{reader.name}-{mutator}-{i}{reader.suffix}"
    path.write_bytes(data)
    path.with_suffix(".txt").write_text(message + "\n", encoding="utf-8")
    print(f"CRASH {path}: {message}", file=sys.stderr)
    return {"file": str(path), "message": message}


def _print_table(readers, tried, outcomes, crashes, wall: float, slowest: float) -> None:
    print(f"{'reader':10} {'mutator':14} {'inputs':>8}")
    for r in readers:
        for m in sorted(r.mutators):
            print(f"{r.name:10} {m:14} {tried[r.name, m]:>8}")
        ok, refused = outcomes[r.name, "ok"], outcomes[r.name, "refused"]
        bad = outcomes[r.name, "crash"]
        print(f"{r.name:10} {'(total)':14} {ok + refused + bad:>8}  accepted {ok}, "
              f"refused {refused}, crashes {bad}")  # fmt: skip
    print(f"{len(crashes)} crash(es); {wall:.0f} s; slowest input {slowest:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
