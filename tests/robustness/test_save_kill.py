"""A save killed at any moment leaves the old or the new project on disk, and a valid .bak."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from scheduler.io.atomic import sweep_stale_temp_files
from scheduler.io.project_file import load_project, save_project

ROOT = Path(__file__).resolve().parents[2]


def test_two_hundred_kills_during_saves_damage_nothing(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "tests.robustness.save_kill", "--runs", "200", "--dir", tmp_path],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    stats = json.loads(out.stdout.strip().splitlines()[-1])
    assert stats["runs"] == 200
    assert stats["damaged"] == 0 and stats["bak_damaged"] == 0
    assert stats["mid_save"] >= 100  # most kills land inside a save, not between saves
    # Only the last kill's leftovers remain (its project and .bak temp files): each save sweeps
    # the temp files of the saves killed before it.
    assert stats["leftover_temp_files"] <= 2


def test_a_dead_writers_temp_file_is_swept_a_live_ones_kept(tmp_path):
    path = tmp_path / "school.flexday"
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
    dead = tmp_path / f".school.flexday.{finished.stdout.strip()}.x1.tmp"
    live = tmp_path / f".school.flexday.{os.getpid()}.x2.tmp"
    other = tmp_path / ".other.flexday.1.x3.tmp"
    for p in (dead, live, other):
        p.write_text("half a project")
    assert sweep_stale_temp_files(path) == 1
    assert not dead.exists() and live.exists() and other.exists()


def test_save_keeps_the_previous_file_as_bak(tmp_path, school):
    from scheduler.model import Project

    path = tmp_path / "school.flexday"
    save_project(Project.of(school), path)
    save_project(Project.of(school.model_copy(update={"name": "Second"})), path)
    assert load_project(path).scenario().data.name == "Second"
    assert load_project(path.with_name("school.flexday.bak")).scenario().data.name == school.name
