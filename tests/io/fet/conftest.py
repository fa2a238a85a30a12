from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "fet"


@pytest.fixture
def fet_file():
    """Path of a corpus file kept under tests/data/fet."""
    return lambda name: DATA / name
