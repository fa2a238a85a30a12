"""The quick first timetable: construction, the relaxed repair model, and compact encodings."""

from pathlib import Path

import pytest
from ortools.sat.python import cp_model

from scheduler.io.fet import import_fet
from scheduler.model import MaxPerDay, MinDaysBetween, Solution, Target
from scheduler.solver import construct as construct_module
from scheduler.solver import construct_shape
from scheduler.solver.check import check
from scheduler.solver.compile import compile_problem
from scheduler.solver.construct import construct, relax
from scheduler.solver.rules import RULES, Build, min_days_between
from scheduler.solver.stages.quick import quick_start
from scheduler.solver.stages.timetable import placements
from scheduler.solver.variables import Variables
from tests.solver.rules.pins import at
from tests.solver.school import lesson, school, solved, starts

FET = Path(__file__).resolve().parents[1] / "data" / "fet"
KEPT = {"teacher_conflict", "group_conflict", "student_conflict", "min_days_between", "same_start"}


def _fet(name: str):
    return import_fet(FET / name).project.scenario().data


@pytest.mark.parametrize(
    "name", ["small-school.fet", "Hopwood.fet", "EEBLJ-Noturno.fet", "Khartoum-2010-02-13.fet"]
)
def test_construct_places_every_meeting_without_breaking_the_rules_it_keeps(name):
    data = _fet(name)
    problem = compile_problem(data)
    made = construct(problem, time_limit_s=10, seed=1)
    assert made.complete and made.placed == len(problem.meetings)
    report = check(data, Solution(placements=placements(problem, made.starts, {})))
    broken = {rule for rule in report.by_rule(hard=True) if rule in KEPT}
    assert not broken, report.by_rule(hard=True)


def test_construct_alone_keeps_gaps_and_lessons_a_day_on_horario_isj():
    data = _fet("Horario_ISJ.fet")
    problem = compile_problem(data)
    quick = quick_start(problem, time_limit_s=20, clock=_clock(), seed=0, workers=1)
    assert quick.found_by == "construct" and "repair_search_s" not in quick.profile
    report = check(data, Solution(placements=placements(problem, quick.starts, quick.rooms)))
    assert report.hard_violations == 0


class _Blind(construct_shape.Shapes):
    """Shapes that know no row: construct then ignores gaps and lessons a day."""

    def __init__(self, *args):
        super().__init__(*args)
        self.rows[:] = False


def test_quick_start_repairs_a_placement_into_a_timetable_the_checker_accepts(monkeypatch):
    """Blind to the shape of days, construct breaks Horario_ISJ's hard gaps and lessons-a-day
    rules: the repair model settles them."""
    monkeypatch.setattr(construct_module, "Shapes", _Blind)
    data = _fet("Horario_ISJ.fet")
    problem = compile_problem(data)
    quick = quick_start(problem, time_limit_s=20, clock=_clock(), seed=0, workers=1)
    assert quick.starts is not None and len(quick.starts) == len(problem.meetings)
    assert "repair_search_s" in quick.profile
    report = check(data, Solution(placements=placements(problem, quick.starts, quick.rooms)))
    assert report.hard_violations == 0
    assert sum(quick.penalties.values()) == report.soft_penalty


def test_a_solve_reports_the_quick_timetable_as_its_first():
    result, report = solved(_fet("Hopwood.fet"), time_limit_s=5)
    assert result.solved and report.hard_violations == 0
    assert result.first_by == "construct" and "construct_s" in result.profile
    assert result.time_to_first_solution_s is not None


def test_the_repair_model_states_other_hard_rules_softly():
    """Three pinned lessons a day against a hard cap of two: no timetable, but the repair model
    has one with one unit of violation, and the min-days rule construct keeps stays hard."""
    cap = MaxPerDay(id="cap", target=Target(kind="teacher", id="T1"), max_slots=2)
    pinned = [lesson(x, pins=(at("Mon", k + 1),)) for k, x in enumerate("ABC")]
    data = school(*pinned, constraints=[cap])
    assert solved(data)[0].status == "infeasible"
    problem = compile_problem(data)
    model = cp_model.CpModel()
    build = Build(model, Variables(model, problem), problem, relax=relax)
    for rule in RULES:
        rule.build(build)
    model.minimize(sum(p.weight * p.amount for p in build.penalties))
    solver = cp_model.CpSolver()
    assert solver.solve(model) == cp_model.OPTIMAL and solver.objective_value == 1
    assert build.relaxed == {"cap"}
    spread = MinDaysBetween(id="spread", activities=("A", "B"), min_days=1)
    assert not relax(spread) and relax(cap)


def test_the_compact_same_day_encoding_means_the_same(monkeypatch):
    monkeypatch.setattr(min_days_between, "COMPACT_ABOVE", 0)
    rule = MinDaysBetween(
        id="m", activities=("A",), hard=False, weight=95, consecutive_if_same_day=True
    )
    split = lesson("A", meetings=(1, 1), pins=(at("Mon", 1),))
    result, report = solved(school(split, slots=3, constraints=[rule]))
    assert starts(result)[("A", 1)] == ("Mon", "P2")
    assert result.objective == 95 and report.by_rule(hard=False) == {"min_days_between": (1, 95)}
    apart = lesson("A", meetings=(1, 1), pins=(at("Mon", 1), at("Mon", 3, 1)))
    assert solved(school(apart, slots=3, constraints=[rule]))[0].status == "infeasible"


def _clock():
    import time

    return time.monotonic
