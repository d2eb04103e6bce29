"""The rooms and arrows of docs/architecture.md, checked on the source.

- ``hardware/`` never imports the kiosk or Qt;
- the flow, the domain and the simulated back end never import Qt;
- ``kiosk/domain`` and ``kiosk/backend`` never import the flow or the UI; the domain (the bottom room)
  never imports the back end either;
- no import cycle among the source files.

Every import counts, also one inside a function or under ``TYPE_CHECKING``: a lazy import still ties the
files together, and a type-only one still says which room knows which. The rules hold over every module a
file loads, not only the ones it names (a room reaching Qt through a helper still loads Qt), and imports are
absolute (a relative one would slip past the names the rules read).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

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


def relative_imports(path: Path) -> list[int]:
    """The lines of ``from . import x`` / ``from ..a import b``: the rules read absolute names only, so a
    relative import would pass them unseen."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level > 0]


def reached(start: str, graph: dict[str, set[str]]) -> dict[str, str | None]:
    """Every module importing ``start`` loads, with the module that imports it (``None``: ``start`` itself).

    Importing ``a.b.c`` runs the packages ``a`` and ``a.b`` too, so their files count."""
    came_from: dict[str, str | None] = {start: None}
    todo = [start]
    while todo:
        module = todo.pop()
        parents = [module.rsplit(".", depth)[0] for depth in range(1, module.count(".") + 1)]
        for target in sorted({*graph.get(module, ()), *(p for p in parents if p in graph)}):
            if target not in came_from:
                came_from[target] = module
                todo.append(target)
    return came_from


def chain(module: str, came_from: dict[str, str | None]) -> str:
    links = [module]
    while (before := came_from[links[-1]]) is not None:
        links.append(before)
    return " <- ".join(links)


def forbidden(
    start: str, graph: dict[str, set[str]], imports: dict[str, set[str]], bad: Callable[[str], bool]
) -> list[str]:
    """The forbidden imports of ``start`` and of every module it loads, each with the import chain to it."""
    came_from = reached(start, graph)
    found = []
    for module in came_from:
        names = {name for name in imports.get(module, ()) if bad(name)}
        # ``from a import b`` names both a and a.b: one line for it is enough
        found += [f"{n} <- {chain(module, came_from)}" for n in names if n.rpartition(".")[0] not in names]
    return sorted(found)


@cache
def project() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The import graph with every edge (package ``__init__`` files included), and each module's imports."""
    sources = files("kiosk") + files("hardware")
    modules = {module_name(p) for p in sources}
    graph = {module_name(p): our_imports(p, modules) for p in sources}
    return graph, {module_name(p): imported_modules(p) for p in sources}


def transitively_forbidden(path: Path, bad: Callable[[str], bool]) -> list[str]:
    graph, imports = project()
    return forbidden(module_name(path), graph, imports, bad)


def test_the_graph_sees_imports():
    """The checks below are only as good as the graph: it knows the edges everybody relies on."""
    graph = import_graph()
    assert "mynakiosk.flow.machine" in graph["mynakiosk.flow.reception"]
    assert "mynakiosk.domain.qualification" in graph["mynakiosk.backend.service"]
    assert "mynakiosk_hardware.jpki" in graph["mynakiosk.flow.card_io"]  # a lazy import counts
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_a_rule_sees_through_the_modules_in_between():
    """A room may not reach a forbidden module through another of ours: loading it would load that too."""
    graph = {"p.low": {"p.mid"}, "p.mid": {"p.top"}, "p.top": set(), "p": set(), "p.other": set()}
    imports = {"p.low": {"os"}, "p.mid": {"p.top"}, "p.top": {"PySide6.QtWidgets"}, "p": {"qasync"}}
    found = forbidden("p.low", graph, imports, lambda name: name.startswith(("PySide6", "qasync")))
    assert found == ["PySide6.QtWidgets <- p.top <- p.mid <- p.low", "qasync <- p <- p.low"]


def test_a_relative_import_is_found(tmp_path):
    source = tmp_path / "module.py"
    source.write_text("import os\nfrom . import sibling\n\n\ndef f():\n    from ..up import x\n")
    assert relative_imports(source) == [2, 6]


@pytest.mark.parametrize("path", files("kiosk") + files("hardware"), ids=ids)
def test_no_relative_imports(path):
    assert relative_imports(path) == [], f"{ids(path)}: relative imports, write them absolute"


def test_no_import_cycles():
    assert cycles(import_graph()) == []


@pytest.mark.parametrize("path", files("hardware"), ids=ids)
def test_hardware_imports_neither_kiosk_nor_qt(path):
    bad = transitively_forbidden(
        path, lambda m: m.split(".")[0] in {"kiosk", "mynakiosk", "PySide6", "qasync"}
    )
    assert not bad, f"{ids(path)} imports {bad}"


@pytest.mark.parametrize(
    "path",
    [*rooms("kiosk/flow", "kiosk/domain", "kiosk/backend", "kiosk/scenarios"), ROOT / "kiosk/personas.py"],
    ids=ids,
)
def test_flow_domain_and_backend_are_qt_free(path):
    bad = transitively_forbidden(path, lambda m: m.split(".")[0] in {"PySide6", "qasync"})
    assert not bad, f"{ids(path)} imports {bad}"


@pytest.mark.parametrize("path", rooms("kiosk/domain", "kiosk/backend"), ids=ids)
def test_domain_and_backend_know_neither_flow_nor_ui(path):
    bad = transitively_forbidden(
        path, lambda m: m.startswith(("mynakiosk.flow", "mynakiosk.ui", "mynakiosk.scenarios"))
    )
    assert not bad, f"{ids(path)} imports {bad}"


@pytest.mark.parametrize("path", files("kiosk/domain"), ids=ids)
def test_the_domain_does_not_know_the_simulated_back_end(path):
    """The back end produces the domain's objects, not the other way round."""
    bad = transitively_forbidden(path, lambda m: m.startswith("mynakiosk.backend"))
    assert not bad, f"{ids(path)} imports {bad}"
