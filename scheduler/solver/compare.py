"""Scenarios side by side: the figures a principal weighs, and what changed from the first.

Every figure comes from the independent checker (``check``), the request figures
(``request_stats``) or the checker's own reading of a timetable, never from the solver's
objective, so a hand-edited or imported timetable is compared on the same footing. Rows carry
which way is better, so the CLI, the workbook and the app all highlight the same cells.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from scheduler.model import Project, Scenario
from scheduler.solver.changes import Changes, changes
from scheduler.solver.check import CheckReport, check
from scheduler.solver.checks.gaps import day_gaps
from scheduler.solver.occupancy import Occupancy
from scheduler.solver.requests import RequestStats, request_stats


@dataclass(frozen=True)
class TeacherLoad:
    teacher: str
    name: str
    load: int
    """Teaching slots a week."""
    gaps: int
    """Idle periods between lessons, summed over the week."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a change list: who it concerns and what changed for them."""

    kind: str
    """"teacher", "student" or "room"."""
    who: str
    """The teacher's, student's or room's name."""
    what: str


@dataclass(frozen=True)
class Figures:
    """One scenario's figures; ``report`` is None when it has no timetable."""

    name: str
    report: CheckReport | None
    requests: RequestStats | None
    by_priority: dict[str, tuple[int, int]]
    """"required", "priority 1", ... -> (met, requested)."""
    teachers: tuple[TeacherLoad, ...]
    room_slots_used: int
    room_slots: int
    rooms_used: int
    section_spread: int
    """Largest difference in size between two sections of one course."""
    changes: Changes | None
    """What differs from the first scenario (nothing, for the first; None when either has no
    timetable)."""
    entries: tuple[Entry, ...] = ()
    """The change list, per teacher, student and room."""

    @property
    def solved(self) -> bool:
        return self.report is not None

    @property
    def room_use_pct(self) -> float:
        return round(100.0 * self.room_slots_used / self.room_slots, 1) if self.room_slots else 0.0


@dataclass(frozen=True, slots=True)
class Row:
    section: str
    label: str
    values: tuple[float | int | None, ...]
    better: str | None = None
    """"lower" or "higher" when one direction is better; None for plain facts."""
    unit: str = ""

    def verdicts(self) -> tuple[str, ...]:
        """Per scenario: "better", "worse" or "" against the first scenario."""
        first = self.values[0] if self.values else None
        out = []
        for k, v in enumerate(self.values):
            if k == 0 or self.better is None or v is None or first is None or v == first:
                out.append("")
            elif (v < first) == (self.better == "lower"):
                out.append("better")
            else:
                out.append("worse")
        return tuple(out)

    def text(self, k: int) -> str:
        v = self.values[k]
        if v is None:
            return "—"
        if isinstance(v, float):
            return f"{v:,.1f}{self.unit}"
        return f"{v:,}{self.unit}"


@dataclass(frozen=True)
class Comparison:
    scenarios: tuple[Figures, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.scenarios)

    def rows(self) -> list[Row]:
        figs = self.scenarios
        out: list[Row] = []

        def row(section, label, get, better=None, unit=""):
            values = tuple(get(f) if f.solved else None for f in figs)
            out.append(Row(section, label, values, better, unit))

        row("Timetable", "Meetings placed", lambda f: f.report.placed, "higher")
        row("Timetable", "Hard violations", lambda f: f.report.hard_violations, "lower")
        row("Timetable", "Soft penalty", lambda f: f.report.soft_penalty, "lower")
        rules = sorted({r for f in figs if f.solved for r in f.report.by_rule(hard=False)})
        for rule in rules:
            row(
                "Soft penalty by rule",
                rule,
                lambda f, r=rule: f.report.by_rule(hard=False).get(r, (0, 0))[1],
                "lower",
            )
        hard = sorted({r for f in figs if f.solved for r in f.report.by_rule(hard=True)})
        for rule in hard:
            row(
                "Hard violations by rule",
                rule,
                lambda f, r=rule: f.report.by_rule(hard=True).get(r, (0, 0))[0],
                "lower",
            )
        if any(f.requests is not None for f in figs):
            req = [f for f in figs if f.requests is not None]
            row("Requests", "Requests met", lambda f: _req(f, "met_pct"), "higher", " %")
            row(
                "Requests",
                "First choices met",
                lambda f: _req(f, "first_choice_pct"),
                "higher",
                " %",
            )
            keys = sorted({k for f in req for k in f.by_priority}, key=_priority_order)
            for key in keys:
                label = "Required met" if key == "required" else f"Electives met, {key}"
                row("Requests", label, lambda f, k=key: _share(f, k), "higher", " %")
            row(
                "Requests",
                "Students fully scheduled",
                lambda f: f.requests.fully_scheduled if f.requests else None,
                "higher",
            )
            row(
                "Requests",
                "Students fully scheduled %",
                lambda f: _req(f, "fully_scheduled_pct"),
                "higher",
                " %",
            )
            row("Sections", "Sections", lambda f: len(f.requests.sections) if f.requests else None)
            row("Sections", "Largest size difference", lambda f: f.section_spread, "lower")
        row("Teachers", "Gaps (all teachers)", lambda f: sum(t.gaps for t in f.teachers), "lower")
        row(
            "Teachers",
            "Most gaps (one teacher)",
            lambda f: max((t.gaps for t in f.teachers), default=0),
            "lower",
        )
        row("Teachers", "Lightest load", lambda f: min((t.load for t in f.teachers), default=0))
        row(
            "Teachers",
            "Heaviest load",
            lambda f: max((t.load for t in f.teachers), default=0),
            "lower",
        )
        row("Rooms", "Room use", lambda f: f.room_use_pct, None, " %")
        row("Rooms", "Rooms used", lambda f: f.rooms_used)
        first = figs[0].name if figs else ""
        row(
            f"Changes from {first}",
            "Meetings changed",
            lambda f: _diff(f, "meetings_changed"),
            "lower",
        )
        row(f"Changes from {first}", "Meetings moved", lambda f: _diff(f, "moved"), "lower")
        row(f"Changes from {first}", "Rooms changed", lambda f: _diff(f, "rooms_changed"), "lower")
        row(
            f"Changes from {first}",
            "Student timetables changed",
            lambda f: _diff(f, "students_changed"),
            "lower",
        )
        return out

    def teacher_rows(self) -> list[Row]:
        """Each teacher's gaps and teaching periods a week, side by side."""
        names: dict[str, str] = {}
        per: list[dict[str, TeacherLoad]] = []
        for f in self.scenarios:
            per.append({t.teacher: t for t in f.teachers})
            for t in f.teachers:
                names.setdefault(t.teacher, t.name)
        order = sorted(names, key=lambda t: (names[t].casefold(), t))
        out = []
        for section, attr, better in (
            ("Gaps a week", "gaps", "lower"),
            ("Teaching periods a week", "load", None),
        ):
            for t in order:
                values = tuple(
                    getattr(p[t], attr) if f.solved and t in p else None
                    for f, p in zip(self.scenarios, per, strict=True)
                )
                out.append(Row(section, names[t], values, better))
        return out

    def to_dict(self) -> dict:
        rows = self.rows()
        return {
            "scenarios": list(self.names),
            "solved": [f.solved for f in self.scenarios],
            "figures": [
                {
                    "section": r.section,
                    "label": r.label,
                    "values": list(r.values),
                    "better": r.better,
                    "verdicts": list(r.verdicts()),
                }
                for r in rows
            ],
            "teachers": [
                {"section": r.section, "teacher": r.label, "values": list(r.values)}
                for r in self.teacher_rows()
            ],
            "changes": {
                f.name: {
                    **f.changes.summary(),
                    "meetings": [c.text for c in f.changes.meetings],
                    "students": [c.text for c in f.changes.students],
                }
                for f in self.scenarios[1:]
                if f.changes is not None
            },
        }


def export_xlsx(comparison: Comparison, path, *, school: str):
    """The comparison as a workbook: figures side by side, the change list, each teacher's
    gaps and load."""
    from scheduler.io.xlsx.compare import ChangeRow, FigureRow, export_comparison

    rows = [
        FigureRow(r.section, r.label, r.values, r.verdicts(), r.unit) for r in comparison.rows()
    ]
    teachers = [
        FigureRow(r.section, r.label, r.values, r.verdicts()) for r in comparison.teacher_rows()
    ]
    changes = [
        ChangeRow(f.name, e.kind, e.who, e.what)
        for f in comparison.scenarios[1:]
        for e in f.entries
    ]
    return export_comparison(
        path,
        school=school,
        scenarios=comparison.names,
        rows=rows,
        changes=changes,
        teachers=teachers,
    )


def _req(f: Figures, attr: str):
    return getattr(f.requests, attr) if f.requests is not None else None


def _share(f: Figures, key: str):
    if key not in f.by_priority:
        return None
    met, total = f.by_priority[key]
    return round(100.0 * met / total, 2) if total else 100.0


def _diff(f: Figures, attr: str):
    return getattr(f.changes, attr) if f.changes is not None else None


def _priority_order(key: str) -> tuple[int, str]:
    return (0, key) if key == "required" else (1, key.rjust(20))


def compare(project: Project, names: list[str]) -> Comparison:
    """``names`` (two or more) in the order to show; changes are counted from the first."""
    scenarios = [project.scenario(n) for n in names]
    first = scenarios[0]
    out = []
    for k, scenario in enumerate(scenarios):
        diff = Changes((), ()) if k == 0 and first.solution is not None else None
        if k > 0 and scenario.solution is not None and first.solution is not None:
            diff = changes(first.data, first.solution, scenario.data, scenario.solution)
        out.append(figures(scenario, diff, first))
    return Comparison(tuple(out))


def entries(diff: Changes, before: Scenario, after: Scenario) -> tuple[Entry, ...]:
    """The change list: each teacher's and room's changed meetings, each student's new week."""

    def name(kind: str, rid: str) -> str:
        for data in (after.data, before.data):
            table = {"teacher": data.teacher_by_id, "room": data.room_by_id}[kind]
            if rid in table:
                return table[rid].label
        return rid

    out = [
        Entry("teacher", name("teacher", t), c.text)
        for t, cs in diff.by_teacher.items()
        for c in cs
    ]
    out += [Entry("room", name("room", r), c.text) for r, cs in diff.by_room.items() for c in cs]
    out += [Entry("student", c.name, c.what) for c in diff.students]
    return tuple(out)


def figures(
    scenario: Scenario, diff: Changes | None = None, first: Scenario | None = None
) -> Figures:
    data, solution = scenario.data, scenario.solution
    if solution is None:
        return Figures(scenario.name, None, None, {}, (), 0, 0, 0, 0, None)
    occ = Occupancy(data, solution)
    stats = request_stats(data, solution)
    teachers = tuple(
        TeacherLoad(
            t.id,
            t.label,
            sum(len(s.span) for s in occ.by_teacher.get(t.id, ())),
            sum(day_gaps(occ, "teacher", t.id, occ.by_teacher.get(t.id, [])).values()),
        )
        for t in data.teachers
    )
    teaching = sum(len(occ.teaching_slots(d)) for d in range(occ.days))
    used = [s for s in occ.seats if s.room]
    spread = 0
    if stats is not None:
        sizes: dict[str, list[int]] = defaultdict(list)
        for sec in stats.sections:
            sizes[sec.course].append(sec.enrolled)
        spread = max((max(v) - min(v) for v in sizes.values()), default=0)
    return Figures(
        name=scenario.name,
        report=check(data, solution),
        requests=stats,
        by_priority=_by_priority(scenario, stats),
        teachers=teachers,
        room_slots_used=sum(len(s.span) for s in used),
        room_slots=teaching * len(data.rooms),
        rooms_used=len({s.room for s in used}),
        section_spread=spread,
        changes=diff,
        entries=entries(diff, first or scenario, scenario) if diff is not None else (),
    )


def _by_priority(scenario: Scenario, stats: RequestStats | None) -> dict[str, tuple[int, int]]:
    if stats is None:
        return {}
    unmet = Counter((u.student, u.course) for u in stats.unmet)
    met: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for student in scenario.data.students:
        for r in student.requests:
            key = "required" if r.required else f"priority {r.priority}"
            total[key] += 1
            met[key] += not unmet[(student.id, r.course)]
    return {k: (met[k], total[k]) for k in total}
