"""The medium sample's flex block: a FLEX slot on Tuesday and Thursday, offerings and tiers."""

from __future__ import annotations

from collections import Counter

from samples.flex import with_flex
from samples.generate import SAMPLES_DIR
from samples.requests import request_school
from scheduler.io.project_file import load_project
from scheduler.model import Solution, find_problems
from scheduler.solver.check import check
from scheduler.solver.stages.flex import route_flex


def test_flex_days_keep_their_periods_and_gain_a_flex_slot() -> None:
    data = with_flex(request_school(students=60, seed=3))
    assert find_problems(data) == []
    for day in data.calendar.days:
        kinds = [s.kind for s in day.slots]
        assert kinds.count("flex") == (1 if day.id in ("TUE", "THU") else 0)
        assert [s.id for s in day.slots if s.teaching] == [f"P{i}" for i in range(1, 9)]
    tue = data.calendar.day("TUE")
    flex = next(s for s in tue.slots if s.kind == "flex")
    assert flex.minutes == 40 and {s.minutes for s in tue.slots if s.teaching} == {45}
    assert [s.id for s in tue.slots].index("FLEX") == [s.id for s in tue.slots].index("BRK") + 1


def test_flex_mornings_leave_the_personal_day_afternoon_as_it_was() -> None:
    """With lunch waves and time away set by clock time, only the morning gives up minutes:
    every wave and the 13:00 departures still fall on whole periods on the flex days."""
    plain = request_school(students=60, seed=3, personal=True)
    data = with_flex(plain)
    assert find_problems(data) == []
    before, tue = plain.calendar.day("TUE"), data.calendar.day("TUE")
    p5 = next(s for s in before.slots if s.id == "P5")
    assert [s for s in tue.slots if s.start >= p5.start] == [
        s for s in before.slots if s.start >= p5.start
    ]
    flex = next(s for s in tue.slots if s.kind == "flex")
    assert (f"{flex.start:%H:%M}", flex.minutes) == ("10:10", 30)
    assert {s.minutes for s in tue.slots if s.teaching and s.start < flex.start} == {35}
    for wave in data.lunch_waves:
        periods = [s for s in tue.slots if s.start < wave.end and s.end > wave.start]
        assert len(periods) == 1 and periods[0].teaching


def test_every_tier_is_present_and_routing_on_a_timetable_is_clean() -> None:
    data = with_flex(request_school(students=120, seed=4))
    tiers = Counter(r.tier for r in data.flex_requests)
    assert tiers["mandatory"] and tiers["teacher"] and tiers["choice"]
    assert any(o.advisees for o in data.flex_offerings)
    # No lesson can sit in a flex slot, so an empty timetable leaves the same people free.
    result = route_flex(data, Solution())
    assert result.routed == result.participants == 120
    assert result.honoured_pct("mandatory") == 100.0 and result.honoured_pct("teacher") == 100.0
    report = check(data, Solution(flex=result.assignments))
    flex_hard = {k for k in report.by_rule(hard=True) if k.startswith("flex")}
    assert flex_hard == set()


def test_the_bundled_medium_sample_has_the_flex_block() -> None:
    data = load_project(SAMPLES_DIR / "northside-academy.flexday").scenario().data
    assert [b.id for b in data.flex_blocks] == ["FLEX"] and len(data.flex_offerings) >= 20
