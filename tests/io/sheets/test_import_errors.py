"""Each class of import problem, with its exact located message; a failed import writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from scheduler.cli import main
from scheduler.io.sheets import SpreadsheetImportError, import_school, write_template


def edited(tmp_path: Path, edit: Callable) -> Path:
    """The template with ``edit(workbook)`` applied, as a person would in Excel."""
    template = write_template(tmp_path / "template.xlsx")
    wb = load_workbook(template)
    edit(wb)
    path = tmp_path / "school.xlsx"
    wb.save(path)
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(SpreadsheetImportError) as info:
        import_school(path)
    return [str(p) for p in info.value.problems]


def test_missing_sheet(tmp_path: Path) -> None:
    def edit(wb):
        del wb["Calendar"]

    assert problems(edited(tmp_path, edit)) == ["Calendar: sheet missing"]


def test_missing_required_column(tmp_path: Path) -> None:
    def edit(wb):
        wb["Courses"].delete_cols(3)  # Subject

    assert problems(edited(tmp_path, edit)) == ["Courses, row 1: missing column 'Subject'"]


def test_bad_values_are_each_located(tmp_path: Path) -> None:
    def edit(wb):
        wb["Teachers"]["D2"] = "ten"
        wb["Rooms"]["C3"] = -4
        wb["Calendar"]["E2"] = "25:00"
        wb["Activities"]["K2"] = "perhaps"
        wb["Rules"]["B3"] = "no_such_rule"

    assert problems(edited(tmp_path, edit)) == [
        "Calendar!E2: expected a clock time such as 08:30, got '25:00'",
        "Teachers!D2: expected a whole number, got 'ten'",
        "Rooms!C3: must be at least 0, got -4",
        "Activities!K2: expected yes or no, got 'perhaps'",
        "Rules!B3: 'no_such_rule' is not one of: availability, max_per_day, max_per_week, "
        "min_days_between, preferred_times, forbidden_times, max_gaps_per_day, "
        "max_gaps_per_week, min_per_day, max_days_per_week, min_days_per_week, "
        "interval_max_days, …",
    ]


def test_unknown_references(tmp_path: Path) -> None:
    def edit(wb):
        wb["Requests"]["B3"] = "Chem 2"
        wb["Activities"]["E2"] = "T01, T99"
        wb["Pins"]["D2"] = "P7"
        wb["Rules"]["I3"] = "Tue P1"
        wb["Availability"]["B2"] = "Nobody"

    assert problems(edited(tmp_path, edit)) == [
        "Activities!E2: unknown teacher 'T99'",
        "Requests!B3: unknown course 'Chem 2'",
        "Availability!B2: unknown teacher 'Nobody'",
        "Pins!D2: unknown slot 'P7' on day 'Mon'",
        "Rules!I3: unknown slot 'Tue P1' (write it as 'Day Slot')",
        "Rules!I3: a preferred_rooms rule takes no Slots",
    ]


def test_duplicate_ids(tmp_path: Path) -> None:
    def edit(wb):
        wb["Subjects"]["A3"] = "MATH"
        wb["Calendar"]["C3"] = "P1"

    assert problems(edited(tmp_path, edit)) == [
        "Calendar!C3: slot 'P1' of day 'Mon' is also on row 2",
        "Subjects!A3: duplicate id 'MATH' (also on row 2)",
        # The second subject is gone, so what named it is unknown now.
        "Teachers!C3: unknown subject 'SCI'",
        "Courses!C3: unknown subject 'SCI'",
        "Activities!C3: unknown subject 'SCI'",
        "Availability!D3: unknown slot 'P2' on day 'Mon'",
        "Flex blocks!C2: unknown slot 'Mon P2' (write it as 'Day Slot')",
    ]


def test_required_cell_left_blank_and_rule_settings(tmp_path: Path) -> None:
    def edit(wb):
        wb["Students"]["A3"] = None
        wb["Rules"]["B2"] = "max_per_week"  # which needs a Limit
        wb["Rules"]["K2"] = None
        wb["Rules"]["L3"] = "part=day"  # preferred_rooms has no 'part'

    assert problems(edited(tmp_path, edit)) == [
        "Students!A3: ID missing",
        "Rules!K2: Limit missing: a max_per_week rule needs one",
        "Rules!L3: 'part' is not a setting of a preferred_rooms rule",
    ]


def test_failed_import_writes_nothing_and_exits_2(tmp_path: Path, capsys) -> None:
    def edit(wb):
        wb["Requests"]["B3"] = "Chem 2"

    out = tmp_path / "school.flexday"
    out.write_bytes(b"previous")
    code = main(["import-xlsx", str(edited(tmp_path, edit)), "-o", str(out)])
    assert code == 2
    assert "Requests!B3: unknown course 'Chem 2'" in capsys.readouterr().err
    assert out.read_bytes() == b"previous"


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "school.xlsx"
    path.write_text("hello")
    with pytest.raises(Exception, match="is not an Excel workbook"):
        import_school(path)
