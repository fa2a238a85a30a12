"""The log file: what a scheduler can send us when something went wrong.

``setup_logging`` (called by the command line and the app) writes to ``flexday.log`` in the user's
log folder (``platformdirs.user_log_dir("Flexday")``, or ``FLEXDAY_LOG_DIR``), rotating at 1 MB
and keeping five old files. Each run starts with the versions of Flexday, Python, OR-Tools,
PySide6, pydantic and the platform, and the command; the code logs files opened and saved, solve
settings and outcomes, and every failure with its traceback, including uncaught exceptions.

What it leaves out: file paths are written as file names (a full path often holds a person's
login name), and no host or user names; names inside the project (a teacher in an error message)
can appear, as they do on screen.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
from collections.abc import Sequence
from importlib import metadata
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

LOGGER = "scheduler"
FILE_NAME = "flexday.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(LOGGER)
_previous_hooks: dict[str, object] = {}


def log_dir() -> Path:
    return Path(
        os.environ.get("FLEXDAY_LOG_DIR") or platformdirs.user_log_dir("Flexday", appauthor=False)
    )


def log_file() -> Path:
    return log_dir() / FILE_NAME


def setup_logging(*, program: str, argv: Sequence[str] = ()) -> Path | None:
    """Send the ``scheduler`` loggers to the log file; None when the folder cannot be written
    (the program then runs without a log rather than not at all)."""
    path = log_file()
    for handler in list(log.handlers):
        if getattr(handler, "_flexday", False):
            if Path(handler.baseFilename) == path:  # type: ignore[attr-defined]
                return path
            log.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=False
        )
    except OSError:
        return None
    handler._flexday = True  # type: ignore[attr-defined]
    handler.setFormatter(_HomeHidden(FORMAT))
    handler.setLevel(logging.INFO)
    log.addHandler(handler)
    if log.level == logging.NOTSET or log.level > logging.INFO:
        log.setLevel(logging.INFO)
    _install_hooks()
    log.info("%s started: %s", program, " ".join(_safe_args(argv)))
    log.info("versions: %s", versions())
    return path


class _HomeHidden(logging.Formatter):
    """Tracebacks name source files; under the home folder they are written from ``~``."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        home = str(Path.home())
        return text.replace(home, "~") if len(home) > 1 else text


def versions() -> str:
    parts = [f"python {platform.python_version()}", f"{platform.system()} {platform.release()}"]
    for dist in ("flexday", "ortools", "PySide6", "pydantic", "openpyxl"):
        try:
            parts.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist} (not installed)")
    return ", ".join(parts)


def file_name(path: str | os.PathLike[str] | None) -> str:
    """How a path appears in the log: its name only."""
    return Path(path).name if path else "(none)"


def _safe_args(argv: Sequence[str]) -> list[str]:
    return [Path(a).name if (os.sep in a or "/" in a) else a for a in argv]


def _install_hooks() -> None:
    """Uncaught exceptions, in the main thread or any other, reach the log with a traceback."""
    if _previous_hooks:
        return
    _previous_hooks["sys"] = sys.excepthook
    _previous_hooks["threading"] = threading.excepthook

    def on_uncaught(kind, value, tb):
        if not issubclass(kind, KeyboardInterrupt):
            log.critical("uncaught exception", exc_info=(kind, value, tb))
        _previous_hooks["sys"](kind, value, tb)  # type: ignore[operator]

    def on_thread(args):
        log.critical(
            "uncaught exception in thread %s",
            getattr(args.thread, "name", "?"),
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        _previous_hooks["threading"](args)  # type: ignore[operator]

    sys.excepthook = on_uncaught
    threading.excepthook = on_thread


def stop_logging() -> None:
    """Close the log file (tests; a program simply ends)."""
    for handler in list(log.handlers):
        if getattr(handler, "_flexday", False):
            log.removeHandler(handler)
            handler.close()
