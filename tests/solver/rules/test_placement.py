import pytest

from scheduler.model import InvalidSchoolError, Pin, SlotRef, Teacher
from tests.solver.school import lesson, school, solved


def test_a_double_lesson_never_spans_a_break():
    with pytest.raises(InvalidSchoolError, match="no day has more than 1 teaching slots"):
        solved(school(lesson("A", meetings=(2,)), slots=2, break_after=1))
    result, _ = solved(school(lesson("A", meetings=(2,)), slots=3, break_after=1))
    assert result.solution.placements[0].slot == "P2"
    closed = (Teacher(id="T1", unavailable=(SlotRef(day="Mon", slot="P3"),)),)
    result, _ = solved(school(lesson("A", meetings=(2,)), slots=3, break_after=1, teachers=closed))
    assert result.status == "infeasible"
    assert "no possible time" in result.reasons[0]


def test_pinned_meetings_stay_put():
    a = lesson("A", meetings=(1, 1), pins=(Pin(meeting=1, start=SlotRef(day="Mon", slot="P3")),))
    result, _ = solved(school(a, slots=3))
    assert result.solution.placement("A", 1).slot == "P3"


def test_a_pin_that_breaks_a_hard_rule_is_reported_not_crashed():
    away = (Teacher(id="T1", unavailable=(SlotRef(day="Mon", slot="P1"),)),)
    a = lesson("A", pins=(Pin(meeting=0, start=SlotRef(day="Mon", slot="P1")),))
    result, _ = solved(school(a, slots=3, teachers=away))
    assert result.status == "infeasible"
    assert "pinned" in result.reasons[0]
