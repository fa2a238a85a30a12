from scheduler.model import Activity, Student, StudentGroup
from tests.solver.school import lesson, school, solved


def test_a_teacher_teaches_one_lesson_at_a_time():
    three = [lesson(f"A{i}", group=f"G{i}") for i in range(3)]
    result, _ = solved(school(*three, slots=3))
    assert result.status == "optimal"
    result, _ = solved(school(*three, slots=2))
    assert result.status == "infeasible"


def test_a_year_lesson_blocks_every_class_in_the_year():
    groups = (
        StudentGroup(id="Y7"),
        StudentGroup(id="7A", parents=("Y7",), size=20),
        StudentGroup(id="7B", parents=("Y7",), size=20),
    )
    year = lesson("Y", teacher="T1", group="Y7")
    a = lesson("A", teacher="T2", group="7A", meetings=(1,))
    b = lesson("B", teacher="T3", group="7B", meetings=(1,))
    result, _ = solved(school(year, a, b, slots=2, groups=groups))
    assert result.status == "optimal"  # 7A and 7B meet side by side, the year lesson apart
    a2 = lesson("A", teacher="T2", group="7A", meetings=(1, 1))
    result, _ = solved(school(year, a2, b, slots=2, groups=groups))
    assert result.status == "infeasible"


def test_students_taught_one_by_one_cannot_be_in_two_places():
    students = (Student(id="S1"), Student(id="S2"))
    a = Activity(id="A", subject="S", teachers=("T1",), students=("S1",))
    b = Activity(id="B", subject="S", teachers=("T2",), students=("S1", "S2"))
    result, _ = solved(school(a, b, slots=1, students=students))
    assert result.status == "infeasible"
    result, _ = solved(school(a, b, slots=2, students=students))
    assert result.status == "optimal"
