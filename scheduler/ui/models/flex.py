"""Table models for flex time: blocks, offerings and the students' requests for them."""

from __future__ import annotations

from typing import Any

from scheduler.model import FlexBlock, FlexOffering, FlexRequest, Problem, SlotRef
from scheduler.model.flex import TIER_ORDER
from scheduler.model.flex_refs import flex_dependents, flex_renamed, flex_without
from scheduler.ui.models.columns import Column
from scheduler.ui.models.table import EntityTableModel

KINDS = ("intervention", "enrichment", "study_hall", "advisory")
TIERS = TIER_ORDER[:3]


class _FlexModel(EntityTableModel):
    """Renames and deletes follow flex references (offerings name blocks, requests offerings)."""

    def _rename(self, item: Any, new_id: str) -> Any:
        new_id = type(item).model_validate({**item.model_dump(), "id": new_id}).id
        if any(x.id == new_id for x in self._rows):
            raise ValueError(f'"{new_id}" is already the id of another {self.entity}')
        return flex_renamed(self.doc.data, self.entity, item.id, new_id)

    def dependents(self, rows: list[int]) -> list[str]:
        return flex_dependents(self.doc.data, self.entity, {self._rows[r].id for r in rows})

    def remove(self, rows: list[int]) -> None:
        if not rows:
            return
        ids = {self._rows[r].id for r in rows}
        names = self.describe(self._rows[rows[0]]) if len(rows) == 1 else f"{len(rows)} rows"
        self.doc.replace_data(flex_without(self.doc.data, self.entity, ids), f"Delete {names}")


class FlexBlockModel(_FlexModel):
    entity, collection, prefix = "flex block", "flex_blocks", "FLEX"
    columns = (
        Column("ID", "id", width=80),
        Column("Name", "name", width=150),
        Column("Slots", "slots", "slots", width=200,
               tip="The window in the cycle, e.g. 'TUE FLEX, THU FLEX'"),
        Column("Groups", "groups", "ids", width=120,
               tip="Groups taking part (empty: every student)"),
    )  # fmt: skip

    def new_item(self) -> FlexBlock:
        cal = self.doc.data.calendar
        flex = [SlotRef(day=d.id, slot=s.id) for d in cal.days for s in d.slots if s.kind == "flex"]
        if not flex:
            raise ValueError("Add a slot of kind 'flex' to the calendar first: a block's window.")
        return FlexBlock(id=self.unique_id(), name="Flex time", slots=tuple(flex))


class FlexOfferingModel(_FlexModel):
    entity, collection, prefix = "flex offering", "flex_offerings", "FX"
    columns = (
        Column("ID", "id", width=80),
        Column("Name", "name", width=190),
        Column("Block", "block", width=70),
        Column("Kind", "kind", "choice", width=100, choices=KINDS),
        Column("Teacher", "teacher", optional=True, width=70),
        Column("Room", "room", optional=True, width=70),
        Column("Seats", "capacity", "int", optional=True, width=60,
               tip="Seats (empty: the room's capacity)"),
        Column("Advisees", None, "int", get=lambda o: len(o.advisees) or "", width=70,
               tip="Students for whom this is the default (their advisory)"),
    )  # fmt: skip

    def new_item(self) -> FlexOffering:
        blocks = self.doc.data.flex_blocks
        if not blocks:
            raise ValueError("Add a flex block first: every offering runs in one.")
        return FlexOffering(id=self.unique_id(), name="New offering", block=blocks[0].id)


class FlexRequestModel(EntityTableModel):
    entity, collection = "flex request", "flex_requests"
    columns = (
        Column("Student", "student", width=90),
        Column("Offering", "offering", width=90),
        Column("Tier", "tier", "choice", width=90, choices=TIERS,
               tip="mandatory > teacher > choice > default advisory"),
        Column("Rank", "rank", "int", width=50, tip="For choices: 1 is the first choice"),
        Column("By", "by", optional=True, width=70, tip="The teacher who asked"),
        Column("Note", "note", width=160),
    )  # fmt: skip

    def row_key(self, item: FlexRequest) -> str:
        return f"{item.student} → {item.offering}"

    def describe(self, item: FlexRequest) -> str:
        return f'flex request of "{item.student}" for "{item.offering}"'

    def _row_problems(self, item: FlexRequest) -> list[Problem]:
        if self._problems is None:
            self._problems = self.doc.problems_by_entity()
        return self._problems.get((self.entity, self.row_key(item)), [])

    def new_item(self) -> FlexRequest:
        data = self.doc.data
        if not data.students or not data.flex_offerings:
            raise ValueError("Add students and a flex offering first: a request joins the two.")
        return FlexRequest(student=data.students[0].id, offering=data.flex_offerings[0].id)

    def copy_of(self, item: FlexRequest, taken: set[str]) -> FlexRequest:
        return item.model_copy(update={"rank": item.rank + 1})

    def dependents(self, rows: list[int]) -> list[str]:
        return []

    def remove(self, rows: list[int]) -> None:
        if not rows:
            return
        gone = set(rows)
        kept = tuple(r for i, r in enumerate(self._rows) if i not in gone)
        label = self.describe(self._rows[rows[0]]) if len(rows) == 1 else f"{len(rows)} requests"
        self.doc.replace_data(self._store(kept), f"Delete {label}")
