"""Qt objects in reference cycles are freed on the GUI thread, never in a thread that happened to allocate."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, Qt

from mynakiosk.ui.collector import MainThreadCollector


def cycle_with_a_qobject(freed_in: list[str]) -> None:
    """A QObject held only by a reference cycle, noting the thread it is destroyed in."""

    class Holder:
        pass

    holder, thing = Holder(), QObject()
    holder.thing, thing.holder = thing, holder  # type: ignore[attr-defined]
    thing.destroyed.connect(
        lambda: freed_in.append(threading.current_thread().name), Qt.ConnectionType.DirectConnection
    )


def allocate_in_a_thread() -> None:
    """What a reader or warm-up thread does: allocate past every generation's threshold."""

    def work() -> None:
        for _ in range(50):
            kept = [[] for _ in range(20_000)]
            del kept

    worker = threading.Thread(target=work, name="reader-thread")
    worker.start()
    worker.join()


def test_without_the_collector_the_allocating_thread_frees_the_gui_s_objects(qapp) -> None:
    """Why the collector exists: Python collects in whichever thread allocates."""
    freed_in: list[str] = []
    enabled = gc.isenabled()
    gc.collect()
    gc.enable()
    try:
        cycle_with_a_qobject(freed_in)
        allocate_in_a_thread()
    finally:
        if not enabled:
            gc.disable()
    assert freed_in == ["reader-thread"]


def test_with_the_collector_the_gui_thread_frees_them(qtbot) -> None:
    freed_in: list[str] = []
    gc.collect()
    collector = MainThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        cycle_with_a_qobject(freed_in)
        allocate_in_a_thread()
        assert freed_in == []  # nothing collected in the reader's thread
        qtbot.waitUntil(lambda: bool(freed_in))
        assert freed_in == [threading.main_thread().name]
    finally:
        collector.stop()


def test_the_app_collects_on_its_gui_thread() -> None:
    """The QApplication the kiosk makes comes with the collector: automatic collection is off."""
    import os
    import subprocess
    import sys

    code = "import gc; from mynakiosk.app import application; application(); print(gc.isenabled())"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_start_up_pauses_collection_freezes_what_it_made_and_gives_collection_back() -> None:
    """``kiosk --check``: no automatic collection during start-up, what start-up made frozen once the window
    is up (never walked again), and automatic collection on again when main() returns; a command that opens
    no window leaves collection as it was."""
    import os
    import subprocess
    import sys

    code = (
        "import gc, mynakiosk.cli as cli\n"
        "seen, paused = [], []\n"
        "core = cli.import_core_before_qt\n"  # the first step after the pause
        "cli.import_core_before_qt = lambda **options: (paused.append(True), core(**options))[1]\n"
        "gc.callbacks.append(lambda phase, info: seen.append(bool(paused)) if phase == 'start' else None)\n"
        "status = cli.main(['--check'])\n"
        "print(status, paused == [True] and True not in seen, gc.get_freeze_count() > 10_000, gc.isenabled())\n"
        "gc.unfreeze()\n"
        "print(cli.main(['scenario', 'list']) == 0 and gc.isenabled() and gc.get_freeze_count() == 0)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    # No collection once paused (reading the command line before it may collect, as allocation goes);
    # without the pause, the window's start-up collects a dozen times, the older generations too.
    assert lines[1] == "0 True True True"  # after the check's own line
    assert lines[-1] == "True"
