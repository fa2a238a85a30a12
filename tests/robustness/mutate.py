"""Ways to damage a good file: bytes, encodings, JSON values and XML elements.

Every mutator is ``mutate(seed: bytes, rnd: random.Random) -> bytes``. The CI tests hand them a
``Random`` driven by hypothesis (so a failure shrinks and replays); the long fuzz run
(``python -m tests.robustness.fuzz``) hands them a plain seeded ``Random``.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree as ET

Mutator = Callable[[bytes, random.Random], bytes]
DEEP = "DEEPNEST-"

HUGE_NUMBERS: tuple[Any, ...] = (
    10**30,
    -(10**30),
    2**63,
    -(2**63) - 1,
    2**31,
    -1,
    0,
    1e308,
    -1e308,
    float("inf"),
    float("-inf"),
    float("nan"),
    1e-320,
)
ODD_STRINGS: tuple[str, ...] = (
    "",
    " ",
    "\x00",
    "\ud800",  # a lone surrogate: valid in JSON escapes, not in UTF-8
    "é" * 3,
    "\u202e",
    "x" * 5000,
    "9" * 5000,
    "-1",
    "1e999",
    "NaN",
    "null",
    "true",
    "<&>",
    "25:99",
    "0:00",
    "23:59:60",
)


def _odd_value(rnd: random.Random) -> Any:
    kind = rnd.randrange(9)
    if kind == 0:
        return None
    if kind == 1:
        return rnd.choice((True, False))
    if kind == 2:
        return rnd.choice(HUGE_NUMBERS)
    if kind == 3:
        return rnd.choice(ODD_STRINGS)
    if kind == 4:
        return []
    if kind == 5:
        return {}
    if kind == 6:
        return [rnd.choice(HUGE_NUMBERS), rnd.choice(ODD_STRINGS), None]
    if kind == 7:
        return {"kind": rnd.choice(ODD_STRINGS), "id": rnd.choice(ODD_STRINGS)}
    return DEEP + str(rnd.choice((50, 2_000, 200_000)))


# -- bytes ----------------------------------------------------------------------------------------
def truncate(seed: bytes, rnd: random.Random) -> bytes:
    return seed[: rnd.randrange(len(seed) + 1)]


def flip_bytes(seed: bytes, rnd: random.Random) -> bytes:
    out = bytearray(seed)
    for _ in range(rnd.randint(1, 8)):
        if out:
            i = rnd.randrange(len(out))
            out[i] = rnd.randrange(256)
    return bytes(out)


def splice(seed: bytes, rnd: random.Random) -> bytes:
    """Cut out, repeat or insert a chunk."""
    n = len(seed)
    a = rnd.randrange(n + 1)
    b = min(n, a + rnd.choice((1, 4, 32, 512, 4096)))
    what = rnd.randrange(3)
    if what == 0:
        return seed[:a] + seed[b:]
    if what == 1:
        return seed[:b] + seed[a:b] * rnd.randint(1, 20) + seed[b:]
    junk = rnd.choice((b"\x00", b"\xff\xfe", b"{", b"]", b"<", b"&", b'"', b"\\u", b"\r\n"))
    return seed[:a] + junk * rnd.randint(1, 5) + seed[a:]


def reencode(seed: bytes, rnd: random.Random) -> bytes:
    """The same text in a wrong (or merely different) encoding."""
    text = seed.decode("utf-8", errors="replace")
    choice = rnd.randrange(6)
    if choice == 0:
        return text.encode("utf-16")
    if choice == 1:
        return text.encode("utf-16-le")
    if choice == 2:
        return text.encode("latin-1", errors="replace")
    if choice == 3:
        return b"\xef\xbb\xbf" + seed  # a UTF-8 byte order mark
    if choice == 4:
        return text.encode("cp1252", errors="replace")
    return text.encode("utf-32")


# -- JSON -----------------------------------------------------------------------------------------
def _json_nodes(node: Any, out: list[tuple[Any, Any]]) -> None:
    """Every (container, key) pair in a parsed document."""
    if isinstance(node, dict):
        for k, v in node.items():
            out.append((node, k))
            _json_nodes(v, out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.append((node, i))
            _json_nodes(v, out)


def json_values(seed: bytes, rnd: random.Random) -> bytes:
    """Swap types, put in huge numbers and odd strings, drop keys, duplicate list items."""
    doc = json.loads(seed)
    for _ in range(rnd.randint(1, 4)):
        nodes: list[tuple[Any, Any]] = []
        _json_nodes(doc, nodes)
        if not nodes:
            break
        parent, key = rnd.choice(nodes)
        action = rnd.randrange(5)
        if action <= 1:
            parent[key] = _odd_value(rnd)
        elif action == 2 and isinstance(parent, dict):
            del parent[key]
        elif action == 2 and isinstance(parent, list):
            parent.append(parent[key])  # a duplicate: same id twice
        elif action == 3 and isinstance(parent, dict):
            parent[rnd.choice(("extra", "id", "kind", "", "__proto__"))] = _odd_value(rnd)
        elif isinstance(parent[key], str):
            parent[key] = rnd.choice(ODD_STRINGS)
        elif isinstance(parent[key], int | float) and not isinstance(parent[key], bool):
            parent[key] = rnd.choice(HUGE_NUMBERS)
        else:
            parent[key] = _odd_value(rnd)
    return _dump_json(doc, rnd)


def _dump_json(doc: Any, rnd: random.Random) -> bytes:
    text = json.dumps(doc, ensure_ascii=rnd.random() < 0.5)
    text = re.sub(
        f'"{DEEP}(\\d+)"', lambda m: "[" * int(m.group(1)) + "0" + "]" * int(m.group(1)), text
    )
    return text.encode("utf-8", errors="surrogatepass")


# -- XML ------------------------------------------------------------------------------------------
XML_TEXTS: tuple[str, ...] = (
    "",
    "-1",
    "0",
    "99999999999999999999",
    "1e400",
    "nan",
    "inf",
    "true",
    "false",
    "100.5",
    "-0",
    "x" * 3000,
    "é",
    "a,b",
    "  ",
)


def xml_elements(seed: bytes, rnd: random.Random) -> bytes:
    """Change an element's text, drop it, repeat it, rename it, or nest it very deeply."""
    root = ET.fromstring(seed)
    for _ in range(rnd.randint(1, 4)):
        pairs = [(parent, child) for parent in root.iter() for child in parent]
        if not pairs:
            break
        parent, child = rnd.choice(pairs)
        action = rnd.randrange(6)
        if action <= 1:
            leaves = [el for el in child.iter() if len(el) == 0]
            rnd.choice(leaves).text = rnd.choice(XML_TEXTS)
        elif action == 2:
            parent.remove(child)
        elif action == 3:
            for _ in range(rnd.choice((1, 1, 5, 200))):
                parent.append(_copy(child))
        elif action == 4:
            siblings = [el.tag for el in root.iter()]
            child.tag = rnd.choice(siblings)
        else:
            child.text = DEEP + str(rnd.choice((10, 3_000, 50_000)))
    out = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    tag = rnd.choice(("Name", "x", "Activity"))
    return re.sub(
        DEEP.encode() + rb"(\d+)",
        lambda m: f"<{tag}>".encode() * int(m.group(1)) + f"</{tag}>".encode() * int(m.group(1)),
        out,
    )


def _copy(el: ET.Element) -> ET.Element:
    return ET.fromstring(ET.tostring(el))


BYTE_MUTATORS: dict[str, Mutator] = {
    "truncate": truncate,
    "flip": flip_bytes,
    "splice": splice,
    "encoding": reencode,
}
JSON_MUTATORS: dict[str, Mutator] = {**BYTE_MUTATORS, "json-values": json_values}
XML_MUTATORS: dict[str, Mutator] = {**BYTE_MUTATORS, "xml-elements": xml_elements}


# -- xlsx (a zip of XML parts) --------------------------------------------------------------------
def _rezip(seed: bytes, change) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(seed)) as src:
        parts = [(info.filename, src.read(info)) for info in src.infolist()]
    parts = change(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts:
            dst.writestr(name, data)
    return out.getvalue()


def _pick_part(parts: list[tuple[str, bytes]], rnd: random.Random) -> int:
    """Mostly a worksheet or the shared strings, where a reader's data is."""
    data_parts = [
        i for i, (name, _) in enumerate(parts) if "worksheets/" in name or "sharedStrings" in name
    ]
    if data_parts and rnd.random() < 0.8:
        return rnd.choice(data_parts)
    return rnd.randrange(len(parts))


def xlsx_part_xml(seed: bytes, rnd: random.Random) -> bytes:
    """Damage the XML inside one part of the workbook (elements, values, nesting)."""

    def change(parts):
        i = _pick_part(parts, rnd)
        name, data = parts[i]
        try:
            data = xml_elements(data, rnd)
        except ET.ParseError:
            data = splice(data, rnd)
        parts[i] = (name, data)
        return parts

    return _rezip(seed, change)


def xlsx_part_bytes(seed: bytes, rnd: random.Random) -> bytes:
    """Cut, flip or drop one part of the workbook."""

    def change(parts):
        i = _pick_part(parts, rnd)
        name, data = parts[i]
        action = rnd.randrange(4)
        if action == 0:
            del parts[i]
        else:
            parts[i] = (name, (truncate, flip_bytes, splice)[action - 1](data, rnd))
        return parts

    return _rezip(seed, change)


CELL_VALUES: tuple[Any, ...] = (
    None,
    "",
    " ",
    "=1/0",
    "=A1",
    "+1",
    "#N/A",
    10**15,
    -(10**15),
    1e308,
    0.5,
    -1,
    True,
    "x" * 32_000,
    "é\u202e",
    "2026-02-30",
    "25:61",
)


def xlsx_cells(seed: bytes, rnd: random.Random) -> bytes:
    """Put odd values in cells, as a person (or another program) might: through openpyxl."""
    import io
    from datetime import datetime

    from openpyxl import load_workbook
    from openpyxl.cell.cell import MergedCell

    wb = load_workbook(io.BytesIO(seed))
    for _ in range(rnd.randint(1, 10)):
        ws = rnd.choice(wb.worksheets)
        row = rnd.randint(1, max(ws.max_row, 1) + 2)
        col = rnd.randint(1, max(ws.max_column, 1) + 2)
        value = rnd.choice((*CELL_VALUES, datetime(1900, 1, 1), datetime(9999, 12, 31)))
        cell = ws.cell(row=row, column=col)
        if not isinstance(cell, MergedCell):
            cell.value = value
    if rnd.random() < 0.2 and len(wb.worksheets) > 1:
        wb.remove(rnd.choice(wb.worksheets))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


XLSX_MUTATORS: dict[str, Mutator] = {
    "truncate": truncate,
    "flip": flip_bytes,
    "part-xml": xlsx_part_xml,
    "part-bytes": xlsx_part_bytes,
    "cells": xlsx_cells,
}


# -- CSV (one sheet of the school-data import) ----------------------------------------------------
def csv_cells(seed: bytes, rnd: random.Random) -> bytes:
    """Edit a CSV as a person might: odd values in cells, a value copied from another cell (a
    repeated id, a name where a number goes), a row repeated or dropped, a column dropped."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(seed.decode("utf-8-sig"))))
    if not rows:
        return seed + b"\n,"
    for _ in range(rnd.randint(1, 6)):
        action = rnd.randrange(10)
        r = rnd.randrange(len(rows))
        width = max(len(rows[r]), 1)
        c = rnd.randrange(width + 1)
        if action <= 4:  # an odd value
            value = rnd.choice((*CELL_VALUES, *XML_TEXTS, "1;2", 'a"b', "\n", "0,5"))
        elif action <= 6:  # a value from elsewhere in the file
            other = rnd.choice(rows)
            value = rnd.choice(other) if other else ""
        elif action == 7:
            rows.insert(rnd.randrange(len(rows) + 1), list(rows[r]))
            continue
        elif action == 8:
            if len(rows) > 1:
                del rows[r]
            continue
        else:
            for row in rows:
                if c < len(row):
                    del row[c]
            continue
        row = rows[r]
        row.extend([""] * (c + 1 - len(row)))
        row[c] = "" if value is None else str(value)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8", errors="surrogatepass")


CSV_MUTATORS: dict[str, Mutator] = {**BYTE_MUTATORS, "csv-cells": csv_cells}
