"""The Qt binding itself: a regression seen in PySide6 6.12.0 would crash a kiosk left running all day."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    payload = Signal(object)


def test_emitting_signals_keeps_reference_counts(qapp):
    emitter = _Emitter()
    received = []
    emitter.payload.connect(received.append)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(100):  # few enough never to reach a refcount of zero on a broken binding
        emitter.plain.emit()
        emitter.payload.emit(None)
    # A broken binding loses one reference per emit (-100 or -200 here); allow for unrelated noise.
    assert sys.getrefcount(True) - before_true > -10
    assert sys.getrefcount(None) - before_none > -10
    assert len(received) == 100


def test_the_feature_table_says_of_the_ui_modules_what_pyside6_would_find(qapp):
    """mynakiosk.ui answers shiboken6's ``__feature__`` check for its own modules, so that PySide6 does not
    read their sources at start-up: every one that uses PySide6 is told 0 ("no feature: Qt as named"), as
    the check would; a Qt-free one may be told 0 or -1 (it calls no Qt, so either is the same)."""
    import importlib

    import pytest

    import mynakiosk.ui
    from mynakiosk.ui import main_window, pacing, screens, theme  # noqa: F401  # loaded, to be checked

    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 has no feature table: nothing is told")
    table = feature.pyside_feature_dict
    ours = [name for name in sys.modules if name.startswith("mynakiosk.ui.") or name == "mynakiosk.app"]
    assert len(ours) > 5
    for name in ours:
        uses_qt = feature._mod_uses_pyside(importlib.import_module(name))
        assert table.get(name) in ((0,) if uses_qt else (0, -1)), name
    assert table.get(mynakiosk.ui.__name__) == 0


def test_the_feature_table_is_told_in_the_order_the_app_imports():
    """As the kiosk starts: mynakiosk.app imports PySide6 first, then this package."""
    import subprocess

    code = (
        "import sys, mynakiosk.app\n"
        "table = sys.modules['PySide6.support.feature'].pyside_feature_dict\n"
        "print(table.get('mynakiosk.app'), table.get('mynakiosk.ui.main_window'))\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", **__import__("os").environ}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split() == ["0", "0"]
