"""The in-process virtual reader: the embedded default, no system service needed."""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from hardware.apdu import hexs
from hardware.readers.base import (
    CardJob,
    HardwareThreadGuard,
    NoCardError,
    Reader,
    ReaderEvent,
    ReaderEventKind,
    ReaderListener,
    T,
)

apdu_log = logging.getLogger("apdu")


class EmulatedCard(Protocol):
    def atr(self) -> bytes: ...
    def power_on(self) -> None: ...
    def power_off(self) -> None: ...
    def reset(self) -> None: ...
    def execute(self, apdu: bytes) -> bytes: ...


class _VirtualChannel:
    def __init__(self, reader: VirtualReader, card: EmulatedCard) -> None:
        self._reader = reader
        self._card = card

    def transmit(self, command: bytes) -> bytes:
        return self._reader._transmit(self._card, command)


class VirtualReader(Reader):
    """One card slot filled and emptied by ``insert(card)`` / ``remove()`` (the card picker, tests).

    ``latency`` adds a delay to each APDU on the hardware thread, to rehearse a slow reader.
    """

    def __init__(self, name: str = "Virtual reader (in-process)", latency: float = 0.0) -> None:
        self.description = name
        self.latency = latency
        self._lock = threading.Lock()
        self._card: EmulatedCard | None = None
        self._listener: ReaderListener | None = None
        self._guard = HardwareThreadGuard()
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="hardware", initializer=self._guard.claim
        )

    def start(self, listener: ReaderListener) -> None:
        self._listener = listener
        listener(ReaderEvent(ReaderEventKind.READER_ADDED, self.description))
        with self._lock:
            card = self._card
        if card is not None:
            listener(ReaderEvent(ReaderEventKind.CARD_INSERTED, self.description, card.atr()))

    def insert(self, card: EmulatedCard) -> None:
        """Place a card on the reader (removing any card already there first)."""
        if self._card is not None:
            self.remove()
        with self._lock:
            card.power_on()
            self._card = card
        self._emit(ReaderEvent(ReaderEventKind.CARD_INSERTED, self.description, card.atr()))

    def remove(self) -> None:
        """Take the card away; a command in flight fails with ``NoCardError``."""
        with self._lock:
            card, self._card = self._card, None
            if card is None:
                return
            card.power_off()
        self._emit(ReaderEvent(ReaderEventKind.CARD_REMOVED, self.description))

    @property
    def card(self) -> EmulatedCard | None:
        return self._card

    def card_present(self) -> bool:
        return self._card is not None

    def submit(self, job: CardJob[T]) -> Future[T]:
        def run() -> T:
            card = self._card
            if card is None:
                raise NoCardError("カードが置かれていません (no card on the reader)")
            return job(_VirtualChannel(self, card))

        return self._executor.submit(run)

    def _transmit(self, card: EmulatedCard, command: bytes) -> bytes:
        self._guard.check()
        if self.latency:
            time.sleep(self.latency)  # simulated reader speed, on the hardware thread only
        with self._lock:
            if self._card is not card:
                raise NoCardError("カードが取り外されました (the card was removed)")
            apdu_log.debug("> %s", hexs(command[:5]))
            answer = card.execute(bytes(command))
        apdu_log.debug("< %s", hexs(answer[-2:]))
        return answer

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._listener = None

    def _emit(self, event: ReaderEvent) -> None:
        if self._listener is not None:
            self._listener(event)
