"""``flexday explain`` as a user runs it: plain sentences, JSON, exit 0 only when a timetable can
exist; and ``flexday solve`` pointing to it when there is none."""

from __future__ import annotations

import json

from scheduler.cli import main
from scheduler.io.project_file import save_project
from scheduler.model import Project, Scenario, SlotRef, Teacher
from tests.solver.school import lesson, school


def _project(tmp_path, *, away: bool):
    off = tuple(SlotRef(day="Mon", slot=s) for s in ("P1", "P2")) if away else ()
    ortiz = Teacher(id="T1", name="Ms Ortiz", unavailable=off)
    data = school(lesson("A", group="G1"), lesson("B", group="G2"), slots=3, teachers=(ortiz,))
    path = tmp_path / "s.flexday"
    save_project(Project(scenarios=(Scenario(name="Main", data=data),)), path)
    return path


def test_explain_infeasible_names_the_teacher_and_writes_json(tmp_path, capsys):
    path, out = _project(tmp_path, away=True), tmp_path / "why.json"
    code = main(["explain", str(path), "--time-limit", "10", "--workers", "1", "--json", str(out)])
    text = capsys.readouterr().out
    assert code == 1
    assert "Ms Ortiz (T1)" in text and "[verified by a solve]" in text
    doc = json.loads(out.read_text())
    assert doc["status"] == "infeasible" and doc["scenario"] == "Main"
    assert any(f["verified"] for f in doc["findings"] if "fix" in f)
    assert {"kind": "teacher", "id": "T1", "label": "Ms Ortiz"} in doc["findings"][0]["entities"]


def test_explain_feasible_exits_zero(tmp_path, capsys):
    code = main(["explain", str(_project(tmp_path, away=False)), "--time-limit", "10"])
    assert code == 0
    assert "a timetable is possible" in capsys.readouterr().out


def test_infeasible_solve_shows_prechecks_and_points_to_explain(tmp_path, capsys):
    code = main(
        ["solve", str(_project(tmp_path, away=True)), "--time-limit", "5", "--workers", "1"]
    )
    text = capsys.readouterr().out
    assert code == 1
    assert "Ms Ortiz (T1) teaches 2 lesson slot(s)" in text
    assert "flexday explain" in text


def test_the_json_fix_can_be_applied_and_solves(tmp_path):
    from scheduler.io.project_file import load_project
    from scheduler.solver.explain import relax_all
    from tests.solver.school import solved

    path, out = _project(tmp_path, away=True), tmp_path / "why.json"
    main(["explain", str(path), "--time-limit", "10", "--workers", "1", "--json", str(out)])
    fix = next(f for f in json.loads(out.read_text())["findings"] if f.get("verified"))
    data = relax_all(load_project(path).scenario().data, [tuple(k) for k in fix["relaxations"]])
    result, report = solved(data)
    assert result.solved and report.hard_violations == 0
