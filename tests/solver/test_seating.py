"""The greedy first seating when a repair keeps seats and a student has a daily-minutes cap or a
lunch to fit: kept seats stay within the cap, and the lunch is chosen around them."""

from __future__ import annotations

from scheduler.solver.stages.seating import Option, Want, seat_greedily

MINUTES = {0: 50, 1: 50, 2: 50, 3: 50}
"""Four 50-minute periods of one day."""


def _want(weight, *options, counts=True):
    return Want(
        weight, tuple(Option(key, frozenset(slots), False, counts) for key, slots in options)
    )


def test_a_repair_keeps_seats_and_fits_the_lunch_around_them():
    wants = {
        "s1": [
            _want(1_000, (("ART", 0), {0}), (("ART", 1), {2})),
            _want(1_000, (("BIO", 0), {1}), (("BIO", 1), {3})),
            _want(100_000, (("@lunch", 0), {2}), (("@lunch", 1), {3}), counts=False),
        ]
    }
    capacity = {("ART", 0): 5, ("ART", 1): 5, ("BIO", 0): 5, ("BIO", 1): 5}
    capacity |= {("@lunch", 0): 5, ("@lunch", 1): 5}
    keep = {"s1": [("ART", 1), ("BIO", 0)]}  # ART in period 3: lunch must be in period 4
    picked = seat_greedily(wants, capacity, keep=keep, partial=True)
    assert sorted(picked["s1"]) == [("@lunch", 1), ("ART", 1), ("BIO", 0)]


def test_a_kept_seat_past_the_daily_cap_is_given_up():
    wants = {
        "s1": [
            _want(1_000, (("ART", 0), {0})),
            _want(500, (("BIO", 0), {1})),
            _want(200, (("CHEM", 0), {2}), (("CHEM", 1), {3})),
        ]
    }
    capacity = {("ART", 0): 5, ("BIO", 0): 5, ("CHEM", 0): 5, ("CHEM", 1): 5}
    keep = {"s1": [("ART", 0), ("BIO", 0), ("CHEM", 1)]}
    caps = {"s1": [(MINUTES, 100)]}  # two periods' worth of class a day
    picked = seat_greedily(wants, capacity, keep=keep, partial=True, caps=caps)
    assert sorted(picked["s1"]) == [("ART", 0), ("BIO", 0)]  # the most wanted two, as they were
