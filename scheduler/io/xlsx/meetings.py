"""The editable Meetings sheet: one row per meeting, changed in Excel and read back.

Staff move lessons where they are used to working: they change a meeting's day, start slot, room
or pin in this sheet and hand the file back. The activity id and meeting number say which meeting
a row is; the other columns in grey are there to read, not to change. Days, slots and rooms are
written by name and read back by id or name, whatever the case and spacing. The reader checks
every row and reports every problem at once by sheet, row and column; it returns the rows as
they are, and the caller compares them with the scenario and asks the checker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.io.errors import FileFormatError
from scheduler.io.guards import open_workbook, sheet_rows
from scheduler.io.xlsx import styles
from scheduler.io.xlsx.cells import put_text
from scheduler.io.xlsx.lessons import Names
from scheduler.model import SchoolData, SlotRef, Solution

TITLE = "Meetings"
COLUMNS: tuple[tuple[str, float, bool, str], ...] = (
    # heading, width, editable, what the header comment says
    ("Activity id", 14, False, "Which activity the row is about. Do not change."),
    ("Meeting", 9, False, "Which of the activity's meetings (1 = its first). Do not change."),
    ("Activity", 26, False, "For reference."),
    ("Teachers", 24, False, "For reference: change teachers in Flexday."),
    ("Groups", 22, False, "For reference: change groups in Flexday."),
    ("Length", 8, False, "Slots the meeting lasts. For reference."),
    ("Day", 12, True, "Day of the meeting, by name or id. Clear Day and Start slot to unplace."),
    ("Start slot", 12, True, "First slot of the meeting on that day, by name or id."),
    ("Room", 16, True, "Room by name or id; empty for no room."),
    ("Pinned", 9, True, "yes: the next solve keeps this meeting where it is; no: free to move."),
)
HEADINGS = tuple(c[0] for c in COLUMNS)
EDIT_FILL = PatternFill("solid", fgColor="FFF2CC")
REFERENCE_FILL = PatternFill("solid", fgColor="F2F2F2")
YES = {"yes", "y", "true", "1", "x", "pinned"}
NO = {"no", "n", "false", "0", ""}


def write_meetings(ws: Worksheet, *, data: SchoolData, solution: Solution, footer: str) -> None:
    """Every meeting of every activity, placed or not, in catalogue order."""
    names = Names(data)
    for col, (heading, width, editable, note) in enumerate(COLUMNS, start=1):
        cell = ws.cell(1, col, heading)
        cell.font, cell.alignment, cell.border = styles.HEADER_FONT, styles.LEFT, styles.BORDER
        cell.fill = EDIT_FILL if editable else styles.HEADER_FILL
        cell.comment = Comment(note, "Flexday", width=220, height=70)
        ws.column_dimensions[get_column_letter(col)].width = width
    row = 1
    for activity in data.activities:
        pinned = {p.meeting for p in activity.pins}
        for m, length in enumerate(activity.meetings):
            row += 1
            placed = solution.placement(activity.id, m)
            day = slot = room = ""
            if placed is not None:
                d = data.calendar.day(placed.day)
                s = data.calendar.slot(SlotRef(day=placed.day, slot=placed.slot))
                day = d.label if d is not None else placed.day
                slot = s.label if s is not None else placed.slot
                room = names.room(placed.room)
            values = (
                activity.id,
                m + 1,
                names.lesson_title(activity),
                names.teachers(activity),
                names.groups(activity),
                length,
                day,
                slot,
                room,
                "yes" if m in pinned else "no",
            )
            for col, value in enumerate(values, start=1):
                cell = ws.cell(row, col)
                if isinstance(value, int):
                    cell.value = value
                else:
                    put_text(cell, value)
                if not COLUMNS[col - 1][2]:
                    cell.fill = REFERENCE_FILL
    last = max(row, 2)
    days = ",".join(d.label for d in data.calendar.days)
    labels = [d.label for d in data.calendar.days]
    if days and len(days) < 250 and not any("," in x or '"' in x for x in labels):
        _list(ws, f'"{days}"', f"G2:G{last}", "Pick one of the school's days.")
    _list(ws, '"yes,no"', f"J2:J{last}", "yes or no")
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    styles.set_page(ws, footer=footer, title_rows="1:1", centered=False)


def _list(ws: Worksheet, formula: str, area: str, prompt: str) -> None:
    check = DataValidation(type="list", formula1=formula, allow_blank=True)
    check.error, check.errorTitle, check.prompt = f"{prompt}", "Not in the list", prompt
    check.add(area)
    ws.add_data_validation(check)


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """One row as read back, with ids resolved; day and slot are None for 'not placed'."""

    activity: str
    meeting: int
    day: str | None
    slot: str | None
    room: str | None
    pinned: bool
    row: int


class MeetingsFileError(FileFormatError):
    """The sheet could not be read; ``problems`` lists each one as 'Meetings!G14: ...'."""

    def __init__(self, path: str | Path, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(path, f"{len(problems)} problem(s) in the Meetings sheet:\n{shown}{more}")


def read_meetings(path: str | Path, data: SchoolData) -> list[MeetingRow]:
    """The rows of the Meetings sheet of ``path``; raises MeetingsFileError naming every problem."""
    path = Path(path)
    # refuses a zip bomb or a huge sheet before openpyxl loads it; every failure, including damage
    # met while the sheet is streamed, is a FileFormatError naming the file
    wb = open_workbook(path, read_only=True, data_only=True)
    try:
        if TITLE not in wb.sheetnames:
            raise MeetingsFileError(path, [f"the workbook has no sheet named {TITLE!r}"])
        rows = list(sheet_rows(path, wb[TITLE], values_only=True))
    finally:
        wb.close()
    return _parse(path, rows, data)


def _parse(path: Path, rows: list[tuple], data: SchoolData) -> list[MeetingRow]:
    problems: list[str] = []
    header = [_text(v).casefold() for v in (rows[0] if rows else ())]
    cols: dict[str, int] = {}
    for heading in ("Activity id", "Meeting", "Day", "Start slot", "Room", "Pinned"):
        if heading.casefold() in header:
            cols[heading] = header.index(heading.casefold())
        else:
            problems.append(f"{TITLE}!1: missing column {heading!r}")
    if problems:
        raise MeetingsFileError(path, problems)

    days = _lookup([(d.id, d.label, d.id) for d in data.calendar.days])
    rooms = _lookup([(r.id, r.label, r.id) for r in data.rooms])
    out: list[MeetingRow] = []
    seen: dict[tuple[str, int], int] = {}
    for r, values in enumerate(rows[1:], start=2):
        if not any(_text(v) for v in values):
            continue

        def value(heading: str, values=values) -> str:
            i = cols[heading]
            return _text(values[i]) if i < len(values) else ""

        def where(heading: str, r=r) -> str:
            return f"{TITLE}!{get_column_letter(cols[heading] + 1)}{r}"

        before = len(problems)
        aid = value("Activity id")
        activity = data.activity_by_id.get(aid)
        if activity is None:
            problems.append(f"{where('Activity id')}: unknown activity {aid!r}")
        number = value("Meeting")
        meeting = int(number) - 1 if number.isdigit() else -1
        if activity is not None and not 0 <= meeting < len(activity.meetings):
            problems.append(
                f"{where('Meeting')}: activity {aid!r} has no meeting {number!r} "
                f"(it has {len(activity.meetings)})"
            )
        day_text, slot_text = value("Day"), value("Start slot")
        day = slot = None
        if day_text or slot_text:
            day = days.get(_key(day_text))
            if day is None:
                known = ", ".join(d.label for d in data.calendar.days)
                problems.append(f"{where('Day')}: unknown day {day_text!r} (days: {known})")
            else:
                found = data.calendar.day(day)
                slots = _lookup([(s.id, s.label, s.id) for s in found.slots])
                slot = slots.get(_key(slot_text))
                if slot is None:
                    known = ", ".join(s.label for s in found.slots)
                    problems.append(
                        f"{where('Start slot')}: {found.label} has no slot {slot_text!r} "
                        f"(slots: {known})"
                    )
        room_text = value("Room")
        room = rooms.get(_key(room_text)) if room_text else None
        if room_text and room is None:
            problems.append(f"{where('Room')}: unknown room {room_text!r}")
        pin_text = value("Pinned").casefold()
        if pin_text not in YES | NO:
            problems.append(f"{where('Pinned')}: {value('Pinned')!r} is not yes or no")
        key = (aid, meeting)
        if len(problems) == before and key in seen:
            problems.append(
                f"{where('Activity id')}: meeting {number} of {aid!r} is also on row {seen[key]}"
            )
        if len(problems) == before:
            seen[key] = r
            out.append(MeetingRow(aid, meeting, day, slot, room, pin_text in YES, r))
    if problems:
        raise MeetingsFileError(path, problems)
    return out


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


def _lookup(items: list[tuple[str, str, str]]) -> dict[str, str]:
    """Id or label (spacing and case ignored) -> id; ids win over another item's label."""
    out: dict[str, str] = {}
    for _, label, target in items:
        out.setdefault(_key(label), target)
    for ident, _, target in items:
        out[_key(ident)] = target
    return out
