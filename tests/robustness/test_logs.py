"""The log file is written, names versions and the command, keeps tracebacks, and no paths."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scheduler import logs
from scheduler.cli import EXIT_INTERNAL, main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    folder = tmp_path / "private-folder-of-ann" / "logs"
    monkeypatch.setenv("FLEXDAY_LOG_DIR", str(folder))
    yield folder
    logs.stop_logging()


def test_an_internal_error_in_the_cli_is_logged_with_its_traceback(log_dir, monkeypatch, capsys):
    def broken(*_args, **_kwargs):
        raise RuntimeError("the solver fell over")

    monkeypatch.setattr("scheduler.cli_solve.run_solve", broken)
    tiny = ROOT / "samples" / "tiny.flexday"
    code = main(["solve", str(tiny), "--time-limit", "3", "--seed", "7"])
    assert code == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: the solver fell over" in err
    assert str(log_dir / "flexday.log") in err
    text = (log_dir / "flexday.log").read_text(encoding="utf-8")
    assert "flexday started: solve tiny.flexday --time-limit 3 --seed 7" in text
    assert "versions: python" in text and "ortools" in text and "pydantic" in text
    assert "opened tiny.flexday" in text
    assert "solve scenario 'Main': time limit 3 s, seed 7" in text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: the solver fell over" in text
    assert str(ROOT / "samples") not in text  # file names only, never the folders around them


def test_bad_input_is_logged_without_a_traceback(log_dir, tmp_path):
    bad = tmp_path / "broken.flexday"
    bad.write_text("{", encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    text = (log_dir / "flexday.log").read_text(encoding="utf-8")
    assert "could not open broken.flexday: is damaged" in text
    assert "Traceback" not in text
    assert "private-folder-of-ann" not in text and str(tmp_path) not in text


def test_an_uncaught_exception_reaches_the_log(tmp_path):
    code = (
        "from scheduler.logs import setup_logging\n"
        "setup_logging(program='test')\n"
        "raise ValueError('kaboom')\n"
    )
    env = {**os.environ, "FLEXDAY_LOG_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 1
    text = (tmp_path / "flexday.log").read_text(encoding="utf-8")
    assert "CRITICAL scheduler: uncaught exception" in text
    assert "ValueError: kaboom" in text and "Traceback" in text


def test_the_log_rotates(log_dir):
    logs.setup_logging(program="test")
    for _ in range(2_000):
        logs.log.info("x" * 1_000)
    files = sorted(p.name for p in log_dir.iterdir())
    assert files[:2] == ["flexday.log", "flexday.log.1"]
    assert all((log_dir / f).stat().st_size <= logs.MAX_BYTES + 2_000 for f in files)
    assert len(files) <= logs.BACKUPS + 1


def test_an_unwritable_log_folder_does_not_stop_the_program(tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    monkeypatch.setenv("FLEXDAY_LOG_DIR", str(blocker / "logs"))
    assert logs.setup_logging(program="test") is None
