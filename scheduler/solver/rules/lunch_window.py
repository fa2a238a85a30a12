"""A guaranteed free lunch: at least N minutes in a row without class inside a window, every day
(``lunch_window``). Always hard.

Per person and day, one boolean per stretch of the window long enough for lunch; one of them is
chosen and its teaching slots stay free. Breaks and lunch slots are free anyway, so a window that
holds a long enough break needs nothing. Seated students get the same choice in the seating step
(``scheduler.solver.stages.lunch``).
"""

from __future__ import annotations

from scheduler.model.personal import LUNCH_WINDOW, lunch_gaps
from scheduler.solver.rules.base import Build
from scheduler.solver.rules.personal_targets import resources

NAME = LUNCH_WINDOW


def build(b: Build) -> None:
    grid = b.problem.grid
    for rule in b.data.lunch_windows:
        gaps = {
            day: [grid.slots_of(g) for g in options]
            for day, options in lunch_gaps(b.data.calendar, rule).items()
            if options != ((),)
        }
        if not gaps:
            continue
        for resource in resources(b, rule):
            busy = b.vars.busy(resource)
            for day, options in gaps.items():
                free = [o for o in options if all(s not in busy for s in o)]
                if free:
                    continue  # some stretch the resource can never be taught in
                chosen = []
                for k, option in enumerate(options):
                    lit = b.model.new_bool_var(f"lunch:{rule.id}:{resource.id}:{day}:{k}")
                    for s in option:
                        b.model.add_implication(lit, busy[s].Not())
                    chosen.append(lit)
                b.model.add_bool_or(chosen)
