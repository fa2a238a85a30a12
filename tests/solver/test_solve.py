"""Solving as a whole: progress, cancel, determinism, hints, and bad input."""

import itertools
import threading

import pytest

from scheduler.model import InvalidSchoolError, Pin, SlotRef
from scheduler.solver.progress import CancelToken
from scheduler.solver.solve import SolveOptions, solve
from tests.solver.school import lesson, school, solved, starts


def _busy_school():
    acts = [
        lesson(f"{g}{s}", teacher=f"T{(i + k) % 4}", group=g, meetings=(1, 1))
        for i, g in enumerate(("G1", "G2", "G3", "G4"))
        for k, s in enumerate(("M", "E", "S"))
    ]
    return school(*acts, days=3, slots=3)


def test_progress_is_reported_through_a_plain_callback():
    seen = []
    result = solve(_busy_school(), SolveOptions(time_limit_s=10, workers=1), progress=seen.append)
    assert result.status == "optimal"
    assert seen and seen[-1].solutions >= 1
    assert all(b.elapsed_s >= a.elapsed_s for a, b in itertools.pairwise(seen))
    assert result.time_to_first_solution_s is not None


def test_one_worker_and_a_fixed_seed_give_the_same_timetable():
    first, _ = solved(_busy_school(), seed=7)
    second, _ = solved(_busy_school(), seed=7)
    assert starts(first) == starts(second)


def test_cancel_before_start_returns_promptly_without_crashing():
    token = CancelToken()
    token.cancel()
    result = solve(_busy_school(), SolveOptions(time_limit_s=30), cancel=token)
    assert result.wall_s < 5
    assert result.status in ("optimal", "feasible", "unknown")


def test_cancel_from_another_thread_stops_a_search():
    token = CancelToken()
    timer = threading.Timer(0.5, token.cancel)
    timer.start()
    result = solve(_large_enough(), SolveOptions(time_limit_s=60, workers=2), cancel=token)
    timer.cancel()
    assert result.wall_s < 10


def _large_enough():
    from samples.generate import generate

    return generate(students=300, seed=3)


def test_a_hint_is_followed_when_it_is_good():
    data = _busy_school()
    first, _ = solved(data, seed=1)
    again, _ = solved(data, seed=99, hint=first.solution)
    assert starts(again) == starts(first)


def test_invalid_data_raises_with_all_problems_named():
    bad = school(lesson("A", pins=(Pin(meeting=3, start=SlotRef(day="Mon", slot="P9")),)))
    with pytest.raises(InvalidSchoolError) as err:
        solve(bad)
    text = str(err.value)
    assert 'activity "A"' in text and "P9" in text


def test_unsupported_imported_rules_are_named_not_silently_dropped():
    from scheduler.model import Unsupported

    kept = [
        Unsupported(id="u1", origin="fet", type="ConstraintTeacherMaxHoursContinuously"),
        Unsupported(id="u2", origin="fet", type="ConstraintTeacherMaxHoursContinuously"),
        Unsupported(id="u3", origin="fet", type="ConstraintRoomNotAvailable", active=False),
    ]
    result, report = solved(school(lesson("A"), constraints=kept))
    assert result.status == "optimal"
    assert result.ignored == {"ConstraintTeacherMaxHoursContinuously": 2}
    assert report.hard_violations == 0
