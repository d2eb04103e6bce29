"""A timer tests fire by hand, with the QTimer surface the controller uses (start, stop, timeout)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class FakeTimer(QObject):
    timeout = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.interval_ms: int | None = None
        self.active = False

    def start(self, msec: int) -> None:
        self.interval_ms = msec
        self.active = True

    def stop(self) -> None:
        self.active = False

    def fire(self) -> None:
        """Time runs out now. Refuses to fire a timer that nobody started."""
        if not self.active:
            raise AssertionError("the timer was not running")
        self.active = False
        self.timeout.emit()
