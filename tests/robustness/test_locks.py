"""Two windows, one file: the second one is warned; stale locks are taken over; close releases."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scheduler.cli import main
from scheduler.io.lock import STALE_AFTER_S, ProjectLock, lock_path, read_lock
from scheduler.io.project_file import load_project

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.flexday"
    shutil.copy(ROOT / "samples" / "tiny.flexday", path)
    return path


def dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(done.stdout)


def forge(project: Path, **changes) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    info = {"pid": 1, "host": socket.gethostname(), "user": "ann", "program": "Flexday",
            "since": now, "refreshed": now, "token": "theirs"}  # fmt: skip
    info.update(changes)
    lock_path(project).write_text(json.dumps(info), encoding="utf-8")


def test_lock_names_holder_and_is_released(tiny):
    first, second = ProjectLock(tiny), ProjectLock(tiny)
    assert first.acquire() is None
    info = read_lock(tiny)
    assert info is not None and info.host == socket.gethostname() and info.pid > 0
    assert lock_path(tiny).name == ".tiny.flexday.lock"
    other = second.acquire()
    assert other is not None and other.token == first.token
    assert f"process {other.pid}" in other.describe()
    first.release()
    assert not lock_path(tiny).exists()
    assert second.acquire() is None


def test_a_dead_process_lock_is_stale(tiny):
    forge(tiny, pid=dead_pid())
    assert ProjectLock(tiny).acquire() is None


def test_an_old_lock_is_stale_even_when_its_pid_is_running(tiny):
    old = (datetime.now(UTC) - timedelta(seconds=STALE_AFTER_S + 60)).isoformat()
    forge(tiny, pid=1, refreshed=old)  # pid 1 is always running
    assert ProjectLock(tiny).acquire() is None


def test_a_fresh_lock_from_another_host_holds(tiny):
    forge(tiny, pid=dead_pid(), host="another-laptop")
    assert ProjectLock(tiny).acquire() is not None


def test_rubbish_in_the_lock_file_counts_as_no_lock(tiny):
    lock_path(tiny).write_text("{not json", encoding="utf-8")
    assert ProjectLock(tiny).acquire() is None


def test_forced_open_takes_over_and_the_first_does_not_delete_it(tiny):
    first, second = ProjectLock(tiny), ProjectLock(tiny)
    first.acquire()
    assert second.acquire(force=True) is None
    first.refresh()  # finds the lock taken over: lets go
    assert not first.held
    first.release()
    assert read_lock(tiny).token == second.token


@pytest.mark.parametrize(
    "command",
    [
        ["solve", "--time-limit", "5", "--workers", "1", "--save"],
        ["repair", "--time-limit", "5", "--workers", "1", "--save"],
        ["flex", "--save"],
        ["import-changes", "changes.xlsx", "--yes"],
    ],
)
def test_cli_save_refuses_a_project_open_elsewhere(tiny, capsys, command):
    forge(tiny, pid=1)
    before = tiny.read_bytes()
    code = main([command[0], str(tiny), *command[1:]])
    assert code == 2
    err = capsys.readouterr().err
    assert "tiny.flexday is open in Flexday by ann on" in err
    assert tiny.read_bytes() == before


def test_cli_save_writes_over_a_stale_lock(tiny, capsys):
    forge(tiny, pid=dead_pid())  # stale
    code = main(["solve", str(tiny), "--time-limit", "10", "--workers", "1", "--save"])
    assert code == 0, capsys.readouterr()
    assert load_project(tiny).scenario().solution is not None


def test_cli_import_fet_respects_the_lock_of_its_output(tmp_path, tiny, capsys):
    forge(tiny, pid=1)
    fet = ROOT / "tests" / "data" / "fet" / "small-school.fet"
    assert main(["import-fet", str(fet), "-o", str(tiny)]) == 2
    assert "is open in Flexday" in capsys.readouterr().err
