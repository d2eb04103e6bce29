"""Python's cyclic garbage collection, done on the GUI thread only.

Automatic collection runs in whichever thread allocates when a generation's count passes its threshold:
the reader's hardware thread, the key warm-up thread or the PC/SC monitor as often as the GUI thread. A Qt
object caught in a reference cycle (a widget and a slot closed over it, the controller and its reception)
is then destroyed in that thread, which Qt does not allow (a QObject is deleted in the thread it lives in:
Qt's "Threads and QObjects"); it showed as rare crashes and a hang in the GUI tests. So automatic collection
is switched off and the GUI thread collects on a timer, by the same thresholds, as calibre's
``gui2.GarbageCollector`` does for the same reason.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the GUI thread collects: the young generation each time (a fraction of a millisecond: a
#: count of net allocations, Python's own trigger, can stay low while threads make and drop cycles), the
#: older ones when their counts pass Python's thresholds (about every 10 s and 100 s).
INTERVAL_MS = 1000


def collect_due() -> int:
    """Collect the young generation, and the oldest one whose count has passed its threshold (with the
    younger ones, as Python's own collector does); the number of unreachable objects found."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = [generation for generation in (1, 2) if counts[generation] > thresholds[generation]]
    return gc.collect(max(due, default=0))


class MainThreadCollector(QObject):
    """Switch off automatic garbage collection and collect on the thread this object lives in (the GUI
    thread) every ``interval_ms``; ``stop()`` gives collection back to Python as it was."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(collect_due)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self._was_enabled:
            gc.enable()
