"""Personalized time: internships, late starts, cycle days, lunch windows, minutes caps and lunch
waves, in the timetable step (classes) and the seating step (sections)."""

from __future__ import annotations

from collections import Counter

from scheduler.model import (
    Course,
    CourseRequest,
    Placement,
    SchoolData,
    Solution,
    Student,
    StudentGroup,
    Subject,
    Teacher,
)
from scheduler.model.personal import (
    CycleDays,
    DayRule,
    LunchAssignment,
    LunchWave,
    LunchWindow,
    MaxMinutes,
    PersonalBlock,
)
from scheduler.solver.check import check
from scheduler.solver.solve import SolveOptions, solve
from tests.solver.school import calendar, lesson, school, solved, starts

# The test calendar: P1 08:00-08:50, P2 08:55-09:45, P3 09:50-10:40 on Mon (and Tue).
ANA = Student(id="ANA", groups=("G1",))


def _with(data: SchoolData, **fields) -> SchoolData:
    return data.model_copy(update=fields)


def _hard(data: SchoolData, placements, **kw) -> dict[str, int]:
    solution = Solution(placements=tuple(Placement(**p) for p in placements), **kw)
    return check(data, solution).by_rule(hard=True)


def test_a_student_with_an_internship_never_gets_a_class_in_it():
    data = school(lesson("A"), slots=3, students=(ANA,))
    block = PersonalBlock(
        id="intern",
        name="Dental office",
        students=("ANA",),
        days=("Mon",),
        start="08:50",
        end="11:00",
    )
    data = _with(data, personal_blocks=(block,))
    result, _ = solved(data)
    assert starts(result)[("A", 0)] == ("Mon", "P1")
    moved = [dict(activity="A", meeting=0, day="Mon", slot="P2")]
    assert _hard(data, moved) == {"personal_block": (1, 0)}


def test_a_late_start_for_a_group_keeps_its_first_period_free_on_its_days_only():
    data = school(lesson("A", meetings=(1, 1)), days=2, slots=2, students=(ANA,))
    late = DayRule(id="late", groups=("G1",), days=("Mon",), time="08:55")
    data = _with(data, day_rules=(late,))
    result, _ = solved(data)
    assert starts(result)[("A", 0)] != ("Mon", "P1") and starts(result)[("A", 1)] != ("Mon", "P1")
    early = DayRule(id="early", kind="early_release", groups=("G1",), time="08:50")
    data = _with(data, day_rules=(early,))
    assert {v for v in starts(solved(data)[0]).values()} == {("Mon", "P1"), ("Tue", "P1")}


def test_an_activity_meets_only_on_its_cycle_days():
    data = school(lesson("A"), days=2, slots=1)
    data = _with(data, cycle_days=(CycleDays(id="b-week", activities=("A",), days=("Tue",)),))
    result, _ = solved(data)
    assert starts(result)[("A", 0)] == ("Tue", "P1")
    assert _hard(data, [dict(activity="A", meeting=0, day="Mon", slot="P1")]) == {
        "cycle_days": (1, 0)
    }


def test_a_lunch_window_keeps_enough_free_minutes_inside_it():
    window = LunchWindow(id="lunch", start="08:50", end="10:40", minutes=50)
    data = _with(school(lesson("A"), lesson("B"), slots=3), lunch_windows=(window,))
    result, _ = solved(data)
    assert {s for _, s in starts(result).values()} in ({"P1", "P2"}, {"P1", "P3"})
    both_late = [
        dict(activity="A", meeting=0, day="Mon", slot="P2"),
        dict(activity="B", meeting=0, day="Mon", slot="P3"),
    ]
    assert _hard(data, both_late) == {"lunch_window": (1, 0)}
    too_long = window.model_copy(update={"minutes": 100})
    data = _with(data, lunch_windows=(too_long,))
    assert solved(data)[0].status == "infeasible"  # only one 50-minute period can stay free


def test_max_minutes_per_day_counts_minutes_not_periods():
    cap = MaxMinutes(id="cap", groups=("G1",), max_minutes=100)
    data = _with(school(lesson("A", meetings=(1, 1, 1)), days=2, slots=3), max_minutes=(cap,))
    result, _ = solved(data)
    per_day = Counter(d for d, _ in starts(result).values())
    assert sorted(per_day.values()) == [1, 2]
    tight = _with(data, max_minutes=(cap.model_copy(update={"max_minutes": 50}),))
    assert solved(tight)[0].status == "infeasible"
    three = [dict(activity="A", meeting=i, day="Mon", slot=f"P{i + 1}") for i in range(3)]
    assert _hard(data, three) == {"max_minutes_per_day": (1, 0)}


# --- seated students (sections) -------------------------------------------------------------


def _request_school(students, **fields) -> SchoolData:
    courses = [Course(id=c, subject=c, meetings=(1,), section_capacity=30) for c in ("ART", "BIO")]
    return SchoolData(
        name="Personal test",
        calendar=calendar(1, 3),
        subjects=tuple(Subject(id=c.id) for c in courses),
        courses=tuple(courses),
        teachers=tuple(
            Teacher(id=f"T-{c.id}-{i}", subjects=(c.id,)) for c in courses for i in (1, 2)
        ),
        groups=(StudentGroup(id="G9"),),
        students=tuple(students),
        **fields,
    )


def _seat(data: SchoolData):
    result = solve(data, SolveOptions(time_limit_s=10, workers=1))
    assert result.solution is not None, result.reasons
    used = result.data or data
    report = check(used, result.solution)
    assert report.hard_violations == 0, [v.message for v in report.violations if v.hard]
    return result, used


def _asks(sid, *courses, groups=()):
    return Student(id=sid, groups=groups, requests=tuple(CourseRequest(course=c) for c in courses))


def test_every_student_gets_a_lunch_wave_within_its_capacity_and_free_of_class():
    waves = (
        LunchWave(id="A", start="08:55", end="09:45", capacity=3),
        LunchWave(id="B", start="09:50", end="10:40", capacity=3),
    )
    pupils = [_asks(f"S{i}", "ART", "BIO") for i in range(6)]
    result, used = _seat(_request_school(pupils, lunch_waves=waves))
    sizes = Counter(a.wave for a in result.solution.lunches)
    assert sum(sizes.values()) == 6 and max(sizes.values()) <= 3
    over = result.solution.model_copy(
        update={"lunches": tuple(LunchAssignment(student=f"S{i}", wave="A") for i in range(6))}
    )
    assert check(used, over).by_rule(hard=True)["lunch_wave"][0] >= 3  # 3 over capacity, at least


def test_a_group_pinned_to_a_wave_eats_in_it():
    waves = (
        LunchWave(id="A", start="08:55", end="09:45"),
        LunchWave(id="B", start="09:50", end="10:40", groups=("G9",)),
    )
    pupils = [_asks("S1", "ART", groups=("G9",)), _asks("S2", "ART")]
    result, _ = _seat(_request_school(pupils, lunch_waves=waves))
    assert result.solution.wave_by_student["S1"] == "B"


def test_a_seated_student_gets_no_section_in_their_internship_or_over_their_minutes():
    block = PersonalBlock(id="wbl", students=("S1",), days=("Mon",), start="08:00", end="08:50")
    cap = MaxMinutes(id="cap", students=("S2",), max_minutes=50)
    pupils = [_asks("S1", "ART"), _asks("S2", "ART", "BIO")]
    data = _request_school(pupils, personal_blocks=(block,), max_minutes=(cap,))
    result, _ = _seat(data)
    assert len(result.solution.sections_by_student["S2"]) == 1
    seated = result.solution.sections_by_student["S1"]
    slot = {p.activity: p.slot for p in result.solution.placements}
    assert all(slot[a] != "P1" for a in seated)


def test_class_based_school_gives_each_class_a_wave_its_lessons_leave_free():
    waves = (
        LunchWave(id="A", start="08:00", end="08:50", capacity=1),
        LunchWave(id="B", start="08:55", end="10:40", capacity=1),
    )
    pupils = (ANA, Student(id="BO", groups=("G2",)))
    data = school(lesson("A"), lesson("B", teacher="T2", group="G2"), slots=3, students=pupils)
    result, _ = solved(_with(data, lunch_waves=waves))
    wave = result.solution.wave_by_student
    assert sorted(wave.values()) == ["A", "B"]  # one seat each: the classes eat apart
    lesson_of = {"ANA": "A", "BO": "B"}
    for sid, w in wave.items():
        slot = starts(result)[(lesson_of[sid], 0)][1]
        assert slot in (("P2", "P3") if w == "A" else ("P1",))


def test_a_block_day_counts_its_long_slots_in_minutes():
    from scheduler.model import Calendar, Day, Slot

    def slots(prefix: str, length: int) -> tuple[Slot, ...]:
        starts = (8 * 60 + 100 * i for i in range(3))
        return tuple(
            Slot(id=f"{prefix}{i + 1}", start=f"{t // 60:02d}:{t % 60:02d}",
                 end=f"{(t + length) // 60:02d}:{(t + length) % 60:02d}")
            for i, t in enumerate(starts)
        )  # fmt: skip

    regular, block = Day(id="Mon", slots=slots("P", 50)), Day(id="Tue", slots=slots("B", 90))
    data = school(lesson("A", meetings=(1, 1, 1)), days=2, slots=3)
    data = _with(
        data,
        calendar=Calendar(days=(regular, block)),
        max_minutes=(MaxMinutes(id="cap", groups=("G1",), max_minutes=100),),
    )
    result, _ = solved(data)
    per_day = Counter(d for d, _ in starts(result).values())
    assert per_day == {"Mon": 2, "Tue": 1}  # two 50-minute periods, or one 90-minute block
