"""The CP-SAT model of the sectioning step, kept with the structure needed to hint it fully."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.model import SchoolData
from scheduler.solver.plan import class_courses
from scheduler.solver.stages.seating import Option, Want

W_REQUIRED = 10_000
W_FAIR = 3_000
W_ALTERNATE = 50
W_BALANCE = 1
UNLIMITED = 10_000

Key = tuple[str, int]
"""(course, time class index)."""


def elective_weight(priority: int) -> int:
    return max(200, 1_000 - 200 * (priority - 1))


@dataclass
class SeatModel:
    model: cp_model.CpModel
    choice: dict[tuple[str, Key], cp_model.IntVar] = field(default_factory=dict)
    wants: dict[str, list[Want]] = field(default_factory=dict)
    met: list[tuple[cp_model.IntVar, str, tuple[Key, ...]]] = field(default_factory=list)
    second: list[tuple[cp_model.IntVar, str, list]] = field(default_factory=list)
    over: list[tuple[cp_model.IntVar, Key, int]] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        data: SchoolData,
        classes,
        busy: dict[str, frozenset[int]],
        *,
        students=None,
        capacity: dict[Key, int] | None = None,
    ) -> SeatModel:
        """The model for ``students`` (default: all) and seats ``capacity`` (default: every seat
        of each time class). A part of the school is re-seated with the others' seats taken off
        the capacity; balance is then left out (it is about whole courses)."""
        sm = cls(cp_model.CpModel())
        terms = []
        seats: dict[Key, list] = defaultdict(list)
        with_class = class_courses(data)
        for student in data.students if students is None else students:
            if student.requests:
                terms += sm._student(
                    student, classes, busy[student.id], with_class.get(student.id, ()), seats
                )
        wanted = Counter(r.course for st in data.students for r in st.requests)
        for course, tcs in classes.items():
            total = sum(tc.capacity for tc in tcs)
            for k, tc in enumerate(tcs):
                lits = seats.get((course, k), [])
                cap = tc.capacity if capacity is None else capacity.get((course, k), 0)
                if len(lits) > cap:
                    sm.model.add(sum(lits) <= cap)
                if capacity is None and len(tcs) > 1 and lits and tc.capacity < UNLIMITED:
                    fair = -(-min(wanted[course], total) * tc.capacity // max(1, total))
                    over = sm.model.new_int_var(0, len(lits), f"over:{course}:{k}")
                    sm.model.add(over >= sum(lits) - fair)
                    sm.over.append((over, (course, k), fair))
                    terms.append(W_BALANCE * over)
        sm.model.minimize(sum(terms))
        return sm

    def _student(self, student, classes, busy, with_class, seats) -> list:
        model, sid = self.model, student.id
        terms = []
        per_slot: dict[int, list] = defaultdict(list)
        per_course: dict[str, list] = defaultdict(list)
        unmet = []
        mine = self.wants.setdefault(sid, [])
        for r in student.requests:
            if r.course in with_class:
                continue  # taught to them with their class already
            options: list[Option] = []
            for rank, course in enumerate((r.course, *r.alternates)):
                for k, tc in enumerate(classes.get(course, ())):
                    if tc.slots & busy:
                        continue
                    key = (course, k)
                    if (sid, key) not in self.choice:
                        lit = model.new_bool_var(f"e:{sid}:{course}:{k}")
                        self.choice[(sid, key)] = lit
                        seats[key].append(lit)
                        per_course[course].append(lit)
                        for t in tc.slots:
                            per_slot[t].append(lit)
                    options.append(Option(key, tc.slots, rank > 0))
            weight = W_REQUIRED if r.required else elective_weight(r.priority)
            mine.append(Want(weight, tuple(options)))
            if not options:
                unmet.append(1)
                terms.append(weight)
                continue
            met = model.new_bool_var(f"met:{sid}:{r.course}")
            model.add(sum(self.choice[(sid, o.key)] for o in options) == met)
            self.met.append((met, sid, tuple(o.key for o in options)))
            unmet.append(1 - met)
            terms.append(weight * (1 - met))
            alternates = [self.choice[(sid, o.key)] for o in options if o.alternate]
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

    def hint(self, picks: dict[str, list[Key]]) -> None:
        """A complete hint from a feasible seating, so CP-SAT starts from it at once."""
        chosen = {(sid, key) for sid, keys in picks.items() for key in keys}
        for (sid, key), lit in self.choice.items():
            self.model.add_hint(lit, (sid, key) in chosen)
        met_count: Counter[str] = Counter()
        requests: Counter[str] = Counter()
        for met, sid, keys in self.met:
            value = any((sid, k) in chosen for k in keys)
            self.model.add_hint(met, value)
            met_count[sid] += value
        for var, sid, unmet in self.second:
            constant = sum(1 for u in unmet if isinstance(u, int))
            requests[sid] = len(unmet)
            missing = constant + (len(unmet) - constant) - met_count[sid]
            self.model.add_hint(var, max(0, missing - 1))
        size = Counter(key for _, key in chosen)
        for var, key, fair in self.over:
            self.model.add_hint(var, max(0, size[key] - fair))

    def decode(self, solver: cp_model.CpSolver) -> dict[str, list[Key]]:
        out: dict[str, list[Key]] = defaultdict(list)
        for (sid, key), lit in self.choice.items():
            if solver.boolean_value(lit):
                out[sid].append(key)
        return dict(out)
