"""The CP-SAT model of the sectioning step, built from students' wants and kept with the
structure needed to hint it fully."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.model import SchoolData
from scheduler.solver.plan import class_courses
from scheduler.solver.stages.seating import Cap, Option, Want, minutes_of

W_REQUIRED = 10_000
W_FAIR = 3_000
W_ALTERNATE = 50
W_BALANCE = 1
UNLIMITED = 10_000

Key = tuple[str, int]
"""(course, time class index)."""


def elective_weight(priority: int) -> int:
    return max(200, 1_000 - 200 * (priority - 1))


def collect_wants(
    data: SchoolData, classes, busy: dict[str, frozenset[int]]
) -> dict[str, list[Want]]:
    """Each student's requests as weighted wants over the time classes that fit them (requests
    met by a class lesson already are left out). Plain Python: the model is built from it."""
    with_class = class_courses(data)
    out: dict[str, list[Want]] = {}
    for student in data.students:
        if not student.requests:
            continue
        taken = with_class.get(student.id, ())
        mine: list[Want] = []
        for r in student.requests:
            if r.course in taken:
                continue
            options = [
                Option((course, k), tc.slots, rank > 0)
                for rank, course in enumerate((r.course, *r.alternates))
                for k, tc in enumerate(classes.get(course, ()))
                if not tc.slots & busy[student.id]
            ]
            weight = W_REQUIRED if r.required else elective_weight(r.priority)
            mine.append(Want(weight, tuple(options)))
        out[student.id] = mine
    return out


@dataclass
class SeatModel:
    model: cp_model.CpModel
    choice: dict[tuple[str, Key], cp_model.IntVar] = field(default_factory=dict)
    met: list[tuple[cp_model.IntVar, str, tuple[Key, ...]]] = field(default_factory=list)
    second: list[tuple[cp_model.IntVar, str, list]] = field(default_factory=list)
    over: list[tuple[cp_model.IntVar, Key, int]] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        wants: dict[str, list[Want]],
        capacity: dict[Key, int],
        *,
        balance: dict[Key, int] | None = None,
        keep: dict[str, list[Key]] | None = None,
        keep_weight: int = 0,
        caps: dict[str, list[Cap]] | None = None,
    ) -> SeatModel:
        """The model for the students in ``wants`` and the seats in ``capacity``. With
        ``balance`` (fair seats per time class), seats over the fair share cost a little. With
        ``keep`` (a repair), each of a student's earlier seats they lose costs ``keep_weight``."""
        sm = cls(cp_model.CpModel())
        terms = []
        seats: dict[Key, list] = defaultdict(list)
        for sid in sorted(wants):
            terms += sm._student(sid, wants[sid], seats)
            for cap in (caps or {}).get(sid, ()):
                sm._cap(sid, wants[sid], cap)
        for sid, keys in (keep or {}).items() if keep_weight else ():
            for key in keys:
                lit = sm.choice.get((sid, key))
                if lit is not None:
                    terms.append(keep_weight * (1 - lit))
        for key, lits in seats.items():
            cap = capacity.get(key, 0)
            if len(lits) > cap:
                sm.model.add(sum(lits) <= cap)
            if balance is not None and key in balance and len(lits) > balance[key]:
                over = sm.model.new_int_var(0, len(lits), f"over:{key[0]}:{key[1]}")
                sm.model.add(over >= sum(lits) - balance[key])
                sm.over.append((over, key, balance[key]))
                terms.append(W_BALANCE * over)
        sm.model.minimize(sum(terms))
        return sm

    def _student(self, sid: str, wants: list[Want], seats) -> list:
        model = self.model
        terms = []
        per_slot: dict[int, list] = defaultdict(list)
        per_course: dict[str, list] = defaultdict(list)
        unmet = []
        for want in wants:
            for o in want.options:
                if (sid, o.key) not in self.choice:
                    lit = model.new_bool_var(f"e:{sid}:{o.key[0]}:{o.key[1]}")
                    self.choice[(sid, o.key)] = lit
                    seats[o.key].append(lit)
                    per_course[o.key[0]].append(lit)
                    for t in o.slots:
                        per_slot[t].append(lit)
            if not want.options:
                unmet.append(1)
                terms.append(want.weight)
                continue
            met = model.new_bool_var(f"met:{sid}:{want.options[0].key[0]}")
            model.add(sum(self.choice[(sid, o.key)] for o in want.options) == met)
            self.met.append((met, sid, tuple(o.key for o in want.options)))
            unmet.append(1 - met)
            terms.append(want.weight * (1 - met))
            alternates = [self.choice[(sid, o.key)] for o in want.options if o.alternate]
            if alternates:
                terms.append(W_ALTERNATE * sum(alternates))
        for lits in per_course.values():
            if len(lits) > 1:
                model.add_at_most_one(lits)
        seen: set[tuple[int, ...]] = set()
        for lits in per_slot.values():
            key = tuple(sorted(v.index for v in lits))
            if len(lits) > 1 and key not in seen:
                seen.add(key)
                model.add_at_most_one(lits)
        if len(unmet) > 1:
            second = model.new_int_var(0, len(unmet), f"second:{sid}")
            model.add(second >= sum(unmet) - 1)
            self.second.append((second, sid, unmet))
            terms.append(W_FAIR * second)
        return terms

    def _cap(self, sid: str, wants: list[Want], cap: Cap) -> None:
        """Class minutes of the day within what ``max_minutes_per_day`` leaves."""
        terms = {}
        for want in wants:
            for o in want.options:
                minutes = minutes_of(o, cap)
                if minutes:
                    terms[o.key] = (minutes, self.choice[(sid, o.key)])
        if sum(m for m, _ in terms.values()) > cap[1]:
            self.model.add(sum(m * lit for m, lit in terms.values()) <= cap[1])

    def hint(self, picks: dict[str, list[Key]]) -> None:
        """A complete hint from a feasible seating, so CP-SAT starts from it at once."""
        chosen = {(sid, key) for sid, keys in picks.items() for key in keys}
        for (sid, key), lit in self.choice.items():
            self.model.add_hint(lit, (sid, key) in chosen)
        met_count: Counter[str] = Counter()
        for met, sid, keys in self.met:
            value = any((sid, k) in chosen for k in keys)
            self.model.add_hint(met, value)
            met_count[sid] += value
        for var, sid, unmet in self.second:
            self.model.add_hint(var, max(0, len(unmet) - met_count[sid] - 1))
        size = Counter(key for _, key in chosen)
        for var, key, fair in self.over:
            self.model.add_hint(var, max(0, size[key] - fair))

    def decode(self, solver: cp_model.CpSolver) -> dict[str, list[Key]]:
        out: dict[str, list[Key]] = defaultdict(list)
        for (sid, key), lit in self.choice.items():
            if solver.boolean_value(lit):
                out[sid].append(key)
        return dict(out)
