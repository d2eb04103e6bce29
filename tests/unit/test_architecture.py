"""The rooms and arrows of DESIGN.md, checked on the source: hardware/ never imports kiosk or Qt,
and the flow and domain rooms never import Qt at all."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def files(room: str) -> list[Path]:
    found = sorted((ROOT / room).rglob("*.py"))
    assert found, f"no sources under {room}"
    return found


@pytest.mark.parametrize("path", files("hardware"), ids=lambda p: str(p.relative_to(ROOT)))
def test_hardware_imports_neither_kiosk_nor_qt(path):
    bad = {m for m in imported_modules(path) if m.split(".")[0] in {"kiosk", "PySide6", "qasync"}}
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


@pytest.mark.parametrize(
    "path",
    files("kiosk/flow") + files("kiosk/domain") + [ROOT / "kiosk/personas.py"],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_flow_and_domain_are_qt_free(path):
    bad = {m for m in imported_modules(path) if m.split(".")[0] in {"PySide6", "qasync"}}
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"
