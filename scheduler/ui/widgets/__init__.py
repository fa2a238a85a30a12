"""Reusable pieces of the app's screens (figures, charts, words for rules); no scheduling rules."""

from __future__ import annotations
