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
    bad = {
        m for m in imported_modules(path) if m.split(".")[0] in {"kiosk", "mynakiosk", "PySide6", "qasync"}
    }
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


@pytest.mark.parametrize(
    "path",
    files("kiosk/flow") + files("kiosk/domain") + [ROOT / "kiosk/personas.py"],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_flow_and_domain_are_qt_free(path):
    bad = {m for m in imported_modules(path) if m.split(".")[0] in {"PySide6", "qasync"}}
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_every_dataclass_says_what_it_is():
    """A dataclass without a docstring gets one made from ``inspect.signature`` when its module is imported:
    ~0.5 ms each at start-up (docs/performance.md), besides leaving the reader guessing."""
    missing = []
    for path in files("kiosk") + files("hardware"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            decorators = [d.func if isinstance(d, ast.Call) else d for d in node.decorator_list]
            if any(isinstance(d, ast.Name) and d.id == "dataclass" for d in decorators):
                if ast.get_docstring(node) is None:
                    missing.append(f"{path.relative_to(ROOT)}: {node.name}")
    assert not missing, missing
