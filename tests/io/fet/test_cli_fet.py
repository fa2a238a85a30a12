"""``flexday import-fet`` and ``flexday export-fet``."""

from __future__ import annotations

import json

from scheduler.cli import main
from scheduler.io.project_file import load_project


def test_import_writes_project_and_report(fet_file, tmp_path, capsys):
    out, report = tmp_path / "school.flexday", tmp_path / "report.json"
    code = main(
        ["import-fet", str(fet_file("Horario_ISJ.fet")), "-o", str(out), "--report", str(report)]
    )
    assert code == 0
    assert len(load_project(out).scenario().data.activities) == 116
    doc = json.loads(report.read_text(encoding="utf-8"))
    assert doc["activities"] == 116
    assert doc["unsupported"] == {}
    assert doc["constraints_imported"] == 157  # every constraint element of the file
    assert "116 activities" in capsys.readouterr().out


def test_unsupported_constraints_are_counted_and_named_by_solve(fet_file, tmp_path, capsys):
    text = fet_file("small-school.fet").read_text(encoding="utf-8")
    odd = (
        "<ConstraintTeacherMaxSpanPerDay><Weight_Percentage>100</Weight_Percentage>"
        "<Teacher_Name>Glenda</Teacher_Name><Max_Span>3</Max_Span>"
        "<Active>true</Active><Comments></Comments></ConstraintTeacherMaxSpanPerDay>"
    )
    src = tmp_path / "odd.fet"
    src.write_text(text.replace("</Time_Constraints_List>", odd + "</Time_Constraints_List>"))
    out, report = tmp_path / "odd.flexday", tmp_path / "odd.json"
    assert main(["import-fet", str(src), "-o", str(out), "--report", str(report)]) == 0
    assert json.loads(report.read_text())["unsupported"] == {"ConstraintTeacherMaxSpanPerDay": 1}
    assert "1 × ConstraintTeacherMaxSpanPerDay" in capsys.readouterr().out
    assert main(["solve", str(out), "--time-limit", "5", "--workers", "1"]) == 0
    assert "1 × ConstraintTeacherMaxSpanPerDay" in capsys.readouterr().out


def test_malformed_file_exits_2_with_line_and_element(fet_file, tmp_path, capsys):
    text = fet_file("small-school.fet").read_text(encoding="utf-8")
    bad = tmp_path / "cut.fet"
    bad.write_text(text[:5000], encoding="utf-8")
    assert main(["import-fet", str(bad), "-o", str(tmp_path / "x.flexday")]) == 2
    err = capsys.readouterr().err
    assert "cut.fet: line " in err and "not well-formed" in err
    assert not (tmp_path / "x.flexday").exists()


def test_export_writes_a_fet_file(fet_file, tmp_path, capsys):
    project = tmp_path / "s.flexday"
    assert main(["import-fet", str(fet_file("small-school.fet")), "-o", str(project)]) == 0
    out = tmp_path / "s.fet"
    assert main(["export-fet", str(project), "-o", str(out)]) == 0
    assert "without a timetable" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").count("<Activity>") == 25
