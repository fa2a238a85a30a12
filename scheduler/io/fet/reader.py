"""Read a FET (.fet) file into a Flexday project, all or nothing.

Every FET activity (sub-activities of a split lesson included) becomes one Flexday activity with
one meeting, named by its FET Id, so rules that name single sub-activities map one to one. Each
constraint element is stated with a Flexday rule when one exists and otherwise kept as an
``unsupported`` rule, counted in the report and named by every solve. Weights: see
``report.WEIGHT_MAPPING``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from pydantic import ValidationError

from scheduler.io import guards
from scheduler.io.errors import FileFormatError
from scheduler.io.fet import map_activities, map_people, map_rooms, map_times, school
from scheduler.io.fet.context import Context, Weighted
from scheduler.io.fet.report import ImportReport
from scheduler.io.fet.xml import Located, parse, text
from scheduler.model import Project, Unsupported, find_problems

IMPLICIT = {"ConstraintBasicCompulsoryTime", "ConstraintBasicCompulsorySpace"}
HANDLERS = {
    **map_times.HANDLERS,
    **map_people.HANDLERS,
    **map_activities.HANDLERS,
    **map_rooms.HANDLERS,
}


@dataclass(frozen=True)
class FetImport:
    project: Project
    report: ImportReport


def import_fet(path: str | Path, *, scenario: str = "Main") -> FetImport:
    """The whole school of a .fet file as a project, with a report of what was kept how.

    Raises ``FileFormatError`` naming the line and element for anything FET itself would reject.
    """
    path = Path(path)
    guards.check_size(path, guards.MAX_FET_BYTES, what="FET file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(path, "no such file") from None
    except OSError as exc:
        raise FileFormatError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise FileFormatError(path, "is empty")
    doc = parse(path, raw)
    guards.check_counts(path, _counts(doc))
    report = ImportReport(
        file=path.name,
        fet_version=doc.root.get("version", ""),
        mode=text(doc.root, "Mode", "Official"),
    )
    ctx = school.read_entities(doc, report)
    _constraints(ctx)
    try:
        data = school.build(ctx, name=text(doc.root, "Institution_Name") or path.stem)
        project = Project.of(data, scenario=scenario)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise FileFormatError(path, f"cannot be represented: {where}: {first['msg']}") from None
    except ValueError as exc:
        raise FileFormatError(path, f"cannot be represented: {exc}") from None
    report.problems = [str(p) for p in find_problems(data)]
    return FetImport(project=project, report=report)


def _counts(doc: Located) -> dict[str, int]:
    """How many of each entity the file lists, before any is read."""

    def section(tag: str):
        found = doc.root.find(tag)
        return () if found is None else found

    def count(list_tag: str, *items: str) -> int:
        return sum(1 for el in doc.root.iterfind(f"{list_tag}//*") if el.tag in items)

    return {
        "teachers": count("Teachers_List", "Teacher"),
        "subjects": count("Subjects_List", "Subject"),
        "rooms": count("Rooms_List", "Room"),
        "groups": count("Students_List", "Year", "Group", "Subgroup"),
        "activities": count("Activities_List", "Activity"),
        "constraints": len(section("Time_Constraints_List"))
        + len(section("Space_Constraints_List")),
    }


def _constraints(ctx: Context) -> None:
    number = 0
    for list_tag in ("Time_Constraints_List", "Space_Constraints_List"):
        section = ctx.doc.root.find(list_tag)
        for el in section if section is not None else ():
            number += 1
            _one(ctx, el, number)


def _one(ctx: Context, el: Element, number: int) -> None:
    w = _weighted(ctx.doc, el, f"fet{number}")
    if el.tag in IMPLICIT:
        ctx.report.constraints_imported += 1
        return
    handler = HANDLERS.get(el.tag)
    outcome = handler(ctx, el, w) if handler is not None else map_times.UNSUPPORTED
    if outcome == map_times.DONE:
        ctx.report.constraints_imported += 1
        return
    if outcome == map_times.EMPTY:
        ctx.report.no_effect[el.tag] += 1
        return
    active = w.active and outcome == map_times.UNSUPPORTED
    (ctx.report.unsupported if active else ctx.report.unsupported_inactive)[el.tag] += 1
    ctx.constraints.append(
        Unsupported(
            id=w.id,
            hard=w.hard,
            weight=w.weight,
            active=active,
            origin="fet",
            type=el.tag,
            fields=_fields(el),
            summary=text(el, "Comments"),
        )
    )


def _weighted(doc: Located, el: Element, cid: str) -> Weighted:
    raw = text(el, "Weight_Percentage", "100")
    try:
        percent = float(raw)
    except ValueError:
        raise doc.error(el, f"Weight_Percentage {raw!r} is not a number") from None
    if not 0 <= percent <= 100:
        raise doc.error(el, f"Weight_Percentage {raw!r} is not between 0 and 100")
    active = text(el, "Active", "true").lower() != "false" and percent > 0
    hard = percent >= 100
    return Weighted(cid, hard, 1 if hard else max(1, round(percent * 100)), active)


def _fields(el: Element):
    """An element's children as plain JSON values (repeated children become lists)."""
    if len(el) == 0:
        return (el.text or "").strip()
    out: dict = {}
    for child in el:
        value = _fields(child)
        if child.tag in out:
            if not isinstance(out[child.tag], list):
                out[child.tag] = [out[child.tag]]
            out[child.tag].append(value)
        else:
            out[child.tag] = value
    return out
