from scheduler.model import Availability, Room, SlotRef, Target
from tests.solver.school import lesson, school, solved

LABS = (
    Room(id="LAB", type="lab"),
    Room(id="R1", type="classroom"),
    Room(id="R2", type="classroom"),
)


def test_lessons_needing_a_lab_never_outnumber_the_labs():
    a = lesson("A", teacher="T1", group="G1", room_types=("lab",))
    b = lesson("B", teacher="T2", group="G2", room_types=("lab",))
    result, _ = solved(school(a, b, slots=1, rooms=LABS))
    assert result.status == "infeasible"
    result, _ = solved(school(a, b, slots=2, rooms=LABS))
    assert {p.room for p in result.solution.placements} == {"LAB"}


def test_rooms_too_small_are_not_used():
    small = (Room(id="SMALL", capacity=10), Room(id="BIG", capacity=40))
    result, _ = solved(school(lesson("A"), slots=1, rooms=small))
    assert result.solution.placements[0].room == "BIG"


def test_a_closed_room_is_not_used_and_soft_closure_costs_points():
    one = (Room(id="R1"),)
    closed = Availability(
        id="r1-closed", target=Target(kind="room", id="R1"), slots=(SlotRef(day="Mon", slot="P1"),)
    )
    result, _ = solved(school(lesson("A"), slots=2, rooms=one, constraints=[closed]))
    assert result.solution.placements[0].slot == "P2"
    soft = closed.model_copy(update={"hard": False, "weight": 7})
    everywhere = soft.model_copy(
        update={"slots": (SlotRef(day="Mon", slot="P1"), SlotRef(day="Mon", slot="P2"))}
    )
    result, report = solved(
        school(lesson("A", meetings=(2,)), slots=2, rooms=one, constraints=[everywhere])
    )
    assert result.objective == 14 and report.soft_penalty == 14


def test_a_pinned_room_is_kept():
    from scheduler.model import Pin

    a = lesson("A", pins=(Pin(meeting=0, room="R2"),))
    result, _ = solved(school(a, slots=1, rooms=LABS))
    assert result.solution.placements[0].room == "R2"
