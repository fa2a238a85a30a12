"""The checker judges hand-made timetables, good and bad, without any solver."""

from scheduler.model import (
    MaxGapsPerDay,
    Placement,
    Room,
    SlotRef,
    Solution,
    Target,
    Teacher,
)
from scheduler.solver.check import check
from tests.solver.school import lesson, school


def _timetable(*rows):
    return Solution(
        placements=tuple(
            Placement(activity=a, meeting=m, day="Mon", slot=s, room=r) for a, m, s, r in rows
        )
    )


ROOMS = (Room(id="R1", capacity=30), Room(id="LAB", type="lab", capacity=10))


def test_a_clean_timetable_has_no_violations():
    data = school(lesson("A"), lesson("B", teacher="T2", group="G2"), slots=2, rooms=ROOMS)
    report = check(data, _timetable(("A", 0, "P1", "R1"), ("B", 0, "P2", "R1")))
    assert report.hard_violations == 0 and report.soft_penalty == 0
    assert report.placed == report.meetings == 2


def test_clashes_of_teachers_groups_and_rooms_are_named():
    data = school(lesson("A"), lesson("B"), slots=2, rooms=ROOMS)
    report = check(data, _timetable(("A", 0, "P1", "R1"), ("B", 0, "P1", "R1")))
    rules = report.by_rule(hard=True)
    assert rules["teacher_conflict"][0] == 1
    assert rules["group_conflict"][0] == 1
    assert rules["room_conflict"][0] == 1
    messages = " ".join(v.message for v in report.violations)
    assert 'teacher "T1" has 2 lessons at Mon P1: "A" and "B"' in messages


def test_unplaced_breaks_wrong_rooms_and_unavailability():
    away = (Teacher(id="T1", unavailable=(SlotRef(day="Mon", slot="P1"),)),)
    data = school(
        lesson("A", meetings=(2, 1)),
        slots=3,
        break_after=1,
        rooms=ROOMS,
        teachers=away,
    )
    report = check(data, _timetable(("A", 0, "P1", "LAB")))
    rules = report.by_rule(hard=True)
    assert rules["placement"] == (1, 0)  # the double runs into the break
    assert rules["unplaced"] == (2, 0)
    report = check(data, _timetable(("A", 0, "P2", "LAB"), ("A", 1, "P1", "R1")))
    rules = report.by_rule(hard=True)
    assert rules["room_suitability"][0] == 1  # 20 students in a 10-seat lab
    assert rules["availability"][0] == 1


def test_soft_penalties_are_weighted_counts():
    rule = MaxGapsPerDay(
        id="gaps", target=Target(kind="teacher", id="T1"), max_gaps=0, hard=False, weight=5
    )
    data = school(lesson("A", meetings=(1, 1)), slots=4, constraints=[rule])
    report = check(data, _timetable(("A", 0, "P1", None), ("A", 1, "P4", None)))
    assert report.soft_penalty == 10
    assert report.to_dict()["soft_by_rule"] == {"max_gaps_per_day": {"count": 2, "penalty": 10}}


def test_placements_that_name_nothing_are_violations_not_errors():
    data = school(lesson("A"), slots=2)
    bad = Solution(
        placements=(
            Placement(activity="NOPE", meeting=0, day="Mon", slot="P1"),
            Placement(activity="A", meeting=5, day="Mon", slot="P1"),
            Placement(activity="A", meeting=0, day="Sun", slot="P1"),
        )
    )
    report = check(data, bad)
    assert report.by_rule(hard=True)["placement"] == (3, 0)
    assert report.by_rule(hard=True)["unplaced"] == (1, 0)
