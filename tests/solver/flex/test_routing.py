"""Flex routing: tiers in order, seats, teachers who teach or are away, and the checker agrees."""

from __future__ import annotations

from scheduler.model import FlexRequest, Placement, SlotRef, Solution, Teacher, find_problems
from scheduler.solver.check import check
from scheduler.solver.stages.flex import route_flex
from tests.solver.flex.school import flex_school, timetable, want


def routed(data, solution=None):
    solution = solution or timetable()
    result = route_flex(data, solution)
    judged = check(data, solution.model_copy(update={"flex": result.assignments}))
    return result, {a.student: a.offering for a in result.assignments}, judged


def flex_rules(report, *, hard: bool) -> dict[str, int]:
    return {k: c for k, (c, _) in report.by_rule(hard=hard).items() if k.startswith("flex")}


def test_sample_school_is_valid() -> None:
    assert find_problems(flex_school()) == []


def test_every_student_in_exactly_one_offering_and_the_checker_agrees() -> None:
    result, where, report = routed(flex_school(students=6))
    assert sorted(where) == [f"S{i}" for i in range(1, 7)]
    assert result.routed == result.participants == 6
    assert flex_rules(report, hard=True) == {} and flex_rules(report, hard=False) == {}


def test_mandatory_beats_teacher_request_beats_choice() -> None:
    # F1 seats two. S1 and S2 must go (mandatory); S3's teacher asks for F1; S4 chose it first.
    asks = (
        want("S4", "F1", rank=1),
        want("S3", "F1", "teacher"),
        want("S1", "F1", "mandatory"),
        want("S2", "F1", "mandatory"),
    )
    result, where, report = routed(flex_school(requests=asks))
    assert where["S1"] == where["S2"] == "F1"
    assert where["S3"] != "F1" and where["S4"] != "F1"
    assert result.requests == {"mandatory": [2, 2], "teacher": [1, 0]}
    [missed] = result.unhonoured
    assert (missed.student, missed.tier) == ("S3", "teacher") and "full" in missed.reason
    assert flex_rules(report, hard=True) == {}
    assert flex_rules(report, hard=False) == {"flex_request": 1}


def test_teacher_request_beats_a_first_choice() -> None:
    asks = (
        want("S1", "F2", rank=1),
        want("S2", "F2", rank=1),
        want("S3", "F2", "teacher"),
    )
    result, where, _ = routed(flex_school(requests=asks))
    assert where["S3"] == "F2"
    assert result.choices["first"] == 1 and result.choices["students"] == 2


def test_choices_by_rank_then_default_advisory() -> None:
    asks = (
        want("S1", "F1", rank=1),
        want("S1", "F2", rank=2),
        want("S2", "F1", rank=1),
        want("S3", "F1", rank=1),
        want("S3", "F2", rank=2),
    )
    result, where, _ = routed(flex_school(requests=asks, advisees=("S4", "S5", "S6")))
    assert sorted(where[s] for s in ("S1", "S2", "S3")) == ["F1", "F1", "F2"]
    assert where["S2"] == "F1"  # without a second choice, S2 keeps the first
    assert {where[s] for s in ("S4", "S5", "S6")} == {"F3"} and result.advisory == 3
    assert (result.choices["first"], result.choices["second"]) == (2, 1)


def test_seats_never_exceeded_and_a_full_school_is_reported() -> None:
    result, _, report = routed(flex_school(students=8, seats=(2, 2, 3)))
    assert result.routed == 7 and len(result.unrouted) == 1
    sizes = {s.offering: s.size for s in result.sizes}
    assert sizes == {"F1": 2, "F2": 2, "F3": 3}
    assert flex_rules(report, hard=True) == {"flex_student": 1}  # the checker sees the 8th


def test_teacher_with_a_lesson_in_the_window_runs_nothing() -> None:
    window = (SlotRef(day="TUE", slot="P1"),)  # a teaching period this time
    data = flex_school(window=window, requests=(want("S1", "F1", "mandatory"),))
    busy = Solution(placements=(Placement(activity="MATH", meeting=0, day="TUE", slot="P1"),))
    data = data.model_copy(update={"groups": (*data.groups,)})
    result, where, _ = routed(data, busy)
    # the lesson is for every student, so nobody is free: all are away, none routed
    assert result.participants == 0 and len(result.away) == 6
    assert where == {}
    closed = {s.offering: s.closed for s in result.sizes if s.closed}
    assert list(closed) == ["F1"] and 'teaches "MATH"' in closed["F1"]
    assert "cannot attend" in result.unhonoured[0].reason


def test_teacher_away_closes_the_offering_and_says_why() -> None:
    data = flex_school(requests=(want("S1", "F1", "mandatory"), want("S2", "F2", "teacher")))
    away = Teacher(id="T1", subjects=("M",), unavailable=(SlotRef(day="THU", slot="FLEX"),))
    data = data.model_copy(update={"teachers": (away, *data.teachers[1:])})
    result, where, report = routed(data)
    assert "F1" not in where.values() and where["S2"] == "F2"
    assert result.requests["mandatory"] == [1, 0]
    why = result.unhonoured[0].reason
    assert "closed" in why and "not available" in why
    assert flex_rules(report, hard=True) == {}


def test_checker_catches_a_hand_made_routing_that_skips_a_tier() -> None:
    data = flex_school(requests=(FlexRequest(student="S1", offering="F1", tier="mandatory"),))
    result = route_flex(data, timetable())
    moved = tuple(
        a.model_copy(update={"offering": "F3"}) if a.student == "S1" else a
        for a in result.assignments
    )
    report = check(data, timetable().model_copy(update={"flex": moved}))
    assert flex_rules(report, hard=True) == {"flex_tiers": 1}


def test_checker_catches_a_teacher_double_booked_with_a_class() -> None:
    data = flex_school(window=(SlotRef(day="TUE", slot="P2"),), students=2)
    lesson = Solution(placements=(Placement(activity="MATH", meeting=0, day="MON", slot="P1"),))
    result = route_flex(data, lesson)
    moved = Solution(
        placements=(Placement(activity="MATH", meeting=0, day="TUE", slot="P2"),),
        flex=tuple(a.model_copy(update={"offering": "F1"}) for a in result.assignments[:1]),
    )
    report = check(data, moved)
    assert flex_rules(report, hard=True)["flex_teacher"] == 1


def test_two_blocks_are_routed_apart_and_only_their_groups_take_part() -> None:
    from scheduler.model import FlexBlock, FlexOffering, StudentGroup

    data = flex_school(students=4)
    tue = FlexBlock(id="TUE", slots=(SlotRef(day="TUE", slot="FLEX"),), groups=("A",))
    thu = FlexBlock(id="THU", slots=(SlotRef(day="THU", slot="FLEX"),))
    data = data.model_copy(
        update={
            "groups": (*data.groups, StudentGroup(id="A", parents=("Y9",))),
            "students": tuple(
                s.model_copy(update={"groups": ("A",)}) if s.id in ("S1", "S2") else s
                for s in data.students
            ),
            "flex_blocks": (tue, thu),
            "flex_offerings": (
                FlexOffering(id="T-1", block="TUE", teacher="T1", room="R1"),
                FlexOffering(id="H-1", block="THU", teacher="T1", room="R1"),
                FlexOffering(id="H-2", block="THU", teacher="T2", room="R2"),
            ),
            "flex_requests": (want("S3", "T-1", "mandatory"),),
        }
    )
    assert find_problems(data) == []
    result, _, report = routed(data)
    per_block: dict[str, list[str]] = {}
    for a in result.assignments:
        per_block.setdefault(a.offering[0], []).append(a.student)
    assert sorted(per_block["T"]) == ["S1", "S2"]  # only group A on Tuesday
    assert sorted(per_block["H"]) == ["S1", "S2", "S3", "S4"]
    assert "not in its groups" in result.unhonoured[0].reason
    assert flex_rules(report, hard=True) == {}


def test_a_student_with_personal_time_in_the_window_stays_away() -> None:
    data = flex_school(students=3, requests=(want("S1", "F1", "mandatory"),))
    away = data.students[0].model_copy(update={"unavailable": (SlotRef(day="TUE", slot="FLEX"),)})
    data = data.model_copy(update={"students": (away, *data.students[1:])})
    result, where, report = routed(data)
    assert "S1" not in where and result.participants == 2
    assert "personal time" in result.away[0][2]
    assert flex_rules(report, hard=True) == {}
    assert flex_rules(report, hard=False) == {"flex_request": 1}


def test_an_internship_or_a_late_start_over_the_window_keeps_the_student_away() -> None:
    """Personal blocks and day rules are clock times; a flex slot is no teaching slot, yet a
    student who is away at that time is not routed into an offering."""
    from scheduler.model.personal import DayRule, PersonalBlock

    data = flex_school(students=4, requests=(want("S1", "F1", "mandatory"),))
    data = data.model_copy(
        update={
            "personal_blocks": (
                PersonalBlock(
                    id="AWAY", students=("S1",), days=("TUE",), start="09:55", end="12:00"
                ),
            ),
            "day_rules": (DayRule(id="late", students=("S2",), days=("THU",), time="10:45"),),
        }
    )
    result, where, report = routed(data)
    assert "S1" not in where and "S2" not in where and result.participants == 2
    assert all("personal time" in reason for _, _, reason in result.away)
    assert flex_rules(report, hard=True) == {}
