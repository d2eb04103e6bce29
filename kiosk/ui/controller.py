"""FlowController: the QObject between the reader, the Qt-free reception session and the screens."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from hardware.jpki import Pin
from hardware.readers.base import CardChannel, Reader, ReaderEvent, ReaderEventKind
from kiosk.cards import CardPolicy
from kiosk.flow.reception import Reception, Snapshot

log = logging.getLogger("kiosk.controller")


class FlowController(QObject):
    """Turns reader events and key presses into reception calls, and reception snapshots into a signal.

    Reader events arrive on the reader's threads; ``_reader_event`` carries them to the GUI thread
    (a queued connection), so nothing here runs off the GUI thread.
    """

    snapshot_changed = Signal(object)  # Snapshot
    reader_status = Signal(str)
    _reader_event = Signal(object)  # ReaderEvent, emitted from any thread

    def __init__(
        self, reader: Reader, policy: CardPolicy | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self.reception = Reception(self._run_on_card, self.snapshot_changed.emit, policy)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._readers: set[str] = set()
        self._reader_event.connect(self._on_reader_event)

    def start(self) -> None:
        self.snapshot_changed.emit(self.reception.snapshot)
        self.reader.start(self._reader_event.emit)

    @property
    def snapshot(self) -> Snapshot:
        return self.reception.snapshot

    @property
    def busy(self) -> bool:
        """True while card work is in flight (tests and the screenshot script wait on this)."""
        return any(not t.done() for t in self._tasks)

    # -- patient actions -----------------------------------------------------------------------

    @Slot()
    def choose_pin(self) -> None:
        self.reception.choose_pin()

    @Slot()
    def back(self) -> None:
        self.reception.back()

    @Slot(str)
    def answer(self, key: str) -> None:
        """An answer on one of the choice screens, dispatched by the current state."""
        from kiosk.flow.machine import State

        state = self.reception.state
        if state is State.REGISTRATION:
            self.reception.register(key == "yes")
        elif state is State.CONSENT:
            if key == "all":
                self.reception.consent_all()
            else:
                self.reception.consent_individually()
        elif state is State.HIGH_COST:
            self.reception.high_cost(key == "yes")
        elif state is State.PRESCRIPTION:
            self.reception.prescription(key == "electronic")
        elif state is State.SUBSIDY:
            self.reception.subsidy(key == "yes")
        else:
            log.error("answer %r arrived in state %s", key, state.name)

    @Slot(object)
    def consent_detail(self, choices: dict[str, bool]) -> None:
        self.reception.consent_detail(choices)

    @Slot()
    def back_to_consent(self) -> None:
        self.reception.back_to_consent()

    def submit_pin(self, pin: Pin) -> None:
        self._spawn(self.reception.submit_pin(pin))

    # -- reader --------------------------------------------------------------------------------

    async def _run_on_card(self, job: Callable[[CardChannel], Any]) -> Any:
        return await asyncio.wrap_future(self.reader.submit(job))

    @Slot(object)
    def _on_reader_event(self, event: ReaderEvent) -> None:
        log.info("reader: %s %s", event.kind.value, event.reader)
        kind = event.kind
        if kind is ReaderEventKind.READER_ADDED:
            self._readers.add(event.reader)
            self.reader_status.emit(f"カードリーダー: {event.reader}")
            self.reception.reader_ready()
        elif kind is ReaderEventKind.READER_REMOVED:
            self._readers.discard(event.reader)
            if not self._readers:
                self.reader_status.emit("カードリーダーが接続されていません")
                self.reception.reader_lost("カードリーダーが接続されていません。接続を確認してください。")
        elif kind is ReaderEventKind.SERVICE_LOST:
            self._readers.clear()
            self.reader_status.emit("スマートカードサービスに接続できません")
            self.reception.reader_lost(event.detail or "スマートカードサービスに接続できません。")
        elif kind is ReaderEventKind.SERVICE_RESTORED:
            self.reader_status.emit("スマートカードサービスに再接続しました")
        elif kind is ReaderEventKind.CARD_INSERTED:
            self._spawn(self.reception.card_placed())
        elif kind is ReaderEventKind.CARD_REMOVED:
            self.reception.card_removed()

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:  # surface bugs the way qasync's asyncSlot does: through sys.excepthook
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        self.reader.close()
        self.reception.close()
