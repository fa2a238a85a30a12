"""Flexday: a designer for flexible school schedules."""

from __future__ import annotations

import logging

__version__ = "0.1.0"

# A library logs; the program using it decides where to (``scheduler.logs``). Without this, a
# warning logged with no handler set up would be printed to stderr.
logging.getLogger(__name__).addHandler(logging.NullHandler())
