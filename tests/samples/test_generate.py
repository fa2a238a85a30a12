"""The sample schools: deterministic, valid, sized as promised and comfortably feasible.

The load checks below are necessary conditions a solver relies on; they are computed here from the
data alone, not with the generator's own helpers, so a change in the generator cannot hide behind
them.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from samples.generate import PRESETS, SAMPLES_DIR, generate, main, riverside_high, tiny
from scheduler.io.project_file import load_project, project_to_bytes
from scheduler.model import Project, SchoolData, find_problems

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def riverside() -> SchoolData:
    return riverside_high()


@pytest.fixture(scope="module")
def mid_size() -> SchoolData:
    return generate(students=900)


def _schools(riverside: SchoolData, mid_size: SchoolData) -> list[SchoolData]:
    return [tiny(), riverside, mid_size]


def test_same_arguments_give_equal_schools() -> None:
    assert tiny() == tiny()
    assert generate(students=200, seed=7) == generate(students=200, seed=7)


def test_another_seed_gives_another_school() -> None:
    one, two = generate(students=200, seed=1), generate(students=200, seed=2)
    assert one != two
    assert [t.name for t in one.teachers] != [t.name for t in two.teachers]


def test_output_does_not_depend_on_the_hash_seed() -> None:
    code = (
        "import hashlib; from samples.generate import generate; "
        "from scheduler.io.project_file import project_to_bytes; "
        "from scheduler.model import Project; "
        "print(hashlib.sha256(project_to_bytes(Project.of(generate(students=120)))).hexdigest())"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        digests.add(run.stdout.strip())
    here = hashlib.sha256(project_to_bytes(Project.of(generate(students=120)))).hexdigest()
    assert digests == {here}


def test_samples_have_no_validation_problems(riverside: SchoolData, mid_size: SchoolData) -> None:
    for school in _schools(riverside, mid_size):
        assert find_problems(school) == [], school.name


def test_riverside_has_the_promised_size(riverside: SchoolData) -> None:
    assert riverside.name == "Riverside High School"
    assert len(riverside.students) == 450
    assert len(riverside.teachers) == 30
    assert len(riverside.rooms) == 22
    assert Counter(r.type for r in riverside.rooms) == {
        "classroom": 14,
        "lab": 3,
        "gym": 2,
        "art": 1,
        "music": 1,
        "computer": 1,
    }
    assert [d.id for d in riverside.calendar.days] == ["MON", "TUE", "WED", "THU", "FRI"]
    monday, wednesday = riverside.calendar.day("MON"), riverside.calendar.day("WED")
    assert monday is not None and wednesday is not None
    assert [s.id for s in monday.slots] != [s.id for s in wednesday.slots]
    assert {s.minutes for s in wednesday.slots if s.teaching} == {90, 30}
    assert {s.kind for s in monday.slots} == {"teaching", "break", "lunch"}
    assert len({s.color for s in riverside.subjects}) == len(riverside.subjects)
    assert len({s.name for s in riverside.students}) == len(riverside.students)


def test_every_student_asks_for_their_class_courses_and_an_elective(riverside: SchoolData) -> None:
    for student in riverside.students:
        (cid,) = student.groups
        taught = {a.course for a in riverside.activities if a.groups == (cid,)}
        assert {r.course for r in student.requests if r.required} == taught
        electives = [r for r in student.requests if not r.required]
        assert 1 <= len(electives) <= 2
        assert [r.priority for r in electives] == list(range(1, len(electives) + 1))
        assert all(r.alternates and r.course not in r.alternates for r in electives)


def test_tiny_has_the_cases_unit_tests_need() -> None:
    school = tiny()
    assert len(school.calendar.days) == 3
    assert all(s.kind == "break" for d in school.calendar.days for s in d.slots if not s.teaching)
    by_id = school.activity_by_id
    assert by_id["7A-SCI"].meetings == (2,) and by_id["7A-SCI"].room_types == ("lab",)
    assert by_id["7A-MATH"].min_days_between == 1 and len(by_id["7A-MATH"].meetings) == 2
    assert school.leaf_groups(by_id["Y7-HIST"].groups) == {"7A", "7B"}
    assert any(t.unavailable for t in school.teachers)
    assert {c.kind for c in school.constraints if not c.hard} == {
        "max_gaps_per_day",
        "forbidden_times",
    }


def _teaching(school: SchoolData) -> list[tuple[str, str]]:
    return [(d.id, s.id) for d in school.calendar.days for s in d.slots if s.teaching]


def _loads(school: SchoolData, key) -> Counter[str]:
    load: Counter[str] = Counter()
    for activity in school.activities:
        for owner in key(activity):
            load[owner] += sum(activity.meetings)
    return load


def test_each_class_fits_its_week(riverside: SchoolData, mid_size: SchoolData) -> None:
    for school in _schools(riverside, mid_size):
        week = len(_teaching(school))
        load = _loads(school, lambda a, s=school: s.leaf_groups(a.groups))
        assert load and max(load.values()) <= week, school.name


def test_each_teacher_has_room_to_spare(riverside: SchoolData, mid_size: SchoolData) -> None:
    for school in _schools(riverside, mid_size):
        caps = {
            c.target.id: c.max_slots
            for c in school.constraints
            if c.kind == "max_per_day" and c.hard
        }
        load = _loads(school, lambda a: a.teachers)
        for teacher in school.teachers:
            away = {(r.day, r.slot) for r in teacher.unavailable}
            per_day = [teacher.max_slots_per_day, caps.get(teacher.id)]
            available = 0
            for day in school.calendar.days:
                free = sum(1 for s in day.slots if s.teaching and (day.id, s.id) not in away)
                available += min([free, *(c for c in per_day if c is not None)])
            assert load[teacher.id] <= 0.8 * available, (school.name, teacher.id)


def test_each_room_type_is_at_most_70_percent_booked(
    riverside: SchoolData, mid_size: SchoolData
) -> None:
    for school in _schools(riverside, mid_size):
        closed = Counter(
            c.target.id
            for c in school.constraints
            if c.kind == "availability" and c.hard and c.target.kind == "room"
            for _ in c.slots
        )
        room_slots: Counter[str] = Counter()
        for room in school.rooms:
            room_slots[room.type] += len(_teaching(school)) - closed[room.id]
        demand = _loads(school, lambda a: a.room_types)
        assert set(demand) <= set(room_slots)
        for kind, slots in demand.items():
            assert slots <= 0.7 * room_slots[kind], (school.name, kind)


def test_no_text_looks_like_a_spreadsheet_formula(riverside: SchoolData) -> None:
    texts = [riverside.name]
    for collection in (
        riverside.teachers,
        riverside.students,
        riverside.rooms,
        riverside.courses,
        riverside.activities,
        riverside.subjects,
        riverside.groups,
    ):
        texts += [item.id for item in collection] + [item.name for item in collection]
    texts += [c.note for c in riverside.constraints]
    assert not [t for t in texts if t[:1] in ("=", "+", "-", "@")]


@pytest.mark.parametrize("preset", ["tiny", "riverside"])
def test_bundled_files_match_the_generator(preset: str, riverside: SchoolData) -> None:
    project = load_project(SAMPLES_DIR / PRESETS[preset])
    expected = tiny() if preset == "tiny" else riverside
    assert project.scenario().data == expected, "run: python -m samples.generate --all"


def test_large_bundled_file_loads() -> None:
    project = load_project(SAMPLES_DIR / PRESETS["large"])
    assert len(project.scenario().data.students) >= 2500


def test_command_line_writes_a_project(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "small.flexday"
    assert main(["--students", "60", "--seed", "3", "--name", "Small High", "-o", str(out)]) == 0
    assert load_project(out).scenario().data == generate(students=60, seed=3, name="Small High")
    line = capsys.readouterr().out
    assert "60 students" in line and "teachers" in line and "meetings" in line
