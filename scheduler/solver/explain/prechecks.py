"""Fast checks before any search: counting arguments that already show no timetable can exist
(and, for students who request courses, that some required requests cannot be met).

Each finding is a sentence a principal understands and names the entities by display name (with
the id). Data errors found by ``scheduler.model.validate`` (a room too small for every allowed
room, meetings longer than a day...) come first, reworded with names; compile's "no possible
start" is broken down by cause; then loads against free slots (teachers, groups, students,
rooms), lessons forced into the same slot, and students' required courses against their time.
"""

from __future__ import annotations

from collections import defaultdict

from scheduler.model import Activity, SchoolData
from scheduler.model.validate import find_problems
from scheduler.solver.compile import Problem, Resource, compile_problem
from scheduler.solver.explain.findings import EntityRef, Finding
from scheduler.solver.explain.words import Words
from scheduler.solver.plan import class_courses
from scheduler.solver.rules.room_capacity import room_sets
from scheduler.solver.timegrid import TimeGrid

MAX_PER_CHECK = 50


def data_findings(data: SchoolData) -> list[Finding]:
    """Problems in the data itself (the solver refuses such a school): reworded with names."""
    words = Words(data, TimeGrid.of(data.calendar))
    out = []
    for p in find_problems(data):
        kind = p.entity if p.entity in ("teacher", "group", "student", "room", "activity") else None
        refs: tuple[EntityRef, ...] = ()
        where = p.entity
        if kind is not None and p.id:
            ref = words.ref(kind, p.id)
            refs, where = (ref,), f"{kind} {words.name(ref)}"
        elif p.entity == "constraint" and p.id:
            ref = EntityRef("constraint", p.id, p.id)
            refs, where = (ref,), f'rule "{p.id}"'
        out.append(Finding("invalid_data", f"{where}: {p.message}", refs))
    return out


def prechecks(data: SchoolData, problem: Problem | None = None) -> list[Finding]:
    """Counting checks on valid data; ``problem`` is its compiled form (made when not given)."""
    problem = problem or compile_problem(data)
    words = Words(data, problem.grid)
    return [
        *_no_start(data, problem, words),
        *_no_room(data, problem, words),
        *_loads(data, problem, words),
        *_caps(data, problem, words),
        *_forced_clashes(problem, words),
        *_rooms(data, problem, words),
        *_required_courses(data, problem, words),
    ]


def _teaching(grid: TimeGrid) -> list[int]:
    return [t for t in range(grid.size) if grid.teaching[t]]


def _no_start(data: SchoolData, p: Problem, words: Words):
    """Meetings with no possible start, with what rules each start out."""
    for meeting in p.meetings:
        if meeting.starts:
            continue
        activity = p.activities[meeting.activity]
        what = words.activity(activity.id)
        refs: list[EntityRef] = [what]
        causes = []
        for t in activity.teachers:
            r = next(x for x in p.teachers if x.id == t)
            if r.unavailable:
                refs.append(words.teacher(t))
                causes.append(f"{words.name(refs[-1])} is away {words.slots(r.unavailable)}")
        leaves = {x.id: x for x in p.leaves}
        for g in sorted(data.leaf_groups(activity.groups)):
            if g in leaves and leaves[g].unavailable:
                refs.append(words.group(g))
                causes.append(
                    f"{words.name(refs[-1])} is away {words.slots(leaves[g].unavailable)}"
                )
        for c in data.constraints:
            timed = c.kind in ("preferred_times", "forbidden_times")
            if timed and c.active and c.hard and activity.id in c.activities:
                refs.append(words.constraint(c.id, c.kind))
                causes.append(f'the hard rule "{c.id}" ({c.kind.replace("_", " ")})')
        pin = activity.pin(meeting.number)
        if pin is not None and pin.start is not None:
            causes.append(f"it is pinned to {pin.start.day} {pin.start.slot}")
        because = "; ".join(causes) if causes else "breaks and day ends leave no room for it"
        yield Finding(
            "no_start",
            f"{words.name(what)} meeting {meeting.number + 1} ({meeting.duration} slot(s)) has no "
            f"possible time: {because}.",
            tuple(refs),
            fix=f"free a time for {words.name(what)}" if causes else None,
        )


def _no_room(data: SchoolData, p: Problem, words: Words):
    for activity in p.activities:
        if not activity.needs_room or not data.rooms:
            continue
        ms = p.activity_meetings[activity.id]
        if ms and not p.meetings[ms[0]].rooms:
            what = words.activity(activity.id)
            size = data.attendance(activity)
            types = f" of type {', '.join(activity.room_types)}" if activity.room_types else ""
            yield Finding(
                "room_capacity",
                f"No room{types} allowed for {words.name(what)} seats its {size} students "
                "(or a hard preferred-rooms rule leaves none).",
                (what,),
            )


def _free(grid: TimeGrid, r: Resource) -> int:
    return sum(1 for t in _teaching(grid) if t not in r.unavailable)


def _loads(data: SchoolData, p: Problem, words: Words):
    grid = p.grid
    for kind, resources in (("teacher", p.teachers), ("group", p.leaves), ("student", p.students)):
        shown = 0
        for r in resources:
            load = sum(p.meetings[m].duration for m in r.meetings)
            free = _free(grid, r)
            if load <= free:
                continue
            who = words.ref(kind, r.id)
            total = len(_teaching(grid))
            away = f" (away {words.slots(r.unavailable)})" if free < total else ""
            verb = "teaches" if kind == "teacher" else "has"
            acts = sorted({p.activities[p.meetings[m].activity].id for m in r.meetings})
            yield Finding(
                f"{kind}_load",
                f"{words.name(who)} {verb} {load} lesson slot(s) a week but is free for only "
                f"{free} of the {total} teaching slots{away}.",
                (who, *(words.activity(a) for a in acts)),
                words.refs(r.unavailable),
                fix=f"move {load - free} slot(s) of lessons away from {words.name(who)}"
                + (" or make them available more often" if away else ""),
            )
            shown += 1
            if shown >= MAX_PER_CHECK:
                break


def _caps(data: SchoolData, p: Problem, words: Words):
    grid = p.grid
    for t, r in zip(data.teachers, p.teachers, strict=True):
        load = sum(p.meetings[m].duration for m in r.meetings)
        who = words.teacher(t.id)
        if t.max_slots_per_week is not None and load > t.max_slots_per_week:
            yield Finding(
                "teacher_load",
                f"{words.name(who)} teaches {load} lesson slot(s) a week but may teach at most "
                f"{t.max_slots_per_week}.",
                (who,),
                fix=f"raise the weekly limit of {words.name(who)} to {load}",
            )
        if t.max_slots_per_day is not None:
            days = sum(
                min(
                    t.max_slots_per_day,
                    sum(1 for s in day if grid.teaching[s] and s not in r.unavailable),
                )
                for day in grid.day_ranges
            )
            if load > days:
                yield Finding(
                    "teacher_load",
                    f"{words.name(who)} teaches {load} lesson slot(s) a week, but a limit of "
                    f"{t.max_slots_per_day} a day on the days they are free allows only {days}.",
                    (who,),
                    fix=f"raise the daily limit of {words.name(who)}",
                )


def _forced(p: Problem, m: int) -> frozenset[int]:
    """Slots meeting ``m`` occupies whichever start it gets."""
    meeting = p.meetings[m]
    if not meeting.starts:
        return frozenset()
    slots = set(meeting.covers(meeting.starts[0]))
    for t in meeting.starts[1:]:
        slots &= set(meeting.covers(t))
        if not slots:
            break
    return frozenset(slots)


def _forced_clashes(p: Problem, words: Words):
    """Two lessons of one person forced (by pins or by availability) into the same slot."""
    forced = {m: _forced(p, m) for m in range(len(p.meetings))}
    seen: set[tuple[int, ...]] = set()
    for kind, resources in (("teacher", p.teachers), ("group", p.leaves), ("student", p.students)):
        for r in resources:
            by_slot: dict[int, list[int]] = defaultdict(list)
            for m in r.meetings:
                for s in forced[m]:
                    by_slot[s].append(m)
            for s, ms in sorted(by_slot.items()):
                key = tuple(sorted(ms))
                if len(ms) < 2 or key in seen:
                    continue
                seen.add(key)
                who = words.ref(kind, r.id)
                acts = [words.activity(p.activities[p.meetings[m].activity].id) for m in ms]
                pinned = any(
                    p.activities[p.meetings[m].activity].pin(p.meetings[m].number) for m in ms
                )
                how = "pinned or held by availability" if pinned else "held by availability"
                yield Finding(
                    "pin_clash" if pinned else "forced_clash",
                    f"{words.names(acts)} must {'both' if len(acts) == 2 else 'all'} take "
                    f"place {words.slot(s)} ({how}), but "
                    f"{words.name(who)} can be in only one lesson at a time.",
                    (who, *acts),
                    words.refs([s]),
                    fix=f"move or unpin one of {words.names(acts)}",
                )


def _rooms(data: SchoolData, p: Problem, words: Words):
    """Per set of rooms lessons can choose from: slot-hours over the week, and lessons forced
    into one slot, against the rooms of the set that are open."""
    grid = p.grid
    by_set: dict[frozenset[int], list[int]] = defaultdict(list)
    for m, meeting in enumerate(p.meetings):
        if meeting.rooms:
            by_set[frozenset(meeting.rooms)].append(m)
    teaching = _teaching(grid)
    for rooms in room_sets(set(by_set)):
        inside = [m for cand, ms in by_set.items() if cand <= rooms for m in ms]
        if not inside:
            continue
        names = [words.room(p.room_ids[k]) for k in sorted(rooms)]
        label = _rooms_label(data, p, rooms, words)
        need = sum(p.meetings[m].duration for m in inside)
        have = sum(1 for k in rooms for t in teaching if t not in p.room_unavailable[k])
        acts = sorted({p.activities[p.meetings[m].activity].id for m in inside})
        if need > have:
            yield Finding(
                "room_shortage",
                f"Lessons that can only use {label} need {need} room slot(s) a week, but those "
                f"rooms are open for only {have}.",
                (*names, *(words.activity(a) for a in acts[:20])),
                fix=f"add a room to {label} or allow other rooms for some of these lessons",
            )
            continue
        count: dict[int, list[int]] = defaultdict(list)
        for m in inside:
            for s in _forced(p, m):
                count[s].append(m)
        for s, ms in sorted(count.items()):
            open_rooms = sum(1 for k in rooms if s not in p.room_unavailable[k])
            if len(ms) > open_rooms:
                forced_acts = [words.activity(p.activities[p.meetings[m].activity].id) for m in ms]
                yield Finding(
                    "room_shortage",
                    f"{len(ms)} lessons that can only use {label} must take place "
                    f"{words.slot(s)}, but only {open_rooms} of those rooms are open then: "
                    f"{words.names(forced_acts)}.",
                    (*names, *forced_acts),
                    words.refs([s]),
                    fix=f"move one of these lessons or open another room of {label}",
                )


def _rooms_label(data: SchoolData, p: Problem, rooms: frozenset[int], words: Words) -> str:
    types = {data.rooms[k].type for k in rooms}
    same_type = [r for r in data.rooms if r.type in types]
    if len(types) == 1 and "" not in types and len(same_type) == len(rooms):
        kind = next(iter(types))
        return f"the {len(rooms)} room(s) of type {kind}"
    return words.names(words.room(p.room_ids[k]) for k in sorted(rooms))


def _required_courses(data: SchoolData, p: Problem, words: Words):
    """Students who request courses: required courses not yet in their timetable (sections are
    seated after the timetable is made), plus their lessons so far, against their free slots.
    A timetable may still exist; the student just cannot get every required course."""
    grid = p.grid
    teaching = _teaching(grid)
    class_load = {leaf.id: sum(p.meetings[m].duration for m in leaf.meetings) for leaf in p.leaves}
    with_class = class_courses(data)
    own: dict[str, list[Activity]] = defaultdict(list)
    for a in data.activities:
        for sid in a.students:
            own[sid].append(a)
    shown = 0
    for s in data.students:
        if not s.requests or not s.unavailable:
            continue
        taken = with_class.get(s.id, frozenset()) | {a.course for a in own[s.id] if a.course}
        courses = [
            data.course_by_id[r.course]
            for r in s.requests
            if r.required and r.course in data.course_by_id and r.course not in taken
        ]
        need = sum(sum(c.meetings) for c in courses)
        if not need:
            continue
        off = grid.slots_of(s.unavailable)
        free = sum(1 for t in teaching if t not in off)
        leaves = data.leaf_groups(s.groups)
        lessons = max((class_load.get(g, 0) for g in leaves), default=0)
        lessons += sum(sum(a.meetings) for a in own[s.id])
        if need + lessons <= free:
            continue
        who = words.student(s.id)
        also = f" plus {lessons} slot(s) of lessons already in the timetable" if lessons else ""
        yield Finding(
            "required_courses",
            f"{words.name(who)} needs {need} slot(s) a week for required courses "
            f"({', '.join(c.label for c in courses)}){also}, but is free for only {free} of "
            f"{len(teaching)} teaching slots (away {words.slots(off)}): not every required "
            "course can be given.",
            (who,),
            words.refs(off),
            fix=f"shorten the time {words.name(who)} is away or drop a required course",
        )
        shown += 1
        if shown >= MAX_PER_CHECK:
            break
