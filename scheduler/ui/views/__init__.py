"""Screens of the app; each takes the document and pushes commands, none holds scheduling rules."""

from __future__ import annotations
