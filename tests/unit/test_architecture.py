"""The rooms and arrows of docs/architecture.md, checked on the source.

- ``hardware/`` never imports the kiosk or Qt;
- the flow, the domain and the simulated back end never import Qt;
- ``kiosk/domain`` and ``kiosk/backend`` never import the flow or the UI; the domain (the bottom room)
  never imports the back end either;
- no import cycle among the source files.

Every import counts, also one inside a function or under ``TYPE_CHECKING``: a lazy import still ties the
files together, and a type-only one still says which room knows which.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Installed import name -> source folder (setuptools package-dir mapping in pyproject.toml).
PACKAGES = {"mynakiosk": "kiosk", "mynakiosk_hardware": "hardware"}


def imported_modules(path: Path) -> set[str]:
    """Every absolute module a file imports; ``from a import b`` names ``a.b`` too (b may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def files(room: str) -> list[Path]:
    found = sorted((ROOT / room).rglob("*.py"))
    assert found, f"no sources under {room}"
    return found


def module_name(path: Path) -> str:
    """``kiosk/flow/machine.py`` -> ``mynakiosk.flow.machine``."""
    relative = path.relative_to(ROOT).with_suffix("")
    folder_to_package = {folder: package for package, folder in PACKAGES.items()}
    parts = [folder_to_package[relative.parts[0]], *relative.parts[1:]]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def our_imports(path: Path, modules: set[str]) -> set[str]:
    """The project's own modules ``path`` imports (a name that is no module file stands for its package)."""
    found = set()
    for name in imported_modules(path):
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name and name != module_name(path):
            found.add(name)
    return found


def import_graph() -> dict[str, set[str]]:
    sources = files("kiosk") + files("hardware")
    modules = {module_name(p) for p in sources}
    graph = {module_name(p): our_imports(p, modules) for p in sources}
    # Importing a module runs its package's __init__ first: that is no edge worth a cycle, so packages'
    # __init__ files (which import nothing of ours) are left out of the edges.
    packages = {m for m, p in zip(map(module_name, sources), sources, strict=True) if p.name == "__init__.py"}
    return {m: targets - packages for m, targets in graph.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def rooms(*folders: str) -> list[Path]:
    return [path for folder in folders for path in files(folder)]


def ids(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_the_graph_sees_imports():
    """The checks below are only as good as the graph: it knows the edges everybody relies on."""
    graph = import_graph()
    assert "mynakiosk.flow.machine" in graph["mynakiosk.flow.reception"]
    assert "mynakiosk.domain.qualification" in graph["mynakiosk.backend.service"]
    assert "mynakiosk_hardware.jpki" in graph["mynakiosk.flow.card_io"]  # a lazy import counts
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    assert cycles(import_graph()) == []


@pytest.mark.parametrize("path", files("hardware"), ids=ids)
def test_hardware_imports_neither_kiosk_nor_qt(path):
    bad = {
        m for m in imported_modules(path) if m.split(".")[0] in {"kiosk", "mynakiosk", "PySide6", "qasync"}
    }
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


@pytest.mark.parametrize(
    "path",
    [*rooms("kiosk/flow", "kiosk/domain", "kiosk/backend", "kiosk/scenarios"), ROOT / "kiosk/personas.py"],
    ids=ids,
)
def test_flow_domain_and_backend_are_qt_free(path):
    bad = {m for m in imported_modules(path) if m.split(".")[0] in {"PySide6", "qasync"}}
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


@pytest.mark.parametrize("path", rooms("kiosk/domain", "kiosk/backend"), ids=ids)
def test_domain_and_backend_know_neither_flow_nor_ui(path):
    bad = {
        m
        for m in imported_modules(path)
        if m.startswith(("mynakiosk.flow", "mynakiosk.ui", "mynakiosk.scenarios"))
    }
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


@pytest.mark.parametrize("path", files("kiosk/domain"), ids=ids)
def test_the_domain_does_not_know_the_simulated_back_end(path):
    """The back end produces the domain's objects, not the other way round."""
    bad = {m for m in imported_modules(path) if m.startswith("mynakiosk.backend")}
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"
