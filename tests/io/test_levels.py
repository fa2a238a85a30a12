"""Mastery level files: every bad row named at once, nothing returned from a bad file."""

from __future__ import annotations

import pytest

from scheduler.io.errors import FileFormatError
from scheduler.io.levels import read_levels, read_section_levels
from tests.solver.flex.test_regroup import school


def test_good_files_read(tmp_path) -> None:
    data, _ = school({"S1": ["A"], "S2": ["B"]})
    path = tmp_path / "levels.csv"
    path.write_text("\ufeffStudent,Course,Level\nS1,MATH,3\n,,\nS2,MATH,1\n")
    assert read_levels(path, data) == {("S1", "MATH"): 3, ("S2", "MATH"): 1}
    sections = tmp_path / "sections.csv"
    sections.write_text("section,level\nA,1\nB,3\n")
    assert read_section_levels(sections, data) == {"A": 1, "B": 3}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("student,level\nS1,2\n", "missing: course"),
        ("student,course,level\n", "has no rows"),
        ("student,course,level\nS1,MATH,high\nS1,MATH,2\nS1,MATH,3\n", 'row 2: level "high"'),
        ("student,course,level\nS1,MATH,2\nS1,MATH,3\n", 'row 3: a second level for "S1"'),
    ],
)
def test_bad_files_name_the_row(tmp_path, text: str, message: str) -> None:
    data, _ = school({"S1": ["A"]})
    path = tmp_path / "levels.csv"
    path.write_text(text)
    with pytest.raises(FileFormatError, match=r"levels\.csv") as err:
        read_levels(path, data)
    assert message in str(err.value)


def test_a_section_level_must_name_a_section(tmp_path) -> None:
    data, _ = school({"S1": ["A"]})
    path = tmp_path / "sections.csv"
    path.write_text("section,level\nZ,1\n")
    with pytest.raises(FileFormatError, match='"Z" is not a section'):
        read_section_levels(path, data)
