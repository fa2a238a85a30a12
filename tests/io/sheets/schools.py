"""A hypothesis strategy for small schools whose references all resolve.

Ids and names use an awkward alphabet on purpose: commas, quotes, semicolons and a leading '='
must survive lists and Excel's formula parsing. Day ids have no spaces (a 'Day Slot' cell is
split on spaces, so 'A' + 'B C' and 'A B' + 'C' could not be told apart).
"""

from __future__ import annotations

from datetime import time

from hypothesis import strategies as st

from scheduler.model import (
    Activity,
    Availability,
    Calendar,
    Course,
    CourseRequest,
    Day,
    IntervalMaxDays,
    MaxPerDay,
    MinDaysBetween,
    Pin,
    PreferredRooms,
    Room,
    SameStart,
    SchoolData,
    Slot,
    SlotRef,
    Student,
    StudentGroup,
    Subject,
    Teacher,
    Unsupported,
)
from scheduler.model.flex import FlexBlock, FlexOffering, FlexRequest
from scheduler.model.personal import (
    CycleDays,
    DayRule,
    LunchWave,
    LunchWindow,
    MaxMinutes,
    PersonalBlock,
)

ID_CHARS = "AbZ09 -_,;=\"'é"
ids = st.text(ID_CHARS, min_size=1, max_size=5).filter(lambda s: s == s.strip())
names = st.text("Ab z,;=\"'é-(1)", max_size=12).filter(lambda s: s == s.strip())
day_ids = st.text("MTWFx12", min_size=1, max_size=3)


def unique(strategy, lo: int, hi: int):
    return st.lists(strategy, min_size=lo, max_size=hi, unique=True)


def subset(items, lo: int = 0, hi: int = 4):
    """Up to ``hi`` distinct items in any order (at least ``lo``, which must be available)."""
    if not items:
        return st.just(())
    return st.permutations(list(items)).flatmap(
        lambda p: st.integers(lo, min(hi, len(p))).map(lambda k: tuple(p[:k]))
    )


@st.composite
def calendars(draw) -> Calendar:
    days = []
    for day_id in draw(unique(day_ids, 1, 3)):
        minute = draw(st.integers(7 * 60, 9 * 60))
        slots = []
        for slot_id in draw(unique(ids, 0, 4)):
            length = draw(st.integers(5, 60))
            start = time(minute // 60, minute % 60)
            minute += length
            end = time(minute // 60, minute % 60)
            minute += draw(st.integers(0, 10))
            kind = draw(st.sampled_from(["teaching", "teaching", "break", "lunch"]))
            slots.append(Slot(id=slot_id, name=draw(names), start=start, end=end, kind=kind))
        days.append(Day(id=day_id, name=draw(names), slots=tuple(slots)))
    return Calendar(days=tuple(days))


@st.composite
def schools(draw) -> SchoolData:
    calendar = draw(calendars())
    refs = [SlotRef(day=d.id, slot=s.id) for d in calendar.days for s in d.slots]
    slot_refs = subset(refs)
    maybe_int = st.none() | st.integers(0, 40)
    colours = st.none() | st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)

    subjects = [
        Subject(id=i, name=draw(names), color=draw(colours)) for i in draw(unique(ids, 1, 3))
    ]
    subject_ids = [s.id for s in subjects]
    teachers = [
        Teacher(
            id=i,
            name=draw(names),
            subjects=draw(subset(subject_ids)),
            unavailable=draw(slot_refs),
            max_slots_per_day=draw(maybe_int),
            max_slots_per_week=draw(maybe_int),
        )
        for i in draw(unique(ids, 0, 3))
    ]
    rooms = [
        Room(
            id=i,
            name=draw(names),
            capacity=draw(maybe_int),
            type=draw(st.sampled_from(["", "lab", "gym, big"])),
            features=draw(unique(ids, 0, 2).map(tuple)),
            building=draw(st.none() | ids),
            unavailable=draw(slot_refs),
        )
        for i in draw(unique(ids, 0, 3))
    ]
    groups: list[StudentGroup] = []
    for i in draw(unique(ids, 0, 3)):
        parents = draw(subset([g.id for g in groups]))
        groups.append(
            StudentGroup(
                id=i,
                name=draw(names),
                parents=parents,
                size=draw(st.integers(0, 30)),
                unavailable=draw(slot_refs),
            )
        )
    group_ids = [g.id for g in groups]
    teacher_ids = [t.id for t in teachers]
    room_ids = [r.id for r in rooms]
    meetings = st.lists(st.integers(1, 3), min_size=1, max_size=3).map(tuple)
    courses = [
        Course(
            id=i,
            name=draw(names),
            subject=draw(st.sampled_from(subject_ids)),
            grade=draw(st.none() | st.integers(-1, 12)),
            meetings=draw(st.just(()) | meetings),
            section_capacity=draw(st.none() | st.integers(1, 30)),
            sections=draw(maybe_int),
            teachers=draw(subset(teacher_ids)),
            room_types=draw(subset(["lab", "a,b"])),
            min_days_between=draw(st.integers(0, 2)),
            same_slot=draw(st.booleans()),
        )
        for i in draw(unique(ids, 0, 3))
    ]
    course_ids = [c.id for c in courses]
    requests = (
        st.lists(
            st.builds(
                CourseRequest,
                course=st.sampled_from(course_ids),
                required=st.booleans(),
                priority=st.integers(1, 3),
                alternates=subset(course_ids),
            ),
            max_size=3,
        ).map(tuple)
        if course_ids
        else st.just(())
    )
    students = [
        Student(
            id=i,
            name=draw(names),
            grade=draw(st.none() | st.integers(0, 12)),
            groups=draw(subset(group_ids)),
            unavailable=draw(slot_refs),
            requests=draw(requests),
        )
        for i in draw(unique(ids, 0, 3))
    ]
    student_ids = [s.id for s in students]
    activities = []
    for i in draw(unique(ids, 0, 3)):
        m = draw(meetings)
        pins = []
        for meeting in draw(subset(range(len(m)), 0, 2)):
            start = draw(st.none() | st.sampled_from(refs)) if refs else None
            room = draw(st.none() | st.sampled_from(room_ids)) if room_ids else None
            pins.append(Pin(meeting=meeting, start=start, room=room))
        activities.append(
            Activity(
                id=i,
                name=draw(names),
                subject=draw(st.sampled_from(subject_ids)),
                course=draw(st.none() | st.sampled_from(course_ids)) if course_ids else None,
                teachers=draw(subset(teacher_ids)),
                groups=draw(subset(group_ids)),
                students=draw(subset(student_ids)),
                meetings=m,
                min_days_between=draw(st.integers(0, 2)),
                room_types=draw(subset(["lab", "x"])),
                rooms=draw(subset(room_ids)),
                needs_room=draw(st.booleans()),
                size=draw(maybe_int),
                same_slot=draw(st.booleans()),
                pins=tuple(pins),
            )
        )
    activity_ids = [a.id for a in activities]
    rules = draw(_rules(teacher_ids, group_ids, room_ids, student_ids, activity_ids, refs))
    return SchoolData(
        name=draw(names.filter(bool) | st.just("School")),
        calendar=calendar,
        subjects=tuple(subjects),
        courses=tuple(courses),
        teachers=tuple(teachers),
        rooms=tuple(rooms),
        groups=tuple(groups),
        students=tuple(students),
        activities=tuple(activities),
        constraints=rules,
        **draw(_time(calendar, refs, teacher_ids, room_ids, group_ids, student_ids, activity_ids)),
    )


@st.composite
def _clock_span(draw) -> tuple[time, time]:
    start = draw(st.integers(6 * 60, 16 * 60))
    end = start + draw(st.integers(5, 120))
    return time(start // 60, start % 60), time(end // 60, end % 60)


def _length(span: tuple[time, time]) -> int:
    return (span[1].hour - span[0].hour) * 60 + span[1].minute - span[0].minute


@st.composite
def _time(draw, calendar, refs, teachers, rooms, groups, students, activities) -> dict:
    """Flex blocks, offerings and requests, and every kind of personalized time."""
    day_list = [d.id for d in calendar.days]
    days = subset(day_list, 0, 3)
    some_days = subset(day_list, 1, 3)
    who = {"students": subset(students, 0, 3), "groups": subset(groups, 0, 2)}
    maybe = lambda items: st.none() | st.sampled_from(items) if items else st.none()  # noqa: E731
    blocks = [
        FlexBlock(id=i, name=draw(names), slots=draw(subset(refs, 1)), groups=draw(subset(groups)))
        for i in (draw(unique(ids, 0, 2)) if refs else ())
    ]
    offerings = [
        FlexOffering(
            id=i,
            name=draw(names),
            block=draw(st.sampled_from([b.id for b in blocks])),
            kind=draw(st.sampled_from(["intervention", "enrichment", "study_hall", "advisory"])),
            teacher=draw(maybe(teachers)),
            room=draw(maybe(rooms)),
            capacity=draw(st.none() | st.integers(0, 30)),
            advisees=draw(subset(students)),
        )
        for i in (draw(unique(ids, 0, 3)) if blocks else ())
    ]
    requests = [
        FlexRequest(
            student=student,
            offering=offering,
            tier=draw(st.sampled_from(["mandatory", "teacher", "choice"])),
            rank=draw(st.integers(1, 3)),
            by=draw(maybe(teachers)),
            note=draw(names),
        )
        for student in students
        for offering in draw(subset([o.id for o in offerings], 0, 2))
    ]
    out: dict = {
        "flex_blocks": tuple(blocks),
        "flex_offerings": tuple(offerings),
        "flex_requests": tuple(requests),
    }
    spans = _clock_span()
    if day_list:
        out["personal_blocks"] = tuple(
            PersonalBlock(
                id=i,
                name=draw(names),
                kind=draw(
                    st.sampled_from(
                        ["internship", "work_based_learning", "dual_enrolment", "appointment"]
                    )
                ),
                place=draw(names),
                days=draw(some_days),
                start=(span := draw(spans))[0],
                end=span[1],
                students=draw(who["students"]),
                groups=draw(who["groups"]),
            )
            for i in draw(unique(ids, 0, 2))
        )
    out["day_rules"] = tuple(
        DayRule(
            id=i,
            name=draw(names),
            kind=draw(st.sampled_from(["late_start", "early_release"])),
            days=draw(days),
            time=draw(spans)[0],
            students=draw(who["students"]),
            groups=draw(who["groups"]),
        )
        for i in draw(unique(ids, 0, 2))
    )
    if day_list and activities:
        out["cycle_days"] = tuple(
            CycleDays(id=i, activities=draw(subset(activities, 1)), days=draw(some_days))
            for i in draw(unique(ids, 0, 2))
        )
    out["lunch_windows"] = tuple(
        LunchWindow(
            id=i,
            days=draw(days),
            start=(span := draw(spans))[0],
            end=span[1],
            minutes=draw(st.integers(1, _length(span))),
            students=draw(who["students"]),
            groups=draw(who["groups"]),
        )
        for i in draw(unique(ids, 0, 2))
    )
    out["max_minutes"] = tuple(
        MaxMinutes(
            id=i,
            days=draw(days),
            max_minutes=draw(st.integers(0, 400)),
            students=draw(who["students"]),
            groups=draw(who["groups"]),
        )
        for i in draw(unique(ids, 0, 2))
    )
    out["lunch_waves"] = tuple(
        LunchWave(
            id=i,
            name=draw(names),
            days=draw(days),
            start=(span := draw(spans))[0],
            end=span[1],
            capacity=draw(st.none() | st.integers(0, 300)),
            groups=draw(who["groups"]),
        )
        for i in draw(unique(ids, 0, 3))
    )
    return out


@st.composite
def _rules(draw, teachers, groups, rooms, students, activities, refs):
    targets = [("teacher", t) for t in teachers] + [("group", g) for g in groups]
    targets += [("room", r) for r in rooms] + [("student", s) for s in students]
    people = [t for t in targets if t[0] != "room"]
    out = []
    for rid in draw(unique(ids, 0, 5)):
        base = {
            "id": rid,
            "hard": draw(st.booleans()),
            "weight": draw(st.integers(1, 99)),
            "active": draw(st.booleans()),
            "note": draw(names),
        }
        choices = ["unsupported"]
        if targets:
            choices.append("availability")
        if people:
            choices += ["max_per_day", "interval_max_days"]
        if activities:
            choices += ["min_days_between", "preferred_rooms" if rooms else "min_days_between"]
        if len(activities) > 1:
            choices.append("same_start")
        kind = draw(st.sampled_from(choices))
        acts = subset(activities, 1, 3)

        def target(pool):
            kind_, id_ = draw(st.sampled_from(pool))
            return {"kind": kind_, "id": id_}

        if kind == "availability":
            out.append(Availability(**base, target=target(targets), slots=draw(subset(refs))))
        elif kind == "max_per_day":
            out.append(
                MaxPerDay(
                    **base,
                    target=target(people),
                    max_slots=draw(st.integers(0, 8)),
                    activities=draw(subset(activities)),
                )
            )
        elif kind == "interval_max_days":
            out.append(
                IntervalMaxDays(
                    **base,
                    target=target(people),
                    first_slot=draw(st.integers(0, 3)),
                    end_slot=draw(st.none() | st.integers(4, 8)),
                    max_days=draw(st.integers(0, 5)),
                )
            )
        elif kind == "min_days_between":
            out.append(
                MinDaysBetween(
                    **base,
                    activities=draw(acts),
                    min_days=draw(st.integers(1, 3)),
                    consecutive_if_same_day=draw(st.booleans()),
                )
            )
        elif kind == "preferred_rooms":
            out.append(PreferredRooms(**base, activities=draw(acts), rooms=draw(subset(rooms, 1))))
        elif kind == "same_start":
            two = subset(activities, 2, 3)
            out.append(
                SameStart(
                    **base,
                    activities=tuple(draw(two)),
                    part=draw(st.sampled_from(["time", "day", "period"])),
                )
            )
        else:
            fields = draw(
                st.dictionaries(
                    st.sampled_from(["a", "b;c", "x=y"]), st.integers() | names, max_size=3
                )
            )
            out.append(
                Unsupported(
                    **base, origin="fet", type=draw(ids), fields=fields, summary=draw(names)
                )
            )
    return tuple(out)
