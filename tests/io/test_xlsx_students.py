"""Students and Rosters sheets: each student's sections and class lessons; each section's list."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import openpyxl
import pytest

from scheduler.io.xlsx import export_timetable
from scheduler.model import (
    Activity,
    Calendar,
    Course,
    CourseRequest,
    Day,
    Enrollment,
    Placement,
    Room,
    SchoolData,
    Slot,
    Solution,
    Student,
    StudentGroup,
    Subject,
    Teacher,
)

LINK = '=HYPERLINK("http://example.com","click")'


def slot(sid: str, name: str, start: str, end: str, kind: str = "teaching") -> Slot:
    return Slot(
        id=sid, name=name, start=time.fromisoformat(start), end=time.fromisoformat(end), kind=kind
    )


def school() -> SchoolData:
    """Two days of three periods; Algebra and English with two sections each, a homeroom for a
    grade group, and three students: two in the group's class, one on their own."""
    slots = (
        slot("P1", "Period 1", "08:00", "08:50"),
        slot("P2", "Period 2", "08:55", "09:45"),
        slot("LUN", "Lunch", "09:45", "10:15", "lunch"),
        slot("P3", "Period 3", "10:15", "11:05"),
    )
    days = (Day(id="MON", name="Monday", slots=slots), Day(id="TUE", name="Tuesday", slots=slots))

    def section(aid: str, course: str, subject: str, teacher: str) -> Activity:
        return Activity(
            id=aid,
            subject=subject,
            course=course,
            teachers=(teacher,),
            meetings=(1, 1),
            same_slot=True,
        )

    def student(sid: str, name: str, groups: tuple[str, ...]) -> Student:
        return Student(
            id=sid,
            name=name,
            grade=9,
            groups=groups,
            requests=(CourseRequest(course="ALG"), CourseRequest(course="ENG")),
        )

    return SchoolData(
        name="Northside & Co",
        calendar=Calendar(days=days),
        subjects=(
            Subject(id="MA", name="Mathematics"),
            Subject(id="EN", name="English"),
            Subject(id="HR", name="Homeroom"),
        ),
        courses=(
            Course(id="ALG", name="Algebra I", subject="MA", meetings=(1, 1), section_capacity=2),
            Course(id="ENG", name="English 9", subject="EN", meetings=(1, 1), section_capacity=2),
        ),
        teachers=(
            Teacher(id="T1", name="Ada Brooks", subjects=("MA",)),
            Teacher(id="T2", name="Ravi Okafor", subjects=("EN",)),
            Teacher(id="T3", name="Lucia Tanaka", subjects=("HR",)),
        ),
        rooms=(Room(id="R1", name="Room 101"), Room(id="R2", name="Room 102")),
        groups=(
            StudentGroup(id="G9", name="Grade 9"),
            StudentGroup(id="9A", name="Class 9A", parents=("G9",)),
        ),
        students=(
            student("S1", "Ann Lee", ("9A",)),
            student("S2", LINK, ("9A",)),
            student("S3", "Bo Chen", ()),
        ),
        activities=(
            section("ALG-1", "ALG", "MA", "T1"),
            section("ALG-2", "ALG", "MA", "T1"),
            section("ENG-1", "ENG", "EN", "T2"),
            section("ENG-2", "ENG", "EN", "T2"),
            Activity(id="HR-9", name="Homeroom", subject="HR", teachers=("T3",), groups=("G9",)),
        ),
    )


def placed(aid: str, period: str, room: str) -> tuple[Placement, ...]:
    return tuple(
        Placement(activity=aid, meeting=i, day=day, slot=period, room=room)
        for i, day in enumerate(("MON", "TUE"))
    )


SOLUTION = Solution(
    status="feasible",
    placements=(
        *placed("ALG-1", "P1", "R1"),
        *placed("ALG-2", "P2", "R1"),
        *placed("ENG-1", "P2", "R2"),
        *placed("ENG-2", "P3", "R2"),
        Placement(activity="HR-9", meeting=0, day="MON", slot="P3", room="R1"),
    ),
    enrollments=(
        Enrollment(student="S1", activity="ALG-1"),
        Enrollment(student="S1", activity="ENG-1"),
        Enrollment(student="S2", activity="ALG-1"),
        Enrollment(student="S2", activity="ENG-1"),
        Enrollment(student="S3", activity="ALG-2"),
        Enrollment(student="S3", activity="ENG-2"),
    ),
)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("xlsx") / "students.xlsx"
    export_timetable(school(), SOLUTION, path, scenario="Draft")
    return openpyxl.load_workbook(path)


def table(ws) -> list[dict[str, object]]:
    heads = [c.value for c in ws[1]]
    return [
        dict(zip(heads, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)
    ]


def test_students_and_rosters_follow_the_master(book) -> None:
    assert book.sheetnames[:2] == ["Summary", "Master"]
    order = [book.sheetnames.index(t) for t in ("Students", "Student timetables", "Rosters")]
    assert order == sorted(order)
    listed = [c.value for row in book["Summary"].iter_rows() for c in row]
    assert "Students" in listed and "Rosters" in listed


def test_each_student_has_their_sections_and_class_lessons(book) -> None:
    rows = table(book["Students"])
    got: dict[str, set[tuple]] = {}
    for r in rows:
        key = (r["Day"], r["Period"], r["Time"], r["Course"], r["Section"], r["Teacher"], r["Room"])
        got.setdefault(r["Student id"], set()).add((*key, r["Kind"]))
    both = ("Monday", "Tuesday")
    alg1 = {(d, "Period 1", "08:00–08:50", "Algebra I", "ALG-1", "Ada Brooks", "Room 101",
             "section") for d in both}  # fmt: skip
    eng1 = {(d, "Period 2", "08:55–09:45", "English 9", "ENG-1", "Ravi Okafor", "Room 102",
             "section") for d in both}  # fmt: skip
    homeroom = {("Monday", "Period 3", "10:15–11:05", "Homeroom", "HR-9", "Lucia Tanaka",
                 "Room 101", "class lesson")}  # fmt: skip
    alg2 = {(d, "Period 2", "08:55–09:45", "Algebra I", "ALG-2", "Ada Brooks", "Room 101",
             "section") for d in both}  # fmt: skip
    eng2 = {(d, "Period 3", "10:15–11:05", "English 9", "ENG-2", "Ravi Okafor", "Room 102",
             "section") for d in both}  # fmt: skip
    assert got == {"S1": alg1 | eng1 | homeroom, "S2": alg1 | eng1 | homeroom, "S3": alg2 | eng2}
    ann = [r for r in rows if r["Student id"] == "S1"]
    assert {r["Name"] for r in ann} == {"Ann Lee"} and {r["Grade"] for r in ann} == {9}
    assert [(r["Day"], r["Period"]) for r in ann] == [
        ("Monday", "Period 1"), ("Monday", "Period 2"), ("Monday", "Period 3"),
        ("Tuesday", "Period 1"), ("Tuesday", "Period 2"),
    ]  # fmt: skip


def test_students_sheet_is_a_filterable_table(book) -> None:
    ws = book["Students"]
    assert ws.auto_filter.ref == f"A1:K{ws.max_row}"
    assert ws.freeze_panes == "C2"
    assert all(c.font.b for c in ws[1])
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$1"
    assert "Northside && Co" in ws.oddFooter.left.text and "Draft" in ws.oddFooter.left.text
    assert ws.column_dimensions["B"].width >= 10


def test_a_name_that_looks_like_a_formula_stays_text(book) -> None:
    hits = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if cell.value == LINK:
                    assert cell.data_type == "s" and cell.quotePrefix
                    hits += 1
    assert hits >= 5 + 2  # five rows of S2 on Students, and on both of S2's rosters


def roster(ws, section: str) -> tuple[str, list[tuple[str, str, int]]]:
    """The title row's enrolled text and the (id, name, grade) listed under a section."""
    rows = list(ws.iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if r[0] and str(r[0]).endswith(f"· {section}"))
    seats = rows[top][-1]
    listed: list[tuple[int, str, str, int]] = []
    for r in rows[top + 4 :]:
        if r[1] is None and r[6] is None:
            break
        for number, sid, name, grade in (r[0:4], r[5:9]):
            if sid is not None:
                listed.append((number, sid, name, grade))
    listed.sort()
    assert [n for n, *_ in listed] == list(range(1, len(listed) + 1))
    return seats, [(sid, name, grade) for _, sid, name, grade in listed]


def test_rosters_list_each_section_with_its_students(book) -> None:
    ws = book["Rosters"]
    seats, listed = roster(ws, "ALG-1")
    assert seats == "2 / 2 enrolled"
    assert sorted(listed) == [("S1", "Ann Lee", 9), ("S2", LINK, 9)]
    seats, listed = roster(ws, "ENG-2")
    assert seats == "1 / 2 enrolled" and listed == [("S3", "Bo Chen", 9)]
    text = [str(c) for row in ws.iter_rows(values_only=True) for c in row if c]
    assert "Teacher: Ada Brooks" in text and "Room: Room 101" in text
    assert "Meets: Mon, Tue Period 1 (08:00–08:50)" in text
    titles = [t for t in text if " · " in t and not t.startswith("Section rosters")]
    assert titles == ["Algebra I · ALG-1", "Algebra I · ALG-2", "English 9 · ENG-1",
                      "English 9 · ENG-2"]  # fmt: skip
    assert ws.page_setup.orientation == "portrait" and ws.print_title_rows == "$1:$1"


def test_long_rosters_break_pages_between_sections(tmp_path: Path) -> None:
    data = school()
    many = tuple(Student(id=f"X{i:03d}", name=f"Student {i:03d}", grade=10) for i in range(120))
    sections = tuple(
        Activity(id=f"ALG-{k}", subject="MA", course="ALG", teachers=("T1",), meetings=(1, 1))
        for k in range(1, 9)
    )
    data = data.model_copy(update={"students": many, "activities": sections})
    solution = Solution(
        enrollments=tuple(
            Enrollment(student=s.id, activity=f"ALG-{1 + i % 8}") for i, s in enumerate(many)
        )
    )
    ws = openpyxl.load_workbook(export_timetable(data, solution, tmp_path / "r.xlsx"))["Rosters"]
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks
    for row in breaks:
        assert str(ws.cell(row + 1, 1).value).startswith("Algebra I · ALG-")  # a section starts
    assert "15 / 2 enrolled (over capacity)" in [ws.cell(r, 9).value for r in range(1, 200)]


def test_student_timetables_give_each_student_a_page_of_their_own(book) -> None:
    ws = book["Student timetables"]
    data = school()
    titles = [r for r in range(1, ws.max_row + 1) if "(S" in str(ws.cell(r, 1).value)]
    assert len(titles) == len(data.students)
    assert str(ws.cell(titles[0], 1).value).startswith("Ann Lee (S1) · Grade 9")
    breaks = [b.id for b in ws.row_breaks.brk]
    assert len(breaks) == len(data.students)
    assert all(t - 1 in {0, *breaks} for t in titles)  # every block starts a page
    ann = [str(c.value) for row in ws.iter_rows(min_row=titles[0], max_row=titles[1] - 1)
           for c in row if c.value]  # fmt: skip
    assert sum("Algebra I" in c for c in ann) == 2 and sum("Homeroom" in c for c in ann) == 1
    assert any("Ada Brooks" in c and "Room 101" in c for c in ann)
    assert ws.page_setup.orientation == "landscape" and "&P" in ws.oddFooter.right.text


def test_no_students_no_sections_no_extra_sheets(tmp_path: Path) -> None:
    data = school().model_copy(
        update={"students": (), "activities": school().activities[-1:], "courses": ()}
    )
    solution = Solution(placements=SOLUTION.placements[-1:])
    book = openpyxl.load_workbook(export_timetable(data, solution, tmp_path / "c.xlsx"))
    assert "Students" not in book.sheetnames and "Rosters" not in book.sheetnames
    assert "Student timetables" not in book.sheetnames
