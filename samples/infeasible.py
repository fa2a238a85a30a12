"""Deliberately infeasible schools, one of each kind, for the Explain tests and benchmark.

Each tiny school has one reason it cannot be timetabled; ``away_most_of_the_week`` turns a real
sample into a larger one (its busiest teacher unavailable on every day but the first).
"""

from __future__ import annotations

from collections import Counter

from scheduler.model import (
    Activity,
    Availability,
    Calendar,
    Course,
    CourseRequest,
    Day,
    MaxPerDay,
    Pin,
    Room,
    SchoolData,
    Slot,
    SlotRef,
    Student,
    StudentGroup,
    Subject,
    Target,
    Teacher,
)

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri")


def _calendar(days: int, slots: int) -> Calendar:
    def slot(p: int) -> Slot:
        start = 8 * 60 + 55 * (p - 1)
        end = start + 50
        return Slot(
            id=f"P{p}",
            start=f"{start // 60:02d}:{start % 60:02d}",
            end=f"{end // 60:02d}:{end % 60:02d}",
        )

    return Calendar(
        days=tuple(
            Day(id=d, slots=tuple(slot(p) for p in range(1, slots + 1))) for d in DAYS[:days]
        )
    )


def _lesson(aid: str, teacher: str | None, group: str | None, **kw) -> Activity:
    return Activity(
        id=aid,
        subject="S",
        teachers=(teacher,) if teacher else (),
        groups=(group,) if group else (),
        **kw,
    )


def _school(activities, *, days=1, slots=3, teachers=None, groups=None, **kw) -> SchoolData:
    teacher_ids = sorted({t for a in activities for t in a.teachers})
    group_ids = sorted({g for a in activities for g in a.groups})
    return SchoolData(
        name="Infeasible school",
        calendar=_calendar(days, slots),
        subjects=(Subject(id="S", name="Subject"),),
        teachers=teachers or tuple(Teacher(id=t) for t in teacher_ids),
        groups=groups or tuple(StudentGroup(id=g, size=20) for g in group_ids),
        activities=tuple(activities),
        **kw,
    )


def _away(day: str, *slots: str) -> tuple[SlotRef, ...]:
    return tuple(SlotRef(day=day, slot=s) for s in slots)


def teacher_overload() -> SchoolData:
    """Ms Ortiz (T1) teaches 5 lessons in 2 days of 3 periods but is away Tuesday P1-P2."""
    ortiz = Teacher(id="T1", name="Ms Ortiz", unavailable=_away("Tue", "P1", "P2"))
    lessons = [_lesson(f"A{i}", "T1", f"G{i}") for i in range(5)]
    return _school(lessons, days=2, teachers=(ortiz,))


def group_overload() -> SchoolData:
    """Class 10A has 6 lessons in 2 days of 3 periods but is out on Monday P3."""
    tenth = StudentGroup(id="10A", name="Class 10A", size=20, unavailable=_away("Mon", "P3"))
    lessons = [_lesson(f"A{i}", f"T{i}", "10A") for i in range(6)]
    return _school(lessons, days=2, groups=(tenth,))


def more_lessons_than_the_week() -> SchoolData:
    """G1 has 4 lessons in a week of 3 periods: nothing to lift, the lessons do not fit."""
    return _school([_lesson(f"A{i}", f"T{i}", "G1") for i in range(4)])


def too_few_labs() -> SchoolData:
    """Three chemistry lessons pinned to Monday P1, two labs."""
    labs = tuple(Room(id=f"L{i}", name=f"Lab {i}", type="lab") for i in (1, 2))
    mon1 = Pin(meeting=0, start=SlotRef(day="Mon", slot="P1"))
    lessons = [
        _lesson(f"Chem{i}", f"T{i}", f"G{i}", room_types=("lab",), pins=(mon1,)) for i in range(3)
    ]
    return _school(lessons, rooms=labs)


def internship() -> SchoolData:
    """Ana Diaz (S1) takes Bio and Art twice a week each, but is at her internship on Monday."""
    ana = Student(id="S1", name="Ana Diaz", unavailable=_away("Mon", "P1", "P2", "P3"))
    lessons = [
        _lesson(aid, teacher, None, students=("S1",), meetings=(1, 1))
        for aid, teacher in (("Bio", "T1"), ("Art", "T2"))
    ]
    return _school(lessons, days=2, students=(ana,))


def rule_against_availability() -> SchoolData:
    """T1 may teach one lesson a day (hard), has two, and is away all Tuesday."""
    rule = MaxPerDay(id="one-a-day", target=Target(kind="teacher", id="T1"), max_slots=1)
    away = Availability(
        id="T1-tue", target=Target(kind="teacher", id="T1"), slots=_away("Tue", "P1", "P2", "P3")
    )
    lessons = [_lesson("A", "T1", "G1"), _lesson("B", "T1", "G2")]
    return _school(lessons, days=2, constraints=(rule, away))


def clashing_pins() -> SchoolData:
    """T1's Math and Physics are both pinned to Monday P1."""
    mon1 = Pin(meeting=0, start=SlotRef(day="Mon", slot="P1"))
    lessons = [
        _lesson("Math", "T1", "G1", pins=(mon1,)),
        _lesson("Physics", "T1", "G2", pins=(mon1,)),
    ]
    return _school(lessons)


def teacher_daily_cap() -> SchoolData:
    """Mr Lee (T1) may teach one slot a day, has two lessons, in a one-day week."""
    lee = Teacher(id="T1", name="Mr Lee", max_slots_per_day=1)
    return _school([_lesson("A", "T1", "G1"), _lesson("B", "T1", "G2")], teachers=(lee,))


def requests_vs_internship() -> SchoolData:
    """Ana Diaz (S1) requests Biology (2 meetings) and Art (1), both required, but is free for
    only 2 slots of 6. A timetable exists; her required courses cannot all be given."""
    ana = Student(
        id="S1",
        name="Ana Diaz",
        unavailable=_away("Mon", "P1", "P2", "P3") + _away("Tue", "P1"),
        requests=(CourseRequest(course="BIO"), CourseRequest(course="ART")),
    )
    bo = Student(id="S2", name="Bo Berg", requests=(CourseRequest(course="BIO"),))
    courses = (
        Course(id="BIO", name="Biology", subject="S", meetings=(1, 1), section_capacity=20),
        Course(id="ART", name="Art", subject="S", meetings=(1,), section_capacity=20),
    )
    teachers = tuple(Teacher(id=t, subjects=("S",)) for t in ("T1", "T2"))
    return _school([], days=2, teachers=teachers, courses=courses, students=(ana, bo))


TINY = {
    "teacher overload": teacher_overload,
    "group overload": group_overload,
    "more lessons than the week": more_lessons_than_the_week,
    "too few labs in a slot": too_few_labs,
    "required courses vs internship": internship,
    "hard rule vs availability": rule_against_availability,
    "clashing pins": clashing_pins,
    "teacher daily cap": teacher_daily_cap,
}


def away_most_of_the_week(data: SchoolData) -> tuple[SchoolData, str]:
    """The school with its busiest teacher (most lesson slots) away on every day but the first;
    also returns that teacher's id."""
    load: Counter[str] = Counter()
    for a in data.activities:
        for t in a.teachers:
            load[t] += sum(a.meetings)
    busiest = load.most_common(1)[0][0]
    first = data.calendar.days[0].id
    away = tuple(
        SlotRef(day=d.id, slot=s.id)
        for d in data.calendar.days
        if d.id != first
        for s in d.slots
        if s.teaching
    )
    teachers = tuple(
        t.model_copy(update={"unavailable": away}) if t.id == busiest else t for t in data.teachers
    )
    return data.model_copy(update={"teachers": teachers}), busiest
