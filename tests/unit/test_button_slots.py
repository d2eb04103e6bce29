"""No button's clicked (or an action's triggered) is wired straight to a method with a parameter of its own.

Both signals pass ``checked`` (False); Qt hands it to the slot's first parameter, so ``save_log(path=None)``
got ``path=False`` and failed only when clicked, never when a test called the method.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "kiosk" / "ui"
CHECKED_SIGNALS = {"clicked", "triggered"}


def wired_methods(tree: ast.Module) -> list[tuple[ast.ClassDef, str, int]]:
    wired = []
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
        for call in (node for node in ast.walk(cls) if isinstance(node, ast.Call)):
            func = call.func
            if not (isinstance(func, ast.Attribute) and func.attr == "connect" and call.args):
                continue
            signal = func.value
            slot = call.args[0]
            if (
                isinstance(signal, ast.Attribute)
                and signal.attr in CHECKED_SIGNALS
                and isinstance(slot, ast.Attribute)
                and isinstance(slot.value, ast.Name)
                and slot.value.id == "self"
            ):
                wired.append((cls, slot.attr, call.lineno))
    return wired


def test_clicked_slots_take_no_argument() -> None:
    found = 0
    problems = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls, name, line in wired_methods(tree):
            found += 1
            method = next(
                (
                    f
                    for f in cls.body
                    if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef) and f.name == name
                ),
                None,
            )
            if method is None:
                continue  # inherited or a Qt slot: nothing to read here
            arguments = method.args
            if len(arguments.args) > 1 or arguments.vararg:  # checked goes to the first positional
                problems.append(f"{path.name}:{line} {cls.name}.{name}")
    assert found >= 10  # the scan still sees the buttons
    assert problems == []
