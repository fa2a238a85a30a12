"""The template workbook, header synonyms, CSV input, and the sheet definitions themselves."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from openpyxl import load_workbook

from scheduler.cli import main
from scheduler.io.project_file import load_project
from scheduler.io.sheets import example_school, export_data, import_school, write_template
from scheduler.io.sheets.schema import ENTITY_SHEETS, SHEET_BY_NAME, SHEETS
from scheduler.model import Project, SchoolData, find_problems


def test_template_has_help_drop_downs_and_imports_to_its_example(tmp_path: Path) -> None:
    path = write_template(tmp_path / "school.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "Instructions"
    assert wb["Lists"].sheet_state == "hidden"
    for sheet in SHEETS:
        ws = wb[sheet.name]
        assert ws.freeze_panes == "A2"
        headers = [c.value for c in ws[1]]
        assert headers == [c.header for c in sheet.columns]
        assert all(c.font.b and c.comment is not None for c in ws[1])
        if sheet.name not in ("School",):
            assert ws.max_row == 3, f"{sheet.name}: two example rows"
    kinds = [dv for dv in wb["Calendar"].data_validations.dataValidation]
    assert any(str(dv.sqref).startswith("G2") and dv.formula1.startswith("Lists!") for dv in kinds)
    subject_lists = [dv.formula1 for dv in wb["Courses"].data_validations.dataValidation]
    assert "'Subjects'!$A$2:$A$5000" in subject_lists
    assert "teaching, break, lunch, flex" in wb["Calendar"]["G1"].comment.text

    imported = import_school(path)
    assert imported.data == example_school()
    assert find_problems(imported.data) == []


def test_cli_template_then_import(tmp_path: Path) -> None:
    template, project = tmp_path / "school.xlsx", tmp_path / "school.flexday"
    assert main(["template", "-o", str(template)]) == 0
    assert main(["import-xlsx", str(template), "-o", str(project)]) == 0
    assert load_project(project) == Project.of(example_school())
    out = tmp_path / "again.xlsx"
    assert main(["export-data", str(project), "-o", str(out)]) == 0
    assert import_school(out).data == example_school()


def test_headers_and_sheet_names_match_loosely(tmp_path: Path) -> None:
    path = write_template(tmp_path / "school.xlsx")
    wb = load_workbook(path)
    teachers = wb["Teachers"]
    teachers.title = "staff"
    teachers["A1"], teachers["B1"] = "Teacher ID", "  TEACHER   name "
    teachers["D1"] = "Max. periods / day"
    wb["Rooms"]["C1"] = "seats"
    wb["Requests"].title = "Course choices"
    wb["Students"]["B1"] = "Full Name"
    wb["Groups"]["E1"] = "Homeroom teacher"  # not ours: ignored, with a note
    wb.save(path)
    imported = import_school(path)
    assert imported.data == example_school()
    assert [str(w) for w in imported.warnings] == [
        "Groups!E1: column 'Homeroom teacher' is not used, ignored"
    ]


def test_csv_folder_with_semicolons_and_any_file_case(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    export_data(example_school(), folder)
    teachers = (folder / "Teachers.csv").read_text(encoding="utf-8-sig")
    (folder / "Teachers.csv").unlink()
    semi = teachers.replace(",", ";").replace('"MATH; SCI"', "MATH, SCI")
    semi = semi.replace('"SCI; MATH"', '"SCI, MATH"')
    (folder / "teachers.CSV").write_text(semi, encoding="utf-8")
    assert import_school(folder).data == example_school()
    files = sorted(folder.glob("*.*"))
    assert import_school(files).data == example_school()


def test_csv_problem_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    export_data(example_school(), folder)
    path = folder / "Requests.csv"
    path.write_text(path.read_text(encoding="utf-8-sig").replace("BIO1", "Chem 2", 1))
    try:
        import_school(folder)
    except Exception as exc:
        assert [str(p) for p in exc.problems] == ["Requests!B3: unknown course 'Chem 2'"]
    else:
        raise AssertionError("the import should have failed")


def test_formula_looking_text_comes_back_as_text(tmp_path: Path) -> None:
    school = example_school()
    subjects = (school.subjects[0].model_copy(update={"name": "=1+1"}), school.subjects[1])
    odd = school.model_copy(update={"subjects": subjects, "name": "@school"})
    export_data(odd, tmp_path / "odd.xlsx")
    assert import_school(tmp_path / "odd.xlsx").data == odd


def test_every_field_of_the_school_has_a_place_in_the_workbook() -> None:
    """A new model field needs a column (see scheduler/io/sheets/schema.py), or the round trip
    would silently drop it."""
    elsewhere = {  # fields filled from sheets that spread an entity over rows
        "teachers": {"unavailable"},
        "rooms": {"unavailable"},
        "groups": {"unavailable"},
        "students": {"unavailable", "requests"},
        "activities": {"students", "pins"},
    }
    for sheet, collection in ENTITY_SHEETS.items():
        model = get_args(SchoolData.model_fields[collection].annotation)[0]
        columns = {c.field for c in SHEET_BY_NAME[sheet].columns}
        missing = set(model.model_fields) - columns - elsewhere.get(collection, set())
        assert not missing, f"{sheet}: no column for {sorted(missing)}"
    handled = {"name", "calendar", "constraints", *ENTITY_SHEETS.values()}
    assert set(SchoolData.model_fields) <= handled, "a new SchoolData collection needs a sheet"


def test_cells_read_as_people_type_them() -> None:
    from datetime import time

    from scheduler.io.sheets.values import BOOL, CLOCK, INT_LIST, TEXT_LIST

    assert CLOCK.parse("8:30") == time(8, 30)
    assert CLOCK.parse("1:15 PM") == time(13, 15)
    assert CLOCK.parse("12:05 a.m.") == time(0, 5)
    assert CLOCK.parse(0.5) == time(12, 0)  # Excel's fraction of a day
    assert BOOL.parse("X") is True and BOOL.parse("n") is False
    assert INT_LIST.parse(2.0) == (2,) and INT_LIST.parse("1; 1; 2") == (1, 1, 2)
    assert TEXT_LIST.parse('T1, "Smith, J"') == ("T1", "Smith, J")
    assert TEXT_LIST.parse("a\nb") == ("a", "b")
    for bad in ("13:00 pm", "24:00", "8"):
        try:
            CLOCK.parse(bad)
        except ValueError as exc:
            assert "expected a clock time" in str(exc)
        else:
            raise AssertionError(bad)
