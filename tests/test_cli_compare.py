"""flexday repair and flexday compare as a user runs them on the tiny sample."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl

from scheduler.cli import main
from scheduler.io.project_file import load_project, save_project
from scheduler.model import SlotRef

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _with_edited_clone(path: Path) -> None:
    """A clone of Main where Ada Brooks (T1) is away on Wednesdays and named like a formula."""
    project = load_project(path).clone_scenario("Main", "No T1 Wed")
    scenario = project.scenario("No T1 Wed")
    data = scenario.data
    wed = data.calendar.days[-1]
    away = tuple(SlotRef(day=wed.id, slot=s.id) for s in wed.slots if s.teaching)
    teachers = tuple(
        t.model_copy(update={"unavailable": away, "name": "=HYPERLINK(1)"}) if t.id == "T1" else t
        for t in data.teachers
    )
    data = data.model_copy(update={"teachers": teachers})
    save_project(project.replace_scenario(scenario.model_copy(update={"data": data})), path)


def test_repair_then_compare_to_json_and_excel(tmp_path, capsys):
    path = tmp_path / "tiny.flexday"
    shutil.copy(SAMPLES / "tiny.flexday", path)
    _with_edited_clone(path)
    before = load_project(path).scenario("Main").solution
    on_wed = [
        p
        for p in before.placements
        if p.day == "WED"
        and "T1" in load_project(path).scenario().data.activity_by_id[p.activity].teachers
    ]
    assert on_wed, "the stored tiny timetable has T1 on Wednesday"

    report = tmp_path / "repair.json"
    limits = ["--time-limit", "10", "--workers", "1"]
    code = main(
        ["repair", str(path), "--scenario", "No T1 Wed", *limits, "--save", "--report", str(report)]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    doc = json.loads(report.read_text())
    assert doc["hard_violations"] == 0
    assert doc["meetings_moved"] >= len(on_wed)
    assert len(doc["meeting_changes"]) == doc["meetings_changed"]
    assert "changed:" in out

    xlsx, js = tmp_path / "cmp.xlsx", tmp_path / "cmp.json"
    code = main(["compare", str(path), "Main", "No T1 Wed", "--xlsx", str(xlsx), "--json", str(js)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Meetings moved" in out
    cmp = json.loads(js.read_text())
    assert cmp["scenarios"] == ["Main", "No T1 Wed"]
    moved = next(f for f in cmp["figures"] if f["label"] == "Meetings moved")
    assert moved["values"] == [0, doc["meetings_moved"]]
    assert cmp["changes"]["No T1 Wed"]["meetings"] == doc["meeting_changes"]

    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["Comparison", "Changes", "Teachers"]
    labels = [c.value for c in wb["Comparison"]["A"]]
    assert "Hard violations" in labels and "Meetings moved" in labels
    teachers_sheet = [r for r in wb["Teachers"].iter_rows(min_row=5, values_only=True) if r[1]]
    assert {r[0] for r in teachers_sheet} == {"Ada Brooks", "Ravi Okafor", "Lucia Tanaka"}
    rows = list(wb["Changes"].iter_rows(min_row=5, values_only=True))
    teachers = [r for r in rows if r[1] == "teacher"]
    assert teachers and all(r[0] == "No T1 Wed" for r in rows)
    formula_named = [c for c in wb["Changes"]["C"] if c.value == "=HYPERLINK(1)"]
    assert formula_named and all(c.data_type == "s" and c.quotePrefix for c in formula_named)


def test_compare_needs_known_scenarios(tmp_path, capsys):
    path = tmp_path / "tiny.flexday"
    shutil.copy(SAMPLES / "tiny.flexday", path)
    assert main(["compare", str(path), "Main", "Nope"]) == 2
    assert "Nope" in capsys.readouterr().err
    assert main(["compare", str(path), "Main"]) == 2


def test_repair_needs_a_timetable_to_start_from(tmp_path, capsys):
    path = tmp_path / "tiny.flexday"
    shutil.copy(SAMPLES / "tiny.flexday", path)
    project = load_project(path)
    main_ = project.scenario()
    save_project(project.replace_scenario(main_.model_copy(update={"solution": None})), path)
    assert main(["repair", str(path), "--time-limit", "5"]) == 1
    assert "no timetable to repair" in capsys.readouterr().err
