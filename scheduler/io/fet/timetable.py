"""FET's own timetables read as a Flexday solution, so the checker can score FET's work and ours
on one scale.

Two sources: a ``*_data_and_timetable.fet`` file (the input plus one starting-time and one room
constraint per placed activity; the last ones win, as FET appends them) and the
``*_teachers.xml`` / ``*_subgroups.xml`` grids fet-cl writes, also for partial timetables (an
activity without teachers appears only in the subgroups grid, so the sibling grid is read too).
"""

from __future__ import annotations

from pathlib import Path

from scheduler.io.errors import FileFormatError
from scheduler.io.fet.xml import Located, parse, text
from scheduler.model import Placement, SchoolData, Solution

_GRIDS = {"Teachers_Timetable", "Subgroups_Timetable", "Students_Timetable"}


def read_fet_timetable(path: str | Path, *, data: SchoolData) -> Solution:
    """The placements FET made, for the activities ``data`` has (an import of the input file)."""
    path = Path(path)
    doc = _read(path)
    if doc.root.tag in _GRIDS:
        found = _from_grid(doc)
        for suffix in ("_teachers.xml", "_subgroups.xml"):
            sibling = path.with_name(path.name.rsplit("_", 1)[0] + suffix)
            if sibling != path and sibling.exists():
                found = {**_from_grid(_read(sibling)), **found}
    elif doc.root.tag == "fet":
        found = _from_fet(doc)
    else:
        raise FileFormatError(path, f"<{doc.root.tag}> is neither a FET file nor a FET timetable")
    placements = []
    for aid, (day, hour, room) in sorted(found.items(), key=lambda x: int(x[0])):
        activity = data.activity_by_id.get(aid)
        if activity is None:
            continue
        keep = room if room in data.room_by_id else None
        placements.append(Placement(activity=aid, meeting=0, day=day, slot=hour, room=keep))
    return Solution(placements=tuple(placements), status="manual")


def _read(path: Path) -> Located:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FileFormatError(path, f"cannot be read ({exc.strerror or exc})") from None
    return parse(path, raw, root=None)


def _from_fet(doc: Located) -> dict[str, tuple[str, str, str | None]]:
    times: dict[str, tuple[str, str]] = {}
    rooms: dict[str, str] = {}
    for el in doc.root.iterfind("Time_Constraints_List/ConstraintActivityPreferredStartingTime"):
        if _hard_and_active(el):
            times[text(el, "Activity_Id")] = (text(el, "Preferred_Day"), text(el, "Preferred_Hour"))
    for el in doc.root.iterfind("Space_Constraints_List/ConstraintActivityPreferredRoom"):
        if _hard_and_active(el):
            rooms[text(el, "Activity_Id")] = text(el, "Room")
    return {a: (*when, rooms.get(a)) for a, when in times.items()}


def _hard_and_active(el) -> bool:
    return text(el, "Weight_Percentage") in ("100", "100.0") and text(el, "Active") != "false"


def _from_grid(doc: Located) -> dict[str, tuple[str, str, str | None]]:
    found: dict[str, tuple[str, str, str | None]] = {}
    for owner in doc.root:
        for day in owner.findall("Day"):
            for hour in day.findall("Hour"):
                activity = hour.find("Activity")
                if activity is None or not activity.get("id"):
                    continue
                room = hour.find("Room")
                found.setdefault(
                    activity.get("id"),
                    (
                        day.get("name", ""),
                        hour.get("name", ""),
                        room.get("name") if room is not None else None,
                    ),
                )
    return found
