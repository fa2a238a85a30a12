"""Flexday: a designer for flexible school schedules."""

from __future__ import annotations

__version__ = "0.1.0"
