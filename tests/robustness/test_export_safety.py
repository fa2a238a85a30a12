"""Every export takes any names a school may hold: Excel never runs them as formulas, and a FET
export reads back with the same names (or is refused with a clear error), never a crash."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.io.errors import FileFormatError
from scheduler.io.fet import export_fet, import_fet
from scheduler.io.project_file import load_project
from scheduler.io.xlsx import export_timetable
from scheduler.io.xlsx.cells import FORMULA_STARTS

ROOT = Path(__file__).resolve().parents[2]
TINY = load_project(ROOT / "samples" / "tiny.flexday").scenario()

HOSTILE = st.sampled_from(
    [
        '=HYPERLINK("http://evil.example","click")',
        "=1+1",
        "+SUM(A1:A9)",
        "-2+3",
        "@cmd",
        "\t=1",
        "\r=1",
        "#N/A",
        "=cmd|' /C calc'!A0",
    ]
)
NAMES = st.one_of(HOSTILE, st.text(min_size=1, max_size=40))
SETTINGS = settings(
    max_examples=int(os.environ.get("FLEXDAY_EXPORT_EXAMPLES", "8")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def renamed(teacher: str, subject: str, group: str):
    data = TINY.data
    return data.model_copy(
        update={
            "name": teacher,
            "teachers": tuple(t.model_copy(update={"name": teacher}) for t in data.teachers),
            "subjects": tuple(s.model_copy(update={"name": subject}) for s in data.subjects),
            "groups": tuple(g.model_copy(update={"name": group}) for g in data.groups),
        }
    )


@SETTINGS
@given(teacher=NAMES, subject=NAMES, group=NAMES)
def test_excel_export_never_holds_a_formula(tmp_path_factory, teacher, subject, group):
    path = tmp_path_factory.mktemp("xlsx") / "timetable.xlsx"
    export_timetable(renamed(teacher, subject, group), TINY.solution, path, scenario="Main")
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    assert cell.quotePrefix, f"{ws.title}!{cell.coordinate} {cell.value!r}"


@SETTINGS
@given(teacher=NAMES)
def test_fet_export_reads_back_or_is_refused(tmp_path_factory, teacher):
    path = tmp_path_factory.mktemp("fet") / "school.fet"
    data = renamed(teacher, "Maths", "Class")
    try:
        export_fet(data, path, solution=TINY.solution)
    except FileFormatError as exc:
        assert "school.fet" in str(exc)
        return
    back = import_fet(path).project.scenario().data
    assert len(back.teachers) == len(data.teachers)


def test_fet_export_drops_control_characters(tmp_path):
    """Found by the property above: a school named "A\\x1fB" gave a .fet nobody could read."""
    path = tmp_path / "school.fet"
    data = TINY.data.model_copy(update={"name": "A\x1fB\ud800"})
    report = export_fet(data, path, solution=TINY.solution)
    assert import_fet(path).project.scenario().data.name == "AB"
    assert report.skipped["characters XML cannot hold (control characters), removed"] == 2


def test_a_name_of_forbidden_characters_gets_a_valid_sheet_title(tmp_path):
    """Found by the property above: a group named "*" became the sheet title "G · ?", which
    Excel (and openpyxl) refuse, so the whole export failed."""
    from scheduler.io.xlsx.cells import sheet_title

    assert sheet_title("G", "*", set()) == "G · unnamed"
    path = tmp_path / "timetable.xlsx"
    export_timetable(renamed("Ann", "Maths", "*"), TINY.solution, path, scenario="Main")
    assert any("unnamed" in ws.title for ws in openpyxl.load_workbook(path).worksheets)
