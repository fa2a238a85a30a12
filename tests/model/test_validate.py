"""find_problems: one tiny broken school per check, and the exact words the user will read."""

from __future__ import annotations

import pytest
from conftest import ref, slot, small_school
from pydantic import ValidationError

from scheduler.model import (
    Activity,
    Availability,
    Calendar,
    Course,
    CourseRequest,
    Day,
    InvalidSchoolError,
    MaxGapsPerDay,
    MinDaysBetween,
    Pin,
    PreferredTimes,
    Room,
    SchoolData,
    Student,
    StudentGroup,
    Target,
    Teacher,
    ensure_valid,
    find_problems,
)


def messages(data: SchoolData) -> list[str]:
    return [str(p) for p in find_problems(data)]


def bare(**changes) -> SchoolData:
    """The small school without activities, students and rules, which would otherwise report
    the references a test removes."""
    return small_school(**{"activities": (), "students": (), "constraints": (), **changes})


def with_activity(**fields) -> SchoolData:
    """The small school plus one activity; the activity's own fields are what the test varies."""
    school = small_school()
    base = {"id": "Math 7A", "subject": "MA", "teachers": ("T1",), "groups": ("7A",)}
    return school.model_copy(
        update={"activities": (*school.activities, Activity(**{**base, **fields}))}
    )


def test_the_small_school_is_valid() -> None:
    assert find_problems(small_school()) == []
    ensure_valid(small_school())


# --- references -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"teachers": ("T99",)}, 'activity "Math 7A": unknown teacher "T99"'),
        ({"groups": ("7Z",)}, 'activity "Math 7A": unknown group "7Z"'),
        ({"students": ("S9",)}, 'activity "Math 7A": unknown student "S9"'),
        ({"rooms": ("R9",)}, 'activity "Math 7A": unknown room "R9"'),
        ({"subject": "XX"}, 'activity "Math 7A": unknown subject "XX"'),
        ({"course": "C9"}, 'activity "Math 7A": unknown course "C9"'),
    ],
)
def test_activity_references(fields: dict, expected: str) -> None:
    found = find_problems(with_activity(**fields))
    assert [str(p) for p in found] == [expected]
    assert found[0].entity == "activity"
    assert found[0].id == "Math 7A"
    assert found[0].field == next(iter(fields))


def test_teacher_subject_and_unavailable_slot() -> None:
    data = bare(teachers=(Teacher(id="T4", subjects=("XX",), unavailable=(ref("Mon", "P9"),)),))
    assert messages(data) == [
        'teacher "T4": unknown subject "XX"',
        'teacher "T4": unknown slot "P9" on day "Mon"',
    ]


def test_room_group_and_student_unavailable_slots() -> None:
    school = small_school()
    data = bare(
        rooms=(Room(id="R1", unavailable=(ref("Sun", "P1"),)),),
        groups=(*school.groups, StudentGroup(id="G", unavailable=(ref("Tue", "P7"),))),
        students=(Student(id="S1", unavailable=(ref("Wed", "X"),)),),
    )
    assert messages(data) == [
        'room "R1": unknown slot "P1" on day "Sun"',
        'group "G": unknown slot "P7" on day "Tue"',
        'student "S1": unknown slot "X" on day "Wed"',
    ]


def test_course_subject() -> None:
    data = bare(courses=(Course(id="C1", subject="XX"),))
    assert messages(data) == ['course "C1": unknown subject "XX"']


def test_student_groups_requests_and_alternates() -> None:
    student = Student(
        id="S7",
        groups=("7Q",),
        requests=(CourseRequest(course="C-MA7", alternates=("C-ART",)), CourseRequest(course="C9")),
    )
    assert messages(bare(students=(student,))) == [
        'student "S7": unknown group "7Q"',
        'student "S7": unknown course "C-ART"',
        'student "S7": unknown course "C9"',
    ]


def test_group_parent() -> None:
    data = bare(groups=(StudentGroup(id="7A", parents=("Y8",)),))
    assert messages(data) == ['group "7A": unknown group "Y8"']


# --- pins -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pins", "expected"),
    [
        ((Pin(meeting=0, room="R9"),), 'activity "Math 7A": unknown room "R9"'),
        ((Pin(meeting=0, start=ref("Fri", "P1")),), 'unknown slot "P1" on day "Fri"'),
        ((Pin(meeting=2),), "pin for meeting 3, but the activity has 2 meetings"),
        ((Pin(meeting=0), Pin(meeting=0)), "meeting 1 is pinned 2 times"),
        (
            (Pin(meeting=1, start=ref("Mon", "P2")),),
            'meeting 2 (2 slot(s)) is pinned to start at "Mon P2", where it does not fit',
        ),
        (
            (Pin(meeting=0, start=ref("Mon", "L")),),
            'meeting 1 (1 slot(s)) is pinned to start at "Mon L", where it does not fit',
        ),
        (
            (Pin(meeting=0, room="LAB"),),
            'meeting 1 is pinned to room "LAB", which the activity does not allow',
        ),
    ],
)
def test_pins(pins: tuple[Pin, ...], expected: str) -> None:
    found = find_problems(with_activity(meetings=(1, 2), room_types=("class",), pins=pins))
    assert len(found) == 1, found
    assert expected in str(found[0])
    assert (found[0].id, found[0].field) == ("Math 7A", "pins")


def test_a_pin_that_fits_is_fine() -> None:
    pins = (Pin(meeting=1, start=ref("Tue", "P1"), room="R1"),)
    assert messages(with_activity(meetings=(1, 2), pins=pins)) == []


# --- constraints ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["teacher", "group", "room", "student"])
def test_constraint_target(kind: str) -> None:
    rule = Availability(id="K9", target=Target(kind=kind, id="nobody"), slots=(ref("Mon", "P1"),))
    assert messages(small_school(constraints=(rule,))) == [
        f'constraint "K9": unknown {kind} "nobody"'
    ]


def test_constraint_activities_and_slots() -> None:
    rule = PreferredTimes(id="K9", activities=("MA-7A", "GONE"), slots=(ref("Mon", "P0"),))
    assert messages(small_school(constraints=(rule,))) == [
        'constraint "K9": unknown activity "GONE"',
        'constraint "K9": unknown slot "P0" on day "Mon"',
    ]


def test_availability_slots_are_checked() -> None:
    rule = Availability(id="K9", target=Target(kind="room", id="R1"), slots=(ref("Tue", "P3"),))
    assert messages(small_school(constraints=(rule,))) == [
        'constraint "K9": unknown slot "P3" on day "Tue"'
    ]


def test_max_gaps_per_day_is_not_for_rooms() -> None:
    with pytest.raises(ValidationError, match="applies to teachers, groups and students"):
        MaxGapsPerDay(id="K", target=Target(kind="room", id="R1"))


# --- duplicates -------------------------------------------------------------------------------


def test_duplicate_ids() -> None:
    school = small_school()
    data = school.model_copy(
        update={
            "teachers": (*school.teachers, Teacher(id="T1")),
            "activities": (*school.activities, *school.activities[:1]),
            "calendar": Calendar(days=(*school.calendar.days, school.calendar.days[0])),
        }
    )
    assert messages(data) == [
        'day "Mon": id is used by 2 day entries',
        'teacher "T1": id is used by 2 teacher entries',
        'activity "MA-7A": id is used by 2 activity entries',
    ]


# --- lessons that cannot fit ------------------------------------------------------------------


def test_meeting_longer_than_any_run_of_teaching_slots() -> None:
    assert messages(with_activity(meetings=(3,))) == [
        'activity "Math 7A": meeting 1 lasts 3 slots but no day has more than 2 teaching slots '
        "in a row"
    ]


def test_meeting_of_no_length_and_no_meetings() -> None:
    assert messages(with_activity(meetings=(1, 0))) == [
        'activity "Math 7A": meeting 2 lasts 0 slots'
    ]
    assert messages(with_activity(meetings=())) == [
        'activity "Math 7A": the activity has no meetings'
    ]


def test_course_meeting_too_long() -> None:
    data = bare(courses=(Course(id="C-MA7", subject="MA", meetings=(4,)),))
    assert messages(data) == [
        'course "C-MA7": meeting 1 lasts 4 slots but no day has more than 2 teaching slots in a row'
    ]


def test_min_days_between_impossible_for_the_cycle() -> None:
    # Three teaching days: three meetings one day apart fit, two days apart do not.
    assert messages(with_activity(meetings=(1, 1, 1), min_days_between=1)) == []
    assert messages(with_activity(meetings=(1, 1), min_days_between=2)) == []
    assert messages(with_activity(meetings=(1, 1, 1), min_days_between=2)) == [
        'activity "Math 7A": 3 meetings 2 day(s) apart need more days with teaching slots than '
        "the cycle has (3)"
    ]


def test_min_days_between_counts_only_days_with_teaching() -> None:
    # A fourth day that only has a break does not make room for a fourth meeting.
    school = small_school()
    days = (*school.calendar.days, Day(id="Sat", slots=(slot("B", "10:00", "10:30", "break"),)))
    lesson = Activity(id="A", subject="MA", meetings=(1, 1, 1, 1), min_days_between=1)
    data = bare(calendar=Calendar(days=days), activities=(lesson,))
    assert messages(data) == [
        'activity "A": 4 meetings 1 day(s) apart need more days with teaching slots than the '
        "cycle has (3)"
    ]


def test_hard_min_days_between_rule_impossible_for_the_cycle() -> None:
    # MA-7A has 2 meetings and FR-7 one; 3 meetings two days apart need 5 days.
    rule = MinDaysBetween(id="K9", activities=("MA-7A", "FR-7"), min_days=2)
    assert messages(small_school(constraints=(rule,))) == [
        'constraint "K9": 3 meetings 2 day(s) apart need more days with teaching slots than the '
        "cycle has (3)"
    ]
    soft = rule.model_copy(update={"hard": False})
    assert messages(small_school(constraints=(soft,))) == []
    off = rule.model_copy(update={"active": False})
    assert messages(small_school(constraints=(off,))) == []


# --- groups -----------------------------------------------------------------------------------


def test_group_that_is_its_own_parent() -> None:
    data = bare(groups=(StudentGroup(id="G", parents=("G",)),))
    assert messages(data) == ['group "G": the group is its own ancestor']


def test_group_cycle_is_reported_for_each_member() -> None:
    groups = (
        StudentGroup(id="A", parents=("C",)),
        StudentGroup(id="B", parents=("A",)),
        StudentGroup(id="C", parents=("B",)),
        StudentGroup(id="D", parents=("A",)),
    )
    data = bare(groups=groups)
    assert messages(data) == [f'group "{g}": the group is its own ancestor' for g in "ABC"]


def test_overlapping_divisions_share_subgroups() -> None:
    school = small_school()
    assert school.leaf_groups(["7A"]) == {"7A-FR", "7A-X"}
    assert school.leaf_groups(["FR"]) == {"7A-FR"}
    assert school.leaf_groups(["Y7"]) == {"7A-FR", "7A-X"}
    assert school.ancestors("7A-FR") == {"7A-FR", "7A", "FR", "Y7"}
    assert school.children["Y7"] == ("7A", "FR")


# --- rooms ------------------------------------------------------------------------------------


def test_no_room_is_big_enough() -> None:
    data = with_activity(size=40)
    assert messages(data) == [
        'activity "Math 7A": 40 students but the largest allowed room seats 30'
    ]


def test_attendance_comes_from_subgroups_else_the_named_groups() -> None:
    school = small_school()
    assert school.attendance(with_activity().activities[-1]) == 25  # 7A-FR 12 + 7A-X 13
    groups = (
        StudentGroup(id="Y8", size=60),
        StudentGroup(id="8A", parents=("Y8",), size=0),
        StudentGroup(id="8B", parents=("Y8",), size=0),
    )
    sized = bare(groups=groups)
    assert sized.attendance(Activity(id="A", subject="MA", groups=("Y8", "8A"))) == 60
    data = sized.model_copy(
        update={"activities": (Activity(id="Assembly", subject="MA", groups=("Y8",)),)}
    )
    assert messages(data) == [
        'activity "Assembly": 60 students but the largest allowed room seats 30'
    ]


def test_no_room_of_the_wanted_type() -> None:
    assert messages(with_activity(room_types=("gym",))) == [
        'activity "Math 7A": no room of type gym is allowed for it'
    ]


def test_activities_without_a_room_are_not_checked_for_size() -> None:
    assert messages(with_activity(size=400, needs_room=False)) == []


# --- calendar and the whole list --------------------------------------------------------------


def test_calendar_without_days_or_teaching_slots() -> None:
    empty = SchoolData()
    assert messages(empty) == ["calendar: the calendar has no days"]
    breaks = Calendar(days=(Day(id="Mon", slots=(slot("B", "10:00", "10:20", "break"),)),))
    assert messages(SchoolData(calendar=breaks)) == ["calendar: the calendar has no teaching slots"]


def test_ensure_valid_lists_every_problem() -> None:
    data = with_activity(teachers=("T98", "T99"))
    with pytest.raises(InvalidSchoolError) as info:
        ensure_valid(data)
    assert len(info.value.problems) == 2
    assert str(info.value).startswith("2 problem(s) in the school data:")
    assert '  - activity "Math 7A": unknown teacher "T99"' in str(info.value)
