"""Damaged files give a clear error or a valid project, never a crash: every reader, every mutator.

The CI run is short (``FLEXDAY_FUZZ_EXAMPLES`` inputs per reader and mutator, 15 by default,
fewer for a slow reader);
``FLEXDAY_FUZZ_EXAMPLES=2000 pytest tests/robustness`` or ``python -m tests.robustness.fuzz
--minutes 10`` run longer. Crashes found by fuzzing keep a named regression test below.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.io.errors import FileFormatError
from scheduler.io.fet import import_fet
from scheduler.io.sheets import SpreadsheetImportError
from tests.robustness import mutate
from tests.robustness.readers import (
    READERS,
    Reader,
    by_name,
    read_school_csv,
    read_school_workbook,
    try_input,
)

EXAMPLES = int(os.environ.get("FLEXDAY_FUZZ_EXAMPLES", "15"))
CASES = [(r, m) for r in READERS for m in sorted(r.mutators)]


@pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl on damaged headers and styles
@pytest.mark.parametrize(("reader", "mutator"), CASES, ids=[f"{r.name}-{m}" for r, m in CASES])
def test_damaged_input_is_refused_or_valid(reader: Reader, mutator: str, tmp_path: Path):
    @settings(
        max_examples=max(1, round(EXAMPLES * reader.ci_share)),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(seed=st.sampled_from(reader.seeds()), rnd=st.randoms(use_true_random=False))
    def damaged(seed: bytes, rnd: random.Random) -> None:
        try_input(reader, reader.mutators[mutator](seed, rnd), tmp_path)

    damaged()


@pytest.mark.parametrize("reader", READERS, ids=[r.name for r in READERS])
def test_seeds_are_valid(reader: Reader, tmp_path: Path):
    """The undamaged files open: otherwise every mutation would merely be refused."""
    for seed in reader.seeds():
        assert try_input(reader, seed, tmp_path) == "ok"


@pytest.mark.parametrize("reader", READERS, ids=[r.name for r in READERS])
@pytest.mark.parametrize(
    "data",
    [b"", b"\x00" * 64, b"\xff\xfe\x00", "é".encode("latin-1"), b"[" * 100_000, b"<" * 1000],
    ids=["empty", "nul", "bom16", "latin1", "deep", "angles"],
)
def test_garbage_is_refused(reader: Reader, data: bytes, tmp_path: Path):
    assert try_input(reader, data, tmp_path) == "refused"


# -- crashes the fuzzing found, one regression test each ------------------------------------------
def _small_fet(tmp_path: Path, old: str, new: str) -> Path:
    text = by_name("fet").seeds()[0].decode("utf-8")
    assert old in text
    path = tmp_path / "school.fet"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_fet_empty_name_element_is_an_empty_name(tmp_path):
    """Found by fuzzing: ``<Name/>`` (no text) raised AttributeError in ``name_of``."""
    path = _small_fet(tmp_path, "<Name>Glenda</Name>", "<Name/>")
    with pytest.raises(FileFormatError, match=r"school\.fet"):
        import_fet(path)


@pytest.mark.parametrize("number", ["inf", "-inf", "1e400", "99999999999999999999"])
def test_fet_infinite_or_huge_number_is_refused(tmp_path, number):
    """Found by fuzzing: ``<Duration>inf</Duration>`` raised OverflowError in ``int_of``."""
    path = _small_fet(tmp_path, "<Duration>1</Duration>", f"<Duration>{number}</Duration>")
    with pytest.raises(FileFormatError, match=r"school\.fet: line \d+, <Duration>"):
        import_fet(path)


def test_fet_unknown_encoding_in_the_declaration_is_refused(tmp_path):
    """Found by fuzzing: a flipped byte in ``encoding="UTF-8"`` raised LookupError."""
    path = _small_fet(tmp_path, 'encoding="UTF-8"', 'encoding="U-F-8"')
    with pytest.raises(FileFormatError, match=r"school\.fet: line 1: .*unknown encoding"):
        import_fet(path)


def _activities_csv(tmp_path: Path, old: str, new: str) -> Path:
    text = by_name("csv").seeds()[0].decode("utf-8-sig")
    assert old in text
    path = tmp_path / "Activities.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_csv_list_cell_with_a_quote_and_a_line_break_is_read(tmp_path):
    """Found by fuzzing: a list cell holding a quote and a line break (``1, "1"`` + Alt+Enter +
    ``1``) raised csv.Error in ``split_list``. A line break parts items, as it does unquoted."""
    old = '7A-MATH,,MATH,,T1,7A,"1, 1"'
    path = _activities_csv(tmp_path, old, '7A-MATH,,MATH,,T1,7A,"1, ""1""\n1"')
    result = read_school_csv(path)
    assert len(result.data.activity_by_id["7A-MATH"].meetings) == 3


def test_csv_list_cell_with_an_unclosed_quote_is_a_located_problem(tmp_path):
    """The same cell with its quote left open is one item, then a located problem, not a crash."""
    path = _activities_csv(
        tmp_path, '7A-MATH,,MATH,,T1,7A,"1, 1"', '7A-MATH,,MATH,,T1,7A,"""1, 1\n1"'
    )
    with pytest.raises(SpreadsheetImportError, match=r"Activities\.csv: .*\n  Activities!G2: "):
        read_school_csv(path)


def test_school_workbook_slot_id_past_the_length_limit_is_a_located_problem(tmp_path):
    """Found by fuzzing: 1e308 typed as a slot id reads as a 309-digit id, and building the
    ``Slot`` raised pydantic's ValidationError (ids hold at most 200 characters)."""
    import io

    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(by_name("sheets").seeds()[1]))
    ws = wb["Calendar"]
    assert ws["C1"].value == "Slot"
    ws["C2"] = 1e308
    path = tmp_path / "school.xlsx"
    wb.save(path)
    with pytest.raises(SpreadsheetImportError, match=r"school\.xlsx: .*\n  Calendar!C2: string sh"):
        read_school_workbook(path)


def test_mutators_change_the_file():
    """Guards the harness itself: a mutator that returned its seed would test nothing."""
    tried: set[tuple[bytes, str]] = set()
    for reader in READERS:
        seed = reader.seeds()[0]
        for name, mutator in reader.mutators.items():
            if (seed, name) in tried:  # readers sharing seeds and mutators (the workbooks)
                continue
            tried.add((seed, name))
            outs = {mutator(seed, random.Random(i)) for i in range(4)}
            assert outs - {seed}, f"{reader.name}/{name} never changed the file"


def test_json_mutator_can_nest_deeply():
    seed = by_name("flexday").seeds()[0]
    deepest = max(
        mutate.json_values(seed, random.Random(i)).count(b"[[[[[[[[[[") for i in range(200)
    )
    assert deepest > 100
