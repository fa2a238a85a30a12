"""Hostile and absurd files are refused quickly with a clear message, before they are loaded.

Timings and memory for these refusals are measured by ``python -m benchmarks.hostile_files``.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from scheduler.io import guards
from scheduler.io.errors import FileFormatError
from scheduler.io.fet import import_fet
from scheduler.io.project_file import load_project
from scheduler.io.sheets import import_school
from scheduler.io.xlsx.meetings import read_meetings

# -- xlsx -----------------------------------------------------------------------------------------


def workbook(path: Path, cells: dict[str, object] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    for ref, value in (cells or {"A1": "Student id", "B2": "S1"}).items():
        ws[ref] = value
    wb.save(path)
    return path


def zip_bomb(path: Path, *, unpacked: int = 20 * guards.MiB) -> Path:
    """A workbook-shaped zip whose one sheet is megabytes of zeros squeezed into kilobytes."""
    good = workbook(path.with_name("good.xlsx"))
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data + b" " * unpacked
            dst.writestr(info.filename, data)
    return path


def test_a_real_workbook_passes_and_opens(tmp_path):
    path = workbook(tmp_path / "students.xlsx")
    guards.check_xlsx(path)
    wb = guards.open_workbook(path)
    try:
        assert wb.active["B2"].value == "S1"
    finally:
        wb.close()


def test_zip_bomb_is_refused_by_its_ratio(tmp_path):
    path = zip_bomb(tmp_path / "bomb.xlsx")
    with pytest.raises(FileFormatError, match=r"bomb\.xlsx: refused: part .*sheet1.* compressed"):
        guards.check_xlsx(path)
    with pytest.raises(FileFormatError, match="zip bomb"):
        guards.open_workbook(path)


def test_unpacked_size_limits(tmp_path):
    path = workbook(tmp_path / "big.xlsx", {"A1": "x" * 30_000, "A2": "y" * 30_000})
    with pytest.raises(FileFormatError, match="unpacks to"):
        guards.check_xlsx(path, limits=guards.XlsxLimits(max_member_uncompressed=20_000))
    with pytest.raises(FileFormatError, match="unpacks to"):
        guards.check_xlsx(path, limits=guards.XlsxLimits(max_total_uncompressed=20_000))
    with pytest.raises(FileFormatError, match="parts"):
        guards.check_xlsx(path, limits=guards.XlsxLimits(max_members=3))


@pytest.mark.parametrize(
    ("cell", "message"),
    [("A1048576", "1,048,576 rows"), ("XFD1", "16,384 columns"), ("ALL6000", "6,000,000 cells")],
)
def test_a_sheet_declaring_a_huge_range_is_refused(tmp_path, cell, message):
    path = workbook(tmp_path / "huge.xlsx", {"A1": "id", cell: "far away"})
    with pytest.raises(FileFormatError, match=rf"huge\.xlsx: refused: sheet1 declares {message}"):
        guards.check_xlsx(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Student id,Name\nS1,Ann\n", "not a zip file"),
        (b"PK\x03\x04" + b"\x00" * 100, "not a zip file"),
        (b"", "not a zip file"),
    ],
)
def test_not_a_workbook(tmp_path, content, message):
    path = tmp_path / "students.xlsx"
    path.write_bytes(content)
    with pytest.raises(FileFormatError, match=message):
        guards.open_workbook(path)


def test_a_zip_that_is_not_a_workbook_is_a_clear_error(tmp_path):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("photo.txt", "hello")
    with pytest.raises(FileFormatError, match=r"photos\.xlsx: "):
        guards.open_workbook(path)


def test_a_missing_workbook(tmp_path):
    with pytest.raises(FileFormatError, match="no such file"):
        guards.check_xlsx(tmp_path / "gone.xlsx")


def _read_meetings_of_tiny(path: Path) -> object:
    tiny = load_project(Path(__file__).parents[2] / "samples" / "tiny.flexday")
    return read_meetings(path, tiny.scenario().data)


SPREADSHEET_READERS = pytest.mark.parametrize(
    "read", [import_school, _read_meetings_of_tiny], ids=["school-data", "meetings"]
)


@SPREADSHEET_READERS
def test_the_spreadsheet_readers_refuse_a_zip_bomb(tmp_path, read):
    path = zip_bomb(tmp_path / "bomb.xlsx")
    with pytest.raises(FileFormatError, match=r"bomb\.xlsx: refused: .*zip bomb"):
        read(path)


@SPREADSHEET_READERS
def test_the_spreadsheet_readers_refuse_a_huge_sheet(tmp_path, read):
    path = workbook(tmp_path / "huge.xlsx", {"A1": "Meetings", "A1048576": "far away"})
    with pytest.raises(FileFormatError, match=r"huge\.xlsx: refused: sheet1 declares 1,048,576"):
        read(path)


def test_a_csv_cell_past_the_csv_modules_limit_is_a_clear_error(tmp_path):
    """Python's csv refuses a field over 131,072 characters with ``csv.Error``: found on reading
    the CSV import (the fuzzer's values are shorter); it must name the file, not crash."""
    path = tmp_path / "Students.csv"
    path.write_text("Student id,Name\nS1," + '"' + "x" * 200_000 + '"\n', encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"Students\.csv: is not a readable CSV file"):
        import_school(path)


# -- sizes ----------------------------------------------------------------------------------------


def sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as f:
        f.truncate(size)  # no disk used: the size is what is checked
    return path


@pytest.mark.parametrize(
    ("name", "read", "limit"),
    [
        ("school.flexday", load_project, guards.MAX_PROJECT_BYTES),
        ("school.fet", import_fet, guards.MAX_FET_BYTES),
        ("Students.csv", import_school, guards.MAX_CSV_BYTES),
    ],
)
def test_an_oversized_file_is_refused_without_reading_it(tmp_path, name, read, limit):
    path = sparse(tmp_path / name, limit + 1)
    with pytest.raises(FileFormatError, match="too large"):
        read(path)


def test_a_million_students_is_refused(tmp_path):
    tiny = json.loads((Path(__file__).parents[2] / "samples" / "tiny.flexday").read_text())
    students = ",".join(f'{{"id":"S{i}"}}' for i in range(1_000_000))
    tiny["project"]["scenarios"][0]["data"]["students"] = "@STUDENTS@"
    text = json.dumps(tiny).replace('"@STUDENTS@"', f"[{students}]")
    path = tmp_path / "million.flexday"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(
        FileFormatError, match=r"million\.flexday: scenario 'Main': has 1,000,000 students"
    ):
        load_project(path)


def test_too_many_fet_activities_is_refused(tmp_path, monkeypatch):
    monkeypatch.setitem(guards.MAX_ENTITIES, "activities", 5)
    path = Path(__file__).parents[1] / "data" / "fet" / "small-school.fet"
    with pytest.raises(FileFormatError, match=r"small-school\.fet: has \d+ activities"):
        import_fet(path)


# -- XML ------------------------------------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE fet [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n<fet><Institution_Name>&lol9;</Institution_Name></fet>\n"
)


@pytest.mark.parametrize(
    "xml",
    [
        BILLION_LAUGHS,
        '<?xml version="1.0"?><!DOCTYPE fet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<fet><Institution_Name>&x;</Institution_Name></fet>",
        '<?xml version="1.0"?><!DOCTYPE fet [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>'
        "<fet/>",
        '<?xml version="1.0"?><!DOCTYPE fet [<!ENTITY x "plain">]><fet>&x;</fet>',
    ],
    ids=["billion-laughs", "external-file", "external-parameter-dtd", "any-entity"],
)
def test_entities_are_refused(tmp_path, xml):
    path = tmp_path / "hostile.fet"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"hostile\.fet: refused unsafe XML"):
        import_fet(path)


def test_an_external_dtd_is_never_fetched(tmp_path):
    """A DOCTYPE pointing at another file is not read: the import fails for its own reasons."""
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "TOP-SECRET">', encoding="utf-8")
    path = tmp_path / "school.fet"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE fet SYSTEM "{secret.as_uri()}">'
        "<fet><Institution_Name>&leak;</Institution_Name></fet>",
        encoding="utf-8",
    )
    with pytest.raises(FileFormatError) as caught:
        import_fet(path)
    assert "TOP-SECRET" not in str(caught.value)


def test_damaged_compressed_data_is_a_clear_error(tmp_path):
    """Found by fuzzing: a flipped byte inside a sheet's compressed data raised zlib.error."""
    path = workbook(tmp_path / "flipped.xlsx", {f"A{i}": f"student {i}" for i in range(1, 300)})
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    raw = bytearray(path.read_bytes())
    name_len, extra_len = int.from_bytes(raw[info.header_offset + 26 : info.header_offset + 28],
                                         "little"), int.from_bytes(
        raw[info.header_offset + 28 : info.header_offset + 30], "little")  # fmt: skip
    start = info.header_offset + 30 + name_len + extra_len
    for i in range(start + 5, start + min(info.compress_size, 60), 3):
        raw[i] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(FileFormatError, match=r"flipped\.xlsx: "):
        guards.check_xlsx(path)
