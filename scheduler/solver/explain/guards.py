"""The timetable model with each group of hard rules behind its own switch (an assumption literal).

Built only when explaining: the normal solve never sees it. Starts are left open in compile
(``open_times``) and every time rule comes back here as "while switch g is on, these starts are
off": one switch per run of unavailable slots of a teacher, group, student or room on one day, per
pinned meeting, per hard time rule. Every other hard rule instance is built by its own rule module
on a slice of the data holding only that rule, and the constraints it adds get the rule's switch
as an enforcement literal. What no switch guards (one lesson at a time per person, every meeting
placed, room counts, the activities' own settings) is the background that always holds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from ortools.sat.python import cp_model
from pydantic import BaseModel

from scheduler.model import Availability, ForbiddenTimes, PreferredTimes, SchoolData
from scheduler.solver.compile import Problem, _students_that_matter, compile_problem
from scheduler.solver.explain.findings import EntityRef
from scheduler.solver.explain.words import Words, runs
from scheduler.solver.rules import RULES, Build, max_per_day, max_per_week
from scheduler.solver.stages.timetable import _break_symmetry
from scheduler.solver.variables import Variables

TIME_KINDS = frozenset({"availability", "preferred_times", "forbidden_times"})
BACKGROUND_ONLY = frozenset({"no_overlap", "room_capacity", "course_conflicts"})


@dataclass(frozen=True)
class RuleGroup:
    """Hard rules that are switched on and off together, and how to say them and relax them."""

    key: tuple[str, ...]
    """("time", kind, id, first slot, last slot), ("pin", activity, meeting),
    ("rule", constraint id) or ("cap", teacher id): what ``relax`` undoes."""
    rule: str
    statement: str
    relax: str
    entities: tuple[EntityRef, ...]
    slots: frozenset[int] = frozenset()


@dataclass
class Guarded:
    model: cp_model.CpModel
    problem: Problem
    variables: Variables
    groups: list[RuleGroup] = field(default_factory=list)
    switches: list[cp_model.IntVar] = field(default_factory=list)

    def add(self, group: RuleGroup) -> cp_model.IntVar:
        lit = self.model.new_bool_var(f"switch:{len(self.groups)}")
        self.groups.append(group)
        self.switches.append(lit)
        return lit


def build_guarded(data: SchoolData, words: Words) -> Guarded | None:
    """None when some meeting cannot start anywhere even with every time rule off (the
    pre-checks say why)."""
    problem = compile_problem(data, open_times=True)
    if problem.empty:
        return None
    model = cp_model.CpModel()
    variables = Variables(model, problem)
    for resource in (*problem.teachers, *problem.leaves, *problem.students):
        variables.busy(resource)  # shared definitions: built once, outside every switch
    out = Guarded(model, problem, variables)
    stripped = tuple(
        t.model_copy(update={"max_slots_per_day": None, "max_slots_per_week": None})
        if t.max_slots_per_day is not None or t.max_slots_per_week is not None
        else t
        for t in data.teachers
    )
    base = data.model_copy(update={"teachers": stripped, "constraints": ()})
    background = Build(model, variables, replace(problem, data=base))
    for rule in RULES:
        rule.build(background)
    _break_symmetry(background)
    _time_groups(out, data, variables, words)
    _cap_groups(out, data, base, variables, words)
    _rule_groups(out, data, base, variables, words)
    return out


def _exclude(out: Guarded, group: RuleGroup, lits: list) -> None:
    if lits:
        switch = out.add(group)
        out.model.add_bool_and([x.Not() for x in lits]).only_enforce_if(switch)


def _starts_hitting(variables: Variables, meetings, slots: frozenset[int]) -> list:
    p = variables.problem
    return [
        var
        for m in meetings
        for t, var in variables.starts(m).items()
        if slots.intersection(p.meetings[m].covers(t))
    ]


def _time_groups(out: Guarded, data: SchoolData, variables: Variables, words: Words) -> None:
    p = out.problem
    grid = p.grid
    extra: dict[tuple[str, str], set[int]] = defaultdict(set)
    for c in data.constraints:
        if isinstance(c, Availability) and c.active and c.hard:
            extra[(c.target.kind, c.target.id)] |= grid.slots_of(c.slots)

    def acts(activity_ids) -> list[int]:
        return [m for a in activity_ids for m in p.activity_meetings.get(a, ())]

    people: list[tuple[str, str, frozenset[int], list[int]]] = []
    for t, resource in zip(data.teachers, p.teachers, strict=True):
        off = grid.slots_of(t.unavailable) | extra[("teacher", t.id)]
        people.append(("teacher", t.id, off, list(resource.meetings)))
    for g in data.groups:
        off = grid.slots_of(g.unavailable) | extra[("group", g.id)]
        if not off:
            continue
        under = data.leaf_groups([g.id])
        mine = acts(a.id for a in data.activities if data.leaf_groups(a.groups) & under)
        people.append(("group", g.id, off, mine))
    student_acts = _students_that_matter(data, away=set())
    for s in data.students:
        off = grid.slots_of(s.unavailable) | extra[("student", s.id)]
        if off:
            people.append(("student", s.id, off, acts(student_acts.get(s.id, ()))))
    for k, r in enumerate(data.rooms):
        off = grid.slots_of(r.unavailable) | extra[("room", r.id)]
        if off:
            only_here = [m for m, x in enumerate(p.meetings) if x.rooms == (k,)]
            people.append(("room", r.id, off, only_here))
    for kind, eid, off, meetings in people:
        if not off or not meetings:
            continue
        who = words.ref(kind, eid)
        for run in runs(grid, off):
            slots = frozenset(run)
            when = words.slots(run)
            group = RuleGroup(
                key=("time", kind, eid, str(run[0]), str(run[-1])),
                rule="availability",
                statement=f"{words.name(who)} is not available on {when}",
                relax=_allow(kind, words.name(who), when),
                entities=(who,),
                slots=slots,
            )
            _exclude(out, group, _starts_hitting(variables, meetings, slots))
    for activity in data.activities:
        for pin in activity.pins:
            if pin.start is None or pin.meeting >= len(activity.meetings):
                continue
            m = p.activity_meetings[activity.id][pin.meeting]
            t = grid.slot(pin.start)
            what = words.activity(activity.id)
            group = RuleGroup(
                key=("pin", activity.id, str(pin.meeting)),
                rule="pin",
                statement=f"{words.name(what)} meeting {pin.meeting + 1} is pinned to "
                f"{words.slot(t) if t is not None else pin.start}",
                relax=f"unpinning meeting {pin.meeting + 1} of {words.name(what)}",
                entities=(what,),
                slots=frozenset() if t is None else frozenset(p.meetings[m].covers(t)),
            )
            lits = [var for s, var in variables.starts(m).items() if s != t]
            _exclude(out, group, lits)
    for c in data.constraints:
        if not (c.active and c.hard) or not isinstance(c, PreferredTimes | ForbiddenTimes):
            continue
        slots = grid.slots_of(c.slots)
        lits = []
        for m in acts(c.activities):
            covers = p.meetings[m].covers
            for t, var in variables.starts(m).items():
                if isinstance(c, ForbiddenTimes):
                    bad = bool(slots.intersection(covers(t)))
                else:
                    bad = (t not in slots) if c.starts_only else not slots.issuperset(covers(t))
                if bad:
                    lits.append(var)
        _exclude(out, _rule_group(c, words, slots), lits)


def _allow(kind: str, name: str, when: str) -> str:
    if kind == "teacher":
        return f"allowing {name} to teach on {when}"
    if kind == "room":
        return f"opening {name} on {when}"
    return f"allowing lessons for {name} on {when}"


def _rule_group(c, words: Words, slots: frozenset[int] = frozenset()) -> RuleGroup:
    entities: list[EntityRef] = [words.constraint(c.id, c.kind)]
    target = getattr(c, "target", None)
    if target is not None:
        entities.append(words.ref(target.kind, target.id))
    entities.extend(words.activity(a) for a in getattr(c, "activities", ()))
    details = _details(c)
    about = words.names(entities[1:])
    statement = f'the hard rule "{c.id}" ({c.kind.replace("_", " ")}{details})'
    if about:
        statement += f" applies to {about}"
    if slots:
        statement += f", slots {words.slots(slots)}"
    return RuleGroup(
        key=("rule", c.id),
        rule=c.kind,
        statement=statement,
        relax=f'switching off the hard rule "{c.id}" ({c.kind.replace("_", " ")})',
        entities=tuple(entities),
        slots=slots,
    )


_PLAIN = {"id", "hard", "weight", "active", "note", "kind", "slots", "activities", "target"}


def _details(c) -> str:
    parts = []
    for name in type(c).model_fields:
        if name in _PLAIN:
            continue
        value = getattr(c, name)
        if value in ((), None, False, ""):
            continue
        parts.append(f"{name.replace('_', ' ')} {value}")
    return (": " + ", ".join(parts)) if parts else ""


def _guard_new(out: Guarded, switch, first: int) -> None:
    constraints = out.model.proto.constraints
    for i in range(first, len(constraints)):
        constraints[i].enforcement_literal.append(switch.index)


def _cap_groups(out, data: SchoolData, base: SchoolData, variables, words: Words) -> None:
    for k, t in enumerate(data.teachers):
        if t.max_slots_per_day is None and t.max_slots_per_week is None:
            continue
        teachers = list(base.teachers)
        teachers[k] = t
        sliced = BaseModel.model_copy(base, update={"teachers": tuple(teachers)})
        who = words.teacher(t.id)
        caps = []
        if t.max_slots_per_day is not None:
            caps.append(f"at most {t.max_slots_per_day} slot(s) a day")
        if t.max_slots_per_week is not None:
            caps.append(f"at most {t.max_slots_per_week} slot(s) a week")
        group = RuleGroup(
            key=("cap", t.id),
            rule="max_per_day" if t.max_slots_per_day is not None else "max_per_week",
            statement=f"{words.name(who)} may teach {' and '.join(caps)}",
            relax=f"lifting the teaching limit of {words.name(who)}",
            entities=(who,),
        )
        _sliced_build(out, group, sliced, variables, (max_per_day, max_per_week))


def _rule_groups(out, data: SchoolData, base: SchoolData, variables, words: Words) -> None:
    by_kind: dict[str, list] = defaultdict(list)
    for module in RULES:
        if module.__name__.rsplit(".", 1)[-1] in BACKGROUND_ONLY:
            continue
        names = getattr(module, "NAMES", None) or (getattr(module, "NAME", ""),)
        for name in names:
            by_kind[name].append(module)
    for c in data.constraints:
        if not (c.active and c.hard) or c.kind in TIME_KINDS or c.kind not in by_kind:
            continue
        sliced = BaseModel.model_copy(base, update={"constraints": (c,)})
        _sliced_build(out, _rule_group(c, words), sliced, variables, by_kind[c.kind])


def _sliced_build(out: Guarded, group: RuleGroup, sliced, variables, modules) -> None:
    """Build ``modules`` for the data slice (activities hidden, so the modules' built-in rules
    are not stated twice) and put every constraint they add behind the group's switch."""
    first = len(out.model.proto.constraints)
    problem = replace(out.problem, data=sliced, activities=())
    build = Build(out.model, variables, problem)
    for module in modules:
        module.build(build)
    if len(out.model.proto.constraints) > first:
        switch = out.add(group)
        _guard_new(out, switch, first)
