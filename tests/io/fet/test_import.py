"""Importing real FET files from several countries: entities, constraint mappings, the report."""

from __future__ import annotations

import pytest

from scheduler.io.fet import import_fet
from scheduler.model import Availability, MinDaysBetween, PreferredRooms, find_problems


def data_of(path):
    imported = import_fet(path)
    return imported.project.scenario().data, imported.report


@pytest.mark.parametrize(
    ("name", "activities", "teachers", "days", "hours"),
    [
        # Figures from the corpus census (shared/fet/census.tsv).
        ("small-school.fet", 25, 9, 1, 4),  # Denmark
        ("EEBLJ-Noturno.fet", 74, 13, 5, 5),  # Brazil
        ("Hopwood.fet", 163, 26, 6, 5),  # United Kingdom
        ("Horario_ISJ.fet", 116, 17, 5, 7),  # Argentina
        ("Khartoum-2010-02-13.fet", 82, 24, 5, 3),  # Sudan
        ("FGPS.fet", 324, 11, 5, 9),  # Namibia
        ("Khoi-chieu.fet", 288, 51, 6, 5),  # Vietnam
    ],
)
def test_corpus_files_import_fully(fet_file, name, activities, teachers, days, hours):
    data, report = data_of(fet_file(name))
    assert report.complete, report.unsupported
    assert report.activities == len(data.activities) == activities
    assert len(data.teachers) == teachers
    assert len(data.calendar.days) == days
    assert {len(d.slots) for d in data.calendar.days} == {hours}
    assert find_problems(data) == []
    doc = report.to_dict()
    assert doc["unsupported"] == {} and doc["constraints_imported"] > 0


def test_split_activities_and_min_days_between(fet_file):
    data, _ = data_of(fet_file("EEBLJ-Noturno.fet"))
    rules = [c for c in data.constraints if isinstance(c, MinDaysBetween)]
    assert len(rules) == 31
    soft = [c for c in rules if not c.hard]
    assert soft and all(c.weight == 9500 for c in soft)  # 95 % -> 9500 per violation
    assert all(len(a.meetings) == 1 for a in data.activities)
    away = [c for c in data.constraints if isinstance(c, Availability)]
    assert len(away) == 12 and all(c.hard and c.target.kind == "teacher" for c in away)


def test_breaks_become_break_slots(fet_file):
    data, _ = data_of(fet_file("FGPS.fet"))
    kinds = {s.kind for d in data.calendar.days for s in d.slots}
    assert kinds == {"teaching", "break"}


def test_students_hierarchy_and_all_students_rules_per_subgroup(fet_file):
    data, _ = data_of(fet_file("Khoi-chieu.fet"))
    leaves = data.leaf_groups(g.id for g in data.groups)
    gaps = [
        c for c in data.constraints if c.kind == "max_gaps_per_week" and c.target.kind == "group"
    ]
    assert {c.target.id for c in gaps} == set(leaves)
    assert all(c.id.startswith("fet") and "." in c.id for c in gaps)


def test_room_rules_hard_narrow_and_soft_become_preferences(fet_file):
    data, report = data_of(fet_file("Khartoum-2010-02-13.fet"))
    assert report.complete
    assert any(a.rooms and a.needs_room for a in data.activities)
    assert any(isinstance(c, PreferredRooms) and not c.hard for c in data.constraints)
    free = [a for a in data.activities if not a.needs_room]
    assert all(not a.rooms for a in free)
