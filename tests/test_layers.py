"""Three rooms, one direction: the domain and its files never reach for Qt or the solver, and the
solver never reaches for Qt. Read from the source, so an import inside a function or under
``TYPE_CHECKING`` counts too, and nothing has to be importable for the test to run."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "scheduler"

RULES = {
    "scheduler.model": ("PySide6", "ortools", "scheduler.solver", "scheduler.ui"),
    "scheduler.io": ("PySide6", "ortools", "scheduler.solver", "scheduler.ui"),
    "scheduler.solver": ("PySide6", "scheduler.ui"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path) -> set[str]:
    """Every module an ``import`` or ``from ... import`` in the file names, made absolute."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def breaks(imported: str, forbidden: str) -> bool:
    return imported == forbidden or imported.startswith(forbidden + ".")


def modules_under(package: str) -> list[Path]:
    return sorted((ROOT.parent / package.replace(".", "/")).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(RULES))
def test_layer_imports(package: str) -> None:
    offences = [
        f"{module_name(path)} imports {imported}"
        for path in modules_under(package)
        for imported in sorted(imported_names(path))
        if any(breaks(imported, forbidden) for forbidden in RULES[package])
    ]
    assert offences == []


def test_the_walk_sees_every_kind_of_import(tmp_path: Path, monkeypatch) -> None:
    """Guard the guard: a forbidden import hidden in each usual way is found."""
    probe = tmp_path / "scheduler" / "model" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text(
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "import ortools.sat.python.cp_model\n"
        "from PySide6 import QtCore\n"
        "from ..solver import compile\n"
        "from .. import ui\n"
        "if TYPE_CHECKING:\n"
        "    from scheduler.solver.variables import Variables\n"
        "def later():\n"
        "    import PySide6.QtWidgets\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path / "scheduler")
    offending = {
        name
        for name in imported_names(probe)
        if any(breaks(name, forbidden) for forbidden in RULES["scheduler.model"])
    }
    assert {
        "ortools.sat.python.cp_model",
        "PySide6",
        "scheduler.solver",
        "scheduler.ui",
        "scheduler.solver.variables",
        "PySide6.QtWidgets",
    } <= offending
    assert not breaks("scheduler.uikit", "scheduler.ui")
