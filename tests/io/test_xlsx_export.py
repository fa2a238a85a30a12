"""The Excel export: sheets, where each lesson lands, merged multi-slot cells and safe text."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import openpyxl
import pytest

from scheduler.io.errors import FileFormatError
from scheduler.io.xlsx import export_timetable
from scheduler.io.xlsx.cells import sheet_title
from scheduler.io.xlsx.layout import time_grid
from scheduler.model import (
    Activity,
    Calendar,
    Day,
    Placement,
    Room,
    SchoolData,
    Slot,
    Solution,
    StudentGroup,
    Subject,
    Teacher,
)


def slot(sid: str, start: str, end: str, kind: str = "teaching") -> Slot:
    return Slot(id=sid, start=time.fromisoformat(start), end=time.fromisoformat(end), kind=kind)


def school() -> SchoolData:
    """Three days cut differently: periods with a break, periods with lunch, 90-minute blocks."""
    mon = Day(
        id="mon",
        name="Monday",
        slots=(
            slot("P1", "08:00", "08:50"),
            slot("P2", "08:50", "09:40"),
            slot("BR", "09:40", "10:00", "break"),
            slot("P3", "10:00", "10:50"),
            slot("P4", "10:50", "11:40"),
        ),
    )
    tue = Day(
        id="tue",
        name="Tuesday",
        slots=(
            slot("P1", "08:00", "08:50"),
            slot("P2", "08:50", "09:40"),
            slot("BR", "09:40", "10:00", "break"),
            slot("P3", "10:00", "10:50"),
            slot("LU", "10:50", "11:30", "lunch"),
        ),
    )
    wed = Day(
        id="wed",
        name="Wednesday",
        slots=(
            slot("B1", "08:00", "09:30"),
            slot("BR", "09:30", "10:00", "break"),
            slot("B2", "10:00", "11:30"),
        ),
    )
    return SchoolData(
        name="Riverside & Co",
        calendar=Calendar(days=(mon, tue, wed)),
        subjects=(
            Subject(id="MA", name="Maths", color="#1F4E79"),
            Subject(id="SC", name="Science"),
            Subject(id="AS", name="Assembly"),
            Subject(id="AR", name="Art"),
        ),
        teachers=(Teacher(id="T1", name="Ms Ortiz"), Teacher(id="T2", name="=SUM(A1)")),
        rooms=(Room(id="R1", name="Lab 1"), Room(id="R2", name="+1"), Room(id="R3", name="@x")),
        groups=(
            StudentGroup(id="Y9", name="Year 9"),
            StudentGroup(id="9A", parents=("Y9",)),
            StudentGroup(id="9B", parents=("Y9",)),
        ),
        activities=(
            Activity(id="a1", name="Maths 9A", subject="MA", teachers=("T1",), groups=("9A",),
                     meetings=(1, 2)),
            Activity(id="a2", name="Science 9B", subject="SC", teachers=("T2",), groups=("9B",)),
            Activity(id="a3", name="Assembly", subject="AS", teachers=("T1", "T2"),
                     groups=("Y9",)),
            Activity(id="a4", name="Art 9A", subject="AR", teachers=("T2",), groups=("9A",)),
        ),
    )  # fmt: skip


SOLUTION = Solution(
    status="feasible",
    objective=7,
    placements=(
        Placement(activity="a1", meeting=0, day="mon", slot="P1", room="R1"),
        Placement(activity="a1", meeting=1, day="tue", slot="P1", room="R1"),
        Placement(activity="a2", meeting=0, day="wed", slot="B1", room="R2"),
        Placement(activity="a3", meeting=0, day="mon", slot="P3", room="R3"),
    ),
)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    """Exported and read back once; the tests only read it."""
    path = tmp_path_factory.mktemp("xlsx") / "timetable.xlsx"
    assert export_timetable(school(), SOLUTION, path, scenario="Draft 1") == path
    return openpyxl.load_workbook(path)


def cell_at(ws, day_label: str, start: time):
    """The cell of a weekly sheet for a day and a start time, found from the headers."""
    days = {ws.cell(2, c).value: c for c in range(2, ws.max_column + 1)}
    rows = {ws.cell(r, 1).value.split("–")[0]: r for r in range(3, ws.max_row + 1)}
    return ws.cell(rows[f"{start:%H:%M}"], days[day_label])


def merged_range(ws, cell):
    return next((r for r in ws.merged_cells.ranges if cell.coordinate in r), None)


def test_sheets_for_summary_master_teachers_groups_and_rooms(book):
    assert book.sheetnames[:2] == ["Summary", "Master"]
    expected = {"T · Ms Ortiz", "T · =SUM(A1)", "G · Year 9", "G · 9A", "G · 9B",
                "R · Lab 1", "R · +1", "R · @x"}  # fmt: skip
    assert expected <= set(book.sheetnames)


def test_each_lesson_sits_at_its_day_and_time_on_teacher_group_and_room_sheets(book):
    data = school()
    for p in SOLUTION.placements:
        activity = data.activity_by_id[p.activity]
        day = data.calendar.day(p.day)
        start = day.slots[day.slot_index(p.slot)].start
        room = data.room_by_id[p.room].label
        for tid in activity.teachers:
            text = cell_at(book[f"T · {data.teacher_by_id[tid].label}"], day.label, start).value
            assert activity.name in text and room in text
            assert all(data.group_by_id[g].label in text for g in activity.groups)
        for gid in activity.groups:
            text = cell_at(book[f"G · {data.group_by_id[gid].label}"], day.label, start).value
            assert activity.name in text and room in text
            assert all(data.teacher_by_id[t].label in text for t in activity.teachers)
        text = cell_at(book[f"R · {room}"], day.label, start).value
        assert activity.name in text


def test_year_lesson_shows_on_every_class_under_the_year(book):
    for sheet in ("G · 9A", "G · 9B", "G · Year 9"):
        assert "Assembly" in cell_at(book[sheet], "Monday", time(10, 0)).value
    assert "Maths 9A" not in str(cell_at(book["G · 9B"], "Monday", time(8, 0)).value)


def test_double_lesson_and_long_block_are_one_merged_cell(book):
    ws = book["T · Ms Ortiz"]
    double = merged_range(ws, cell_at(ws, "Tuesday", time(8, 0)))
    assert double is not None
    assert ws.cell(double.max_row, 1).value.endswith("09:40")
    assert ws.cell(double.max_row, 1).value != ws.cell(double.min_row, 1).value

    ws = book["G · 9B"]
    block = merged_range(ws, cell_at(ws, "Wednesday", time(8, 0)))
    assert block is not None and ws.cell(block.max_row, 1).value.endswith("09:30")
    tall = sum(ws.row_dimensions[r].height for r in range(block.min_row, block.max_row + 1))
    monday_p1 = cell_at(ws, "Monday", time(8, 0))
    assert tall > ws.row_dimensions[monday_p1.row].height


def test_empty_slots_show_their_label_and_breaks_are_shaded(book):
    ws = book["T · Ms Ortiz"]
    assert cell_at(ws, "Monday", time(10, 50)).value == "P4"
    brk = cell_at(ws, "Wednesday", time(9, 30))
    assert brk.value == "BR" and brk.fill.fgColor.rgb.endswith("EDEDED")


def test_master_has_a_row_per_teacher_and_merges_the_double_lesson(book):
    ws = book["Master"]
    teachers = [ws.cell(r, 1).value for r in range(3, ws.max_row + 1)]
    assert teachers == sorted(["Ms Ortiz", "=SUM(A1)"], key=str.casefold)
    heads = {ws.cell(1, c).value for c in range(2, ws.max_column + 1)}
    assert {"Monday", "Tuesday", "Wednesday"} <= heads
    row = 3 + teachers.index("Ms Ortiz")
    double = [r for r in ws.merged_cells.ranges if r.min_row == row == r.max_row]
    assert len(double) == 1 and double[0].max_col - double[0].min_col == 1
    assert "Maths 9A" in ws.cell(row, double[0].min_col).value
    assert ws.cell(2, double[0].min_col).value.startswith("P1")


def test_user_text_that_looks_like_a_formula_stays_text(book):
    found = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if cell.value in ("=SUM(A1)", "+1", "@x"):
                    assert cell.data_type == "s"
                    assert cell.quotePrefix
                    found[cell.value] = found.get(cell.value, 0) + 1
    assert set(found) == {"=SUM(A1)", "+1", "@x"}


def test_summary_lists_counts_and_meetings_not_placed(book):
    values = [c.value for row in book["Summary"].iter_rows() for c in row if c.value is not None]
    assert "Riverside & Co" in values and "Draft 1" in values
    assert "4 of 5" in values
    assert "Not placed (1)" in values and "Art 9A" in values


def test_print_setup_is_landscape_one_page_wide_with_titles_and_footer(book):
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert ws.print_title_rows
        assert "Riverside && Co" in ws.oddFooter.left.text
        assert "&P" in ws.oddFooter.right.text
        if ws.title != "Master":
            assert ws.page_setup.fitToWidth == 1
            assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert book["T · Ms Ortiz"].freeze_panes == "B3"
    assert book["T · Ms Ortiz"].page_setup.fitToHeight == 1  # a weekly grid never splits


def test_master_pages_break_between_days_at_a_readable_scale(tmp_path: Path):
    periods = tuple(slot(f"P{i + 1}", f"{8 + i:02d}:00", f"{8 + i:02d}:50") for i in range(8))
    days = tuple(Day(id=f"d{n}", name=f"Day {n}", slots=periods) for n in range(1, 7))
    data = school().model_copy(update={"calendar": Calendar(days=days), "activities": ()})
    ws = openpyxl.load_workbook(export_timetable(data, Solution(), tmp_path / "m.xlsx"))["Master"]
    assert ws.print_title_cols == "$A:$A"
    breaks = [b.id for b in ws.col_breaks.brk]
    day_starts = [c for c in range(2, ws.max_column + 1) if ws.cell(1, c).value]
    assert breaks and set(breaks) <= {c - 1 for c in day_starts[1:]}
    assert 50 <= ws.page_setup.scale <= 100


def test_time_rows_come_from_every_day_boundary():
    grid = time_grid(school().calendar)
    assert [r.clock for r in grid.rows] == [
        "08:00–08:50", "08:50–09:30", "09:30–09:40", "09:40–10:00",
        "10:00–10:50", "10:50–11:30", "11:30–11:40",
    ]  # fmt: skip
    assert grid.spans[(2, 0)] == (0, 1)  # Wednesday's 90-minute block spans two rows
    assert grid.spans[(0, 1)] == (1, 2)


def test_sheet_titles_are_valid_unique_and_short():
    taken: set[str] = set()
    first = sheet_title("T", "Dr [Smith]: a/b*c?\\d with a very long name", taken)
    assert len(first) <= 31 and not set("[]:*?/\\") & set(first)
    assert sheet_title("T", "Ann", taken) == "T · Ann"
    assert sheet_title("T", "ANN", taken) == "T · ANN (2)"
    long_twice = sheet_title("T", "Dr [Smith]: a/b*c?\\d with a very long name", taken)
    assert long_twice != first and len(long_twice) <= 31
    assert sheet_title("G", "'quoted'", taken) == "G · quoted"


def test_missing_folder_is_a_file_format_error(tmp_path: Path):
    with pytest.raises(FileFormatError, match="does not exist"):
        export_timetable(school(), SOLUTION, tmp_path / "nowhere" / "t.xlsx")


def test_failed_write_leaves_the_existing_file_untouched(tmp_path: Path, monkeypatch):
    target = tmp_path / "t.xlsx"
    target.write_bytes(b"previous export")

    def broken_save(self, filename):
        Path(filename).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(FileFormatError, match="No space left"):
        export_timetable(school(), SOLUTION, target)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]
