"""Kill a saving process with SIGKILL at random moments; the project on disk must survive each time.

    PYTHONPATH=. .venv/bin/python -m tests.robustness.save_kill --runs 200
    PYTHONPATH=. .venv/bin/python -m tests.robustness.save_kill --runs 2000 \
        --project samples/riverside-high.flexday

A forked child saves versions 1, 2, 3... of a project to one file with ``save_project``, one after
the other, telling the parent on a pipe before ("s N") and after ("e N") each save. The parent kills
it with SIGKILL after a random delay (spread over a few saves' time), then checks the file on disk:
it opens, and it is byte for byte the last version saved or the one being saved (old or new, never
a mix); the ``.bak`` opens and is a version too. The next child carries on with the same file, so
leftovers of one kill meet the next save. Prints a table, then one line of JSON; exit 1 on damage.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

from scheduler.io.project_file import backup_path, load_project, project_to_bytes, save_project
from scheduler.model import Project

ROOT = Path(__file__).resolve().parents[2]


def versions_of(project: Project, count: int) -> list[Project]:
    """Projects that differ in the school's name (and so in their bytes)."""
    base = project.scenario()
    return [
        Project.of(base.data.model_copy(update={"name": f"{base.data.name} v{i}"}))
        for i in range(count)
    ]


def _child(path: Path, versions: list[Project], first: int, out: int) -> None:
    """Save versions for ever; only SIGKILL ends this."""
    i = first
    while True:
        v = i % len(versions)
        os.write(out, f"s {v}\n".encode())
        save_project(versions[v], path)
        os.write(out, f"e {v}\n".encode())
        i += 1


def _last(messages: str) -> tuple[int | None, int | None]:
    """(last version saved completely, version being saved when killed) from the pipe."""
    done = saving = None
    for line in messages.splitlines():
        kind, _, v = line.partition(" ")
        if not v.isdigit():
            continue  # the line was cut by the kill
        if kind == "s":
            saving = int(v)
        elif kind == "e":
            done, saving = int(v), None
    return done, saving


def run(runs: int, project: Project, seed: int, folder: Path) -> dict:
    rnd = random.Random(seed)
    versions = versions_of(project, 7)
    blobs = [project_to_bytes(v) for v in versions]
    path = folder / "school.flexday"
    save_project(versions[0], path)
    on_disk = 0
    t0 = time.perf_counter()
    for _ in range(5):
        save_project(versions[0], path)
    save_s = (time.perf_counter() - t0) / 5
    stats = {"runs": 0, "mid_save": 0, "between": 0, "damaged": 0, "bak_damaged": 0}
    problems: list[str] = []
    started = time.monotonic()
    for n in range(runs):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the saving process
            os.close(read)
            try:
                _child(path, versions, on_disk + 1, write)
            finally:
                os._exit(0)
        os.close(write)
        time.sleep(rnd.uniform(0, 4 * save_s))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        messages = _read_all(read)
        done, saving = _last(messages)
        allowed = {on_disk if done is None else done}
        if saving is not None:
            allowed.add(saving)
        stats["runs"] += 1
        stats["mid_save" if saving is not None else "between"] += 1
        problem = _check(path, blobs, allowed)
        if problem:
            stats["damaged"] += 1
            problems.append(f"run {n}: {problem}")
        else:
            on_disk = blobs.index(path.read_bytes())
        bak = backup_path(path)
        if bak.exists() and _check(bak, blobs, set(range(len(blobs)))):
            stats["bak_damaged"] += 1
            problems.append(f"run {n}: the .bak is damaged")
    stats["leftover_temp_files"] = len(list(folder.glob(".school.flexday.*.tmp")))
    stats["save_ms"] = round(save_s * 1000, 2)
    stats["wall_s"] = round(time.monotonic() - started, 1)
    stats["problems"] = problems[:10]
    return stats


def _read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode(errors="replace")


def _check(path: Path, blobs: list[bytes], allowed: set[int]) -> str:
    try:
        load_project(path)
    except Exception as exc:
        return f"{path.name} does not open: {exc}"
    data = path.read_bytes()
    if data not in blobs:
        return f"{path.name} is not any saved version"
    if blobs.index(data) not in allowed:
        return f"{path.name} is version {blobs.index(data)}, expected one of {sorted(allowed)}"
    return ""


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--runs", type=int, default=200)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--project", type=Path, default=ROOT / "samples" / "tiny.flexday")
    p.add_argument("--dir", type=Path, default=None, help="where to save (default: a temp dir)")
    args = p.parse_args(argv)
    project = load_project(args.project)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        stats = run(args.runs, project, args.seed, Path(tmp))
    print(f"project {args.project.name}: one save takes {stats['save_ms']} ms")
    print(f"{stats['runs']} kills: {stats['mid_save']} during a save, {stats['between']} between")
    print(f"damaged project files: {stats['damaged']}; damaged .bak files: {stats['bak_damaged']}")
    print(f"temporary files left by kills: {stats['leftover_temp_files']}")
    for line in stats["problems"]:
        print("  " + line)
    stats["project"] = args.project.name
    print(json.dumps(stats))
    return 1 if stats["damaged"] or stats["bak_damaged"] else 0


if __name__ == "__main__":
    sys.exit(main())
