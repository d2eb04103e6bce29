"""The thin Qt layer: one widget per screen, a FlowController mapping flow states to screens.

Importing it answers, for this package's modules and for the Qt-free ones loaded before Qt, the question
shiboken6 asks of every module imported once ``PySide6.QtCore`` is in: does it use PySide6 (for
``from __feature__ import snake_case`` …)? It asks by reading the module's whole source
(``inspect.getsource`` in ``PySide6.support.feature.feature_imported``): ~20 M instructions of the way
to the idle screen (docs/performance.md). The answers: 0 ("uses Qt, no feature"), the check's own, for this
package's modules and ``mynakiosk.app``; -1 for every module loaded before, which PySide6 treats as it
treats a module its table does not name ("not switched"): the Qt-free core, whose source may mention
PySide6 in a comment.
"""

import os
import sys


def _answer_pyside_feature_checks() -> None:
    import PySide6.QtCore  # noqa: F401  # shiboken6's feature table comes with it

    table = getattr(sys.modules.get("PySide6.support.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return  # a PySide6 without that table: it checks as it likes
    table.setdefault("mynakiosk.app", 0)  # imports PySide6, then this package: before the others
    table[__name__] = 0
    for name in list(sys.modules):
        table.setdefault(name, -1)
    try:
        files = os.listdir(__path__[0])
    except OSError:  # a bundle without the package's folder: its modules are checked as they come
        return
    for file in files:
        if file.endswith(".py"):
            table.setdefault(f"{__name__}.{file[:-3]}", 0)


_answer_pyside_feature_checks()
