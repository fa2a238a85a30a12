"""The calendar: days of their own shapes, ordered slots, and the runs a lesson can use."""

from __future__ import annotations

from datetime import time

import pytest
from conftest import ref, slot, small_calendar
from pydantic import ValidationError

from scheduler.model import Calendar, Day, Slot


def test_days_have_their_own_slots_of_different_lengths_and_kinds() -> None:
    cal = small_calendar()
    assert [d.label for d in cal.days] == ["Monday", "Tuesday", "Wednesday"]
    assert [len(d.slots) for d in cal.days] == [6, 2, 2]
    mon = cal.day("Mon")
    assert mon is not None
    assert [s.kind for s in mon.slots] == [
        "teaching",
        "teaching",
        "break",
        "teaching",
        "lunch",
        "teaching",
    ]
    assert cal.slot(ref("Tue", "P1")).minutes == 90
    assert cal.slot(ref("Mon", "B")).minutes == 20
    assert cal.slot(ref("Mon", "P1")).clock == "08:00–08:45"
    assert cal.teaching_slot_count == 8


def test_position_and_slot_lookup() -> None:
    cal = small_calendar()
    assert cal.position(ref("Mon", "P3")) == (0, 3)
    assert cal.position(ref("Tue", "P2")) == (1, 1)
    assert cal.position(ref("Tue", "P9")) is None
    assert cal.position(ref("Sun", "P1")) is None
    assert cal.slot(ref("Sun", "P1")) is None
    assert cal.day("Sun") is None
    assert cal.days[0].slot_index("L") == 4
    with pytest.raises(KeyError):
        cal.days[0].slot_index("nope")


def test_runs_of_teaching_slots_stop_at_breaks() -> None:
    cal = small_calendar()
    assert cal.longest_teaching_run() == 2
    assert cal.teaching_run_from(ref("Mon", "P1")) == 2
    assert cal.teaching_run_from(ref("Mon", "P2")) == 1
    assert cal.teaching_run_from(ref("Mon", "B")) == 0
    assert cal.teaching_run_from(ref("Mon", "P4")) == 1
    assert cal.teaching_run_from(ref("Nope", "P1")) == 0
    assert cal.teaching_days() == (0, 1, 2)


def test_a_day_of_breaks_only_is_not_a_teaching_day() -> None:
    cal = Calendar(
        days=(
            Day(id="A", slots=(slot("B", "08:00", "08:30", "break"),)),
            Day(id="B", slots=(slot("P1", "08:00", "08:45"),)),
            Day(id="Empty"),
        )
    )
    assert cal.teaching_days() == (1,)
    assert cal.teaching_slot_count == 1


def test_slot_must_end_after_it_starts() -> None:
    with pytest.raises(ValidationError, match="slot 'P1' ends at 08:00, not after its start"):
        Slot(id="P1", start=time(8), end=time(8))


def test_slots_of_a_day_must_not_overlap() -> None:
    with pytest.raises(ValidationError, match="slot 'P2' starts at 08:30, before slot 'P1' ends"):
        Day(id="Mon", slots=(slot("P1", "08:00", "08:45"), slot("P2", "08:30", "09:00")))


def test_slot_ids_are_unique_within_a_day() -> None:
    with pytest.raises(ValidationError, match="slot id 'P1' is used twice"):
        Day(id="Mon", slots=(slot("P1", "08:00", "08:45"), slot("P1", "09:00", "09:45")))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (-1, "expected a clock time such as '08:30'"),
        (28800, "expected a clock time such as '08:30'"),
        ("08:00Z", "a clock time has no time zone"),
        ("08:00-01:00", "a clock time has no time zone"),
        ("8 o'clock", "Input should be in a valid time format"),
    ],
)
def test_clock_times_are_plain_wall_clock_times(value: object, expected: str) -> None:
    with pytest.raises(ValidationError, match=expected):
        Slot(id="P1", start=value, end=time(23))


def test_seconds_survive_a_round_trip() -> None:
    odd = Slot(id="P1", start=time(8, 0, 30), end=time(8, 45))
    assert odd.model_dump(mode="json")["start"] == "08:00:30"
    assert Slot.model_validate(odd.model_dump(mode="json")) == odd


def test_clock_times_are_saved_as_hours_and_minutes() -> None:
    dumped = small_calendar().model_dump(mode="json")
    assert dumped["days"][0]["slots"][0]["start"] == "08:00"
    assert Calendar.model_validate(dumped) == small_calendar()


def test_edited_calendar_forgets_the_old_positions() -> None:
    cal = small_calendar()
    assert cal.position(ref("Mon", "P1")) == (0, 0)  # fills the cached look-up
    edited = cal.model_copy(update={"days": cal.days[1:]})
    assert edited.position(ref("Mon", "P1")) is None
    assert edited.position(ref("Tue", "P1")) == (0, 0)
